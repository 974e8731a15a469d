/**
 * Short-term reallocation (bố trí tạm thời): seat every official of a ward in its old
 * facilities, below the norm where the rooms are short (issue 13, "seat everyone").
 *
 * A scenario is a set of {@link ScenarioSettings} (least area per person, units per room,
 * priorities, ground-floor units, locked rooms, the five weights) and, once solved, a plan: the
 * persons and the area given per (unit, room). {@link buildInstance} turns the ward's inventory
 * and one scenario's settings into an instance of `$lib/allocation`; the
 * {@link inputFingerprint} of that instance is stored when the scenario is solved, so a plan
 * whose inputs changed since (rooms, units, positions, surveys, norms, settings) reads as out
 * of date and cannot be applied until solved again. {@link applyScenario} records the plan as
 * the ward's current arrangement (table `arrangements`) and never rewrites the rooms the needs
 * page compares.
 *
 * Every function takes `db` and the ward's id, so a scenario of another ward is never found.
 * Writes run in one transaction with their audit rows.
 */
import { PDF_FONT, renderPdf } from '../export/pdf';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { solverQueue, type Job } from '../jobs';
// The pure parts by file, as the plan page imports them (the index also loads the solver).
import { fillAreas } from '../../allocation/areas';
import { checkAllocation, moveList } from '../../allocation/evaluate';
import {
	DEFAULT_SETTINGS,
	DEFAULT_WEIGHTS,
	type AllocationInstance,
	type AllocationResult,
	type AllocationWeights,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type PersonsEntry,
	type Violation
} from '../../allocation/types';
import { NON_WORK_ROOM_TYPES, type DangerLevel, type RoomType } from '../../constants';
import { formatDate, formatNumber, translate, type Locale, type MessageKey } from '../../i18n';
import { computeSpaceNeeds, isRankKey, NORM_SET_155_2025, type RankKey } from '../../norms';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import {
	arrangements,
	assignments,
	normItems,
	normSets,
	orgUnits,
	positions,
	rooms,
	scenarios
} from '../db/schema';
import { escapeText } from '../io/common';
import { violationMessage } from '../../plans/violation-text';
import {
	applyConsequences,
	DEFAULT_CONSEQUENCE_SHARE,
	type ApplyConsequences
} from '../../plans/consequences';
import { solveOffThread } from './solve-pool';

export { applyConsequences, DEFAULT_CONSEQUENCE_SHARE, type ApplyConsequences };

// ---------------------------------------------------------------------------------------------
// Scenario settings
// ---------------------------------------------------------------------------------------------

/** The five objective weights, all given. */
export type ScenarioWeights = Required<AllocationWeights>;

/**
 * What a scenario decides besides the inventory. Unit and room ids are database ids.
 *
 * Example (the sample ward's defaults): `{ minAreaPerPersonM2: 6, minAreaSource: '',
 * maxUnitsPerRoom: 2, priorities: { '1': 3, '9': 2, … }, groundFloorUnitIds: [9],
 * lockedRooms: [{ roomId: 3, unitId: 1 }, …], weights: DEFAULT_WEIGHTS }`.
 */
export interface ScenarioSettings {
	/** Least area per seated person, m² (> 0). */
	minAreaPerPersonM2: number;
	/** Where the least area comes from; '' = the product's own assumption (said on screen). */
	minAreaSource: string;
	/** Most units sharing one room (integer ≥ 1). */
	maxUnitsPerRoom: number;
	/** Unit id → priority ≥ 1; a unit missing here takes {@link defaultPriority}. */
	priorities: Record<string, number>;
	/** Units that may only use ground-floor (level 1) rooms. */
	groundFloorUnitIds: number[];
	/** Rooms only one unit may use. */
	lockedRooms: { roomId: number; unitId: number }[];
	weights: ScenarioWeights;
}

/** Most locked rooms and priorities a scenario keeps (every growing input has a limit). */
export const MAX_LOCKED_ROOMS = 500;

/** Titles of a ward's standing leadership (thường trực): a unit of only these is "the leaders". */
const LEADER_TITLES = new Set(['party-secretary', 'chair-deputy']);

interface UnitFacts {
	id: number;
	kind: string;
	publicFacing: boolean;
	name: string;
	titleKeys: string[];
}

/**
 * The default priority of a unit: 3 for the leaders (a unit whose approved positions are all
 * Bí thư / Phó Bí thư / Chủ tịch / Phó Chủ tịch titles), 2 for the one-stop service centre
 * (kind `service-centre`), 1 for every other unit.
 */
export function defaultPriority(u: Pick<UnitFacts, 'kind' | 'titleKeys'>): number {
	if (u.titleKeys.length > 0 && u.titleKeys.every((t) => LEADER_TITLES.has(t))) return 3;
	if (u.kind === 'service-centre') return 2;
	return 1;
}

/** Ground floor by default: public-facing units, the one-stop centre and citizen reception. */
function defaultGroundFloor(u: UnitFacts): boolean {
	return u.publicFacing || u.kind === 'service-centre' || /tiếp công dân/i.test(u.name);
}

function unitFacts(db: DbLike, wardId: number): UnitFacts[] {
	const units = db
		.select({
			id: orgUnits.id,
			kind: orgUnits.kind,
			publicFacing: orgUnits.publicFacing,
			name: orgUnits.name
		})
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(orgUnits.id))
		.all();
	const pos = db
		.select({ unitId: positions.orgUnitId, titleKey: positions.titleKey, n: positions.approved })
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.all();
	return units.map((u) => ({
		...u,
		titleKeys: pos.filter((p) => p.unitId === u.id && p.n > 0).map((p) => p.titleKey)
	}));
}

/**
 * The settings a new scenario of the ward starts with: least area 6 m² (the product's
 * assumption: no source fixes it), at most 2 units per room, priorities by
 * {@link defaultPriority}, the ground-floor units, the leaders' offices locked to the leaders
 * (the office rooms the leaders' unit occupies today) and the default weights.
 *
 * Example (sample ward Bình Trưng): priorities TT-LD 3, TTPVHCC 2, others 1; ground floor
 * TTPVHCC; locked: Phòng Chủ tịch UBND, Phòng Phó Chủ tịch UBND 1 and 2, Phòng Bí thư Đảng ủy,
 * Phòng Phó Bí thư (all to TT-LD).
 */
export function defaultSettings(db: DbLike, wardId: number): ScenarioSettings {
	const units = unitFacts(db, wardId);
	const leaders = units.filter((u) => defaultPriority(u) === 3).map((u) => u.id);
	const leaderRooms = leaders.length
		? db
				.select({ id: rooms.id, unitId: rooms.orgUnitId })
				.from(rooms)
				.where(and(inArray(rooms.orgUnitId, leaders), eq(rooms.type, 'office')))
				.orderBy(asc(rooms.id))
				.all()
		: [];
	return {
		minAreaPerPersonM2: DEFAULT_SETTINGS.minAreaPerPersonM2,
		minAreaSource: '',
		maxUnitsPerRoom: DEFAULT_SETTINGS.maxUnitsPerRoom,
		priorities: Object.fromEntries(units.map((u) => [String(u.id), defaultPriority(u)])),
		groundFloorUnitIds: units.filter(defaultGroundFloor).map((u) => u.id),
		lockedRooms: leaderRooms
			.slice(0, MAX_LOCKED_ROOMS)
			.map((r) => ({ roomId: r.id, unitId: r.unitId as number })),
		weights: { ...DEFAULT_WEIGHTS }
	};
}

