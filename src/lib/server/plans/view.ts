/**
 * What the plan pages show, cut from a scenario (the route files only read the request and
 * call these): the list page's overview, one scenario's screen (summary, per-unit rows, stack
 * plans per building, the instance and plan rows of the browser's live check, the move list),
 * the building shown and one sorted page of the move list.
 */
import { NON_WORK_ROOM_TYPES } from '../../constants';
import type { Locale } from '../../i18n';

import { currentVersion } from '../core/concurrency';
import type { DbLike } from '../db';
import { scenarios } from '../db/schema';
import { appliedArrangementByUnit } from './apply';
import { buildInstance, dbId, UNUSABLE_ROOM_TYPES } from './instance';
import { roomLabel } from './metrics';
import { getScenario, listScenarios } from './scenarios';
import { stackPlan } from './stack';

/** Rows of the move list per page. */
export const MOVES_PAGE_SIZE = 50;
/** Columns the move list sorts by. */
export const MOVE_SORTS = ['unit', 'persons', 'from', 'to'] as const;
export type MoveSort = (typeof MOVE_SORTS)[number];

/** The ward's instance summary, its scenarios with their figures and the current arrangement. */
export function plansOverview(db: DbLike, wardId: number) {
	const built = buildInstance(db, wardId);
	const usable = built.rooms.filter((r) => r.usable);
	return {
		summary: {
			units: built.units.length,
			people: built.units.reduce((s, u) => s + u.headcount, 0),
			entitledM2: built.units.reduce((s, u) => s + u.normAreaM2, 0),
			rooms: built.rooms.length,
			usable: usable.length,
			usableAreaM2: usable.reduce((s, r) => s + r.areaM2, 0),
			normSetName: built.normSetName,
			minAreaPerPersonM2: built.settings.minAreaPerPersonM2,
			maxUnitsPerRoom: built.settings.maxUnitsPerRoom,
			groundFloorUnits: built.units.filter((u) => u.groundFloorOnly).map((u) => u.name),
			lockedRooms: built.rooms.filter((r) => r.lockedUnitKey).length,
			unusableTypes: [...UNUSABLE_ROOM_TYPES],
			nonWorkTypes: [...NON_WORK_ROOM_TYPES]
		},
		scenarios: listScenarios(db, wardId).map(({ metrics, ...s }) => ({
			id: s.id,
			name: s.name,
			status: s.status,
			stale: s.stale,
			objective: s.objective,
			createdAt: s.createdAt,
			appliedAt: s.appliedAt,
			metrics: { ...metrics, units: [] }
		})),
		arrangement: appliedArrangementByUnit(db, wardId),
		instance: built.instance
	};
}

/** The scenario's version (sent back by its forms: optimistic concurrency), null when gone. */
export function scenarioVersion(db: DbLike, id: number): number | null {
	return currentVersion(db, scenarios, id);
}

export type ScenarioView = NonNullable<ReturnType<typeof scenarioView>>;
export type MoveView = ScenarioView['moves'][number];

/**
 * A scenario cut up for its page; undefined when it is not the ward's. Everything here depends
 * on the database only, so the page caches it per database revision.
 *
 * - `buildings`: per building its label, its rooms and the persons moving into it;
 *   `defaultIndex` is the building most people move into (the first on a tie);
 * - `stacks`: the stack plan of each building (same order);
 * - `moves`: one row per move with the unit's name, the persons and the rooms' labels, `order`
 *   the move list's own order (ties of a sort keep it).
 */
