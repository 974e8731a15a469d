/**
 * Public data types of the "seat everyone" reallocation solver (issue 13).
 *
 * The model (exact; see `solveAllocation` in `./solve.ts` and `allocationLp` in `./model.ts`)
 * seats every official of every unit in the usable rooms, gives each (unit, room) pair an area
 * g ≥ minArea·persons, treats the unit's norm (normM2 · headcount) as a ceiling, and shares the
 * shortfall below the norm fairly (the worst priority-weighted shortfall ratio t first, then the
 * total shortfall), with few buildings per unit and few moves.
 */

/**
 * An organisational unit (phòng, ban, ...).
 *
 * Example: `{ id: 'tu-phap', headcount: 3, normM2: 10, priority: 1, groundFloorOnly: false,
 * currentRoomIds: ['A-101'] }`: three people entitled to 10 m² each (a 30 m² ceiling), sitting
 * in room `A-101` today.
 */
export interface AllocationUnit {
	/** Unique unit id (any non-empty string; never written into the LP file). */
	id: string;
	/** People to seat: an integer ≥ 0. A unit of 0 people gets no room and adds nothing. */
	headcount: number;
	/**
	 * Entitled working area per person in m² (finite, ≥ 0): the unit's entitled area ÷ its
	 * headcount. normM2 · headcount is a ceiling on the unit's total area. When it is 0 the unit
	 * has no shortfall ratio (no t row) and, the ceiling being 0, nobody of it can be seated.
	 */
	normM2: number;
	/** Weight of the unit's shortfall ratio in t, finite ≥ 1 (default 1; leaders 3, one-stop 2). */
	priority?: number;
	/** Only rooms on level 1 (tầng trệt) are allowed (default false). */
	groundFloorOnly?: boolean;
	/** Rooms the unit sits in today; persons seated elsewhere count as moved (default []). */
	currentRoomIds?: string[];
}

/**
 * A room.
 *
 * Example: `{ id: 'A-101', buildingId: 'A', level: 1, areaM2: 20, usable: true, seats: 3 }`.
 */
export interface AllocationRoom {
	/** Unique room id. */
	id: string;
	/** Building of the room; every building a unit uses costs `buildingsPerUnit`. */
	buildingId: string;
	/** Floor level, an integer; 1 is the ground floor (tầng trệt). */
	level: number;
	/** Usable floor area in m², finite ≥ 0. */
	areaM2: number;
	/** Unusable rooms receive nobody. */
	usable: boolean;
	/** Optional limit on persons in the room (all units together), an integer ≥ 0. */
	seats?: number | null;
	/** Optional: only this unit may use the room (null/undefined: any unit). Must name a unit. */
	lockedUnitId?: string | null;
}

/** Scenario settings; missing ones take {@link DEFAULT_SETTINGS}. */
export interface AllocationSettings {
	/** Least area per seated person in m², finite > 0 (default 6, the product's assumption). */
	minAreaPerPersonM2?: number;
	/** Most units sharing one room, an integer ≥ 1 (default 2). */
	maxUnitsPerRoom?: number;
}

/** Objective weights, each finite ≥ 0; missing ones take {@link DEFAULT_WEIGHTS}. */
export interface AllocationWeights {
	/** Per person left without a seat (default 100000). */
	unseated?: number;
	/** Times t, the worst priority-weighted shortfall ratio (default 10000). */
	worstShortfall?: number;
	/** Per m² of total shortfall below the norms (default 1). */
	shortfallM2?: number;
	/** Per (unit, building) used (default 10). */
	buildingsPerUnit?: number;
	/** Per person seated outside the unit's current rooms (default 1). */
	moved?: number;
}

/** A reallocation problem, exactly the JSON that `npm run allocate` reads. */
export interface AllocationInstance {
	units: AllocationUnit[];
	rooms: AllocationRoom[];
	settings?: AllocationSettings;
	weights?: AllocationWeights;
}

/** `persons` people of unit `unitId` sit in room `roomId` (persons only, e.g. a manual edit). */
export interface PersonsEntry {
	unitId: string;
	roomId: string;
	persons: number;
}

