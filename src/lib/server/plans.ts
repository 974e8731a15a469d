/**
 * Short-term reallocation (bố trí tạm thời): seat every unit of a ward in its old facilities.
 *
 * {@link buildInstance} turns the ward's inventory into an instance of the allocation solver
 * (`$lib/allocation`), scenarios keep the instance, the solver's result and the (possibly
 * hand-edited) assignments, and {@link applyScenario} makes a scenario the current occupancy.
 * Every function takes `db` and the ward's id, so a scenario of another ward is never found.
 * Writes run in one transaction with their audit rows.
 */
import { createRequire } from 'node:module';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
	checkAllocation,
	DEFAULT_WEIGHTS,
	moveList,
	solveAllocation,
	type AllocationInstance,
	type AllocationResult,
	type AllocationWeights,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type Violation
} from '../allocation';
import { NON_WORK_ROOM_TYPES, type DangerLevel, type RoomType } from '../constants';
import { formatDate, translate, type Locale, type MessageKey } from '../i18n';
import { NORM_SET_155_2025 } from '../norms';
import type { Actor } from './audit';
import { writeAudit } from './audit';
import type { Db, DbLike } from './db';
import { assignments, orgUnits, positions, rooms, scenarios } from './db/schema';
import { currentNormSet } from './inventory-stats';
import { escapeText } from './io/common';

// ---------------------------------------------------------------------------------------------
// The instance
// ---------------------------------------------------------------------------------------------

/**
 * Room types that never receive desks in a reallocation, with the reason shown on the page:
 * - `toilet`, `corridor`, `store`: not working space at all (`NON_WORK_ROOM_TYPES`);
 * - `hall` (hội trường): the ward's only room for meetings of 100+ seats, citizen conferences
 *   and elections; 155/2025 counts it as specialised area, so filling it with desks would take
 *   away a function the ward must keep;
 * - `archive` (kho lưu trữ) and `it` (phòng máy chủ): hold shelving or servers that cannot be
 *   moved at short notice.
 *
 * Kept usable on purpose: `office`, `other`; `one-stop` (bộ phận một cửa: the public-facing
 * service centre needs exactly these rooms); `meeting` and `reception` (a small meeting or
 * reception room can hold desks for a few months; the solver uses them only when it helps).
 */
export const UNUSABLE_ROOM_TYPES: readonly RoomType[] = Object.freeze([
	...NON_WORK_ROOM_TYPES,
	'hall',
	'archive',
	'it'
]);

/** Danger levels (TCVN 9381:2012) of a building's latest survey that close all its rooms. */
export const UNUSABLE_DANGER_LEVELS: readonly DangerLevel[] = Object.freeze(['C', 'D']);

/** Why a room receives nobody: its building's danger level, or its type. */
export type UnusableReason = 'danger' | 'room-type';

export interface PlanUnit {
	/** Id in the solver instance: `u` + database id. */
	key: string;
	id: number;
	code: string;
	name: string;
	publicFacing: boolean;
	/** Σ approved positions. */
	headcount: number;
	/** Weighted mean norm: Σ approved × m² / Σ approved. */
	areaPerPersonM2: number;
	/** Rooms the unit occupies today (rooms.org_unit_id), as instance ids. */
	currentRoomKeys: string[];
	/** People sitting in those rooms today (Σ rooms.occupants). */
	currentOccupants: number;
}

export interface PlanBuilding {
	/** Id in the solver instance: `b` + database id. */
	key: string;
	id: number;
	code: string;
	name: string;
	facilityId: number;
	facilityCode: string;
	facilityName: string;
	levels: number;
	/** Danger level of the latest survey; null when never surveyed. */
	dangerLevel: DangerLevel | null;
}

export interface PlanRoom {
	/** Id in the solver instance: `r` + database id. */
	key: string;
	id: number;
	buildingKey: string;
	code: string;
	name: string;
	level: number;
	type: RoomType;
	areaM2: number;
	usable: boolean;
	reason: UnusableReason | null;
	/** Occupancy today. */
	orgUnitId: number | null;
	occupants: number;
}

/** A solver instance with the inventory rows it was built from (the mapping back to the DB). */
export interface BuiltInstance {
	instance: AllocationInstance;
	units: PlanUnit[];
	buildings: PlanBuilding[];
	rooms: PlanRoom[];
	/** The norm set the m²/person come from. */
	normSetName: string;
	builtAt: number;
}

/** `u12` → 12, `r345` → 345; NaN for anything else. */
export function dbId(key: string): number {
	const m = /^[ubr](\d+)$/.exec(key);
	return m ? Number(m[1]) : Number.NaN;
}

/** The weights with defaults filled in. */
export function fullWeights(w: AllocationWeights = {}): Required<AllocationWeights> {
	return {
		unplaced: w.unplaced ?? DEFAULT_WEIGHTS.unplaced,
		buildingsPerUnit: w.buildingsPerUnit ?? DEFAULT_WEIGHTS.buildingsPerUnit,
		moved: w.moved ?? DEFAULT_WEIGHTS.moved
	};
}

/** The specialist norm: used for titles missing from the norm set and for empty units. */
function fallbackNorm(items: Map<string, number>): number {
	return items.get('specialist') ?? 15;
}

