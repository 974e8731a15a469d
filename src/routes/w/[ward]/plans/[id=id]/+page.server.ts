import { error, fail, redirect } from '@sveltejs/kit';
import { AllocationInputError } from '$lib/allocation';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/core/cache';
import { failField, parseForm } from '$lib/server/core/forms';
import {
	ConflictError,
	conflictFailure,
	currentVersion,
	formVersion
} from '$lib/server/core/concurrency';
import { scenarios } from '$lib/server/db/schema';
import {
	applyScenario,
	dbId,
	DEFAULT_CONSEQUENCE_SHARE,
	editPlan,
	FURTHEST_BELOW_COUNT,
	getScenario,
	PlansError,
	queueSolve,
	resetScenario,
	roomLabel,
	solveJobKey,
	stackPlan,
	updateScenarioSettings,
	type ScenarioSettings,
	type StackBuilding
} from '$lib/server/plans';
import { actorOf } from '$lib/server/core/request';
import { jobStatus, QueueFullError, queueFullMessage, solverQueue } from '$lib/server/jobs';
import {
	DEFAULT_PAGE_TIME_LIMIT_S,
	moveSchema,
	runSchema,
	settingsSchema
} from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

/** Rows of the move list per page. */
const MOVES_PAGE_SIZE = 50;
/** Violations listed on the page (all of them are counted; the API and apply give every one). */
const VIOLATIONS_SHOWN = 50;
/** Columns the move list sorts by. */
const MOVE_SORTS = ['unit', 'persons', 'from', 'to'] as const;
type MoveSort = (typeof MOVE_SORTS)[number];

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
 * One screen of a scenario: its settings, the summary figures and the per-unit table, the stack
 * plan of ONE building (`?building=`, by default the building most people move into), the
 * instance and plan rows the browser's live check needs (the allocation module's own check runs
 * in the browser, and again on the server when an edit is saved), and one sorted page of the
 * move list (`?sort=`, `?dir=`, `?page=`).
 */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const wardId = locals.ward!.id;
	const id = scenarioId(params.id);
	const view = cached(locals.db, `plan-page:${wardId}:${id}:${locals.locale}`, () =>
		scenarioView(locals.db, wardId, id, locals.locale)
	);
	if (!view) error(404, 'Not found');

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

	const sortParam = url.searchParams.get('sort');
	const sort: MoveSort = MOVE_SORTS.includes(sortParam as MoveSort)
		? (sortParam as MoveSort)
		: 'unit';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	const sign = dir === 'desc' ? -1 : 1;
	const sorted = [...view.moves].sort((a, b) => {
		const c =
			sort === 'persons'
				? a.persons - b.persons
				: (sort === 'unit' ? a.unit : sort === 'from' ? (a.from ?? '') : a.to).localeCompare(
						sort === 'unit' ? b.unit : sort === 'from' ? (b.from ?? '') : b.to,
						'vi'
					);
		return sign * c || a.order - b.order;
	});
	const pages = Math.max(1, Math.ceil(sorted.length / MOVES_PAGE_SIZE));
	const page = Math.min(pages, intParam(url, 'page') ?? 1);
	const { violations, ...scenario } = view.scenario;
	return {
		scenario: {
			...scenario,
			violations: violations.slice(0, VIOLATIONS_SHOWN),
			violationCount: violations.length
		},
		settings: view.settings,
		/** The scenario's version, sent back by the settings form (optimistic concurrency). */
		version: currentVersion(locals.db, scenarios, id),
		units: view.units,
		metrics: view.metrics,
		furthestCount: FURTHEST_BELOW_COUNT,
		normSetName: view.normSetName,
		instance: view.instance,
		rooms: view.rooms,
		plan: view.plan,
		buildings: view.buildings,
		building: chosen?.stack ?? null,
		buildingIndex: chosen ? index : -1,
		moves: {
			rows: sorted.slice((page - 1) * MOVES_PAGE_SIZE, page * MOVES_PAGE_SIZE),
			page,
			pageSize: MOVES_PAGE_SIZE,
			total: sorted.length,
			sort,
			dir
		},
		defaults: { timeLimitS: DEFAULT_PAGE_TIME_LIMIT_S, sharePct: DEFAULT_CONSEQUENCE_SHARE * 100 },
		solveJob: solveJobView(wardId, id, locals.locale),
		flash: {
			moved: url.searchParams.has('moved'),
			reset: url.searchParams.has('reset'),
			solved: url.searchParams.has('solved'),
			saved: url.searchParams.has('saved'),
			applied: url.searchParams.has('applied')
		}
	};
};

