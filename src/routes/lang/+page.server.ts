import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { safeNext } from '$lib/server/core/request';
import type { Actions } from './$types';

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
		// Only same-site paths are followed after switching language.
		const next = data.get('next');
		redirect(303, safeNext(typeof next === 'string' ? next : null));
	}
};