/**
 * Builds the reallocation instance of a ward from its inventory and staffing. The rules
 * (shown on the plans page as well):
 *
 * 1. Units: every org unit of the ward. Headcount = Σ approved positions (biên chế được giao).
 *    m²/person = the unit's weighted mean norm under the current 155/2025 norm set in the
 *    database (Σ approved × m² of the title / Σ approved); a title missing from the norm set
 *    and a unit without positions use the specialist norm (15 m²). When the database has no
 *    current norm set, the built-in 155/2025 figures are used.
 * 2. Public-facing units (`public_facing`, e.g. the Trung tâm Phục vụ hành chính công) may use
 *    ground-floor (level 1) rooms only, so citizens reach them without stairs.
 * 3. Rooms: every room of the ward's buildings. A room is unusable when the LATEST condition
 *    survey of its building is danger level C or D (TCVN 9381:2012; a building never surveyed
 *    counts as usable), or when its type is in {@link UNUSABLE_ROOM_TYPES}.
 * 4. Capacity: Σ persons × m²/person of the units seated in a room ≤ the room's clear area
 *    (the solver's rule); several units may share a room.
 * 5. Current rooms: the rooms whose `org_unit_id` is the unit today; people seated there are
 *    not counted as moved.
 * 6. Ids: units `u<id>`, rooms `r<id>`, buildings `b<id>` (database ids); {@link dbId} maps back.
 *
 * Example (sample ward Bình Trưng): unit TTPVHCC has positions 1 division head (18 m²) and
 * 19 specialists (15 m²), so headcount 20 and m²/person (18 + 285) / 20 = 15.15, ground floor
 * only; the rooms of the C building "CS-BTT-DU / A" are unusable.
 */