/**
 * The scenario's solve in the solver queue, for the page: waiting (with its position) or
 * running, or a solve that finished in the background with an error lately; else null.
 */
function solveJobView(wardId: number, id: number, locale: App.Locals['locale']) {
	const key = solveJobKey(wardId, id);
	const status = jobStatus(solverQueue, key, locale);
	if (status) return status;
	const job = solverQueue.get(key);
	if (job?.state !== 'error') return null;
	const e = job.error;
	const message =
		e instanceof PlansError && e.code === 'stale'
			? translate(locale, 'plans.solve.stale')
			: e instanceof AllocationInputError
				? translate(locale, 'plans.solve.inputError', { message: e.message })
				: translate(locale, 'err.server');
	return { state: 'error' as const, position: 0, message };
}

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
	const unitByKey = new Map(built.units.map((u) => [u.key, u]));
	const label = (key: string) => roomLabel(built, key);

	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const movesIn = new Map<string, number>();
	for (const mv of detail.moves) {
		const r = roomByKey.get(mv.toRoomId);
		if (r) movesIn.set(r.buildingKey, (movesIn.get(r.buildingKey) ?? 0) + mv.persons);
	}
	const roomCount = new Map<string, number>();
	for (const r of built.rooms) {
		roomCount.set(r.buildingKey, (roomCount.get(r.buildingKey) ?? 0) + 1);
	}
	const stacks = stackPlan(built, plan).map((s: StackBuilding) => ({
		stack: { ...s, id: dbId(s.key) }
	}));
	const buildings = built.buildings.map((b) => ({
		id: b.id,
		key: b.key,
		label: `${b.facilityCode}/${b.code} — ${b.name}`,
		rooms: roomCount.get(b.key) ?? 0,
		movesIn: movesIn.get(b.key) ?? 0
	}));
	let defaultIndex = 0;
	buildings.forEach((b, i) => {
		if (b.movesIn > buildings[defaultIndex].movesIn) defaultIndex = i;
	});
	const s: ScenarioSettings = detail.settings;

	return {
		scenario: {
			id: detail.id,
			name: detail.name,
			status: detail.status,
			stale: detail.stale,
			objective: detail.objective,
			optimum: detail.optimum,
			optimal: detail.optimal,
			createdAt: detail.createdAt,
			appliedAt: detail.appliedAt,
			manualRows: detail.manualRows,
			solveTimeMs: detail.result?.solveTimeMs ?? null,
			gap: detail.result?.gap ?? null,
			solverMessage: detail.result?.message ?? null,
			solverNotes: detail.result?.notes ?? [],
			feasible: detail.check.feasible,
			violations: detail.violations
		},
		settings: {
			minAreaPerPersonM2: s.minAreaPerPersonM2,
			minAreaSource: s.minAreaSource,
			maxUnitsPerRoom: s.maxUnitsPerRoom,
			weights: s.weights,
			locked: s.lockedRooms.map((l) => ({
				roomId: l.roomId,
				unitId: l.unitId,
				room: label(`r${l.roomId}`),
				unit: unitByKey.get(`u${l.unitId}`)?.name ?? String(l.unitId)
			}))
		},
		units: built.units.map((u) => ({
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			normM2: u.normM2,
			priority: s.priorities[String(u.id)] ?? u.priority,
			groundFloorOnly: s.groundFloorUnitIds.includes(u.id)
		})),
		metrics: detail.metrics,
		normSetName: built.normSetName,
		instance: built.instance,
		rooms: built.rooms.map((r) => ({
			key: r.key,
			id: r.id,
			buildingKey: r.buildingKey,
			label: label(r.key),
			level: r.level,
			areaM2: r.areaM2,
			usable: r.usable,
			type: r.type,
			reason: r.reason,
			lockedUnitKey: r.lockedUnitKey
		})),
		plan: plan.map((a) => ({
			unitKey: a.unitId,
			roomKey: a.roomId,
			persons: a.persons,
			areaM2: a.areaM2,
			manual: a.manual
		})),
		buildings,
		defaultIndex,
		stacks,
		buildingOfRoom: new Map(built.rooms.map((r) => [r.id, dbId(r.buildingKey)])),
		moves: detail.moves.map((mv, order) => ({
			key: `${mv.unitId}|${mv.fromRoomId ?? '-'}|${mv.toRoomId}`,
			order,
			unit: unitByKey.get(mv.unitId)?.name ?? mv.unitId,
			persons: mv.persons,
			from: mv.fromRoomId
				? label(mv.fromRoomId)
				: mv.fromRoomIds.length
					? mv.fromRoomIds.map(label).join('; ')
					: null,
			to: label(mv.toRoomId)
		}))
	};
}

