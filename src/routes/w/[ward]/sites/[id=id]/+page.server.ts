import { error, redirect } from '@sveltejs/kit';
import {
	ConflictError,
	conflictFailure,
	formVersion,
	rowFormValues
} from '$lib/server/core/concurrency';
import { failField, formValues } from '$lib/server/core/forms';
import {
	chosenFiles,
	PhotoError,
	removePhotoFiles,
	storePhotos
} from '$lib/server/inventory/photos';
import { actorOf } from '$lib/server/core/request';
import { readSiteForm } from '../site-form.server';
import {
	addSitePhotos,
	deleteSite,
	deleteSitePhoto,
	getSiteDetail,
	SiteError,
	siteFormValues,
	type Site,
	updateSite,
	wardGeo
} from '$lib/server/sites';
import {
	computedValues,
	listCriteria,
	requiredLand,
	screenSite,
	siteContext
} from '$lib/server/sites/scoring';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

function siteId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const wardId = locals.ward!.id;
	const site = getSiteDetail(locals.db, wardId, siteId(params.id));
	if (!site) error(404, 'Not found');
	const ctx = siteContext(locals.db, wardId);
	const active = listCriteria(locals.db, wardId).filter((c) => c.active);
	return {
		site,
		formValues: siteFormValues(site),
		computed: computedValues(site, ctx),
		reasons: screenSite(site, ctx, requiredLand(locals.db, wardId), active),
		criteriaLabels: Object.fromEntries(active.map((c) => [c.key, c.labelVi])),
		geo: wardGeo(locals.db, wardId)
	};
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const data = await request.formData();
		const form = readSiteForm(data, locals.locale, 'site');
		if (!form.ok) return form.failure;
		try {
			updateSite(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				siteId(params.id),
				form.values,
				formVersion(data)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, form.typed, {
					form: 'site',
					theirs: e.current ? rowFormValues(siteFormValues(e.current as Site)) : undefined
				});
			}
			if (e instanceof SiteError && e.code === 'duplicate-code') {
				return failField(
					form.typed,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale,
					'site'
				);
			}
			if (e instanceof SiteError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/${params.id}?saved=1`);
	},
	delete: async ({ locals, params }) => {
		let removed;
		try {
			removed = deleteSite(locals.db, actorOf(locals), locals.ward!.id, siteId(params.id));
		} catch (e) {
			if (e instanceof SiteError) error(404, 'Not found');
			throw e;
		}
		await removePhotoFiles(removed);
		redirect(303, `/w/${locals.ward!.code}/sites`);
	},
	photos: async ({ request, locals, params }) => {
		const ward = locals.ward!;
		const id = siteId(params.id);
		const data = await request.formData();
		let stored;
		try {
			stored = await storePhotos(chosenFiles(data, 'photos'), ward.id);
		} catch (e) {
			if (e instanceof PhotoError) {
				return failField(
					formValues(data),
					'photos',
					translate(locals.locale, e.key, e.params),
					locals.locale,
					'photos'
				);
			}
			throw e;
		}
		try {
			addSitePhotos(locals.db, actorOf(locals), ward.id, id, stored);
		} catch (e) {
			await removePhotoFiles(stored);
			if (e instanceof SiteError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${ward.code}/sites/${id}?saved=1`);
	},
	deletePhoto: async ({ request, locals, params }) => {
		const photoId = Number((await request.formData()).get('photoId'));
		let removed;
		try {
			removed = deleteSitePhoto(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				siteId(params.id),
				Number.isInteger(photoId) ? photoId : -1
			);
		} catch (e) {
			if (e instanceof SiteError) error(404, 'Not found');
			throw e;
		}
		await removePhotoFiles([removed]);
		redirect(303, `/w/${locals.ward!.code}/sites/${params.id}`);
	}
};