export function buildInstance(
	db: Db,
	wardId: number,
	weights: AllocationWeights = DEFAULT_WEIGHTS
): BuiltInstance {
	const norm = currentNormSet(db);
	const normItems = new Map<string, number>(
		norm
			? norm.items.map((i) => [i.titleKey, i.m2PerPerson])
			: NORM_SET_155_2025.titles.map((t) => [t.key, t.m2PerPerson])
	);
	const fallback = fallbackNorm(normItems);

	const unitRows = db
		.select({
			id: orgUnits.id,
			code: orgUnits.code,
			name: orgUnits.name,
			publicFacing: orgUnits.publicFacing
		})
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(orgUnits.id))
		.all();
	const positionRows = db
		.select({
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			approved: positions.approved
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.all();

	const buildingRows = db.$client
		.prepare(
			`select b.id, b.code, b.name, b.levels_above_ground as levels, f.id as facilityId,
			        f.code as facilityCode, f.name as facilityName,
			        (select s.danger_level from condition_surveys s where s.building_id = b.id
			         order by s.surveyed_on desc, s.id desc limit 1) as dangerLevel
			 from buildings b join facilities f on f.id = b.facility_id
			 where f.ward_id = ? order by f.code, b.code, b.id`
		)
		.all(wardId) as Omit<PlanBuilding, 'key'>[];
	const planBuildings: PlanBuilding[] = buildingRows.map((b) => ({ ...b, key: `b${b.id}` }));
	const buildingById = new Map(planBuildings.map((b) => [b.id, b]));

	const roomRows = buildingRows.length
		? db
				.select({
					id: rooms.id,
					buildingId: rooms.buildingId,
					code: rooms.code,
					name: rooms.name,
					level: rooms.level,
					type: rooms.type,
					areaM2: rooms.areaM2,
					orgUnitId: rooms.orgUnitId,
					occupants: rooms.occupants
				})
				.from(rooms)
				.where(
					inArray(
						rooms.buildingId,
						buildingRows.map((b) => b.id)
					)
				)
				.orderBy(asc(rooms.level), asc(rooms.code), asc(rooms.id))
				.all()
		: [];
	// Instance order: building by building (the order of the stack plan), then level and code.
	const order = new Map(planBuildings.map((b, i) => [b.id, i]));
	roomRows.sort((a, b) => order.get(a.buildingId)! - order.get(b.buildingId)!);

	const planRooms: PlanRoom[] = roomRows.map((r) => {
		const building = buildingById.get(r.buildingId)!;
		const dangerous =
			building.dangerLevel !== null && UNUSABLE_DANGER_LEVELS.includes(building.dangerLevel);
		const reason: UnusableReason | null = dangerous
			? 'danger'
			: UNUSABLE_ROOM_TYPES.includes(r.type)
				? 'room-type'
				: null;
		return {
			key: `r${r.id}`,
			id: r.id,
			buildingKey: building.key,
			code: r.code,
			name: r.name,
			level: r.level,
			type: r.type,
			areaM2: r.areaM2,
			usable: reason === null,
			reason,
			orgUnitId: r.orgUnitId,
			occupants: r.occupants
		};
	});

	const planUnits: PlanUnit[] = unitRows.map((u) => {
		const mine = positionRows.filter((p) => p.unitId === u.id);
		const headcount = mine.reduce((s, p) => s + p.approved, 0);
		const entitled = mine.reduce(
			(s, p) => s + p.approved * (normItems.get(p.titleKey) ?? fallback),
			0
		);
		const current = planRooms.filter((r) => r.orgUnitId === u.id);
		return {
			key: `u${u.id}`,
			id: u.id,
			code: u.code,
			name: u.name,
			publicFacing: u.publicFacing,
			headcount,
			areaPerPersonM2: headcount > 0 ? entitled / headcount : fallback,
			currentRoomKeys: current.map((r) => r.key),
			currentOccupants: current.reduce((s, r) => s + r.occupants, 0)
		};
	});

	const instance: AllocationInstance = {
		units: planUnits.map((u) => ({
			id: u.key,
			headcount: u.headcount,
			areaPerPersonM2: u.areaPerPersonM2,
			groundFloorOnly: u.publicFacing,
			currentRoomIds: u.currentRoomKeys
		})),
		rooms: planRooms.map((r) => ({
			id: r.key,
			buildingId: r.buildingKey,
			level: r.level,
			areaM2: r.areaM2,
			usable: r.usable
		})),
		weights: fullWeights(weights)
	};
	return {
		instance,
		units: planUnits,
		buildings: planBuildings,
		rooms: planRooms,
		normSetName: norm?.name ?? NORM_SET_155_2025.labelVi,
		builtAt: Date.now()
	};
}

// ---------------------------------------------------------------------------------------------
// Metrics of a plan
// ---------------------------------------------------------------------------------------------

export interface UnitOutcome {
	key: string;
	id: number;
	code: string;
	name: string;
	headcount: number;
	placed: number;
	unplaced: number;
	moved: number;
	buildings: number;
	/**
	 * Area given to the unit: each room's area shared among the units seated in it in proportion
	 * to their norm area (persons × m²/person).
	 */
	placedAreaM2: number;
	/** placedAreaM2 / placed; null when nobody is placed. */
	areaPerPersonM2: number | null;
	normM2PerPerson: number;
	/** Placed area ÷ placed persons is below the unit's norm. */
	shortOfNorm: boolean;
}

export interface PlanMetrics {
	headcount: number;
	placed: number;
	unplaced: number;
	moved: number;
	/** Mean number of buildings a unit with people placed is spread over. */
	buildingsPerUnit: number;
	/** Σ placed area / Σ placed persons; null when nobody is placed. */
	areaPerPersonM2: number | null;
	/** Σ headcount × norm / Σ headcount. */
	normM2PerPerson: number;
	units: UnitOutcome[];
}

/** Adds up rows of the same (unit, room) and drops rows with nobody. */
export function normalisePlan(plan: readonly Assignment[]): Assignment[] {
	const sums = new Map<string, Assignment>();
	for (const a of plan) {
		const k = `${a.unitId}|${a.roomId}`;
		const prev = sums.get(k);
		if (prev) prev.persons += a.persons;
		else sums.set(k, { ...a });
	}
	return [...sums.values()].filter((a) => a.persons > 0);
}

/**
 * Figures of a plan: people placed, unplaced and moved, buildings per unit, area per person
 * against the norm, per unit and in total.
 *
 * Example: one unit of 3 people × 10 m² (currently in R20) with the plan R20: 2, R15: 1 in
 * building A: placed 3, moved 1, 1 building, placed area 20 + 15 = 35 m², 11,67 m²/person.
 */
export function planMetrics(built: BuiltInstance, plan: readonly Assignment[]): PlanMetrics {
	const rows = normalisePlan(plan);
	const unitByKey = new Map(built.units.map((u) => [u.key, u]));
	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const load = new Map<string, number>();
	for (const a of rows) {
		const u = unitByKey.get(a.unitId);
		if (!u || !roomByKey.has(a.roomId)) continue;
		load.set(a.roomId, (load.get(a.roomId) ?? 0) + a.persons * u.areaPerPersonM2);
	}
	const units: UnitOutcome[] = built.units.map((u) => {
		const mine = rows.filter((a) => a.unitId === u.key && roomByKey.has(a.roomId));
		const current = new Set(u.currentRoomKeys);
		const placed = mine.reduce((s, a) => s + a.persons, 0);
		const moved = mine.filter((a) => !current.has(a.roomId)).reduce((s, a) => s + a.persons, 0);
		const bset = new Set(mine.map((a) => roomByKey.get(a.roomId)!.buildingKey));
		const placedAreaM2 = mine.reduce((s, a) => {
			const room = roomByKey.get(a.roomId)!;
			const total = load.get(a.roomId) ?? 0;
			return total > 0 ? s + (room.areaM2 * a.persons * u.areaPerPersonM2) / total : s;
		}, 0);
		const areaPerPersonM2 = placed > 0 ? placedAreaM2 / placed : null;
		return {
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			placed,
			unplaced: Math.max(0, u.headcount - placed),
			moved,
			buildings: bset.size,
			placedAreaM2,
			areaPerPersonM2,
			normM2PerPerson: u.areaPerPersonM2,
			shortOfNorm: areaPerPersonM2 !== null && areaPerPersonM2 < u.areaPerPersonM2 - 1e-6
		};
	});
	const headcount = units.reduce((s, u) => s + u.headcount, 0);
	const placed = units.reduce((s, u) => s + u.placed, 0);
	const used = units.filter((u) => u.placed > 0);
	const area = units.reduce((s, u) => s + u.placedAreaM2, 0);
	return {
		headcount,
		placed,
		unplaced: units.reduce((s, u) => s + u.unplaced, 0),
		moved: units.reduce((s, u) => s + u.moved, 0),
		buildingsPerUnit: used.length ? used.reduce((s, u) => s + u.buildings, 0) / used.length : 0,
		areaPerPersonM2: placed > 0 ? area / placed : null,
		normM2PerPerson:
			headcount > 0
				? built.units.reduce((s, u) => s + u.headcount * u.areaPerPersonM2, 0) / headcount
				: 0,
		units
	};
}

// ---------------------------------------------------------------------------------------------
// Violations in the user's language
// ---------------------------------------------------------------------------------------------

/** "TS-01/A 1.04 — Phòng làm việc 1.04", or the key when the room is not in the instance. */
export function roomLabel(built: BuiltInstance, roomKey: string): string {
	const r = built.rooms.find((x) => x.key === roomKey);
	if (!r) return roomKey;
	const b = built.buildings.find((x) => x.key === r.buildingKey);
	return `${b ? `${b.facilityCode}/${b.code} ` : ''}${r.code} — ${r.name}`;
}

function unitLabel(built: BuiltInstance, unitKey: string): string {
	return built.units.find((u) => u.key === unitKey)?.name ?? unitKey;
}

/** A violation found by `checkAllocation`, said in the user's language with names, not ids. */
export function violationText(
	locale: Locale,
	v: Violation,
	built: BuiltInstance,
	plan: readonly Assignment[]
): string {
	const rows = normalisePlan(plan);
	const room = v.roomId ? built.rooms.find((r) => r.key === v.roomId) : undefined;
	const unit = v.unitId ? built.units.find((u) => u.key === v.unitId) : undefined;
	const persons = rows
		.filter((a) => a.unitId === v.unitId && a.roomId === v.roomId)
		.reduce((s, a) => s + a.persons, 0);
	const t = (key: MessageKey, p: Record<string, string | number> = {}) =>
		translate(locale, key, {
			room: v.roomId ? roomLabel(built, v.roomId) : '',
			unit: v.unitId ? unitLabel(built, v.unitId) : '',
			persons,
			...p
		});
	switch (v.kind) {
		case 'capacity': {
			const need = rows
				.filter((a) => a.roomId === v.roomId)
				.reduce(
					(s, a) =>
						s + a.persons * (built.units.find((u) => u.key === a.unitId)?.areaPerPersonM2 ?? 0),
					0
				);
			return t('plans.v.capacity', {
				need: Math.round(need * 10) / 10,
				area: room?.areaM2 ?? 0
			});
		}
		case 'unusable':
			return t(room?.reason === 'danger' ? 'plans.v.unusableDanger' : 'plans.v.unusableType', {
				type: room ? translate(locale, `roomType.${room.type}`) : ''
			});
		case 'ground-floor':
			return t('plans.v.groundFloor', { level: room?.level ?? '' });
		case 'headcount': {
			const placed = rows.filter((a) => a.unitId === v.unitId).reduce((s, a) => s + a.persons, 0);
			return t('plans.v.headcount', { placed, headcount: unit?.headcount ?? 0 });
		}
		case 'unknown-room':
			return t('plans.v.unknownRoom');
		case 'unknown-unit':
			return t('plans.v.unknownUnit');
		default:
			return t('plans.v.nonInteger');
	}
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

export type ScenarioStatus = AllocationResult['status'] | 'edited';

/** A write refused for a reason the user can fix. */
export class PlansError extends Error {
	constructor(
		public readonly code: 'not-found' | 'invalid-unit' | 'invalid-room' | 'infeasible' | 'stale',
		public readonly violations: string[] = []
	) {
		super(code);
	}
}

export interface ScenarioListRow {
	id: number;
	name: string;
	status: string;
	objective: number | null;
	optimum: number | null;
	weights: Required<AllocationWeights>;
	createdAt: number;
	appliedAt: number | null;
	manualRows: number;
	metrics: PlanMetrics;
}

export interface ScenarioDetail extends Omit<ScenarioListRow, 'metrics'> {
	built: BuiltInstance;
	result: AllocationResult | null;
	plan: (Assignment & { manual: boolean })[];
	metrics: PlanMetrics;
	check: CheckResult;
	/** The violations in the user's language (empty when feasible). */
	violations: string[];
	moves: MoveRow[];
}

type ScenarioRow = typeof scenarios.$inferSelect;

function planOf(db: DbLike, scenarioId: number) {
	return db
		.select({
			orgUnitId: assignments.orgUnitId,
			roomId: assignments.roomId,
			persons: assignments.persons,
			manual: assignments.manual
		})
		.from(assignments)
		.where(eq(assignments.scenarioId, scenarioId))
		.orderBy(asc(assignments.id))
		.all()
		.map((a) => ({
			unitId: `u${a.orgUnitId}`,
			roomId: `r${a.roomId}`,
			persons: a.persons,
			manual: a.manual
		}));
}

function resultOf(row: ScenarioRow): AllocationResult | null {
	return row.resultJson ? (JSON.parse(row.resultJson) as AllocationResult) : null;
}

function listRow(
	row: ScenarioRow,
	built: BuiltInstance,
	plan: (Assignment & { manual: boolean })[]
): ScenarioListRow {
	const result = resultOf(row);
	return {
		id: row.id,
		name: row.name,
		status: row.status,
		objective: row.objective,
		optimum: result && result.status !== 'error' ? result.objective : null,
		weights: fullWeights(JSON.parse(row.weightsJson) as AllocationWeights),
		createdAt: row.createdAt,
		appliedAt: row.appliedAt,
		manualRows: plan.filter((a) => a.manual).length,
		metrics: planMetrics(built, plan)
	};
}

/** The ward's scenarios, newest first, with their figures (for the list and the comparison). */
export function listScenarios(db: Db, wardId: number, limit = 100): ScenarioListRow[] {
	const rows = db
		.select()
		.from(scenarios)
		.where(eq(scenarios.wardId, wardId))
		.orderBy(desc(scenarios.createdAt), desc(scenarios.id))
		.limit(limit)
		.all();
	return rows.map((row) => {
		const built = JSON.parse(row.instanceJson) as BuiltInstance;
		return listRow(row, built, planOf(db, row.id));
	});
}

/** A scenario of the ward with its instance, plan, check, figures and moves; or undefined. */
export function getScenario(
	db: Db,
	wardId: number,
	id: number,
	locale: Locale = 'vi'
): ScenarioDetail | undefined {
	const row = db
		.select()
		.from(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId)))
		.get();
	if (!row) return undefined;
	const built = JSON.parse(row.instanceJson) as BuiltInstance;
	const plan = planOf(db, row.id);
	const check = checkAllocation(built.instance, plan);
	return {
		...listRow(row, built, plan),
		built,
		result: resultOf(row),
		plan,
		check,
		violations: check.violations.map((v) => violationText(locale, v, built, plan)),
		moves: moveList(built.instance, plan)
	};
}