/**
 * A scenario's stored settings as its settings form sends them (the "take theirs" values of a
 * stale save): numbers, the source, the weights, a priority and a ground-floor box per unit and
 * a "keep" box per locked room shown on the page.
 */
function settingsFormValues(
	s: ScenarioSettings,
	unitIds: number[],
	lockedIds: number[]
): Record<string, string> {
	const out: Record<string, string> = {
		minAreaPerPersonM2: String(s.minAreaPerPersonM2),
		minAreaSource: s.minAreaSource ?? '',
		maxUnitsPerRoom: String(s.maxUnitsPerRoom),
		weightUnseated: String(s.weights.unseated),
		weightWorstShortfall: String(s.weights.worstShortfall),
		weightShortfallM2: String(s.weights.shortfallM2),
		weightBuildings: String(s.weights.buildingsPerUnit),
		weightMoved: String(s.weights.moved)
	};
	for (const u of unitIds) {
		out[`priority_${u}`] = String(s.priorities[String(u)] ?? '');
		out[`ground_${u}`] = s.groundFloorUnitIds.includes(u) ? 'on' : '';
	}
	for (const r of lockedIds) {
		out[`keep_${r}`] = s.lockedRooms.some((l) => l.roomId === r) ? 'on' : '';
	}
	return out;
}

/** `building=<id>&` when the request names a building (so a redirect shows the same one). */
function buildingQuery(url: URL): string {
	const b = intParam(url, 'building');
	return b ? `building=${b}&` : '';
}