/** The weights with defaults filled in. */
export function fullWeights(w: AllocationWeights = {}): ScenarioWeights {
	return {
		unseated: w.unseated ?? DEFAULT_WEIGHTS.unseated,
		worstShortfall: w.worstShortfall ?? DEFAULT_WEIGHTS.worstShortfall,
		shortfallM2: w.shortfallM2 ?? DEFAULT_WEIGHTS.shortfallM2,
		buildingsPerUnit: w.buildingsPerUnit ?? DEFAULT_WEIGHTS.buildingsPerUnit,
		moved: w.moved ?? DEFAULT_WEIGHTS.moved
	};
}

/** Stored settings (possibly from an older version, or null) completed with the defaults. */
function settingsOf(
	db: DbLike,
	wardId: number,
	row: { settingsJson: string | null; weightsJson: string }
): ScenarioSettings {
	const defaults = defaultSettings(db, wardId);
	if (!row.settingsJson) {
		// A scenario stored before settings existed: its weights, the ward's defaults otherwise.
		const old = JSON.parse(row.weightsJson) as AllocationWeights;
		return { ...defaults, weights: fullWeights(old) };
	}
	const s = JSON.parse(row.settingsJson) as Partial<ScenarioSettings>;
	return {
		minAreaPerPersonM2: s.minAreaPerPersonM2 ?? defaults.minAreaPerPersonM2,
		minAreaSource: s.minAreaSource ?? '',
		maxUnitsPerRoom: s.maxUnitsPerRoom ?? defaults.maxUnitsPerRoom,
		priorities: { ...defaults.priorities, ...(s.priorities ?? {}) },
		groundFloorUnitIds: s.groundFloorUnitIds ?? defaults.groundFloorUnitIds,
		lockedRooms: s.lockedRooms ?? defaults.lockedRooms,
		weights: fullWeights(s.weights)
	};
}

// ---------------------------------------------------------------------------------------------
// The instance
// ---------------------------------------------------------------------------------------------

/**
 * Room types that never receive desks in a reallocation, with the reason shown on the page:
 * - `toilet`, `corridor`, `store`: not working space at all (`NON_WORK_ROOM_TYPES`);
 * - `hall` (hội trường): the ward's only room for meetings of 100+ seats, citizen conferences
 *   and elections; 155/2025 counts it as specialised area;
 * - `archive` (kho lưu trữ) and `it` (phòng máy chủ): hold shelving or servers that cannot be
 *   moved at short notice.
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
	/** Entitled working area ÷ headcount, m² per person (the model's normM2). */
	normM2: number;
	/** Entitled working area Σ approved × norm of the title, m² (normM2 × headcount). */
	normAreaM2: number;
	priority: number;
	groundFloorOnly: boolean;
	/** Rooms the unit occupies today (rooms.org_unit_id), as instance ids. */
	currentRoomKeys: string[];
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
	/** The unit the room is locked to (instance id), or null. */
	lockedUnitKey: string | null;
	/** Occupancy today (inventory). */
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
	settings: ScenarioSettings;
	builtAt: number;
}

/** `u12` → 12, `r345` → 345; NaN for anything else. */
export function dbId(key: string): number {
	const m = /^[ubr](\d+)$/.exec(key);
	return m ? Number(m[1]) : Number.NaN;
}

/** The current 155/2025 norm set of the database (title → m²), or the built-in figures. */
function normTable(db: DbLike): { name: string; items: Map<string, number> } {
	const set = db
		.select()
		.from(normSets)
		.where(and(eq(normSets.key, 'nd-155-2025'), eq(normSets.isCurrent, true)))
		.get();
	if (set) {
		const items = db.select().from(normItems).where(eq(normItems.normSetId, set.id)).all();
		return { name: set.name, items: new Map(items.map((i) => [i.titleKey, i.m2PerPerson])) };
	}
	return {
		name: NORM_SET_155_2025.labelVi,
		items: new Map(NORM_SET_155_2025.titles.map((t) => [t.key, t.m2PerPerson]))
	};
}

/**
 * Builds the reallocation instance of a ward from its inventory, staffing and one scenario's
 * settings (the ward's defaults when none is given). The rules (shown on the plans page):
 *
 * 1. Units: every org unit of the ward. headcount = Σ approved positions (biên chế được giao).
 *    The entitled working area is computed by the norms module (`computeSpaceNeeds`) with the
 *    current 155/2025 norm set: Σ approved × m² of the title (a title missing from the norm set
 *    counts at the specialist norm, so every approved person has a norm); normM2 = entitled
 *    area ÷ headcount (the specialist norm for a unit without positions).
 * 2. Priority, ground floor and locks come from the settings.
 * 3. Rooms: every room of the ward's buildings. A room is unusable when the LATEST condition
 *    survey of its building is danger level C or D (TCVN 9381:2012; a building never surveyed
 *    counts as usable), or when its type is in {@link UNUSABLE_ROOM_TYPES}.
 * 4. Current rooms: the rooms whose `org_unit_id` is the unit in the inventory; persons seated
 *    there are not counted as moved.
 * 5. Ids: units `u<id>`, rooms `r<id>`, buildings `b<id>` (database ids); {@link dbId} maps back.
 *
 * Example (sample ward Bình Trưng): unit TTPVHCC has 1 division head (18 m²) and 19 specialists
 * (15 m²): headcount 20, entitled 303 m², normM2 15.15, priority 2, ground floor only; the rooms
 * of the C building "CS-BTT-DU / A" are unusable.
 */