/**
 * Stores a solved scenario: its instance, the solver's result, the status and objective, and
 * one assignment row per (unit, room) of the result, with one audit row, in one transaction.
 */
export function saveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	name: string,
	built: BuiltInstance,
	result: AllocationResult
): number {
	return db.transaction((tx) => {
		const row = tx
			.insert(scenarios)
			.values({
				wardId,
				name,
				weightsJson: JSON.stringify(built.instance.weights ?? DEFAULT_WEIGHTS),
				instanceJson: JSON.stringify(built),
				resultJson: JSON.stringify(result),
				status: result.status,
				objective: result.status === 'error' ? null : result.objective,
				createdBy: actor.userId
			})
			.returning({ id: scenarios.id })
			.get();
		for (const a of normalisePlan(result.assignments)) {
			tx.insert(assignments)
				.values({
					scenarioId: row.id,
					orgUnitId: dbId(a.unitId),
					roomId: dbId(a.roomId),
					persons: a.persons,
					manual: false
				})
				.run();
		}
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: row.id,
			action: 'create',
			after: {
				name,
				status: result.status,
				objective: result.objective,
				weights: built.instance.weights,
				assignments: result.assignments.length,
				unplaced: result.unplaced
			}
		});
		return row.id;
	});
}

/**
 * Builds the ward's instance with the given weights, solves it within the time limit and stores
 * the scenario (see {@link saveScenario}); returns the new scenario's id.
 *
 * HiGHS works on a worker thread, so other requests are served meanwhile. If one of them changed
 * what the instance is built from (rooms, surveys, units, positions, norms), the plan answers an
 * outdated question: it is not stored and `PlansError('stale')` is thrown. The comparison and
 * the insert run synchronously, so nothing can change between them.
 *
 * Example: `await solveScenario(db, actor, wardId, { name: 'PA1', weights: {}, timeLimitS: 10 })`
 * seats the 119 people of the sample ward Bình Trưng and returns the scenario id.
 */
