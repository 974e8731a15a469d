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

type Building = NonNullable<ReturnType<typeof getFacilityDetail>>['buildings'][number];

/** A building as the facility page lists it: its name, levels, danger level and room totals. */
function buildingRow(b: Building) {
	const s = b.latestSurvey;
	return {
		id: b.id,
		code: b.code,
		name: b.name,
		levelsAboveGround: b.levelsAboveGround,
		rooms: b.rooms.length,
		// Rounded as the page writes areas (one decimal).
		areaM2: Math.round(b.rooms.reduce((sum, r) => sum + r.areaM2, 0) * 10) / 10,
		occupants: b.rooms.reduce((sum, r) => sum + r.occupants, 0),
		danger: s
			? {
					level: s.dangerLevel,
					derived: s.derivedDangerLevel,
					overrideReason: s.overrideReason
				}
			: null
	};
}

export const load: PageServerLoad = ({ locals, params }) => {
	// The [id=id] matcher has checked the id.
	const id = Number(params.id);
	const wardId = wardOf(locals).id;
	// Reused while the database is unchanged (see $lib/server/core/cache). The page lists the
	// buildings with their totals; each building's rooms are on the building's page.
	const facility = cached(locals.db, `facility-page:${wardId}:${id}`, () => {
		const detail = getFacilityDetail(locals.db, wardId, id);
		if (!detail) return undefined;
		const { buildings, ...rest } = detail;
		return { ...rest, buildings: buildings.map(buildingRow) };
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
