import { redirect } from '@sveltejs/kit';
import { createWard, WardError, wardInputFromForm } from '$lib/server/admin/wards';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { wardSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(wardSchema, await request.formData(), locals.locale);
		if (!parsed.ok) return parsed.failure;
		const input = wardInputFromForm(parsed.data);
		const extentError = () =>
			failField(parsed.values, 'south', translate(locals.locale, 'ward.err.extent'), locals.locale);
		if (!input) return extentError();
		let id: number;
		try {
			id = createWard(locals.db, actorOf(locals), input).id;
		} catch (e) {
			if (e instanceof WardError && e.code === 'duplicate-code') {
				return failField(
					parsed.values,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale
				);
			}
			if (e instanceof WardError && e.code === 'bad-extent') return extentError();
			throw e;
		}
		redirect(303, `/admin/wards/${id}?done=saved`);
	}
};