export async function solveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; weights: AllocationWeights; timeLimitS: number }
): Promise<number> {
	const built = buildInstance(db, wardId, input.weights);
	const result = await solveAllocation(built.instance, { timeLimitS: input.timeLimitS });
	const now = buildInstance(db, wardId, input.weights);
	if (JSON.stringify({ ...now, builtAt: 0 }) !== JSON.stringify({ ...built, builtAt: 0 }))
		throw new PlansError('stale');
	return saveScenario(db, actor, wardId, input.name, built, result);
}

function scenarioRow(db: DbLike, wardId: number, id: number): ScenarioRow {
	const row = db
		.select()
		.from(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId)))
		.get();
	if (!row) throw new PlansError('not-found');
	return row;
}

/**
 * Manual edit: sets the number of people of a unit in a room (0 removes them) and flags the row
 * manual. The unit and the room must belong to the scenario's instance (so to the ward); the
 * edited plan is then checked with `checkAllocation` and the scenario gets status `edited` and
 * the objective of the edited plan. An infeasible edit is kept (so the planner can see and fix
 * it) but {@link applyScenario} refuses it.
 */
export function editAssignment(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { unitId: number; roomId: number; persons: number }
): CheckResult {
	return db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		const built = JSON.parse(row.instanceJson) as BuiltInstance;
		const unitKey = `u${input.unitId}`;
		const roomKey = `r${input.roomId}`;
		if (!built.units.some((u) => u.key === unitKey)) throw new PlansError('invalid-unit');
		if (!built.rooms.some((r) => r.key === roomKey)) throw new PlansError('invalid-room');
		const where = and(
			eq(assignments.scenarioId, id),
			eq(assignments.orgUnitId, input.unitId),
			eq(assignments.roomId, input.roomId)
		);
		const before = tx.select().from(assignments).where(where).all();
		const beforePersons = before.reduce((s, a) => s + a.persons, 0);
		tx.delete(assignments).where(where).run();
		if (input.persons > 0) {
			tx.insert(assignments)
				.values({
					scenarioId: id,
					orgUnitId: input.unitId,
					roomId: input.roomId,
					persons: input.persons,
					manual: true
				})
				.run();
		}
		const plan = planOf(tx, id);
		const check = checkAllocation(built.instance, plan);
		tx.update(scenarios)
			.set({ status: 'edited', objective: check.objective, updatedAt: Date.now() })
			.where(eq(scenarios.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: { unitId: input.unitId, roomId: input.roomId, persons: beforePersons },
			after: {
				unitId: input.unitId,
				roomId: input.roomId,
				persons: input.persons,
				feasible: check.feasible,
				objective: check.objective
			}
		});
		return check;
	});
}

