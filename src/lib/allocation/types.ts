/**
 * Public data types of the short-term reallocation solver.
 *
 * The model (see `solveAllocation` in `./solve.ts` for the full formulation) decides how
 * many people of every organisational unit sit in every room of the ward's buildings.
 */

/**
 * An organisational unit (phòng, ban, đội...) that needs desks.
 *
 * Example: `{ id: 'tu-phap', headcount: 3, areaPerPersonM2: 10, currentRoomIds: ['A-101'] }`
 * is a unit of three people who each need 10 m² and who sit in room `A-101` today.
 */
export interface AllocationUnit {
	/** Unique unit id (any string; never written into the LP file). */
	id: string;
	/** Number of people to seat: a non-negative integer. */
	headcount: number;
	/** Floor area one person of this unit needs, in m² (> 0). */
	areaPerPersonM2: number;
	/** When true the unit may only use rooms on level 1 (the ground floor), e.g. a one-stop desk. */
	groundFloorOnly?: boolean;
	/** Rooms the unit occupies today; people placed there are not counted as moved. */
	currentRoomIds?: string[];
}

/**
 * A room that can host people.
 *
 * Example: `{ id: 'A-101', buildingId: 'A', level: 1, areaM2: 20, usable: true }` is a 20 m²
 * ground-floor room of building `A`.
 */
export interface AllocationRoom {
	/** Unique room id. */
	id: string;
	/** Building the room belongs to; units pay a cost for every building they use. */
	buildingId: string;
	/** Floor level, an integer; 1 is the ground floor. */
	level: number;
	/** Usable floor area in m² (≥ 0). */
	areaM2: number;
	/** Rooms that are not usable (under repair, storage...) receive nobody. */
	usable: boolean;
}

/**
 * Objective weights; every weight must be a finite number ≥ 0.
 *
 * With the defaults ({@link DEFAULT_WEIGHTS}) one unplaced person (1000) costs more than any
 * number of extra buildings a realistic unit could use, and one extra building (10) costs as
 * much as moving ten people.
 */
export interface AllocationWeights {
	/** Cost per person left without a seat (default 1000). */
	unplaced?: number;
	/** Cost per (unit, building) pair used, i.e. per building a unit is spread over (default 10). */
	buildingsPerUnit?: number;
	/** Cost per person seated outside the unit's current rooms (default 1). */
	moved?: number;
}

/**
 * A reallocation problem: units, rooms and optional weights.
 *
 * Example (used throughout the docs): one unit of 3 people × 10 m² and two rooms of 20 m² and
 * 15 m² in building `A`:
 * ```ts
 * const instance: AllocationInstance = {
 * 	units: [{ id: 'U', headcount: 3, areaPerPersonM2: 10 }],
 * 	rooms: [
 * 		{ id: 'R20', buildingId: 'A', level: 1, areaM2: 20, usable: true },
 * 		{ id: 'R15', buildingId: 'A', level: 1, areaM2: 15, usable: true }
 * 	]
 * };
 * ```
 * Its optimum seats 2 people in R20 and 1 in R15, objective 10·1 + 1·3 = 13.
 */
export interface AllocationInstance {
	units: AllocationUnit[];
	rooms: AllocationRoom[];
	weights?: AllocationWeights;
}

/** `persons` people of unit `unitId` sit in room `roomId`. */
export interface Assignment {
	unitId: string;
	roomId: string;
	persons: number;
}

/** `persons` people of unit `unitId` received no seat. */
export interface UnplacedEntry {
	unitId: string;
	persons: number;
}

/** Outcome of {@link solveAllocation}. */
export type AllocationStatus = 'optimal' | 'time-limit' | 'infeasible' | 'error';

/**
 * Result of `solveAllocation`.
 *
 * For the example of {@link AllocationInstance}:
 * ```json
 * { "status": "optimal", "objective": 13,
 *   "assignments": [{ "unitId": "U", "roomId": "R20", "persons": 2 },
 *                   { "unitId": "U", "roomId": "R15", "persons": 1 }],
 *   "unplaced": [], "buildingsByUnit": { "U": ["A"] }, "solveTimeMs": 4.2 }
 * ```
 */