export function buildInstance(
	db: DbLike,
	wardId: number,
	settings: ScenarioSettings = defaultSettings(db, wardId)
): BuiltInstance {
	const norm = normTable(db);
	const specialist = norm.items.get('specialist') ?? 15;

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
			approved: positions.approved,
			rank: positions.rank,
			concurrentTitleKeys: positions.concurrentTitleKeys
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(positions.id))
		.all();

	// Entitlement by the norms module; unknown titles at the specialist norm.
	const needs = computeSpaceNeeds({
		normSet: {
			titles: [...norm.items].map(([key, m2PerPerson]) => ({ key, m2PerPerson })),
			commonAreaRatio: 0,
			specialisedRooms: []
		},
		positions: positionRows
			.filter((p) => p.approved > 0)
			.map((p) => ({
				unitId: String(p.unitId),
				titleKey: norm.items.has(p.titleKey) ? p.titleKey : 'specialist',
				count: p.approved,
				// Priced like the needs page: rank (ngạch) and concurrent titles, highest norm wins.
				rank: isRankKey(p.rank) ? (p.rank as RankKey) : null,
				concurrentTitleKeys: (Array.isArray(p.concurrentTitleKeys) ? p.concurrentTitleKeys : [])
					.map(String)
					.filter((k) => norm.items.has(k))
			}))
	});
	const needByUnit = new Map(needs.byUnit.map((u) => [u.unitId, u]));

	const buildingRows = db.all<Omit<PlanBuilding, 'key'>>(
		sql`select b.id, b.code, b.name, b.levels_above_ground as levels, f.id as facilityId,
		           f.code as facilityCode, f.name as facilityName,
		           (select s.danger_level from condition_surveys s where s.building_id = b.id
		            order by s.surveyed_on desc, s.id desc limit 1) as dangerLevel
		    from buildings b join facilities f on f.id = b.facility_id
		    where f.ward_id = ${wardId} order by f.code, b.code, b.id`
	);
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

	const unitIds = new Set(unitRows.map((u) => u.id));
	const lockOf = new Map<number, number>();
	for (const l of settings.lockedRooms) if (unitIds.has(l.unitId)) lockOf.set(l.roomId, l.unitId);

	const planRooms: PlanRoom[] = roomRows.map((r) => {
		const building = buildingById.get(r.buildingId)!;
		const dangerous =
			building.dangerLevel !== null && UNUSABLE_DANGER_LEVELS.includes(building.dangerLevel);
		const reason: UnusableReason | null = dangerous
			? 'danger'
			: UNUSABLE_ROOM_TYPES.includes(r.type)
				? 'room-type'
				: null;
		const lock = lockOf.get(r.id);
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
			lockedUnitKey: lock === undefined ? null : `u${lock}`,
			orgUnitId: r.orgUnitId,
			occupants: r.occupants
		};
	});

	const ground = new Set(settings.groundFloorUnitIds);
	const planUnits: PlanUnit[] = unitRows.map((u) => {
		const need = needByUnit.get(String(u.id));
		const headcount = need?.headcount ?? 0;
		const normAreaM2 = need?.workAreaM2 ?? 0;
		const priority = settings.priorities[String(u.id)];
		return {
			key: `u${u.id}`,
			id: u.id,
			code: u.code,
			name: u.name,
			publicFacing: u.publicFacing,
			headcount,
			normM2: headcount > 0 ? normAreaM2 / headcount : specialist,
			normAreaM2,
			priority: Number.isFinite(priority) && priority >= 1 ? priority : 1,
			groundFloorOnly: ground.has(u.id),
			currentRoomKeys: planRooms.filter((r) => r.orgUnitId === u.id).map((r) => r.key)
		};
	});

	const instance: AllocationInstance = {
		units: planUnits.map((u) => ({
			id: u.key,
			headcount: u.headcount,
			normM2: u.normM2,
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			currentRoomIds: u.currentRoomKeys
		})),
		rooms: planRooms.map((r) => ({
			id: r.key,
			buildingId: r.buildingKey,
			level: r.level,
			areaM2: r.areaM2,
			usable: r.usable,
			...(r.lockedUnitKey ? { lockedUnitId: r.lockedUnitKey } : {})
		})),
		settings: {
			minAreaPerPersonM2: settings.minAreaPerPersonM2,
			maxUnitsPerRoom: settings.maxUnitsPerRoom
		},
		weights: fullWeights(settings.weights)
	};
	return {
		instance,
		units: planUnits,
		buildings: planBuildings,
		rooms: planRooms,
		normSetName: norm.name,
		settings,
		builtAt: Date.now()
	};
}

/**
 * Fingerprint of what a plan answers: the solver instance (units with headcounts, norms,
 * priorities and current rooms; rooms with areas, usability and locks; settings and weights),
 * SHA-256 in hex. Any change of rooms, units, positions, surveys, norms or scenario settings
 * that reaches the solver changes it; names and labels do not.
 */
