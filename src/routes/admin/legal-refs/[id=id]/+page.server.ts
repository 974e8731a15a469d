import { error, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { failField, parseForm } from '$lib/server/core/forms';
import {
	LegalRefError,
	editLegalReference,
	getLegalReference,
	legalReferenceHistory
} from '$lib/server/admin/legal-refs';
import { actorOf } from '$lib/server/core/request';
import { legalRefSchema } from '$lib/schemas/dossier';
import type { Actions, PageServerLoad } from './$types';

function refId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const ref = getLegalReference(locals.db, refId(params.id));
	if (!ref) error(404, translate(locals.locale, 'err.notFound'));
	return { ref, history: legalReferenceHistory(locals.db, ref.key) };
};

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const id = refId(params.id);
		const parsed = parseForm(legalRefSchema, await request.formData(), locals.locale, 'edit');
		if (!parsed.ok) return parsed.failure;
		let created: number;
		try {
			created = editLegalReference(locals.db, actorOf(locals), id, parsed.data).id;
		} catch (e) {
			if (e instanceof LegalRefError && e.code === 'not-found') error(404, 'Not found');
			if (e instanceof LegalRefError) {
				return failField(
					parsed.values,
					'number',
					translate(locals.locale, `legalRef.err.${e.code}` as MessageKey),
					locals.locale,
					'edit',
					409
				);
			}
			throw e;
		}
		redirect(303, `/admin/legal-refs/${created}?saved=1`);
	}
};
