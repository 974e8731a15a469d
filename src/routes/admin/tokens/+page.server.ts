import { redirect } from '@sveltejs/kit';
import { issueApiToken, listTokens, revokeApiToken } from '$lib/server/admin/users';
import { listWards } from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { notFound, recordId, runAction } from '$lib/server/http';
import { tokenSchema } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	tokens: listTokens(locals.db),
	wards: listWards(locals.db).map((w) => ({ id: w.id, name: w.name })),
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