export function scenarioView(db: DbLike, wardId: number, id: number, locale: Locale) {
	const detail = getScenario(db, wardId, id, locale);
	if (!detail) return undefined;
	const { built, plan } = detail;
	const unitByKey = new Map(built.units.map((u) => [u.key, u]));
	const label = (key: string) => roomLabel(built, key);

	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const movesIn = new Map<string, number>();
	for (const move of detail.moves) {
		const room = roomByKey.get(move.toRoomId);
		if (room) movesIn.set(room.buildingKey, (movesIn.get(room.buildingKey) ?? 0) + move.persons);
	}
	const roomCount = new Map<string, number>();
	for (const room of built.rooms) {
		roomCount.set(room.buildingKey, (roomCount.get(room.buildingKey) ?? 0) + 1);
	}
	const stacks = stackPlan(built, plan).map((stack) => ({ ...stack, id: dbId(stack.key) }));
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
	const settings = detail.settings;

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
			minAreaPerPersonM2: settings.minAreaPerPersonM2,
			minAreaSource: settings.minAreaSource,
			maxUnitsPerRoom: settings.maxUnitsPerRoom,
			weights: settings.weights,
			locked: settings.lockedRooms.map((lock) => ({
				roomId: lock.roomId,
				unitId: lock.unitId,
				room: label(`r${lock.roomId}`),
				unit: unitByKey.get(`u${lock.unitId}`)?.name ?? String(lock.unitId)
			}))
		},
		units: built.units.map((u) => ({
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			normM2: u.normM2,
			priority: settings.priorities[String(u.id)] ?? u.priority,
			groundFloorOnly: settings.groundFloorUnitIds.includes(u.id)
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
		moves: detail.moves.map((move, order) => ({
			key: `${move.unitId}|${move.fromRoomId ?? '-'}|${move.toRoomId}`,
			order,
			unit: unitByKey.get(move.unitId)?.name ?? move.unitId,
			persons: move.persons,
			from: move.fromRoomId
				? label(move.fromRoomId)
				: move.fromRoomIds.length
					? move.fromRoomIds.map(label).join('; ')
					: null,
			to: label(move.toRoomId)
		}))
	};
}

/**
 * The building shown: the one asked for (`building`), else the building of the room asked for
 * (`room`, after a move), else the one most people move into; -1 when the ward has none.
 */
export function chosenBuilding(
	view: Pick<ScenarioView, 'buildings' | 'defaultIndex' | 'stacks' | 'buildingOfRoom'>,
	asked: { building: number | null; room: number | null }
) {
	const building =
		asked.building ?? (asked.room ? (view.buildingOfRoom.get(asked.room) ?? null) : null);
	const index = Math.max(
		0,
		building === null ? view.defaultIndex : view.buildings.findIndex((b) => b.id === building)
	);
	const stack = view.stacks[index] ?? null;
	return { stack, index: stack ? index : -1 };
}

/** Buildings the stack plan's picker lists at most (a ward with more lists them on ./buildings). */
export const PICKER_BUILDINGS = 20;

type BuildingView = ScenarioView['buildings'][number];

/**
 * What the stack plan's building picker shows around the building at `index`: every building
 * of a ward of up to `max`, else the building shown and those people move into (most first),
 * `max` in all, in the ward's order; `all` says whether every building is listed (else the page
 * links the list of all of them). `prev` and `next` are the neighbours in the ward's order.
 *
 * Example: 100 buildings, 2 of them with people moving in (#40: 3 persons, #7: 1), #55 shown:
 * options #7, #40, #55 and `all: false`, prev #54, next #56.
 */
export function buildingChoices(
	buildings: readonly BuildingView[],
	index: number,
	max = PICKER_BUILDINGS
) {
	const neighbour = (i: number) => (i >= 0 && i < buildings.length ? buildings[i].id : null);
	const around = {
		prev: neighbour(index - 1),
		next: neighbour(index + 1),
		total: buildings.length
	};
	if (buildings.length <= max) return { options: [...buildings], all: true, ...around };
	const keep = new Set<number>(index >= 0 ? [index] : []);
	const movedInto = buildings
		.map((b, i) => ({ i, n: b.movesIn }))
		.filter((x) => x.n > 0)
		.sort((a, b) => b.n - a.n || a.i - b.i);
	for (const { i } of movedInto) {
		if (keep.size >= max) break;
		keep.add(i);
	}
	const options = [...keep].sort((a, b) => a - b).map((i) => buildings[i]);
	return { options, all: false, ...around };
}

/**
 * One page of the move list sorted by a column (`unit`, `from`, `to` by Vietnamese collation,
 * `persons` by number; ties keep the list's order), the page clamped to the last one.
 *
 * Example: 120 moves, page size 50, `?page=9` gives page 3 (rows 101-120).
 */
export function movesPage(
	moves: readonly MoveView[],
	sortAsked: string | null,
	dirAsked: string | null,
	pageAsked: number | null
) {
	const sort: MoveSort = MOVE_SORTS.includes(sortAsked as MoveSort)
		? (sortAsked as MoveSort)
		: 'unit';
	const dir: 'asc' | 'desc' = dirAsked === 'desc' ? 'desc' : 'asc';
	const sign = dir === 'desc' ? -1 : 1;
	const text = (m: MoveView) =>
		sort === 'unit' ? m.unit : sort === 'from' ? (m.from ?? '') : m.to;
	const sorted = [...moves].sort((a, b) => {
		const c = sort === 'persons' ? a.persons - b.persons : text(a).localeCompare(text(b), 'vi');
		return sign * c || a.order - b.order;
	});
	const pages = Math.max(1, Math.ceil(sorted.length / MOVES_PAGE_SIZE));
	const page = Math.min(pages, pageAsked ?? 1);
	return {
		rows: sorted.slice((page - 1) * MOVES_PAGE_SIZE, page * MOVES_PAGE_SIZE),
		page,
		pageSize: MOVES_PAGE_SIZE,
		total: sorted.length,
		sort,
		dir
	};
}
