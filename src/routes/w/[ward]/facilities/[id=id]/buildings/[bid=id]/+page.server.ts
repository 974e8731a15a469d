import { redirect } from '@sveltejs/kit';
import {
	createRoom,
	createSurvey,
	deleteBuilding,
	deleteRoom,
	deleteSurvey,
	getBuilding,
	getFacilityDetail,
	getRoom,
	listUnits,
	updateBuilding
} from '$lib/server/inventory/facilities';
import { actorOf } from '$lib/server/core/request';
import {
	chosenFiles,
	MAX_PHOTO_MB,
	removePhotoFiles,
	storePhotos
} from '$lib/server/inventory/photos';
import { notFound, recordId, runAction, wardOf } from '$lib/server/http';
import { buildingSchema, roomSchema, surveySchema } from '$lib/schemas/inventory';
import { deriveDangerLevel, ratingsFromSurvey } from '$lib/condition';
import { cached } from '$lib/server/core/cache';
import type { Actions, PageServerLoad } from './$types';

/**
 * The building of the address, in the ward and the facility of the address (else 404); the
 * matchers checked the ids. One row: an action on a building with many rooms and surveys does
 * not read them all.
 */
function findBuilding(locals: App.Locals, params: { id: string; bid: string }) {
	const building = getBuilding(locals.db, wardOf(locals).id, Number(params.bid));
	if (!building || building.facilityId !== Number(params.id)) notFound(locals.locale);
	return building;
}

/** The building of the address with its rooms, surveys and photos (deleting it removes them). */
function loadBuilding(locals: App.Locals, params: { id: string; bid: string }) {
	const facility = getFacilityDetail(locals.db, wardOf(locals).id, Number(params.id));
	const building = facility?.buildings.find((b) => b.id === Number(params.bid));
	if (!facility || !building) notFound(locals.locale);
	return building;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const wardId = wardOf(locals).id;
	// Reused while the database is unchanged (see $lib/server/core/cache).
	const view = cached(locals.db, `building-page:${wardId}:${params.id}:${params.bid}`, () =>
		buildingView(locals.db, wardId, Number(params.id), Number(params.bid))
	);
	if (!view) notFound(locals.locale);
	return { ...view, maxPhotoMb: MAX_PHOTO_MB };
};

/**
 * The building page's data: the building's fields (its edit form), its rooms as the table shows
 * them (edited and deleted on each room's page) and its surveys with the governing component.
 */
function buildingView(db: App.Locals['db'], wardId: number, facilityId: number, id: number) {
	const facility = getFacilityDetail(db, wardId, facilityId);
	const building = facility?.buildings.find((b) => b.id === id);
	if (!facility || !building) return undefined;
	const { rooms, surveys, ...fields } = building;
	return {
		// The units a new room may be assigned to (the add-room form).
		units: listUnits(db, wardId),
		facility: { id: facility.id, code: facility.code, name: facility.name },
		building: {
			...fields,
			rooms: rooms.map((r) => ({
				id: r.id,
				code: r.code,
				name: r.name,
				level: r.level,
				type: r.type,
				areaM2: r.areaM2,
				unitName: r.unitName,
				occupants: r.occupants
			})),
			// The governing component of each survey's derived level (shown with the rule).
			surveys: surveys.map((s) => ({
				...s,
				governing: deriveDangerLevel(ratingsFromSurvey(s))
			}))
		}
	};
}

const here = (locals: App.Locals, params: { id: string; bid: string }) =>
	`/w/${wardOf(locals).code}/facilities/${params.id}/buildings/${params.bid}`;

export const actions: Actions = {
	update: (event) =>
		runAction(
			event,
			buildingSchema,
			({ data, version }) => {
				const { locals, params } = event;
				const building = findBuilding(locals, params);
				updateBuilding(locals.db, actorOf(locals), wardOf(locals).id, building.id, data, version);
				redirect(303, `${here(locals, params)}?saved=1`);
			},
			{ form: 'building' }
		),
	delete: async ({ locals, params }) => {
		const building = loadBuilding(locals, params);
		deleteBuilding(locals.db, actorOf(locals), wardOf(locals).id, building.id);
		await removePhotoFiles(building.surveys.flatMap((s) => s.photos));
		redirect(303, `/w/${wardOf(locals).code}/facilities/${params.id}`);
	},
	addRoom: (event) =>
		runAction(
			event,
			roomSchema,
			({ data }) => {
				const { locals, params } = event;
				const building = findBuilding(locals, params);
				createRoom(locals.db, actorOf(locals), wardOf(locals).id, building.id, data);
				redirect(303, `${here(locals, params)}?saved=1#rooms`);
			},
			{ form: 'room' }
		),
	deleteRoom: (event) =>
		runAction(event, null, ({ formData }) => {
			const { locals, params } = event;
			const building = findBuilding(locals, params);
			const roomId = recordId(formData.get('roomId'));
			// Only a room of this building (another ward's or building's id is not found).
			const room = roomId === null ? undefined : getRoom(locals.db, wardOf(locals).id, roomId);
			if (roomId === null || room?.buildingId !== building.id) notFound(locals.locale);
			deleteRoom(locals.db, actorOf(locals), wardOf(locals).id, roomId);
			redirect(303, `${here(locals, params)}#rooms`);
		}),
	addSurvey: (event) =>
		runAction(
			event,
			surveySchema,
			async ({ data, formData }) => {
				const { locals, params } = event;
				const building = findBuilding(locals, params);
				const wardId = wardOf(locals).id;
				const stored = await storePhotos(chosenFiles(formData, 'photos'), wardId);
				try {
					createSurvey(locals.db, actorOf(locals), wardId, building.id, data, stored);
				} catch (e) {
					await removePhotoFiles(stored);
					throw e;
				}
				redirect(303, `${here(locals, params)}?saved=1#surveys`);
			},
			{ form: 'survey' }
		),
	deleteSurvey: (event) =>
		runAction(event, null, async ({ formData }) => {
			const { locals, params } = event;
			const building = loadBuilding(locals, params);
			const surveyId = recordId(formData.get('surveyId'));
			if (surveyId === null || !building.surveys.some((s) => s.id === surveyId)) {
				notFound(locals.locale);
			}
			const removed = deleteSurvey(locals.db, actorOf(locals), wardOf(locals).id, surveyId);
			await removePhotoFiles(removed);
			redirect(303, `${here(locals, params)}#surveys`);
		})
};
