import { redirect } from '@sveltejs/kit';
import {
	createBuilding,
	deleteFacility,
	getFacilityDetail,
	updateFacility
} from '$lib/server/inventory/facilities';
import { actorOf } from '$lib/server/core/request';
import { removePhotoFiles } from '$lib/server/inventory/photos';
import { notFound, runAction, wardOf } from '$lib/server/http';
import { buildingSchema, facilitySchema } from '$lib/schemas/inventory';
import { cached } from '$lib/server/core/cache';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	// The [id=id] matcher has checked the id.
	const id = Number(params.id);
	const wardId = wardOf(locals).id;
	// Reused while the database is unchanged (see $lib/server/core/cache).
	const facility = cached(locals.db, `facility-page:${wardId}:${id}`, () => {
		const detail = getFacilityDetail(locals.db, wardId, id);
		return (
			detail && {
				...detail,
				buildings: detail.buildings.map((b) => ({
					...b,
					areaM2: b.rooms.reduce((s, r) => s + r.areaM2, 0),
					occupants: b.rooms.reduce((s, r) => s + r.occupants, 0)
				}))
			}
		);
	});
	if (!facility) notFound(locals.locale);
	return { facility };
};

export const actions: Actions = {
	update: (event) =>
		runAction(
			event,
			facilitySchema,
			({ data, version }) => {
				const { locals, params } = event;
				const ward = wardOf(locals);
				updateFacility(locals.db, actorOf(locals), ward.id, Number(params.id), data, version);
				redirect(303, `/w/${ward.code}/facilities/${params.id}?saved=1`);
			},
			{ form: 'facility' }
		),
	delete: async ({ locals, params }) => {
		const ward = wardOf(locals);
		const id = Number(params.id);
		const detail = getFacilityDetail(locals.db, ward.id, id);
		if (!detail) notFound(locals.locale);
		deleteFacility(locals.db, actorOf(locals), ward.id, id);
		await removePhotoFiles(detail.buildings.flatMap((b) => b.surveys.flatMap((s) => s.photos)));
		redirect(303, `/w/${ward.code}/facilities`);
	},
	addBuilding: (event) =>
		runAction(
			event,
			buildingSchema,
			({ data }) => {
				const { locals, params } = event;
				const ward = wardOf(locals);
				const facilityId = Number(params.id);
				const bid = createBuilding(locals.db, actorOf(locals), ward.id, facilityId, data).id;
				redirect(303, `/w/${ward.code}/facilities/${params.id}/buildings/${bid}`);
			},
			{ form: 'building' }
		)
};
