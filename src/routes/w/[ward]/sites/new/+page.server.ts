import { redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/core/request';
import { runAction, wardOf } from '$lib/server/http';
import { chosenFiles, removePhotoFiles, storePhotos } from '$lib/server/inventory/photos';
import { createSite, resolveGeometry, siteValues, wardGeo } from '$lib/server/sites';
import { siteFormSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	geo: wardGeo(locals.db, wardOf(locals).id)
});

export const actions: Actions = {
	default: async (event) => {
		const ward = wardOf(event.locals);
		// A refused geometry (SiteError) or photo (PhotoError) is shown beside its field.
		return runAction(event, siteFormSchema, async ({ data, formData }) => {
			const values = siteValues(data, resolveGeometry(data));
			const stored = await storePhotos(chosenFiles(formData, 'photos'), ward.id);
			let id: number;
			try {
				id = createSite(event.locals.db, actorOf(event.locals), ward.id, values, stored).id;
			} catch (e) {
				await removePhotoFiles(stored);
				throw e;
			}
			redirect(303, `/w/${ward.code}/sites/${id}`);
		});
	}
};
