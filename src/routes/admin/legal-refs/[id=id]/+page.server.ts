import { redirect } from '@sveltejs/kit';
import { editLegalReference, legalReferencePage } from '$lib/server/admin/legal-refs';
import { actorOf } from '$lib/server/core/request';
import { orNotFound, runAction } from '$lib/server/http';
import { legalRefSchema } from '$lib/schemas/dossier';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) =>
	orNotFound(() => legalReferencePage(locals.db, Number(params.id)), locals.locale);

export const actions: Actions = {
	// The form edits the version of its page: when another version was saved since (or the
	// form names another version), 409 with both values; "keep mine" saves over the newest.
	edit: (event) =>
		runAction(
			event,
			legalRefSchema,
			({ data, version }) => {
				const id = Number(event.params.id);
				const created = editLegalReference(
					event.locals.db,
					actorOf(event.locals),
					id,
					data,
					version
				);
				redirect(303, `/admin/legal-refs/${created.id}?saved=1`);
			},
			{ form: 'edit', fields: { 'not-current': 'number', full: 'number' } }
		)
};