export function inputFingerprint(built: Pick<BuiltInstance, 'instance'>): string {
	return createHash('sha256').update(JSON.stringify(built.instance)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Figures of a plan
// ---------------------------------------------------------------------------------------------

export interface UnitOutcome {
	key: string;
	id: number;
	code: string;
	name: string;
	priority: number;
	groundFloorOnly: boolean;
	headcount: number;
	seated: number;
	unseated: number;
	moved: number;
	buildings: number;
	/** Σ area given to the unit, m². */
	areaGivenM2: number;
	/** Entitled working area (normM2 × headcount), m². */
	normAreaM2: number;
	/** Entitled m² per person. */
	normM2PerPerson: number;
	/** max(0, normAreaM2 − areaGivenM2), m². */
	shortfallM2: number;
	/** shortfallM2 ÷ normAreaM2 (0 when the norm is 0). */
	shortfallShare: number;
	/** areaGivenM2 ÷ seated; null when nobody is seated. */
	areaPerPersonM2: number | null;
	/** Among the units furthest below the norm (see {@link planMetrics}). */
	furthestBelow: boolean;
	/** Kept for older readers: seated / unseated. */
	placed: number;
	unplaced: number;
}

export interface PlanMetrics {
	headcount: number;
	seated: number;
	unseated: number;
	moved: number;
	/** Mean number of buildings a unit with people seated is spread over. */
	buildingsPerUnit: number;
	areaGivenM2: number;
	normAreaM2: number;
	shortfallM2: number;
	/** Largest shortfall share of a unit. */
	worstShortfallShare: number;
	/** Rooms holding more than one unit. */
	sharedRooms: number;
	/** Σ area given ÷ Σ seated; null when nobody is seated. */
	areaPerPersonM2: number | null;
	/** Σ entitled area ÷ Σ headcount. */
	normM2PerPerson: number;
	units: UnitOutcome[];
	/** Kept for older readers: seated / unseated. */
	placed: number;
	unplaced: number;
}

/** Plan rows as stored: persons and area per (unit, room). */
export type PlanRow = Assignment & { manual?: boolean };

/** Adds up rows of the same (unit, room) and drops rows with nobody. */
export function normalisePlan<T extends PersonsEntry & { areaM2?: number }>(
	plan: readonly T[]
): Assignment[] {
	const sums = new Map<string, Assignment>();
	for (const a of plan) {
		const k = `${a.unitId}|${a.roomId}`;
		const prev = sums.get(k);
		if (prev) {
			prev.persons += a.persons;
			prev.areaM2 += a.areaM2 ?? 0;
		} else {
			sums.set(k, {
				unitId: a.unitId,
				roomId: a.roomId,
				persons: a.persons,
				areaM2: a.areaM2 ?? 0
			});
		}
	}
	return [...sums.values()].filter((a) => a.persons > 0);
}

/** How many units are marked "furthest below the norm": the worst three shares (ties kept). */
export const FURTHEST_BELOW_COUNT = 3;

/**
 * Figures of a plan per unit and in total: persons seated, area given against the entitled
 * area, the shortfall in m² and as a share of the norm, persons moved, buildings used.
 * The units furthest below the norm are the {@link FURTHEST_BELOW_COUNT} largest shortfall
 * shares above 0 (a unit tied with the third is marked too).
 *
 * Example: one unit of 3 people entitled to 10 m² each (30 m²), seated 2 in R20 with 16 m² and
 * 1 in R15 with 8 m²: seated 3, area 24 m², shortfall 6 m² = 20 % of the norm.
 */
export function planMetrics(built: BuiltInstance, plan: readonly PersonsEntry[]): PlanMetrics {
	const rows = normalisePlan(plan);
	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const unitsInRoom = new Map<string, Set<string>>();
	for (const a of rows) {
		if (!roomByKey.has(a.roomId)) continue;
		const s = unitsInRoom.get(a.roomId) ?? new Set<string>();
		s.add(a.unitId);
		unitsInRoom.set(a.roomId, s);
	}
	const units: UnitOutcome[] = built.units.map((u) => {
		const mine = rows.filter((a) => a.unitId === u.key && roomByKey.has(a.roomId));
		const current = new Set(u.currentRoomKeys);
		const seated = mine.reduce((s, a) => s + a.persons, 0);
		const moved = mine.filter((a) => !current.has(a.roomId)).reduce((s, a) => s + a.persons, 0);
		const bset = new Set(mine.map((a) => roomByKey.get(a.roomId)!.buildingKey));
		const areaGivenM2 = mine.reduce((s, a) => s + a.areaM2, 0);
		const shortfallM2 = Math.max(0, u.normAreaM2 - areaGivenM2);
		const unseated = Math.max(0, u.headcount - seated);
		return {
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			headcount: u.headcount,
			seated,
			unseated,
			moved,
			buildings: bset.size,
			areaGivenM2,
			normAreaM2: u.normAreaM2,
			normM2PerPerson: u.normM2,
			shortfallM2,
			shortfallShare: u.normAreaM2 > 0 ? shortfallM2 / u.normAreaM2 : 0,
			areaPerPersonM2: seated > 0 ? areaGivenM2 / seated : null,
			furthestBelow: false,
			placed: seated,
			unplaced: unseated
		};
	});
	const shares = units
		.map((u) => u.shortfallShare)
		.filter((s) => s > 1e-9)
		.sort((a, b) => b - a);
	const cut = shares[Math.min(FURTHEST_BELOW_COUNT, shares.length) - 1];
	if (cut !== undefined) for (const u of units) u.furthestBelow = u.shortfallShare >= cut - 1e-9;

	const headcount = units.reduce((s, u) => s + u.headcount, 0);
	const seated = units.reduce((s, u) => s + u.seated, 0);
	const unseated = units.reduce((s, u) => s + u.unseated, 0);
	const used = units.filter((u) => u.seated > 0);
	const areaGivenM2 = units.reduce((s, u) => s + u.areaGivenM2, 0);
	const normAreaM2 = units.reduce((s, u) => s + u.normAreaM2, 0);
	return {
		headcount,
		seated,
		unseated,
		moved: units.reduce((s, u) => s + u.moved, 0),
		buildingsPerUnit: used.length ? used.reduce((s, u) => s + u.buildings, 0) / used.length : 0,
		areaGivenM2,
		normAreaM2,
		shortfallM2: units.reduce((s, u) => s + u.shortfallM2, 0),
		worstShortfallShare: units.reduce((m, u) => Math.max(m, u.shortfallShare), 0),
		sharedRooms: [...unitsInRoom.values()].filter((s) => s.size > 1).length,
		areaPerPersonM2: seated > 0 ? areaGivenM2 / seated : null,
		normM2PerPerson: headcount > 0 ? normAreaM2 / headcount : 0,
		units,
		placed: seated,
		unplaced: unseated
	};
}

// ---------------------------------------------------------------------------------------------
// Violations in the user's language
// ---------------------------------------------------------------------------------------------

/** "TS-01/A 1.04 — Phòng làm việc 1.04", or the key when the room is not in the instance. */
export function roomLabel(built: Pick<BuiltInstance, 'rooms' | 'buildings'>, roomKey: string) {
	const r = built.rooms.find((x) => x.key === roomKey);
	if (!r) return roomKey;
	const b = built.buildings.find((x) => x.key === r.buildingKey);
	return `${b ? `${b.facilityCode}/${b.code} ` : ''}${r.code} — ${r.name}`;
}

function unitLabel(built: Pick<BuiltInstance, 'units'>, unitKey: string): string {
	return built.units.find((u) => u.key === unitKey)?.name ?? unitKey;
}

/**
 * A violation found by `checkAllocation`, said in the user's language with the rule's name,
 * the unit and room names and the figures (the same words as the page's live check).
 */
export function violationText(
	locale: Locale,
	v: Violation,
	built: Pick<BuiltInstance, 'rooms' | 'buildings' | 'units' | 'settings'>
): string {
	return violationMessage((key, params) => translate(locale, key, params), v, {
		roomLabel: (key) => roomLabel(built, key),
		unitName: (key) => unitLabel(built, key),
		room: (key) => built.rooms.find((r) => r.key === key),
		minAreaPerPersonM2: built.settings?.minAreaPerPersonM2 ?? DEFAULT_SETTINGS.minAreaPerPersonM2,
		maxUnitsPerRoom: built.settings?.maxUnitsPerRoom ?? DEFAULT_SETTINGS.maxUnitsPerRoom,
		num: (x) => formatNumber(x, locale, 2)
	});
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/** A draft (never solved), a solver outcome, or `edited` (hand-edited after a solve). */
export type ScenarioStatus = 'draft' | AllocationResult['status'] | 'edited';

/** A write refused for a reason the user can fix. */
export class PlansError extends Error {
	constructor(
		public readonly code:
			| 'not-found'
			| 'invalid-unit'
			| 'invalid-room'
			| 'infeasible'
			| 'stale'
			| 'not-solved'
			| 'rule'
			| 'invalid-settings',
		public readonly violations: string[] = []
	) {
		super(code);
	}
}

export interface ScenarioListRow {
	id: number;
	name: string;
	status: ScenarioStatus;
	/** Objective of the stored plan; null for a draft. */
	objective: number | null;
	/** The solver's objective (the optimum when status was optimal); null before a solve. */
	optimum: number | null;
	/** The solver proved the optimum (false at a time limit, or never solved). */
	optimal: boolean;
	weights: ScenarioWeights;
	settings: ScenarioSettings;
	createdAt: number;
	solvedAt: number | null;
	appliedAt: number | null;
	/** Inputs changed since the solve: shown as out of date, cannot be applied. */
	stale: boolean;
	manualRows: number;
	metrics: PlanMetrics;
}

export interface ScenarioDetail extends ScenarioListRow {
	/** The instance the plan was solved for (the current one for a draft). */
	built: BuiltInstance;
	result: AllocationResult | null;
	plan: (Assignment & { manual: boolean })[];
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
			areaM2: assignments.areaM2,
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
			areaM2: a.areaM2,
			manual: a.manual
		}));
}

function resultOf(row: ScenarioRow): AllocationResult | null {
	return row.resultJson ? (JSON.parse(row.resultJson) as AllocationResult) : null;
}

/** The stored instance of a solved scenario (null for a draft or a pre-issue-13 row). */
function storedBuilt(row: ScenarioRow): BuiltInstance | null {
	if (!row.inputHash || !row.instanceJson) return null;
	return JSON.parse(row.instanceJson) as BuiltInstance;
}

/**
 * The fingerprint of today's inputs for a scenario's settings, memoised per settings text within
 * one call (a list of scenarios with the same settings builds the instance once).
 */
function currentFingerprint(
	db: DbLike,
	wardId: number,
	settings: ScenarioSettings,
	memo?: Map<string, string>
): string {
	const k = JSON.stringify(settings);
	const hit = memo?.get(k);
	if (hit) return hit;
	const h = inputFingerprint(buildInstance(db, wardId, settings));
	memo?.set(k, h);
	return h;
}