/** `persons` people of unit `unitId` sit in room `roomId` and are given `areaM2` m² together. */
export interface Assignment extends PersonsEntry {
	areaM2: number;
}

/** `persons` people of unit `unitId` have no seat. */
export interface UnseatedEntry {
	unitId: string;
	persons: number;
}

/**
 * `optimal`: proven optimal. `feasible`: the solver stopped (time limit) with a plan; `gap` says
 * how far it may be from the optimum. `infeasible`: no plan exists (cannot happen for a valid
 * instance: seating nobody is always feasible). `error`: the solver failed; `message` says why
 * and the plan is empty.
 */
export type AllocationStatus = 'optimal' | 'feasible' | 'infeasible' | 'error';

/** The five terms of the objective, unweighted (multiply by the weights and add). */
export interface ObjectiveTerms {
	/** Σ_u unseated persons. */
	unseated: number;
	/** t = max_u priority_u · shortfall_u / (normM2_u · headcount_u) over units with a norm > 0. */
	worstShortfallRatio: number;
	/** Σ_u shortfall_u in m², shortfall_u = max(0, normM2_u · headcount_u − area given to u). */
	shortfallM2: number;
	/** Σ_u number of buildings u uses. */
	buildingsPerUnit: number;
	/** Σ persons seated outside their unit's current rooms. */
	moved: number;
}

/** One unit's figures in a plan (for the plan page). */
export interface UnitEvaluation {
	unitId: string;
	headcount: number;
	seated: number;
	unseated: number;
	/** Area given to the unit, Σ_r g[u,r], m². */
	areaM2: number;
	/** normM2 · headcount, m² (the ceiling). */
	entitledM2: number;
	/** max(0, entitledM2 − areaM2), m². */
	shortfallM2: number;
	/** shortfallM2 / entitledM2 (0 when entitledM2 is 0). */
	shortfallShare: number;
	/** priority · shortfallShare: the unit's candidate for t. */
	weightedShortfallRatio: number;
	/** Buildings used, in order of first appearance in the instance's rooms. */
	buildingIds: string[];
	/** Persons seated outside the unit's current rooms. */
	moved: number;
}

/** Objective of a plan recomputed from the plan itself (`evaluatePlan`). */
export interface PlanEvaluation {
	/** Σ weight · term, with the instance's weights. */
	objective: number;
	terms: ObjectiveTerms;
	/** Same as terms.worstShortfallRatio. */
	worstShortfallRatio: number;
	/** One row per unit, in instance order. */
	units: UnitEvaluation[];
	/** Units with persons > 0 unseated, in instance order. */
	unseated: UnseatedEntry[];
}

/** Result of `solveAllocation` (and the JSON printed by `npm run allocate`). */
export interface AllocationResult {
	status: AllocationStatus;
	/** The plan's own objective, recomputed from the plan by `evaluatePlan` (0 without a plan). */
	objective: number;
	/** Relative gap (objective − bound) / objective when status is `feasible`. */
	gap?: number;
	worstShortfallRatio: number;
	/** persons ≥ 1 only, in instance order (units, then rooms). */
	assignments: Assignment[];
	/** persons ≥ 1 only, in instance order. */
	unseated: UnseatedEntry[];
	/** Unweighted objective terms of the plan. */
	terms: ObjectiveTerms;
	/** Per-unit figures of the plan. */
	units: UnitEvaluation[];
	/** Wall-clock time of heuristic, model and solve, ms. */
	solveTimeMs: number;
	/** Explanation (errors, early stops). */
	message?: string;
	/**
	 * What the message says, as codes for a page to put in the user's words: `time-limit` (the
	 * solver stopped at the time limit), `start-plan` (the plan returned is the heuristic start),
	 * `solver-failed` (HiGHS threw or ended in an error).
	 */
	notes?: SolverNote[];
}

/** A coded reason behind `AllocationResult.message`. */
export type SolverNote = 'time-limit' | 'start-plan' | 'solver-failed';