/** Puts back the solver's plan (undoing every manual edit). */
export function resetScenario(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		const result = resultOf(row);
		if (!result) throw new PlansError('not-found');
		tx.delete(assignments).where(eq(assignments.scenarioId, id)).run();
		// Rooms or units deleted since the solve are left out (their rows were cascaded away).
		const plan = normalisePlan(result.assignments);
		const existing = <T extends { id: number }>(ids: number[], rows: (ids: number[]) => T[]) =>
			new Set(ids.length ? rows(ids).map((r) => r.id) : []);
		const roomIds = existing([...new Set(plan.map((a) => dbId(a.roomId)))], (ids) =>
			tx.select({ id: rooms.id }).from(rooms).where(inArray(rooms.id, ids)).all()
		);
		const unitIds = existing([...new Set(plan.map((a) => dbId(a.unitId)))], (ids) =>
			tx.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids)).all()
		);
		for (const a of plan) {
			if (!roomIds.has(dbId(a.roomId)) || !unitIds.has(dbId(a.unitId))) continue;
			tx.insert(assignments)
				.values({
					scenarioId: id,
					orgUnitId: dbId(a.unitId),
					roomId: dbId(a.roomId),
					persons: a.persons,
					manual: false
				})
				.run();
		}
		tx.update(scenarios)
			.set({
				status: result.status,
				objective: result.status === 'error' ? null : result.objective,
				updatedAt: Date.now()
			})
			.where(eq(scenarios.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: { status: row.status, objective: row.objective },
			after: { status: result.status, objective: result.objective, reset: true }
		});
	});
}

export function deleteScenario(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		tx.delete(scenarios).where(eq(scenarios.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'delete',
			before: { name: row.name, status: row.status, objective: row.objective }
		});
	});
}

/**
 * "Áp dụng phương án": makes the scenario the ward's current occupancy, in ONE transaction.
 *
 * The plan is checked first against the ward's inventory as it is NOW (a fresh instance): a plan
 * with any violation (an edit into an unusable room, over capacity, a room deleted or a building
 * surveyed C/D since the solve…) is refused with {@link PlansError} `infeasible`. Then every room
 * of the ward gets `org_unit_id` = the unit with the most people seated there (the first in unit
 * order on a tie; `rooms` holds one unit per room) and `occupants` = all people seated there;
 * rooms not in the plan are vacated (no unit, 0 people). One audit row per room that changes,
 * one `apply` row for the scenario, and `applied_at` is set.
 *
 * Returns the number of rooms changed.
 */
export function applyScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	locale: Locale = 'vi'
): { changedRooms: number } {
	const detail = getScenario(db, wardId, id, locale);
	if (!detail) throw new PlansError('not-found');
	// The current inventory: no await between this read and the transaction below, and
	// better-sqlite3 is synchronous, so nothing can change in between.
	const fresh = buildInstance(db, wardId, detail.weights);
	const plan = normalisePlan(detail.plan);
	const check = checkAllocation(fresh.instance, plan);
	if (!check.feasible) {
		throw new PlansError(
			'infeasible',
			check.violations.map((v) => violationText(locale, v, fresh, plan))
		);
	}
	const unitOrder = new Map(fresh.units.map((u, i) => [u.key, i]));
	const target = new Map<number, { orgUnitId: number; occupants: number; best: number }>();
	for (const a of [...plan].sort((x, y) => unitOrder.get(x.unitId)! - unitOrder.get(y.unitId)!)) {
		const roomId = dbId(a.roomId);
		const t = target.get(roomId);
		if (!t)
			target.set(roomId, { orgUnitId: dbId(a.unitId), occupants: a.persons, best: a.persons });
		else {
			t.occupants += a.persons;
			if (a.persons > t.best) {
				t.best = a.persons;
				t.orgUnitId = dbId(a.unitId);
			}
		}
	}
	return db.transaction((tx) => {
		const now = Date.now();
		let changedRooms = 0;
		for (const room of fresh.rooms) {
			const t = target.get(room.id);
			const orgUnitId = t?.orgUnitId ?? null;
			const occupants = t?.occupants ?? 0;
			if (room.orgUnitId === orgUnitId && room.occupants === occupants) continue;
			const before = tx.select().from(rooms).where(eq(rooms.id, room.id)).get();
			const after = tx
				.update(rooms)
				.set({ orgUnitId, occupants, updatedAt: now })
				.where(eq(rooms.id, room.id))
				.returning()
				.get();
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'room',
				entityId: room.id,
				action: 'update',
				before,
				after,
				at: now
			});
			changedRooms++;
		}
		tx.update(scenarios).set({ appliedAt: now, updatedAt: now }).where(eq(scenarios.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'apply',
			after: {
				name: detail.name,
				changedRooms,
				placed: detail.metrics.placed,
				unplaced: check.unplaced,
				objective: check.objective
			},
			at: now
		});
		return { changedRooms };
	});
}