function listRow(
	db: DbLike,
	wardId: number,
	row: ScenarioRow,
	memo?: Map<string, string>
): ScenarioListRow & { built: BuiltInstance; plan: (Assignment & { manual: boolean })[] } {
	const settings = settingsOf(db, wardId, row);
	const solved = storedBuilt(row);
	const built = solved ?? buildInstance(db, wardId, settings);
	const plan = solved ? planOf(db, row.id) : [];
	const result = resultOf(row);
	const stale = solved ? currentFingerprint(db, wardId, settings, memo) !== row.inputHash : false;
	return {
		id: row.id,
		name: row.name,
		status: (solved ? row.status : 'draft') as ScenarioStatus,
		objective: solved ? row.objective : null,
		optimum: solved && result && result.status !== 'error' ? result.objective : null,
		optimal: !!solved && result?.status === 'optimal',
		weights: settings.weights,
		settings,
		createdAt: row.createdAt,
		solvedAt: solved ? row.updatedAt : null,
		appliedAt: row.appliedAt,
		stale,
		manualRows: plan.filter((a) => a.manual).length,
		metrics: planMetrics(built, plan),
		built,
		plan
	};
}

/** The ward's scenarios, newest first, with their figures (for the list and the comparison). */
export function listScenarios(db: DbLike, wardId: number, limit = 100): ScenarioListRow[] {
	const memo = new Map<string, string>();
	return db
		.select()
		.from(scenarios)
		.where(eq(scenarios.wardId, wardId))
		.orderBy(desc(scenarios.createdAt), desc(scenarios.id))
		.limit(limit)
		.all()
		.map((row) => {
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
			const { built, plan, ...rest } = listRow(db, wardId, row, memo);
			return rest;
		});
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

/** A scenario of the ward with its instance, plan, check, figures and moves; or undefined. */
export function getScenario(
	db: DbLike,
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
	const base = listRow(db, wardId, row);
	const check = checkAllocation(base.built.instance, base.plan);
	return {
		...base,
		result: resultOf(row),
		check,
		violations: check.violations.map((v) => violationText(locale, v, base.built)),
		moves: moveList(base.built.instance, base.plan, currentPersons(base.built))
	};
}

/** Persons per unit and room today (the inventory's occupants), for the move list's origins. */
function currentPersons(built: BuiltInstance): PersonsEntry[] {
	return built.rooms
		.filter((r) => r.orgUnitId !== null && r.occupants > 0)
		.map((r) => ({ unitId: `u${r.orgUnitId}`, roomId: r.key, persons: r.occupants }));
}

/** Checks settings against the ward: numbers in range, ids of the ward's units and rooms. */
export function validateSettings(
	db: DbLike,
	wardId: number,
	s: ScenarioSettings
): ScenarioSettings {
	const bad = () => new PlansError('invalid-settings');
	if (!(Number.isFinite(s.minAreaPerPersonM2) && s.minAreaPerPersonM2 > 0)) throw bad();
	if (!(Number.isInteger(s.maxUnitsPerRoom) && s.maxUnitsPerRoom >= 1)) throw bad();
	if (s.minAreaSource.length > 500) throw bad();
	const unitIds = new Set(unitFacts(db, wardId).map((u) => u.id));
	for (const [k, p] of Object.entries(s.priorities)) {
		if (!unitIds.has(Number(k)) || !(Number.isFinite(p) && p >= 1 && p <= 100)) throw bad();
	}
	for (const u of s.groundFloorUnitIds) if (!unitIds.has(u)) throw bad();
	if (s.lockedRooms.length > MAX_LOCKED_ROOMS) throw bad();
	const roomIds = new Set(
		buildInstance(db, wardId, { ...s, lockedRooms: [] }).rooms.map((r) => r.id)
	);
	const seen = new Set<number>();
	for (const l of s.lockedRooms) {
		if (!roomIds.has(l.roomId) || !unitIds.has(l.unitId) || seen.has(l.roomId)) throw bad();
		seen.add(l.roomId);
	}
	for (const w of Object.values(s.weights)) if (!(Number.isFinite(w) && w >= 0)) throw bad();
	return {
		...s,
		minAreaSource: s.minAreaSource.trim(),
		groundFloorUnitIds: [...new Set(s.groundFloorUnitIds)].sort((a, b) => a - b),
		lockedRooms: [...s.lockedRooms].sort((a, b) => a.roomId - b.roomId)
	};
}

/**
 * Creates a draft scenario with the given settings (the ward's defaults when none are given);
 * returns its id. Nothing is solved yet.
 */
export function createScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	name: string,
	settings?: ScenarioSettings
): number {
	return db.transaction((tx) => {
		const s = settings ? validateSettings(tx, wardId, settings) : defaultSettings(tx, wardId);
		const row = tx
			.insert(scenarios)
			.values({
				wardId,
				name,
				weightsJson: JSON.stringify(s.weights),
				settingsJson: JSON.stringify(s),
				instanceJson: '',
				resultJson: null,
				status: 'draft',
				objective: null,
				inputHash: null,
				createdBy: actor.userId
			})
			.returning({ id: scenarios.id })
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: row.id,
			action: 'create',
			after: { name, settings: s }
		});
		return row.id;
	});
}

/** Replaces a scenario's settings (its plan, if any, becomes out of date until solved again). */
export function updateScenarioSettings(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	settings: ScenarioSettings,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		checkVersion('scenario', row, expectedVersion);
		const s = validateSettings(tx, wardId, settings);
		versionedUpdate(tx, scenarios, 'scenario', id, expectedVersion, {
			settingsJson: JSON.stringify(s),
			weightsJson: JSON.stringify(s.weights),
			updatedAt: Date.now()
		});
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: row.settingsJson ? JSON.parse(row.settingsJson) : null,
			after: s
		});
	});
}

/** Writes a plan's rows (replacing the scenario's), flagging the rows in `manualKeys`. */
function writePlan(
	tx: DbLike,
	scenarioId: number,
	plan: readonly Assignment[],
	manualKeys: Set<string> = new Set()
): void {
	tx.delete(assignments).where(eq(assignments.scenarioId, scenarioId)).run();
	for (const a of normalisePlan(plan)) {
		tx.insert(assignments)
			.values({
				scenarioId,
				orgUnitId: dbId(a.unitId),
				roomId: dbId(a.roomId),
				persons: a.persons,
				areaM2: a.areaM2,
				manual: manualKeys.has(`${a.unitId}|${a.roomId}`)
			})
			.run();
	}
}

/**
 * Stores a solver result into a scenario: its instance, fingerprint, the result, status and
 * objective, and one assignment row per (unit, room), with one audit row, in one transaction.
 * With `scenarioId` null a new scenario named `name` is created; returns the scenario's id.
 */
export function saveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	name: string,
	built: BuiltInstance,
	result: AllocationResult,
	scenarioId: number | null = null
): number {
	return db.transaction((tx) => {
		const values = {
			name,
			weightsJson: JSON.stringify(built.settings.weights),
			settingsJson: JSON.stringify(built.settings),
			instanceJson: JSON.stringify(built),
			resultJson: JSON.stringify(result),
			inputHash: inputFingerprint(built),
			status: result.status,
			objective: result.status === 'error' ? null : result.objective,
			updatedAt: Date.now()
		};
		let id: number;
		if (scenarioId === null) {
			id = tx
				.insert(scenarios)
				.values({ wardId, createdBy: actor.userId, ...values })
				.returning({ id: scenarios.id })
				.get().id;
		} else {
			scenarioRow(tx, wardId, scenarioId);
			tx.update(scenarios).set(values).where(eq(scenarios.id, scenarioId)).run();
			id = scenarioId;
		}
		writePlan(tx, id, result.assignments);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: scenarioId === null ? 'create' : 'update',
			after: {
				name,
				status: result.status,
				objective: result.objective,
				settings: built.settings,
				assignments: result.assignments.length,
				unseated: result.unseated
			}
		});
		return id;
	});
}

