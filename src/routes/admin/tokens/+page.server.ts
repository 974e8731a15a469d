import { error, redirect } from '@sveltejs/kit';
import {
	issueApiToken,
	listTokens,
	revokeApiToken,
	USER_ERROR_KEYS,
	UserError
} from '$lib/server/admin/users';
import { listWards } from '$lib/server/admin/wards';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { tokenSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	tokens: listTokens(locals.db),
	wards: listWards(locals.db).map((w) => ({ id: w.id, name: w.name })),
	done: url.searchParams.get('done')
});

export const actions: Actions = {
	// No redirect: the token is shown once, in this response only.
	issue: async ({ request, locals }) => {
		const parsed = parseForm(tokenSchema, await request.formData(), locals.locale, 'token');
		if (!parsed.ok) return parsed.failure;
		try {
			const { token } = issueApiToken(locals.db, actorOf(locals), parsed.data);
			return { issued: { name: parsed.data.name, token } };
		} catch (e) {
			if (e instanceof UserError) {
				return failField(
					parsed.values,
					'wardId',
					translate(locals.locale, USER_ERROR_KEYS[e.code]),
					locals.locale,
					'token'
				);
			}
			throw e;
		}
	},
	revoke: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
		try {
			revokeApiToken(locals.db, actorOf(locals), id);
		} catch (e) {
			if (e instanceof UserError) error(404, 'Not found');
			throw e;
		}
		redirect(303, '/admin/tokens?done=revoked');
	}
};
