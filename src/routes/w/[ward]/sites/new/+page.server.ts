import { redirect } from '@sveltejs/kit';
import { failField } from '$lib/server/core/forms';
import {
	chosenFiles,
	PhotoError,
	removePhotoFiles,
	storePhotos
} from '$lib/server/inventory/photos';
import { actorOf } from '$lib/server/core/request';
import { readSiteForm } from '../site-form.server';
import { createSite, SiteError, wardGeo } from '$lib/server/sites';
import { formValues } from '$lib/server/core/forms';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ geo: wardGeo(locals.db, locals.ward!.id) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const ward = locals.ward!;
		const data = await request.formData();
		const form = readSiteForm(data, locals.locale);
		if (!form.ok) return form.failure;
		let stored;
		try {
			stored = await storePhotos(chosenFiles(data, 'photos'), ward.id);
		} catch (e) {
			if (e instanceof PhotoError) {
				return failField(
					formValues(data),
					'photos',
					translate(locals.locale, e.key, e.params),
					locals.locale
				);
			}
			throw e;
		}
		let id: number;
		try {
			id = createSite(locals.db, actorOf(locals), ward.id, form.values, stored).id;
		} catch (e) {
			await removePhotoFiles(stored);
			if (e instanceof SiteError && e.code === 'duplicate-code') {
				return failField(
					form.typed,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale
				);
			}
			throw e;
		}
		redirect(303, `/w/${ward.code}/sites/${id}`);
	}
};