export interface AllocationResult {
	/**
	 * `optimal`: proven optimal plan. `time-limit`: the solver stopped early; the plan is the best
	 * one found and `gap` tells how far it may be from the optimum. `infeasible`: the solver proved
	 * infeasibility (cannot happen for valid instances, since leaving everybody unplaced is always
	 * feasible). `error`: the solver failed; `message` says why and the plan is empty.
	 */
	status: AllocationStatus;
	/** Objective recomputed from the returned (rounded) plan; 0 when there is no plan. */
	objective: number;
	/** Seats per (unit, room), persons > 0 only, in instance order (units, then rooms). */
	assignments: Assignment[];
	/** People without a seat per unit, persons > 0 only. */
	unplaced: UnplacedEntry[];
	/** Building ids used by each unit (every unit id is a key; [] when it uses none). */
	buildingsByUnit: Record<string, string[]>;
	/** Wall-clock time of model building plus solving, in milliseconds. */
	solveTimeMs: number;
	/** Human-readable explanation (errors, early stops). */
	message?: string;
	/** Relative MIP gap (objective − bound) / objective when status is `time-limit`. */
	gap?: number;
}

/** Options of `solveAllocation`. */
export interface SolveOptions {
	/** Wall-clock limit for HiGHS in seconds (finite, > 0). Default 30. */
	timeLimitS?: number;
	/**
	 * Advanced, defaults to none: raw HiGHS options applied after the solver's own settings
	 * (e.g. `{ mip_rel_gap: 0.01 }`). An option HiGHS rejects makes the result status `error`.
	 */
	highsOptions?: Record<string, string | number | boolean>;
	/**
	 * Run HiGHS on a worker thread (default true), so that the calling thread (in the web server,
	 * every other request) is not blocked for the seconds a solve takes; false runs it on the
	 * calling thread. Same model, options and result either way.
	 */
	inWorker?: boolean;
	/**
	 * Give HiGHS a heuristic plan (greedy + local search) as MIP start (default true). Only
	 * affects speed and the quality of plans returned at the time limit, never the optimum.
	 */
	warmStart?: boolean;
	/**
	 * How x is linked to y in the LP (same feasible plans and optimum either way): one row per
	 * (unit, building), Σ_{r∈b} x[u][r] ≤ C[u][b]·y[u][b] (default, faster), or one row per
	 * (unit, room), x[u][r] ≤ M[u][r]·y[u][b] (`per-room`, the textbook big-M form).
	 */
	linking?: 'per-building' | 'per-room';
	/**
	 * Add the valid inequalities "cost of unit u ≥ its cost if it were alone in the ward"
	 * (default true). They cut off no plan; they only tighten the LP bound.
	 */
	unitBounds?: boolean;
}

/** The kinds of problems {@link checkAllocation} reports. */
export type ViolationKind =
	| 'capacity'
	| 'unusable'
	| 'ground-floor'
	| 'headcount'
	| 'unknown-room'
	| 'unknown-unit'
	| 'non-integer';

/** One problem found in a (possibly hand-edited) plan. */
export interface Violation {
	kind: ViolationKind;
	unitId?: string;
	roomId?: string;
	message: string;
}

/** Result of `checkAllocation`. */
export interface CheckResult {
	/** True when there are no violations. */
	feasible: boolean;
	violations: Violation[];
	/** Objective of the plan with the instance's weights (y = buildings actually used). */
	objective: number;
	/** max(0, headcount − placed) per unit, persons > 0 only. */
	unplaced: UnplacedEntry[];
	/** Buildings used by each unit (every unit id is a key). */
	buildingsByUnit: Record<string, string[]>;
}

/** One row of `moveList`: `persons` people of `unitId` move into `toRoomId`. */
export interface MoveRow {
	unitId: string;
	/** The unit's current rooms (where the movers come from); [] for a unit without rooms today. */
	fromRoomIds: string[];
	toRoomId: string;
	persons: number;
}

/**
 * Default objective weights: `unplaced` 1000, `buildingsPerUnit` 10, `moved` 1.
 *
 * Example: a plan leaving 1 person unplaced, spreading one unit over 2 buildings and moving 4
 * people costs 1000·1 + 10·2 + 1·4 = 1024.
 */
export const DEFAULT_WEIGHTS: Readonly<Required<AllocationWeights>> = Object.freeze({
	unplaced: 1000,
	buildingsPerUnit: 10,
	moved: 1
});

/**
 * Thrown (before any solving) when an instance is malformed. The message names the offending
 * item, e.g. `unit "U2" (units[1]): headcount must be a non-negative integer, got 2.5`.
 */
export class AllocationInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AllocationInputError';
	}
}
