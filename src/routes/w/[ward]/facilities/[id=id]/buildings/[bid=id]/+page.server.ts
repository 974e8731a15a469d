import { error, redirect } from '@sveltejs/kit';
import {
	createRoom,
	createSurvey,
	deleteBuilding,
	deleteRoom,
	deleteSurvey,
	getFacilityDetail,
	InventoryError,
	inventoryErrorField,
	listUnits,
	updateBuilding
} from '$lib/server/inventory/facilities';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import { failField, formValues, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import {
	chosenFiles,
	MAX_PHOTO_MB,
	PhotoError,
	removePhotoFiles,
	storePhotos
} from '$lib/server/inventory/photos';
import { buildingSchema, roomSchema, surveySchema } from '$lib/schemas/inventory';
import { deriveDangerLevel, ratingsFromSurvey } from '$lib/condition';
import { translate } from '$lib/i18n';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

function ids(params: { id: string; bid: string }) {
	const id = Number(params.id);
	const bid = Number(params.bid);
	if (!Number.isInteger(id) || !Number.isInteger(bid)) error(404, 'Not found');
	return { id, bid };
}

function loadBuilding(locals: App.Locals, params: { id: string; bid: string }) {
	const { id, bid } = ids(params);
	const facility = getFacilityDetail(locals.db, locals.ward!.id, id);
	const building = facility?.buildings.find((b) => b.id === bid);
	if (!facility || !building) error(404, 'Not found');
	return { facility, building };
}

export const load: PageServerLoad = ({ locals, params }) => {
	const { facility, building } = loadBuilding(locals, params);
	return {
		facility: { id: facility.id, code: facility.code, name: facility.name },
		building: {
			...building,
			// The governing component of each survey's derived level (shown with the rule).
			surveys: building.surveys.map((s) => ({
				...s,
				governing: deriveDangerLevel(ratingsFromSurvey(s))
			}))
		},
		units: listUnits(locals.db, locals.ward!.id),
		maxPhotoMb: MAX_PHOTO_MB
	};
};

const here = (locals: App.Locals, params: { id: string; bid: string }) =>
	`/w/${locals.ward!.code}/facilities/${params.id}/buildings/${params.bid}`;

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = parseForm(buildingSchema, data, locals.locale, 'building');
		if (!parsed.ok) return parsed.failure;
		loadBuilding(locals, params);
		try {
			updateBuilding(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				ids(params).bid,
				parsed.data,
				formVersion(data)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, parsed.values, { form: 'building' });
			}
			const bad = inventoryErrorField(e, locals.locale);
			if (bad) return failField(parsed.values, bad.field, bad.message, locals.locale, 'building');
			throw e;
		}
		redirect(303, `${here(locals, params)}?saved=1`);
	},
	delete: async ({ locals, params }) => {
		const { building } = loadBuilding(locals, params);
		deleteBuilding(locals.db, actorOf(locals), locals.ward!.id, building.id);
		await removePhotoFiles(building.surveys.flatMap((s) => s.photos));
		redirect(303, `/w/${locals.ward!.code}/facilities/${params.id}`);
	},
	addRoom: async ({ request, locals, params }) => {
		const parsed = parseForm(roomSchema, await request.formData(), locals.locale, 'room');
		if (!parsed.ok) return parsed.failure;
		loadBuilding(locals, params);
		try {
			createRoom(locals.db, actorOf(locals), locals.ward!.id, ids(params).bid, parsed.data);
		} catch (e) {
			const bad = inventoryErrorField(e, locals.locale);
			if (bad) return failField(parsed.values, bad.field, bad.message, locals.locale, 'room');
			throw e;
		}
		redirect(303, `${here(locals, params)}?saved=1#rooms`);
	},
	deleteRoom: async ({ request, locals, params }) => {
		loadBuilding(locals, params);
		const roomId = Number((await request.formData()).get('roomId'));
		try {
			deleteRoom(locals.db, actorOf(locals), locals.ward!.id, roomId);
		} catch (e) {
			if (e instanceof InventoryError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `${here(locals, params)}#rooms`);
	},
	addSurvey: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = parseForm(surveySchema, data, locals.locale, 'survey');
		if (!parsed.ok) return parsed.failure;
		const { building } = loadBuilding(locals, params);
		let stored;
		try {
			stored = await storePhotos(chosenFiles(data, 'photos'), locals.ward!.id);
		} catch (e) {
			if (e instanceof PhotoError) {
				return fail(400, {
					values: formValues(data),
					errors: { photos: translate(locals.locale, e.key, e.params) },
					message: translate(locals.locale, 'common.fixErrors'),
					form: 'survey'
				});
			}
			throw e;
		}
		try {
			createSurvey(locals.db, actorOf(locals), locals.ward!.id, building.id, parsed.data, stored);
		} catch (e) {
			await removePhotoFiles(stored);
			const bad = inventoryErrorField(e, locals.locale);
			if (bad) return failField(parsed.values, bad.field, bad.message, locals.locale, 'survey');
			throw e;
		}
		redirect(303, `${here(locals, params)}?saved=1#surveys`);
	},
	deleteSurvey: async ({ request, locals, params }) => {
		loadBuilding(locals, params);
		const surveyId = Number((await request.formData()).get('surveyId'));
		let removed;
		try {
			removed = deleteSurvey(locals.db, actorOf(locals), locals.ward!.id, surveyId);
		} catch (e) {
			if (e instanceof InventoryError) error(404, 'Not found');
			throw e;
		}
		await removePhotoFiles(removed);
		redirect(303, `${here(locals, params)}#surveys`);
	}
};