/**
 * Solves a scenario with its settings against today's inventory and stores the plan (see
 * {@link saveScenario}); the previous plan and manual edits are replaced.
 *
 * HiGHS works on a worker thread, so other requests are served meanwhile. If one of them changed
 * what the instance is built from, the plan answers an outdated question: it is not stored and
 * `PlansError('stale')` is thrown. The comparison and the write run synchronously.
 *
 * Example: `await solveScenario(db, actor, wardId, id, { timeLimitS: 10 })` seats the 119
 * people of the sample ward Bình Trưng with its default settings.
 */
export async function solveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Promise<number> {
	return queueSolve(db, actor, wardId, id, input).promise;
}

/** The solver queue's key of a scenario's solve. */
export const solveJobKey = (wardId: number, id: number) => `solve:${wardId}:${id}`;

/**
 * Puts the scenario's solve in the server's fair solver queue (`jobs/queue.ts`) and returns the
 * job at once: running (the caller may await it) or waiting (the caller answers "busy, position
 * N"; the plan is stored when its turn comes). Asking again while it waits or runs joins the same
 * job. Throws `PlansError('not-found')` at once for an unknown scenario and `QueueFullError` when
 * the queue is full (nothing is queued then). The inventory is read when the job starts.
 */
export function queueSolve(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Job<number> {
	scenarioRow(db, wardId, id);
	return solverQueue.submit(wardId, solveJobKey(wardId, id), () =>
		solveNow(db, actor, wardId, id, input)
	);
}

async function solveNow(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Promise<number> {
	const row = scenarioRow(db, wardId, id);
	const settings = settingsOf(db, wardId, row);
	const built = buildInstance(db, wardId, settings);
	// The whole solve runs on a solver worker thread (model, heuristic, HiGHS).
	const result = await solveOffThread(built.instance, { timeLimitS: input.timeLimitS });
	const again = scenarioRow(db, wardId, id);
	if (
		again.settingsJson !== row.settingsJson ||
		inputFingerprint(buildInstance(db, wardId, settings)) !== inputFingerprint(built)
	) {
		throw new PlansError('stale');
	}
	return saveScenario(db, actor, wardId, row.name, built, result, id);
}

/**
 * Creates a scenario with the ward's default settings and the given weights, and solves it
 * (the list page's "Giải" and older callers). Returns the new scenario's id; on a stale solve
 * the draft is removed again.
 */
export async function solveNewScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; weights: AllocationWeights; timeLimitS: number }
): Promise<number> {
	const settings = { ...defaultSettings(db, wardId), weights: fullWeights(input.weights) };
	const id = createScenario(db, actor, wardId, input.name, settings);
	try {
		return await solveScenario(db, actor, wardId, id, { timeLimitS: input.timeLimitS });
	} catch (e) {
		db.delete(scenarios).where(eq(scenarios.id, id)).run();
		throw e;
	}
}

/**
 * Like {@link solveNewScenario} but without waiting for a solver slot: creates the scenario and
 * queues its solve (see {@link queueSolve}). When the queue is full nothing is created and
 * `QueueFullError` is thrown. A solve that fails leaves the scenario as an unsolved draft.
 */
export function queueNewScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; weights: AllocationWeights; timeLimitS: number }
): { id: number; job: Job<number> } {
	const settings = { ...defaultSettings(db, wardId), weights: fullWeights(input.weights) };
	// Refuse before creating anything (no await between this check and the submit below).
	solverQueue.assertRoom(wardId);
	const id = createScenario(db, actor, wardId, input.name, settings);
	return { id, job: queueSolve(db, actor, wardId, id, { timeLimitS: input.timeLimitS }) };
}

/**
 * Removes a scenario created by {@link queueNewScenario} whose solve failed while its creator
 * waited for it (as {@link solveNewScenario} does); a scenario solved meanwhile is kept.
 */
export function discardUnsolved(db: Db, wardId: number, id: number): void {
	db.delete(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId), eq(scenarios.status, 'draft')))
		.run();
}

/**
 * The plan a manual edit would give, with areas refilled by `fillAreas` and checked by the
 * allocation module's `checkAllocation` (the same check, with the same tolerance, as the page).
 */
function editedPlan(
	built: BuiltInstance,
	persons: readonly PersonsEntry[]
): { plan: Assignment[]; check: CheckResult } {
	const rows = normalisePlan(persons).map(({ unitId, roomId, persons }) => ({
		unitId,
		roomId,
		persons
	}));
	const plan = fillAreas(built.instance, rows);
	return { plan, check: checkAllocation(built.instance, plan) };
}

/** A manual edit of a solved scenario. */
export type PlanEdit =
	/** Sets the persons of a unit in a room (0 removes them). */
	| { kind: 'set'; unitId: number; roomId: number; persons: number }
	/** Moves `persons` people of a unit from one room (null: from the unseated) to another. */
	| { kind: 'move'; unitId: number; fromRoomId: number | null; toRoomId: number; persons: number };

/**
 * Applies a manual edit to a solved scenario. The unit and rooms must be in the scenario's
 * instance; the edited plan's areas are refilled and the plan is checked with the allocation
 * module's `checkAllocation`. An edit that breaks a rule is refused with
 * `PlansError('rule', texts)` naming each rule, and nothing is saved. Otherwise the plan is saved
 * with the edited rows flagged manual, status `edited` and the edited plan's objective.
 */
export function editPlan(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	edit: PlanEdit,
	locale: Locale = 'vi'
): CheckResult {
	return db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		const built = storedBuilt(row);
		if (!built) throw new PlansError('not-solved');
		const unitKey = `u${edit.unitId}`;
		if (!built.units.some((u) => u.key === unitKey)) throw new PlansError('invalid-unit');
		const roomKeys =
			edit.kind === 'set'
				? [edit.roomId]
				: edit.fromRoomId === null
					? [edit.toRoomId]
					: [edit.fromRoomId, edit.toRoomId];
		for (const r of roomKeys) {
			if (!built.rooms.some((x) => x.key === `r${r}`)) throw new PlansError('invalid-room');
		}
		const current = planOf(tx, id);
		const persons = current.map((a) => ({ ...a }));
		const touched = new Set<string>();
		const at = (roomId: number) => {
			const k = `${unitKey}|r${roomId}`;
			touched.add(k);
			let r = persons.find((a) => a.unitId === unitKey && a.roomId === `r${roomId}`);
			if (!r) {
				r = { unitId: unitKey, roomId: `r${roomId}`, persons: 0, areaM2: 0, manual: true };
				persons.push(r);
			}
			return r;
		};
		if (edit.kind === 'set') at(edit.roomId).persons = edit.persons;
		else {
			let available: number;
			if (edit.fromRoomId === null) {
				const unit = built.units.find((u) => u.key === unitKey)!;
				const seated = persons
					.filter((a) => a.unitId === unitKey)
					.reduce((n, a) => n + a.persons, 0);
				available = Math.max(0, unit.headcount - seated);
			} else available = at(edit.fromRoomId).persons;
			if (edit.persons < 1 || edit.persons > available || edit.fromRoomId === edit.toRoomId) {
				throw new PlansError('rule', [
					translate(locale, 'plans.err.movePersons', { n: available })
				]);
			}
			if (edit.fromRoomId !== null) at(edit.fromRoomId).persons -= edit.persons;
			at(edit.toRoomId).persons += edit.persons;
		}
		const { plan, check } = editedPlan(built, persons);
		if (!check.feasible) {
			throw new PlansError(
				'rule',
				check.violations.map((v) => violationText(locale, v, built))
			);
		}
		const manual = new Set([
			...current.filter((a) => a.manual).map((a) => `${a.unitId}|${a.roomId}`),
			...touched
		]);
		writePlan(tx, id, plan, manual);
		tx.update(scenarios)
			.set({ status: 'edited', objective: check.evaluation.objective, updatedAt: Date.now() })
			.where(eq(scenarios.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: { objective: row.objective },
			after: { edit, objective: check.evaluation.objective }
		});
		return check;
	});
}