// ---------------------------------------------------------------------------------------------
// Move list exports
// ---------------------------------------------------------------------------------------------

/** The move list as table rows in the user's language: unit, from rooms, to room, people. */
export function moveRows(
	detail: Pick<ScenarioDetail, 'built' | 'moves'>,
	locale: Locale
): { head: string[]; rows: [string, string, string, number][] } {
	const t = (k: MessageKey) => translate(locale, k);
	return {
		head: [
			t('plans.moves.unit'),
			t('plans.moves.from'),
			t('plans.moves.to'),
			t('plans.moves.persons')
		],
		rows: detail.moves.map((m) => [
			unitLabel(detail.built, m.unitId),
			m.fromRoomIds.length
				? m.fromRoomIds.map((r) => roomLabel(detail.built, r)).join('; ')
				: t('plans.moves.noRoom'),
			roomLabel(detail.built, m.toRoomId),
			m.persons
		])
	};
}

function exportTitle(detail: Pick<ScenarioDetail, 'name'>, locale: Locale): string {
	return `${translate(locale, 'plans.moves.title')}: ${detail.name}`;
}

/** The move list as an XLSX workbook: title, ward and date, then a bold header and the moves. */
export async function exportMovesXlsx(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): Promise<Uint8Array> {
	const { head, rows } = moveRows(detail, locale);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const ws = wb.addWorksheet(translate(locale, 'plans.moves.sheet'));
	ws.addRow([escapeText(exportTitle(detail, locale))]).font = { bold: true, size: 14 };
	ws.addRow([`${escapeText(wardName)} — ${formatDate(at, locale)}`]);
	ws.addRow([]);
	ws.addRow(head).font = { bold: true };
	for (const r of rows) ws.addRow([escapeText(r[0]), escapeText(r[1]), escapeText(r[2]), r[3]]);
	const total = rows.reduce((s, r) => s + r[3], 0);
	ws.addRow([translate(locale, 'common.total'), '', '', total]).font = { bold: true };
	[36, 60, 44, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}

interface PdfMake {
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(cb: (url: string) => boolean): void;
	setLocalAccessPolicy(cb: (path: string) => boolean): void;
	createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

/** pdfmake's server build with its bundled Roboto (covers Vietnamese), loaded once. */
let pdfmakeCache: PdfMake | null = null;
function pdfmake(): PdfMake {
	if (pdfmakeCache) return pdfmakeCache;
	const require = createRequire(import.meta.url);
	const pm = require('pdfmake') as PdfMake;
	const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
	const allowed = new Set(Object.values(fonts.Roboto));
	pm.setFonts(fonts);
	// No remote resources, and only the font files from disk.
	pm.setUrlAccessPolicy(() => false);
	pm.setLocalAccessPolicy((p) => allowed.has(p));
	pdfmakeCache = pm;
	return pm;
}

/** The move list as an A4 PDF: title, ward name, date and the table. */
export async function exportMovesPdf(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): Promise<Uint8Array> {
	const { head, rows } = moveRows(detail, locale);
	const total = rows.reduce((s, r) => s + r[3], 0);
	const doc = {
		pageSize: 'A4',
		pageMargins: [40, 48, 40, 48],
		info: { title: exportTitle(detail, locale), creator: 'Trụ sở' },
		defaultStyle: { font: 'Roboto', fontSize: 9 },
		content: [
			{ text: exportTitle(detail, locale), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
			{ text: wardName, fontSize: 11 },
			{
				text: `${translate(locale, 'plans.moves.date')}: ${formatDate(at, locale)}`,
				margin: [0, 0, 0, 10]
			},
			rows.length
				? {
						table: {
							headerRows: 1,
							widths: ['25%', '*', '28%', 40],
							body: [
								head.map((h) => ({ text: h, bold: true, fillColor: '#e5e7eb' })),
								...rows.map((r) => [r[0], r[1], r[2], { text: String(r[3]), alignment: 'right' }]),
								[
									{ text: translate(locale, 'common.total'), bold: true, colSpan: 3 },
									'',
									'',
									{ text: String(total), bold: true, alignment: 'right' }
								]
							]
						},
						layout: 'lightHorizontalLines'
					}
				: { text: translate(locale, 'plans.moves.empty') }
		]
	};
	const buf = await pdfmake().createPdf(doc).getBuffer();
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// ---------------------------------------------------------------------------------------------
// Stack plan
// ---------------------------------------------------------------------------------------------

export interface StackRoom {
	key: string;
	id: number;
	code: string;
	name: string;
	type: RoomType;
	areaM2: number;
	/** Block width in % of the widest level of the building (Σ room areas of that level). */
	widthPct: number;
	usable: boolean;
	reason: UnusableReason | null;
	/** People per unit seated in the room, largest first. */
	segments: { unitKey: string; persons: number }[];
	persons: number;
}

export interface StackBuilding {
	key: string;
	code: string;
	name: string;
	facilityCode: string;
	facilityName: string;
	dangerLevel: DangerLevel | null;
	/** Highest level first, as a section drawing reads. */
	levels: { level: number; rooms: StackRoom[] }[];
}

/**
 * The stack plan of a scenario: per building, its levels (top first), each a row of rooms whose
 * widths are proportional to their areas, with the people of each unit seated there.
 *
 * Example: a building with level 1 = rooms of 60 and 40 m² and level 2 = one room of 50 m²
 * gives level 2 first with a 50 % block, then level 1 with blocks of 60 % and 40 %.
 */
export function stackPlan(built: BuiltInstance, plan: readonly Assignment[]): StackBuilding[] {
	const rows = normalisePlan(plan);
	const byRoom = new Map<string, { unitKey: string; persons: number }[]>();
	for (const a of rows) {
		const list = byRoom.get(a.roomId) ?? [];
		list.push({ unitKey: a.unitId, persons: a.persons });
		byRoom.set(a.roomId, list);
	}
	return built.buildings.map((b) => {
		const mine = built.rooms.filter((r) => r.buildingKey === b.key);
		const levelNos = [...new Set(mine.map((r) => r.level))].sort((x, y) => y - x);
		const widest = Math.max(
			1,
			...levelNos.map((l) => mine.filter((r) => r.level === l).reduce((s, r) => s + r.areaM2, 0))
		);
		return {
			key: b.key,
			code: b.code,
			name: b.name,
			facilityCode: b.facilityCode,
			facilityName: b.facilityName,
			dangerLevel: b.dangerLevel,
			levels: levelNos.map((level) => ({
				level,
				rooms: mine
					.filter((r) => r.level === level)
					.map((r) => {
						const segments = (byRoom.get(r.key) ?? []).sort((x, y) => y.persons - x.persons);
						return {
							key: r.key,
							id: r.id,
							code: r.code,
							name: r.name,
							type: r.type,
							areaM2: r.areaM2,
							widthPct: Math.round((r.areaM2 / widest) * 10000) / 100,
							usable: r.usable,
							reason: r.reason,
							segments,
							persons: segments.reduce((s, x) => s + x.persons, 0)
						};
					})
			}))
		};
	});
}

// ---------------------------------------------------------------------------------------------
// JSON API (database ids, ISO timestamps)
// ---------------------------------------------------------------------------------------------

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function apiSummary(s: ScenarioListRow) {
	const { units: _units, ...metrics } = s.metrics;
	void _units;
	return {
		id: s.id,
		name: s.name,
		status: s.status,
		objective: s.objective,
		optimum: s.optimum,
		weights: s.weights,
		createdAt: iso(s.createdAt),
		appliedAt: iso(s.appliedAt),
		manualRows: s.manualRows,
		metrics
	};
}

/** The ward's scenarios for `GET /api/v1/wards/{code}/plans`. */
export function scenariosForApi(db: Db, wardId: number) {
	return listScenarios(db, wardId).map(apiSummary);
}

/** One scenario for `GET /api/v1/wards/{code}/plans/{id}`; null when not of this ward. */
export function scenarioForApi(db: Db, wardId: number, id: number, locale: Locale = 'vi') {
	const d = getScenario(db, wardId, id, locale);
	if (!d) return null;
	return {
		...apiSummary(d),
		feasible: d.check.feasible,
		violations: d.violations,
		normSet: d.built.normSetName,
		units: d.metrics.units.map((u) => ({
			id: u.id,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			normM2PerPerson: u.normM2PerPerson,
			groundFloorOnly: d.built.units.find((x) => x.key === u.key)?.publicFacing ?? false,
			placed: u.placed,
			unplaced: u.unplaced,
			moved: u.moved,
			buildings: u.buildings,
			areaPerPersonM2: u.areaPerPersonM2
		})),
		rooms: d.built.rooms.map((r) => ({
			id: r.id,
			buildingId: dbId(r.buildingKey),
			code: r.code,
			name: r.name,
			level: r.level,
			type: r.type,
			areaM2: r.areaM2,
			usable: r.usable,
			unusableReason: r.reason
		})),
		assignments: d.plan.map((a) => ({
			unitId: dbId(a.unitId),
			roomId: dbId(a.roomId),
			persons: a.persons,
			manual: a.manual
		})),
		moves: d.moves.map((m) => ({
			unitId: dbId(m.unitId),
			fromRoomIds: m.fromRoomIds.map(dbId),
			toRoomId: dbId(m.toRoomId),
			persons: m.persons
		}))
	};
}
