import { redirect } from '@sveltejs/kit';
import {
	deleteRoom,
	getBuilding,
	getRoom,
	listUnits,
	updateRoom
} from '$lib/server/inventory/facilities';
import { actorOf } from '$lib/server/core/request';
import { notFound, runAction, wardOf } from '$lib/server/http';
import { roomSchema } from '$lib/schemas/inventory';
import type { Actions, PageServerLoad } from './$types';

/** The room of the address, in its building and facility (else 404); the matchers checked ids. */
function find(locals: App.Locals, params: { id: string; bid: string; rid: string }) {
	const wardId = wardOf(locals).id;
	const room = getRoom(locals.db, wardId, Number(params.rid));
	if (!room || room.buildingId !== Number(params.bid)) notFound(locals.locale);
	const building = getBuilding(locals.db, wardId, room.buildingId);
	if (!building || building.facilityId !== Number(params.id)) notFound(locals.locale);
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
		units: listUnits(locals.db, wardOf(locals).id)
	};
};

const back = (locals: App.Locals, p: { id: string; bid: string }) =>
	`/w/${wardOf(locals).code}/facilities/${p.id}/buildings/${p.bid}`;

export const actions: Actions = {
	update: (event) =>
		runAction(event, roomSchema, ({ data, version }) => {
			const { locals, params } = event;
			const { room } = find(locals, params);
			updateRoom(locals.db, actorOf(locals), wardOf(locals).id, room.id, data, version);
			redirect(303, `${back(locals, params)}?saved=1#rooms`);
		}),
	delete: ({ locals, params }) => {
		const { room } = find(locals, params);
		deleteRoom(locals.db, actorOf(locals), wardOf(locals).id, room.id);
		redirect(303, `${back(locals, params)}#rooms`);
	}
};
