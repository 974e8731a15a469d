import { redirect } from '@sveltejs/kit';
import {
	createNormSetVersion,
	getNormSet,
	normSetFormValues,
	normSetPage
} from '$lib/server/needs/norm-sets';
import { actorOf } from '$lib/server/core/request';
import { orNotFound, runAction } from '$lib/server/http';
import { normSetEditSchema } from '$lib/schemas/needs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) =>
	orNotFound(() => normSetPage(locals.db, Number(params.id)), locals.locale);

export const actions: Actions = {
	// The form edits the version of its page: when another version was saved since (or the
	// form names another version), 409 with both values (the newest version's, under this
	// form's field names); "keep mine" writes the next version over the newest.
	edit: (event) => {
		const { db } = event.locals;
		const id = Number(event.params.id);
		const { set } = orNotFound(() => normSetPage(db, id), event.locals.locale);
		return runAction(
			event,
			normSetEditSchema(set.items.map((i) => i.id)),
			({ data, version }) => {
				const created = createNormSetVersion(db, actorOf(event.locals), id, data, version);
				redirect(303, `/admin/norms/${created.id}?created=1`);
			},
			{
				form: 'edit',
				theirs: (e) => {
					const current = e.current ? getNormSet(db, e.id) : undefined;
					return current ? normSetFormValues(current, set) : {};
				}
			}
		);
	}
};