export const actions: Actions = {
	settings: async ({ request, locals, params }) => {
		const id = scenarioId(params.id);
		const wardId = locals.ward!.id;
		const detail = getScenario(locals.db, wardId, id, locals.locale);
		if (!detail) error(404, 'Not found');
		const unitIds = detail.built.units.map((u) => u.id);
		const lockedIds = detail.settings.lockedRooms.map((l) => l.roomId);
		const formData = await request.formData();
		const parsed = parseForm(
			settingsSchema(unitIds, lockedIds),
			formData,
			locals.locale,
			'settings'
		);
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data as Record<string, unknown> & {
			minAreaPerPersonM2: number;
			minAreaSource: string | null;
			maxUnitsPerRoom: number;
			weightUnseated: number;
			weightWorstShortfall: number;
			weightShortfallM2: number;
			weightBuildings: number;
			weightMoved: number;
			lockAddRoom: number | null;
			lockAddUnit: number | null;
		};
		const lockedRooms = detail.settings.lockedRooms.filter((l) => d[`keep_${l.roomId}`] === true);
		if (d.lockAddRoom !== null && d.lockAddUnit !== null) {
			if (lockedRooms.some((l) => l.roomId === d.lockAddRoom)) {
				return failField(
					parsed.values,
					'lockAddRoom',
					translate(locals.locale, 'plans.settings.lockDuplicate'),
					locals.locale,
					'settings'
				);
			}
			lockedRooms.push({ roomId: d.lockAddRoom, unitId: d.lockAddUnit });
		}
		const settings: ScenarioSettings = {
			minAreaPerPersonM2: d.minAreaPerPersonM2,
			minAreaSource: d.minAreaSource ?? '',
			maxUnitsPerRoom: d.maxUnitsPerRoom,
			priorities: Object.fromEntries(unitIds.map((u) => [String(u), d[`priority_${u}`] as number])),
			groundFloorUnitIds: unitIds.filter((u) => d[`ground_${u}`] === true),
			lockedRooms,
			weights: {
				unseated: d.weightUnseated,
				worstShortfall: d.weightWorstShortfall,
				shortfallM2: d.weightShortfallM2,
				buildingsPerUnit: d.weightBuildings,
				moved: d.weightMoved
			}
		};
		try {
			updateScenarioSettings(
				locals.db,
				actorOf(locals),
				wardId,
				id,
				settings,
				formVersion(formData)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				const stored = getScenario(locals.db, wardId, id, locals.locale)?.settings;
				return conflictFailure(locals.db, locals.locale, e, parsed.values, {
					form: 'settings',
					theirs: stored ? settingsFormValues(stored, unitIds, lockedIds) : undefined
				});
			}
			if (e instanceof PlansError && e.code === 'invalid-settings') {
				return fail(400, {
					form: 'settings',
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.settings.invalid')
				});
			}
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${id}?saved=1#settings`);
	},
	solve: async ({ request, locals, params }) => {
		const id = scenarioId(params.id);
		const parsed = parseForm(runSchema, await request.formData(), locals.locale, 'run');
		if (!parsed.ok) return parsed.failure;
		let queued = false;
		try {
			const job = queueSolve(locals.db, actorOf(locals), locals.ward!.id, id, {
				timeLimitS: parsed.data.timeLimitS
			});
			// Waiting for a solver slot: answer at once; the page shows the position and reloads.
			queued = job.state === 'queued';
			if (!queued) await job.promise;
		} catch (e) {
			if (e instanceof QueueFullError) {
				return fail(503, {
					form: 'run',
					values: parsed.values,
					errors: {},
					message: queueFullMessage(e, locals.locale)
				});
			}
			if (e instanceof PlansError && e.code === 'stale') {
				return fail(409, {
					form: 'run',
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.solve.stale')
				});
			}
			if (e instanceof AllocationInputError) {
				return fail(400, {
					form: 'run',
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.solve.inputError', { message: e.message })
				});
			}
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${id}${queued ? '' : '?solved=1'}`);
	},
	move: async ({ request, locals, params, url }) => {
		const id = scenarioId(params.id);
		const parsed = parseForm(moveSchema, await request.formData(), locals.locale, 'move');
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		try {
			editPlan(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				id,
				{
					kind: 'move',
					unitId: d.unitId,
					fromRoomId: d.fromRoomId === 0 ? null : d.fromRoomId,
					toRoomId: d.toRoomId,
					persons: d.persons
				},
				locals.locale
			);
		} catch (e) {
			if (e instanceof PlansError && e.code === 'rule') {
				return fail(400, {
					form: 'move',
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.move.refused'),
					violations: e.violations.slice(0, VIOLATIONS_SHOWN)
				});
			}
			if (e instanceof PlansError && e.code === 'invalid-unit') {
				return failField(
					parsed.values,
					'unitId',
					translate(locals.locale, 'plans.err.invalidUnit'),
					locals.locale,
					'move'
				);
			}
			if (e instanceof PlansError && e.code === 'invalid-room') {
				return failField(
					parsed.values,
					'toRoomId',
					translate(locals.locale, 'plans.err.invalidRoom'),
					locals.locale,
					'move'
				);
			}
			if (e instanceof PlansError && e.code === 'not-solved') {
				return fail(400, {
					form: 'move',
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.err.notSolved')
				});
			}
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(
			303,
			`/w/${locals.ward!.code}/plans/${id}?${buildingQuery(url)}room=${d.toRoomId}&moved=1#move`
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
		try {
			applyScenario(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				scenarioId(params.id),
				locals.locale
			);
		} catch (e) {
			const refusal = (message: string, violations: string[] = []) =>
				fail(400, {
					form: 'apply',
					message,
					violations: violations.slice(0, VIOLATIONS_SHOWN),
					violationCount: violations.length,
					values: {},
					errors: {}
				});
			if (e instanceof PlansError && e.code === 'infeasible') {
				return refusal(translate(locals.locale, 'plans.apply.refused'), e.violations);
			}
			if (e instanceof PlansError && e.code === 'stale') {
				return refusal(translate(locals.locale, 'plans.apply.staleRefused'));
			}
			if (e instanceof PlansError && e.code === 'not-solved') {
				return refusal(translate(locals.locale, 'plans.apply.notSolved'));
			}
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${params.id}?${buildingQuery(url)}applied=1`);
	}
};
