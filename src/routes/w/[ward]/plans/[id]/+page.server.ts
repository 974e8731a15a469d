import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/cache';
import { failField, parseForm } from '$lib/server/forms';
import {
	applyScenario,
	dbId,
	editAssignment,
	getScenario,
	PlansError,
	resetScenario,
	stackPlan,
	type StackBuilding
} from '$lib/server/plans';
import { actorOf } from '$lib/server/request';
import { assignSchema } from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

/** Rows of the move list per page. */
const MOVES_PAGE_SIZE = 50;
/** Violations listed on the page (all of them are counted; the API and apply give every one). */
const VIOLATIONS_SHOWN = 50;

function scenarioId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

/** A positive integer query parameter, or null. */
function intParam(url: URL, name: string): number | null {
	const n = Number(url.searchParams.get(name));
	return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * One screen of a scenario: the summary figures, the stack plan of ONE building (`?building=`,
 * by default the building most people move into), that building's plan rows (all the browser
 * needs for the quick check of a manual edit in one of its rooms) and one page of the move list
 * (`?page=`). The whole instance never goes to the browser; the server checks every edit.
 */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const wardId = locals.ward!.id;
	const id = scenarioId(params.id);
	// Parsing the stored instance, checking the plan, laying out the stacking plan and labelling
	// the moves are reused while the database is unchanged (see $lib/server/cache).
	const view = cached(locals.db, `plan-page:${wardId}:${id}:${locals.locale}`, () =>
		scenarioView(locals.db, wardId, id, locals.locale)
	);
	if (!view) error(404, 'Not found');

	// The building: asked for, else the building of the room asked for (a link to edit a row, the
	// redirect after an edit), else the default.
	const askedRoom = intParam(url, 'room');
	const askedBuilding =
		intParam(url, 'building') ?? (askedRoom ? (view.buildingOfRoom.get(askedRoom) ?? null) : null);
	const index = Math.max(
		0,
		askedBuilding === null
			? view.defaultIndex
			: view.buildings.findIndex((b) => b.id === askedBuilding)
	);
	const chosen = view.stacks[index] ?? null;

	const pages = Math.max(1, Math.ceil(view.moves.length / MOVES_PAGE_SIZE));
	const page = Math.min(pages, intParam(url, 'page') ?? 1);
	const askedUnit = intParam(url, 'unit');
	const { violations, ...scenario } = view.scenario;
	return {
		scenario: {
			...scenario,
			violations: violations.slice(0, VIOLATIONS_SHOWN),
			violationCount: violations.length
		},
		units: view.units,
		metrics: view.metrics,
		normSetName: view.normSetName,
		planRows: view.planRows,
		buildings: view.buildings,
		building: chosen?.stack ?? null,
		buildingIndex: chosen ? index : -1,
		rows: chosen?.rows ?? [],
		moves: {
			rows: view.moves.slice((page - 1) * MOVES_PAGE_SIZE, page * MOVES_PAGE_SIZE),
			page,
			pageSize: MOVES_PAGE_SIZE,
			total: view.moves.length
		},
		preset: {
			unitKey: askedUnit && view.units.some((u) => u.id === askedUnit) ? `u${askedUnit}` : null,
			roomKey: askedRoom ? `r${askedRoom}` : null
		},
		flash: {
			edited: url.searchParams.has('edited'),
			reset: url.searchParams.has('reset'),
			applied: url.searchParams.get('applied')
		}
	};
};

