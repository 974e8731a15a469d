import { redirect } from '@sveltejs/kit';
import { cached } from '$lib/server/core/cache';
import { rowFormValues } from '$lib/server/core/concurrency';
import { actorOf } from '$lib/server/core/request';
import { notFound, recordId, runAction, wardOf } from '$lib/server/http';
import { chosenFiles, removePhotoFiles, storePhotos } from '$lib/server/inventory/photos';
import {
	addSitePhotos,
	deleteSite,
	deleteSitePhoto,
	getSiteDetail,
	resolveGeometry,
	siteFormValues,
	siteValues,
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
import { siteFormSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const wardId = wardOf(locals).id;
	const site = getSiteDetail(locals.db, wardId, Number(params.id));
	if (!site) notFound(locals.locale);
	// The ward's context (every site, the stations) and the land its needs require are the
	// same for every site page until the data change: computing the needs reads every room of
	// the ward (5,000 in the bench's big ward: 20 ms a page).
	const ctx = cached(locals.db, `site-context:${wardId}`, () => siteContext(locals.db, wardId));
	const required = cached(locals.db, `required-land:${wardId}`, () =>
		requiredLand(locals.db, wardId)
	);
	const active = listCriteria(locals.db, wardId).filter((c) => c.active);
	return {
		site,
		formValues: siteFormValues(site),
		computed: computedValues(site, ctx),
		reasons: screenSite(site, ctx, required, active),
		criteriaLabels: Object.fromEntries(active.map((c) => [c.key, c.labelVi])),
		geo: wardGeo(locals.db, wardId)
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { locals, params } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			siteFormSchema,
			({ data, version }) => {
				const values = siteValues(data, resolveGeometry(data));
				updateSite(locals.db, actorOf(locals), ward.id, Number(params.id), values, version);
				redirect(303, `/w/${ward.code}/sites/${params.id}?saved=1`);
			},
			{
				form: 'site',
				// The stored site as the form shows it (costs in billions, the point as c1/c2).
				theirs: (e) => (e.current ? rowFormValues(siteFormValues(e.current as Site)) : {})
			}
		);
	},
	delete: async (event) => {
		const { locals, params } = event;
		const ward = wardOf(locals);
		return runAction(event, null, async () => {
			const removed = deleteSite(locals.db, actorOf(locals), ward.id, Number(params.id));
			await removePhotoFiles(removed);
			redirect(303, `/w/${ward.code}/sites`);
		});
	},
	photos: async (event) => {
		const { locals, params } = event;
		const ward = wardOf(locals);
		const id = Number(params.id);
		return runAction(
			event,
			null,
			async ({ formData }) => {
				const stored = await storePhotos(chosenFiles(formData, 'photos'), ward.id);
				try {
					addSitePhotos(locals.db, actorOf(locals), ward.id, id, stored);
				} catch (e) {
					await removePhotoFiles(stored);
					throw e;
				}
				redirect(303, `/w/${ward.code}/sites/${id}?saved=1`);
			},
			{ form: 'photos' }
		);
	},
	deletePhoto: async (event) => {
		const { locals, params } = event;
		const ward = wardOf(locals);
		return runAction(event, null, async ({ values }) => {
			const removed = deleteSitePhoto(
				locals.db,
				actorOf(locals),
				ward.id,
				Number(params.id),
				recordId(values.photoId) ?? -1
			);
			await removePhotoFiles([removed]);
			redirect(303, `/w/${ward.code}/sites/${params.id}`);
		});
	}
};
