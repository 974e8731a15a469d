import { error, redirect } from '@sveltejs/kit';
import {
	deleteRoom,
	getBuilding,
	getRoom,
	inventoryErrorField,
	listUnits,
	updateRoom
} from '$lib/server/inventory/facilities';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { roomSchema } from '$lib/schemas/inventory';
import type { Actions, PageServerLoad } from './$types';

function find(locals: App.Locals, params: { id: string; bid: string; rid: string }) {
	const room = getRoom(locals.db, locals.ward!.id, Number(params.rid));
	if (!room || room.buildingId !== Number(params.bid)) error(404, 'Not found');
	const building = getBuilding(locals.db, locals.ward!.id, room.buildingId);
	if (!building || building.facilityId !== Number(params.id)) error(404, 'Not found');
	return { room, building };
}

export const load: PageServerLoad = ({ locals, params }) => {
	const { room, building } = find(locals, params);
	return {
		room,
		building: {
			id: building.id,
			code: building.code,
			name: building.name,
			facilityId: building.facilityId
		},
		units: listUnits(locals.db, locals.ward!.id)
	};
};

const back = (locals: App.Locals, p: { id: string; bid: string }) =>
	`/w/${locals.ward!.code}/facilities/${p.id}/buildings/${p.bid}`;

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = parseForm(roomSchema, data, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const { room } = find(locals, params);
		try {
			updateRoom(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				room.id,
				parsed.data,
				formVersion(data)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, parsed.values);
			}
			const bad = inventoryErrorField(e, locals.locale);
			if (bad) return failField(parsed.values, bad.field, bad.message, locals.locale);
			throw e;
		}
		redirect(303, `${back(locals, params)}?saved=1#rooms`);
	},
	delete: async ({ locals, params }) => {
		const { room } = find(locals, params);
		deleteRoom(locals.db, actorOf(locals), locals.ward!.id, room.id);
		redirect(303, `${back(locals, params)}#rooms`);
	}
};