/** Options of `solveAllocation`. */
export interface SolveOptions {
	/** Wall-clock limit in seconds (finite, > 0). Default 30. */
	timeLimitS?: number;
	/** Advanced: raw HiGHS options applied after the solver's own (e.g. `{ mip_rel_gap: 0.01 }`). */
	highsOptions?: Record<string, string | number | boolean>;
	/** Run HiGHS on a pooled worker thread (default true) rather than on the calling thread. */
	inWorker?: boolean;
	/** Give HiGHS the heuristic plan as MIP start (default true); affects speed only. */
	warmStart?: boolean;
}

/** The rule a {@link Violation} breaks. */
export type ViolationRule =
	/** The row names a unit that is not in the instance. */
	| 'unknown-unit'
	/** The row names a room that is not in the instance. */
	| 'unknown-room'
	/** persons is not an integer ≥ 0, or areaM2 not a finite number ≥ 0. */
	| 'invalid-number'
	/** Two rows for the same (unit, room). */
	| 'duplicate-row'
	/** Area given with no person seated (g ≤ areaM2 · z and x ≥ z). */
	| 'area-without-persons'
	/** Σ_r persons of a unit > headcount. */
	| 'headcount'
	/** Persons in an unusable room. */
	| 'usable'
	/** Persons of a ground-floor-only unit in a room not on level 1. */
	| 'ground-floor'
	/** Persons of a unit in a room locked to another unit. */
	| 'lock'
	/** Σ_u area given in the room > areaM2 (all units sharing the room). */
	| 'room-area'
	/** Σ_u persons in the room > seats (all units sharing the room). */
	| 'seats'
	/** More than maxUnitsPerRoom units in the room. */
	| 'max-units'
	/** Area of a (unit, room) < minAreaPerPersonM2 · persons. */
	| 'min-area'
	/** Σ_r area given to a unit > normM2 · headcount (the norm is a ceiling). */
	| 'norm-ceiling';

/** One broken rule of a (possibly hand-edited) plan. */
export interface Violation {
	rule: ViolationRule;
	unitId?: string;
	roomId?: string;
	/** The offending quantity (e.g. 30.01 m² given in the room) when there is one. */
	value?: number;
	/** The limit it breaks (e.g. 30 m²). */
	limit?: number;
	/** English explanation naming the rule, ids and figures (UI code translates by `rule`). */
	message: string;
}

/** Result of `checkAllocation`. */
export interface CheckResult {
	/** True when there are no violations. */
	feasible: boolean;
	violations: Violation[];
	/** The plan's objective and terms (rows with unknown ids or invalid numbers are skipped). */
	evaluation: PlanEvaluation;
}

/** One row of `moveList`: `persons` people of `unitId` move into `toRoomId`. */
export interface MoveRow {
	unitId: string;
	persons: number;
	/** The room they leave, when known; null when not known (see `moveList`). */
	fromRoomId: string | null;
	/** The unit's current rooms ([] for a unit with no room today). */
	fromRoomIds: string[];
	toRoomId: string;
}

/** Default settings: 6 m² least area per person (the product's assumption), 2 units per room. */
export const DEFAULT_SETTINGS: Readonly<Required<AllocationSettings>> = Object.freeze({
	minAreaPerPersonM2: 6,
	maxUnitsPerRoom: 2
});

/**
 * Default weights (issue 13): an unseated person 100000, worst shortfall ratio 10000 per unit of
 * t, 1 per m² of shortfall, 10 per building a unit uses, 1 per person moved.
 */
export const DEFAULT_WEIGHTS: Readonly<Required<AllocationWeights>> = Object.freeze({
	unseated: 100000,
	worstShortfall: 10000,
	shortfallM2: 1,
	buildingsPerUnit: 10,
	moved: 1
});

/**
 * Absolute tolerance in m² (and persons) of every check: a room given exactly its area passes,
 * 0.01 m² over fails. Shared by the solver's own verification, the page and the server.
 */
export const CHECK_TOLERANCE = 1e-6;

/**
 * Thrown (before any solving) when an instance is malformed; the message names the item, e.g.
 * `unit "U2" (units[1]): headcount must be an integer ≥ 0, got 2.5`.
 */
export class AllocationInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AllocationInputError';
	}
}
