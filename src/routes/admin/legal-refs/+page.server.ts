import { redirect } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/i18n/vn-date';
import { createLegalReference, listLegalReferences } from '$lib/server/admin/legal-refs';
import { actorOf } from '$lib/server/core/request';
import { runAction } from '$lib/server/http';
import { legalRefCreateSchema } from '$lib/schemas/dossier';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	refs: listLegalReferences(locals.db),
	today: todayInVietnam()
});

export const actions: Actions = {
	create: (event) =>
		runAction(
			event,
			legalRefCreateSchema,
			({ data: { key, ...input } }) => {
				const ref = createLegalReference(event.locals.db, actorOf(event.locals), key, input);
				redirect(303, `/admin/legal-refs/${ref.id}?saved=1`);
			},
			{ form: 'create', fields: { full: 'key' } }
		)
};
