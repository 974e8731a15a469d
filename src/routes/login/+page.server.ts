import { fail, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { login } from '$lib/server/auth/login';
import { clientIp, safeNext } from '$lib/server/core/request';
import { sampleMode } from '$lib/server/core/startup';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')), sample: sampleMode() };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, cookies, url } = event;
		const data = await request.formData();
		const username = String(data.get('username') ?? '').slice(0, 100);
		const password = String(data.get('password') ?? '').slice(0, 200);
		const next = safeNext(String(data.get('next') ?? url.searchParams.get('next') ?? '/'));
		if (!username || !password) {
			return fail(400, { username, message: translate(locals.locale, 'login.invalid') });
		}
		const result = await login(locals.db, username, password, {
			ip: clientIp(event),
			userAgent: request.headers.get('user-agent')
		});
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const minutes = Math.max(1, Math.ceil(result.retryAfterS / 60));
				return fail(429, {
					username,
					message: translate(locals.locale, 'login.throttled', { minutes: String(minutes) })
				});
			}
			return fail(400, { username, message: translate(locals.locale, 'login.invalid') });
		}
		cookies.set(SESSION_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: new Date(result.expiresAt)
		});
		redirect(303, next);
	}
};
