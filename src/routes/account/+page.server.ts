import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/server/admin/users';
import { actorOf, clientIp } from '$lib/server/core/request';
import { translate, type MessageKey } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ me: locals.user });

const REASONS: Record<string, MessageKey> = {
	'wrong-current': 'account.wrongCurrent',
	mismatch: 'account.mismatch',
	'too-short': 'account.tooShort',
	'too-long': 'err.tooLong',
	'too-simple': 'account.tooSimple'
};

export const actions: Actions = {
	password: async (event) => {
		const { request, locals } = event;
		if (!locals.user) {
			return fail(401, { message: translate(locals.locale, 'err.unauthorized'), ok: false });
		}
		const data = await request.formData();
		const result = await changePassword(locals.db, actorOf(locals), locals.user.id, {
			current: String(data.get('current') ?? ''),
			next: String(data.get('next') ?? ''),
			confirm: String(data.get('confirm') ?? ''),
			keepSession: locals.user.sessionId,
			ip: clientIp(event)
		});
		if (!result.ok && result.reason === 'throttled') {
			const minutes = Math.max(1, Math.ceil(result.retryAfterS / 60));
			return fail(429, {
				ok: false,
				message: translate(locals.locale, 'login.throttled', { minutes: String(minutes) })
			});
		}
		if (!result.ok) {
			return fail(400, {
				ok: false,
				message: translate(locals.locale, REASONS[result.reason], { max: '200' })
			});
		}
		return { ok: true, message: translate(locals.locale, 'account.changed') };
	}
};