/**
 * The check of a manual edit without saving it (the page's "Kiểm tra" and the API): the
 * violations in the user's language and the edited plan's objective.
 */
export function previewEdit(
	db: DbLike,
	wardId: number,
	id: number,
	persons: readonly PersonsEntry[],
	locale: Locale = 'vi'
): { feasible: boolean; violations: string[]; objective: number } {
	const built = storedBuilt(scenarioRow(db, wardId, id));
	if (!built) throw new PlansError('not-solved');
	const { check } = editedPlan(built, persons);
	return {
		feasible: check.feasible,
		violations: check.violations.map((v) => violationText(locale, v, built)),
		objective: check.evaluation.objective
	};
}

/** Puts back the solver's plan (undoing every manual edit). */
export function resetScenario(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		const result = resultOf(row);
		if (!result || !storedBuilt(row)) throw new PlansError('not-found');
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
		writePlan(
			tx,
			id,
			plan.filter((a) => roomIds.has(dbId(a.roomId)) && unitIds.has(dbId(a.unitId)))
		);
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

// ---------------------------------------------------------------------------------------------
// Apply: the ward's current arrangement
// ---------------------------------------------------------------------------------------------

/** One unit's line of the applied arrangement. */
export interface ArrangementUnit {
	unitId: number;
	headcount: number;
	seated: number;
	areaGivenM2: number;
	normAreaM2: number;
	shortfallM2: number;
	shortfallShare: number;
}

/** The ward's current arrangement as {@link appliedArrangementByUnit} returns it. */
export interface AppliedArrangement {
	scenarioId: number;
	scenarioName: string;
	appliedAt: number;
	stale: boolean;
	units: ArrangementUnit[];
}

/**
 * "Áp dụng phương án": records the scenario's plan as the ward's current arrangement (who sits
 * where), in ONE transaction: a row of `arrangements` with the seats and the per-unit figures,
 * `applied_at` on the scenario and an `apply` audit row with the consequences. Rooms are NOT
 * rewritten: the needs page keeps comparing the inventory (entitled area against the usable
 * area of the facilities), so a temporary arrangement never changes the ward's case.
 *
 * Refused with {@link PlansError}: `not-solved` for a draft, `stale` when the inputs changed
 * since the solve (solve again first), `infeasible` (with the rules named) when the plan breaks
 * a rule of today's instance.
 */
export function applyScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	locale: Locale = 'vi'
): ApplyConsequences {
	return db.transaction((tx) => {
		const detail = getScenario(tx, wardId, id, locale);
		if (!detail) throw new PlansError('not-found');
		if (detail.status === 'draft') throw new PlansError('not-solved');
		if (detail.stale) throw new PlansError('stale');
		const fresh = buildInstance(tx, wardId, detail.settings);
		const plan = normalisePlan(detail.plan);
		const check = checkAllocation(fresh.instance, plan);
		if (!check.feasible) {
			throw new PlansError(
				'infeasible',
				check.violations.map((v) => violationText(locale, v, fresh))
			);
		}
		const now = Date.now();
		const consequences = applyConsequences(detail.metrics);
		const units: ArrangementUnit[] = detail.metrics.units.map((u) => ({
			unitId: u.id,
			headcount: u.headcount,
			seated: u.seated,
			areaGivenM2: u.areaGivenM2,
			normAreaM2: u.normAreaM2,
			shortfallM2: u.shortfallM2,
			shortfallShare: u.shortfallShare
		}));
		tx.insert(arrangements)
			.values({
				wardId,
				scenarioId: id,
				scenarioName: detail.name,
				inputHash: inputFingerprint(fresh),
				seatsJson: JSON.stringify(
					plan.map((a) => ({
						unitId: dbId(a.unitId),
						roomId: dbId(a.roomId),
						persons: a.persons,
						areaM2: a.areaM2
					}))
				),
				unitsJson: JSON.stringify({ settings: detail.settings, units }),
				appliedBy: actor.userId,
				appliedAt: now
			})
			.run();
		tx.update(scenarios).set({ appliedAt: now }).where(eq(scenarios.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'apply',
			after: {
				name: detail.name,
				objective: check.evaluation.objective,
				seated: detail.metrics.seated,
				...consequences
			},
			at: now
		});
		return consequences;
	});
}

/**
 * The ward's current arrangement (the latest applied scenario) per unit, for the needs page and
 * the proposal; null when nothing was ever applied. `stale` is true when the inputs of that plan
 * changed since (rooms, units, positions, surveys, norms): the arrangement then describes a
 * situation that no longer exists. Figures are those of the plan when it was applied.
 *
 * Example (sample ward, default scenario applied): 11 units, Σ seated 119 = Σ headcount,
 * Σ areaGivenM2 ≤ the usable area, each shortfallM2 = normAreaM2 − areaGivenM2 (≥ 0).
 */
export function appliedArrangementByUnit(
	db: DbLike,
	wardId: number
): {
	scenarioId: number;
	scenarioName: string;
	appliedAt: number;
	stale: boolean;
	units: {
		unitId: number;
		headcount: number;
		seated: number;
		areaGivenM2: number;
		normAreaM2: number;
		shortfallM2: number;
		shortfallShare: number;
	}[];
} | null {
	const row = db
		.select()
		.from(arrangements)
		.where(eq(arrangements.wardId, wardId))
		.orderBy(desc(arrangements.appliedAt), desc(arrangements.id))
		.get();
	if (!row) return null;
	const stored = JSON.parse(row.unitsJson) as {
		settings: ScenarioSettings;
		units: ArrangementUnit[];
	};
	const stale = currentFingerprint(db, wardId, stored.settings) !== row.inputHash;
	return {
		scenarioId: row.scenarioId,
		scenarioName: row.scenarioName,
		appliedAt: row.appliedAt,
		stale,
		units: stored.units
	};
}

/** The seats of the ward's current arrangement (database ids), or null when none. */
export function appliedSeats(
	db: DbLike,
	wardId: number
): { unitId: number; roomId: number; persons: number; areaM2: number }[] | null {
	const row = db
		.select({ seatsJson: arrangements.seatsJson })
		.from(arrangements)
		.where(eq(arrangements.wardId, wardId))
		.orderBy(desc(arrangements.appliedAt), desc(arrangements.id))
		.get();
	return row ? JSON.parse(row.seatsJson) : null;
}

// ---------------------------------------------------------------------------------------------
// Move list exports
// ---------------------------------------------------------------------------------------------

/** The room a move starts from: the known room, else the unit's current rooms, else none. */
function fromLabel(built: BuiltInstance, m: MoveRow, locale: Locale): string {
	if (m.fromRoomId) return roomLabel(built, m.fromRoomId);
	if (m.fromRoomIds.length) return m.fromRoomIds.map((r) => roomLabel(built, r)).join('; ');
	return translate(locale, 'plans.moves.noRoom');
}

