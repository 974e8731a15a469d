/**
 * The reallocation instance of a ward: its inventory, staffing and one scenario's settings
 * turned into an instance of `$lib/allocation`, with the rows it was built from, and the
 * fingerprint of that instance (a plan whose inputs changed since its solve reads as stale).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AllocationInstance } from '../../allocation/types';
import { NON_WORK_ROOM_TYPES, type DangerLevel, type RoomType } from '../../constants';
import { computeSpaceNeeds, isRankKey, NORM_SET_155_2025, type RankKey } from '../../norms';
import type { DbLike } from '../db';
import { normItems, normSets, rooms } from '../db/schema';
import { wardPositions, wardUnits } from '../org/queries';
import { defaultSettings, fullWeights, type ScenarioSettings } from './settings';
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

	const unitRows = wardUnits(db, wardId);
	const positionRows = wardPositions(db, wardId);

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
