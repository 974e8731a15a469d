/**
 * A scenario's settings (least area per person, units per room, priorities, ground-floor units,
 * locked rooms, the five weights): the ward's defaults, the stored settings completed with them,
 * and the check of settings against the ward.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DEFAULT_SETTINGS, DEFAULT_WEIGHTS, type AllocationWeights } from '../../allocation/types';
import type { DbLike } from '../db';
import { rooms } from '../db/schema';
import { wardPositions, wardUnits } from '../org/queries';

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

export interface UnitFacts {
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

export function unitFacts(db: DbLike, wardId: number): UnitFacts[] {
	const units = wardUnits(db, wardId);
	const pos = wardPositions(db, wardId);
	return units.map((u) => ({
		...u,
		titleKeys: pos.filter((p) => p.unitId === u.id && p.approved > 0).map((p) => p.titleKey)
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
export function settingsOf(
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
