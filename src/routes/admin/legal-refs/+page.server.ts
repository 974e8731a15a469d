import { redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { todayInVietnam } from '$lib/i18n/vn-date';
import { failField, parseForm } from '$lib/server/core/forms';
import {
	LegalRefError,
	createLegalReference,
	listLegalReferences
} from '$lib/server/admin/legal-refs';
import { actorOf } from '$lib/server/core/request';
import { legalRefCreateSchema } from '$lib/schemas/dossier';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	refs: listLegalReferences(locals.db),
	today: todayInVietnam()
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const parsed = parseForm(
			legalRefCreateSchema,
			await request.formData(),
			locals.locale,
			'create'
		);
		if (!parsed.ok) return parsed.failure;
		const { key, ...input } = parsed.data;
		let id: number;
		try {
			id = createLegalReference(locals.db, actorOf(locals), key, input).id;
		} catch (e) {
			if (e instanceof LegalRefError) {
				return failField(
					parsed.values,
					'key',
					translate(locals.locale, `legalRef.err.${e.code}` as MessageKey),
					locals.locale,
					'create',
					409
				);
			}
			throw e;
		}
		redirect(303, `/admin/legal-refs/${id}?saved=1`);
	}
};
