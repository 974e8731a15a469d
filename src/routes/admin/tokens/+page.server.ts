import { redirect } from '@sveltejs/kit';
import { issueApiToken, listTokens, revokeApiToken } from '$lib/server/admin/users';
import { wardOptions } from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { intParam, notFound, recordId, runAction } from '$lib/server/http';
import { tokenSchema } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

/** Tokens per page, newest first (issued tokens are never deleted, so the list only grows). */
const PAGE_SIZE = 50;

export const load: PageServerLoad = ({ locals, url }) => ({
	tokens: listTokens(locals.db, {
		page: intParam(url, 'page', 1, 1, 100_000),
		pageSize: PAGE_SIZE
	}),
	wards: wardOptions(locals.db),
	done: url.searchParams.get('done')
});

export const actions: Actions = {
	// No redirect: the token is shown once, in this response only.
	issue: (event) =>
		runAction(
			event,
			tokenSchema,
			({ data }) => {
				const { token } = issueApiToken(event.locals.db, actorOf(event.locals), data);
				return { issued: { name: data.name, token } };
			},
			{ form: 'token' }
		),
	revoke: (event) =>
		runAction(event, null, ({ formData }) => {
			const id = recordId(formData.get('id')) ?? notFound(event.locals.locale);
			revokeApiToken(event.locals.db, actorOf(event.locals), id);
			redirect(303, '/admin/tokens?done=revoked');
		})
};