/** The move list as table rows in the user's language: unit, persons, from room, to room. */
export function moveRows(
	detail: Pick<ScenarioDetail, 'built' | 'moves'>,
	locale: Locale
): { head: string[]; rows: [string, number, string, string][] } {
	const t = (k: MessageKey) => translate(locale, k);
	return {
		head: [
			t('plans.moves.unit'),
			t('plans.moves.persons'),
			t('plans.moves.from'),
			t('plans.moves.to')
		],
		rows: detail.moves.map((m) => [
			unitLabel(detail.built, m.unitId),
			m.persons,
			fromLabel(detail.built, m, locale),
			roomLabel(detail.built, m.toRoomId)
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
	for (const r of rows) ws.addRow([escapeText(r[0]), r[1], escapeText(r[2]), escapeText(r[3])]);
	const total = rows.reduce((s, r) => s + r[1], 0);
	ws.addRow([translate(locale, 'common.total'), total, '', '']).font = { bold: true };
	[36, 12, 56, 44].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}

/** The move list as an A4 PDF: title, ward name, date and the table. */
export async function exportMovesPdf(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): Promise<Uint8Array> {
	const { head, rows } = moveRows(detail, locale);
	const total = rows.reduce((s, r) => s + r[1], 0);
	const doc = {
		pageSize: 'A4',
		pageMargins: [40, 48, 40, 48],
		info: { title: exportTitle(detail, locale), creator: 'Trụ sở' },
		defaultStyle: { font: PDF_FONT, fontSize: 9 },
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
							widths: ['25%', 40, '*', '28%'],
							body: [
								head.map((h) => ({ text: h, bold: true, fillColor: '#e5e7eb' })),
								...rows.map((r) => [r[0], { text: String(r[1]), alignment: 'right' }, r[2], r[3]]),
								[
									{ text: translate(locale, 'common.total'), bold: true },
									{ text: String(total), bold: true, alignment: 'right' },
									'',
									''
								]
							]
						},
						layout: 'lightHorizontalLines'
					}
				: { text: translate(locale, 'plans.moves.empty') }
		]
	};
	const buf = await renderPdf(doc);
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// ---------------------------------------------------------------------------------------------
// Stack plan
// ---------------------------------------------------------------------------------------------

export interface StackSegment {
	unitKey: string;
	persons: number;
	areaM2: number;
	/** Share of the room's area given to this unit, in % (a shared room is drawn split). */
	sharePct: number;
}

export interface StackRoom {
	key: string;
	id: number;
	code: string;
	name: string;
	type: RoomType;
	level: number;
	areaM2: number;
	/** Block width in % of the widest level of the building (Σ room areas of that level). */
	widthPct: number;
	usable: boolean;
	reason: UnusableReason | null;
	lockedUnitKey: string | null;
	/** People and area per unit seated in the room, largest area first. */
	segments: StackSegment[];
	persons: number;
	/** Area of the room given to nobody, m². */
	freeM2: number;
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
 * widths are proportional to their areas, each room split between the units seated there in
 * proportion to the area each is given.
 *
 * Example: a 40 m² room where unit A has 3 persons on 24 m² and unit B 2 persons on 12 m² gives
 * segments A 60 %, B 30 % and 4 m² free.
 */
export function stackPlan(built: BuiltInstance, plan: readonly PersonsEntry[]): StackBuilding[] {
	const rows = normalisePlan(plan);
	const byRoom = new Map<string, Assignment[]>();
	for (const a of rows) {
		const list = byRoom.get(a.roomId) ?? [];
		list.push(a);
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
						const segments = (byRoom.get(r.key) ?? [])
							.map((a) => ({
								unitKey: a.unitId,
								persons: a.persons,
								areaM2: a.areaM2,
								sharePct: r.areaM2 > 0 ? Math.round((a.areaM2 / r.areaM2) * 1000) / 10 : 0
							}))
							.sort((x, y) => y.areaM2 - x.areaM2 || y.persons - x.persons);
						const used = segments.reduce((s, x) => s + x.areaM2, 0);
						return {
							key: r.key,
							id: r.id,
							code: r.code,
							name: r.name,
							type: r.type,
							level: r.level,
							areaM2: r.areaM2,
							widthPct: Math.round((r.areaM2 / widest) * 10000) / 100,
							usable: r.usable,
							reason: r.reason,
							lockedUnitKey: r.lockedUnitKey,
							segments,
							persons: segments.reduce((s, x) => s + x.persons, 0),
							freeM2: Math.max(0, r.areaM2 - used)
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

function apiSettings(s: ScenarioSettings) {
	return {
		minAreaPerPersonM2: s.minAreaPerPersonM2,
		minAreaSource: s.minAreaSource || null,
		minAreaIsAssumption: s.minAreaSource === '',
		maxUnitsPerRoom: s.maxUnitsPerRoom,
		priorities: Object.entries(s.priorities).map(([unitId, priority]) => ({
			unitId: Number(unitId),
			priority
		})),
		groundFloorUnitIds: s.groundFloorUnitIds,
		lockedRooms: s.lockedRooms,
		weights: s.weights
	};
}

function apiSummary(s: ScenarioListRow) {
	const { units: _units, ...metrics } = s.metrics;
	void _units;
	return {
		id: s.id,
		name: s.name,
		status: s.status,
		stale: s.stale,
		canApply: s.status !== 'draft' && !s.stale,
		objective: s.objective,
		optimum: s.optimum,
		optimal: s.optimal,
		weights: s.weights,
		settings: apiSettings(s.settings),
		createdAt: iso(s.createdAt),
		solvedAt: iso(s.solvedAt),
		appliedAt: iso(s.appliedAt),
		manualRows: s.manualRows,
		metrics
	};
}

/** The ward's scenarios for `GET /api/v1/wards/{code}/plans`. */
export function scenariosForApi(db: DbLike, wardId: number) {
	return listScenarios(db, wardId).map(apiSummary);
}

/** One scenario for `GET /api/v1/wards/{code}/plans/{id}`; null when not of this ward. */
export function scenarioForApi(db: DbLike, wardId: number, id: number, locale: Locale = 'vi') {
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
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			headcount: u.headcount,
			seated: u.seated,
			unseated: u.unseated,
			moved: u.moved,
			buildings: u.buildings,
			areaGivenM2: u.areaGivenM2,
			normM2PerPerson: u.normM2PerPerson,
			normAreaM2: u.normAreaM2,
			shortfallM2: u.shortfallM2,
			shortfallShare: u.shortfallShare,
			furthestBelow: u.furthestBelow,
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
			unusableReason: r.reason,
			lockedUnitId: r.lockedUnitKey ? dbId(r.lockedUnitKey) : null
		})),
		assignments: d.plan.map((a) => ({
			unitId: dbId(a.unitId),
			roomId: dbId(a.roomId),
			persons: a.persons,
			areaM2: a.areaM2,
			manual: a.manual
		})),
		moves: d.moves.map((m) => ({
			unitId: dbId(m.unitId),
			persons: m.persons,
			fromRoomId: m.fromRoomId ? dbId(m.fromRoomId) : null,
			fromRoomIds: m.fromRoomIds.map(dbId),
			toRoomId: dbId(m.toRoomId)
		}))
	};
}
