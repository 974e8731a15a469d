import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import type { Actions } from './$types';

/** Only same-site paths are followed after switching language. */
function safeNext(next: FormDataEntryValue | null): string {
	return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const data = await request.formData();
		const lang = data.get('lang');
		if (isLocale(lang)) {
			cookies.set(LOCALE_COOKIE, lang, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				maxAge: 60 * 60 * 24 * 365
			});
		}
		redirect(303, safeNext(data.get('next')));
	}
};
