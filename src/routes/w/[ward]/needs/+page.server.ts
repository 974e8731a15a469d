import { error, redirect } from '@sveltejs/kit';
import {
	NeedsError,
	createSpecialisedRoom,
	deleteSpecialisedRoom,
	needsForWard,
	updateSpecialisedRoom,
	vacanciesByPosition,
	workAreaByBuilding
} from '$lib/server/needs';
import { appliedArrangementByUnit } from '$lib/server/plans';
import { currentNormSets } from '$lib/server/needs/norm-sets';
import { cached } from '$lib/server/core/cache';
import { parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { specialisedRoomSchema } from '$lib/schemas/needs';
import { supportForWard, vnToday } from '$lib/server/needs/staffing-support';
import { staffingFieldLabel } from '$lib/server/needs';
import type { Actions, PageServerLoad } from './$types';

/** The `?norm=<id>` parameter: undefined (default set) or a positive integer. */
function normParam(url: URL): number | undefined {
	const raw = url.searchParams.get('norm');
	if (raw === null || raw === '') return undefined;
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

function roomId(data: FormData): number {
	const id = Number(data.get('id'));
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = locals.ward!;
	let needs;
	try {
		const norm = normParam(url);
		needs = cached(locals.db, `needs:${ward.id}:${norm ?? ''}`, () =>
			needsForWard(locals.db, ward.id, norm)
		);
	} catch (e) {
		if (e instanceof NeedsError) error(404, 'Not found');
		throw e;
	}
	const options = currentNormSets(locals.db).map((s) => ({
		id: s.id,
		name: s.name,
		version: s.version,
		isCurrent: s.isCurrent
	}));
	if (!options.some((o) => o.id === needs.normSet.id)) {
		options.push({
			id: needs.normSet.id,
			name: needs.normSet.name,
			version: needs.normSet.version,
			isCurrent: needs.normSet.isCurrent
		});
	}
	return {
		needs,
		normOptions: options,
		defaultNormId: options[0]?.id ?? null,
		vacancies: cached(locals.db, `vacancies:${ward.id}`, () =>
			vacanciesByPosition(locals.db, ward.id)
		),
		// The current arrangement's shortfall per unit (null when none applied).
		arrangement: appliedArrangementByUnit(locals.db, ward.id),
		buildings: cached(locals.db, `work-area:${ward.id}`, () =>
			workAreaByBuilding(locals.db, ward.id)
		),
		// The officers the city has assigned to the ward (the city's staffing board).
		supportDay: vnToday(),
		support: supportForWard(locals.db, ward.id).map((a) => ({
			...a,
			fieldLabel: staffingFieldLabel(locals.locale, a.field)
		}))
	};
};

const back = (locals: App.Locals) => `/w/${locals.ward!.code}/needs?saved=1#specialised`;

export const actions: Actions = {
	addRoom: async ({ request, locals }) => {
		const parsed = parseForm(
			specialisedRoomSchema,
			await request.formData(),
			locals.locale,
			'room-new'
		);
		if (!parsed.ok) return parsed.failure;
		createSpecialisedRoom(locals.db, actorOf(locals), locals.ward!.id, parsed.data);
		redirect(303, back(locals));
	},
	updateRoom: async ({ request, locals }) => {
		const data = await request.formData();
		const id = roomId(data);
		const parsed = parseForm(specialisedRoomSchema, data, locals.locale, `room-${id}`);
		if (!parsed.ok) return parsed.failure;
		try {
			updateSpecialisedRoom(locals.db, actorOf(locals), locals.ward!.id, id, parsed.data);
		} catch (e) {
			if (e instanceof NeedsError) error(404, 'Not found');
			throw e;
		}
		redirect(303, back(locals));
	},
	deleteRoom: async ({ request, locals }) => {
		const id = roomId(await request.formData());
		try {
			deleteSpecialisedRoom(locals.db, actorOf(locals), locals.ward!.id, id);
		} catch (e) {
			if (e instanceof NeedsError) error(404, 'Not found');
			throw e;
		}
		redirect(303, back(locals));
	}
};