/** The scenario cut up for the page: everything below is computed once per database revision. */
function scenarioView(
	db: App.Locals['db'],
	wardId: number,
	id: number,
	locale: App.Locals['locale']
) {
	const detail = getScenario(db, wardId, id, locale);
	if (!detail) return undefined;
	const { built, plan } = detail;
	const buildingByKey = new Map(built.buildings.map((b) => [b.key, b]));
	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const unitByKey = new Map(built.units.map((u) => [u.key, u]));
	const roomLabel = (key: string) => {
		const r = roomByKey.get(key);
		if (!r) return key;
		const b = buildingByKey.get(r.buildingKey);
		return `${b ? `${b.facilityCode}/${b.code} ` : ''}${r.code} — ${r.name}`;
	};

	// People per unit over the whole plan (the quick headcount check needs the rows elsewhere).
	const placedByUnit: Record<string, number> = {};
	for (const a of plan) placedByUnit[a.unitId] = (placedByUnit[a.unitId] ?? 0) + a.persons;

	// Plan rows per building, and the people moving into each building (for the default).
	const rowsByBuilding = new Map<
		string,
		{ unitKey: string; roomKey: string; persons: number; manual: boolean }[]
	>();
	for (const a of plan) {
		const r = roomByKey.get(a.roomId);
		if (!r) continue;
		const list = rowsByBuilding.get(r.buildingKey) ?? [];
		list.push({ unitKey: a.unitId, roomKey: a.roomId, persons: a.persons, manual: a.manual });
		rowsByBuilding.set(r.buildingKey, list);
	}
	const movesIn = new Map<string, number>();
	for (const mv of detail.moves) {
		const r = roomByKey.get(mv.toRoomId);
		if (r) movesIn.set(r.buildingKey, (movesIn.get(r.buildingKey) ?? 0) + mv.persons);
	}
	const roomCount = new Map<string, number>();
	for (const r of built.rooms)
		roomCount.set(r.buildingKey, (roomCount.get(r.buildingKey) ?? 0) + 1);

	const stacks = stackPlan(built, plan).map((s: StackBuilding) => ({
		stack: { ...s, id: dbId(s.key) },
		rows: rowsByBuilding.get(s.key) ?? []
	}));
	const buildings = built.buildings.map((b) => ({
		id: b.id,
		label: `${b.facilityCode}/${b.code} — ${b.name}`,
		rooms: roomCount.get(b.key) ?? 0,
		movesIn: movesIn.get(b.key) ?? 0
	}));
	let defaultIndex = 0;
	buildings.forEach((b, i) => {
		if (b.movesIn > buildings[defaultIndex].movesIn) defaultIndex = i;
	});

	return {
		scenario: {
			id: detail.id,
			name: detail.name,
			status: detail.status,
			objective: detail.objective,
			optimum: detail.optimum,
			weights: detail.weights,
			createdAt: detail.createdAt,
			appliedAt: detail.appliedAt,
			manualRows: detail.manualRows,
			solveTimeMs: detail.result?.solveTimeMs ?? null,
			gap: detail.result?.gap ?? null,
			solverMessage: detail.result?.message ?? null,
			feasible: detail.check.feasible,
			violations: detail.violations
		},
		units: built.units.map((u) => ({
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			publicFacing: u.publicFacing,
			headcount: u.headcount,
			areaPerPersonM2: u.areaPerPersonM2,
			planned: placedByUnit[u.key] ?? 0
		})),
		metrics: detail.metrics,
		normSetName: built.normSetName,
		planRows: plan.length,
		buildings,
		defaultIndex,
		stacks,
		buildingOfRoom: new Map(built.rooms.map((r) => [r.id, dbId(r.buildingKey)])),
		moves: detail.moves.map((mv) => ({
			key: `${mv.unitId}|${mv.toRoomId}`,
			unit: unitByKey.get(mv.unitId)?.name ?? mv.unitId,
			from: mv.fromRoomIds.length ? mv.fromRoomIds.map(roomLabel).join('; ') : null,
			to: roomLabel(mv.toRoomId),
			persons: mv.persons
		}))
	};
}

/** `building=<id>&` when the request names a building (so a redirect shows the same one). */
function buildingQuery(url: URL): string {
	const b = intParam(url, 'building');
	return b ? `building=${b}&` : '';
}

export const actions: Actions = {
	assign: async ({ request, locals, params }) => {
		const parsed = parseForm(assignSchema, await request.formData(), locals.locale, 'assign');
		if (!parsed.ok) return parsed.failure;
		try {
			editAssignment(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				scenarioId(params.id),
				parsed.data
			);
		} catch (e) {
			if (e instanceof PlansError && e.code === 'invalid-unit')
				return failField(
					parsed.values,
					'unitId',
					translate(locals.locale, 'plans.err.invalidUnit'),
					locals.locale,
					'assign'
				);
			if (e instanceof PlansError && e.code === 'invalid-room')
				return failField(
					parsed.values,
					'roomId',
					translate(locals.locale, 'plans.err.invalidRoom'),
					locals.locale,
					'assign'
				);
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		// Back to the building of the edited room, with the edited row selected.
		const { unitId, roomId } = parsed.data;
		redirect(
			303,
			`/w/${locals.ward!.code}/plans/${params.id}?unit=${unitId}&room=${roomId}&edited=1#edit`
		);
	},
	reset: ({ locals, params, url }) => {
		try {
			resetScenario(locals.db, actorOf(locals), locals.ward!.id, scenarioId(params.id));
		} catch (e) {
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${params.id}?${buildingQuery(url)}reset=1`);
	},
	apply: ({ locals, params, url }) => {
		let changed: number;
		try {
			changed = applyScenario(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				scenarioId(params.id),
				locals.locale
			).changedRooms;
		} catch (e) {
			if (e instanceof PlansError && e.code === 'infeasible')
				return fail(400, {
					form: 'apply',
					message: translate(locals.locale, 'plans.apply.refused'),
					violations: e.violations.slice(0, VIOLATIONS_SHOWN),
					violationCount: e.violations.length,
					values: {},
					errors: {}
				});
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(
			303,
			`/w/${locals.ward!.code}/plans/${params.id}?${buildingQuery(url)}applied=${changed}`
		);
	}
};
