import { error, redirect } from '@sveltejs/kit';
import {
	NormSetError,
	createNormSetVersion,
	getNormSet,
	normSetVersions
} from '$lib/server/needs/norm-sets';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { normSetEditSchema } from '$lib/schemas/needs';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

function setId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const set = getNormSet(locals.db, setId(params.id));
	if (!set) error(404, 'Not found');
	return { set, versions: normSetVersions(locals.db, set.key) };
};

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const id = setId(params.id);
		const set = getNormSet(locals.db, id);
		if (!set) error(404, 'Not found');
		const parsed = parseForm(
			normSetEditSchema(set.items.map((i) => i.id)),
			await request.formData(),
			locals.locale,
			'edit'
		);
		if (!parsed.ok) return parsed.failure;
		let created: number;
		try {
			created = createNormSetVersion(locals.db, actorOf(locals), id, parsed.data).id;
		} catch (e) {
			if (e instanceof NormSetError && e.code === 'not-current') {
				return failField(
					parsed.values,
					'name',
					translate(locals.locale, 'needs.admin.notCurrent'),
					locals.locale,
					'edit',
					409
				);
			}
			if (e instanceof NormSetError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/admin/norms/${created}?created=1`);
	}
};
