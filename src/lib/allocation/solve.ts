/**
 * `solveAllocation`: the HiGHS-based MIP solver for short-term reallocation.
 */
import highsLoader, { type Highs } from 'highs';
import { summarisePlan } from './evaluate';
import { buildModel, type BuiltModel } from './model';
import { heuristicPlanYielding } from './heuristic';
import { runHighsJob, type HighsJob, type RawOutcome } from './highs-job';
import {
	AllocationInputError,
	type AllocationInstance,
	type AllocationResult,
	type SolveOptions
} from './types';
import { fitsArea, prepareInstance, roomAllowed, type PreparedInstance } from './validate';
import { runInWorker } from './worker-pool';

/** Default wall-clock limit of one solve, in seconds. */
export const DEFAULT_TIME_LIMIT_S = 30;

let highsPromise: Promise<Highs> | null = null;

/** Loads the HiGHS wasm module once and caches it (a failed load is not cached). */
function getHighs(): Promise<Highs> {
	if (!highsPromise) {
		const loading = highsLoader();
		highsPromise = loading;
		loading.catch(() => {
			if (highsPromise === loading) highsPromise = null;
		});
	}
	return highsPromise;
}

/**
 * Drops the cached HiGHS module so that the next solve loads a fresh wasm instance. Called after
 * any exception thrown by HiGHS, since the wasm instance may be left in a bad state.
 */
export function resetSolver(): void {
	highsPromise = null;
}

// HiGHS model status codes (highs.constants.modelStatus).
const MS_EMPTY = 6;
const MS_OPTIMAL = 7;
const MS_INFEASIBLE = 8;
const MS_UNBOUNDED_OR_INFEASIBLE = 9;
const MS_TIME_LIMIT = 13;
const MS_ITERATION_LIMIT = 14;
const MS_SOLUTION_LIMIT = 16;
const MS_INTERRUPTED = 17;
const STATUS_NAMES: Record<number, string> = {
	0: 'not set',
	1: 'load error',
	2: 'model error',
	3: 'presolve error',
	4: 'solve error',
	5: 'postsolve error',
	6: 'empty',
	7: 'optimal',
	8: 'infeasible',
	9: 'unbounded or infeasible',
	10: 'unbounded',
	11: 'objective bound reached',
	12: 'objective target reached',
	13: 'time limit reached',
	14: 'iteration limit reached',
	15: 'unknown',
	16: 'solution limit reached',
	17: 'interrupted'
};
const EARLY_STOPS = new Set([MS_TIME_LIMIT, MS_ITERATION_LIMIT, MS_SOLUTION_LIMIT, MS_INTERRUPTED]);

/** The solver's own HiGHS settings (the caller's `highsOptions` are applied after them). */
function baseOptions(
	model: BuiltModel,
	timeLimitS: number
): Record<string, string | number | boolean> {
	return {
		output_flag: false,
		log_to_console: false,
		time_limit: timeLimitS,
		mip_rel_gap: 0,
		// Symmetry detection did not pay off on this model in scripts/bench/allocation.ts (hard
		// sample-size seeds solved 2-4× faster without it, 60×400 cases unchanged).
		mip_detect_symmetry: false,
		// Restarts (re-presolving after root fixings) cost more than they save here: on the
		// sample ward they add ~60% LP iterations and ~30-45% CPU; on sample-size synthetic wards
		// the search is the same or shorter without them.
		mip_allow_restart: false,
		// The RENS sub-MIP heuristic mostly re-finds plans the MIP start already gives: without it
		// the sample ward solves ~10-15% faster, the slowest sample-size synthetic ward (seed 7)
		// ~2× faster, and the 60×400 wards end the 10 s limit with the same or a smaller gap.
		mip_heuristic_run_rens: false,
		// With integer weights every plan has an integer objective, so a plan within < 1 of the
		// proven bound is optimal; this only lets HiGHS stop earlier.
		...(model.integralObjective ? { mip_abs_gap: 0.999 } : {})
	};
}

/**
 * Runs HiGHS on a pooled worker thread (default) or on the calling thread; may throw (the
 * caller turns that into an `error` result). The worker gets a deadline well past the time
 * limit, for the rare run where HiGHS overruns it (presolve, root LP).
 */
async function runHighs(job: HighsJob, timeLimitS: number, inWorker: boolean): Promise<RawOutcome> {
	if (inWorker) return runInWorker(job, (2 * timeLimitS + 10) * 1000);
	return runHighsJob(await getHighs(), job);
}

/** Column values of a plan given as placed[u] maps (for the MIP start). */
function planToColumns(
	p: PreparedInstance,
	model: BuiltModel,
	placed: Map<number, number>[]
): Float64Array {
	const v = new Float64Array(model.columns.length);
	const usedB = p.units.map(() => new Set<number>());
	const total = p.units.map(() => 0);
	model.xVars.forEach((x, i) => {
		const k = placed[x.u].get(x.r) ?? 0;
		v[i] = k;
		total[x.u] += k;
		if (k > 0) usedB[x.u].add(x.b);
	});
	const nx = model.xVars.length;
	p.units.forEach((unit, u) => (v[nx + u] = unit.headcount - total[u]));
	model.yVars.forEach((y, i) => (v[nx + p.units.length + i] = usedB[y.u].has(y.b) ? 1 : 0));
	return v;
}

/** Rounded x values → placed[u] maps; verifies the hard constraints (throws if violated). */
function columnsToPlan(
	p: PreparedInstance,
	model: BuiltModel,
	values: Float64Array
): Map<number, number>[] {
	const placed = p.units.map(() => new Map<number, number>());
	model.xVars.forEach((x, i) => {
		const k = Math.round(values[i]);
		if (k > 0) placed[x.u].set(x.r, k);
	});
	assertFeasible(p, placed);
	return placed;
}

function assertFeasible(p: PreparedInstance, placed: Map<number, number>[]): void {
	const load = p.rooms.map(() => 0);
	p.units.forEach((unit, u) => {
		let total = 0;
		for (const [r, k] of placed[u]) {
			if (!roomAllowed(p, u, r))
				throw new Error(`internal: unit ${u} placed in forbidden room ${r}`);
			load[r] += k * unit.areaPerPersonM2;
			total += k;
		}
		if (total > unit.headcount)
			throw new Error(
				`rounded solution places ${total} > ${unit.headcount} people of "${unit.id}"`
			);
	});
	p.rooms.forEach((room, r) => {
		if (!fitsArea(load[r], room.areaM2))
			throw new Error(
				`rounded solution overfills room "${room.id}" (${load[r]} > ${room.areaM2} m²)`
			);
	});
}

/**
 * Relative gap (objective − bound) / objective. Every objective is ≥ 0 (weights and variables
 * are non-negative), so 0 is a valid bound when HiGHS has none yet.
 */
function relativeGap(objective: number, bound: number): number {
	const lower = Number.isFinite(bound) ? Math.max(0, bound) : 0;
	const diff = Math.max(0, objective - lower);
	if (diff <= 1e-9) return 0;
	return diff / Math.max(Math.abs(objective), 1e-9);
}

/**
 * Solves the short-term reallocation MIP exactly (HiGHS branch-and-cut, `mip_rel_gap` 0).
 *
 * Variables: x[u][r] ≥ 0 integer (people of unit u in room r), s[u] ≥ 0 (people of u not
 * placed), y[u][b] ∈ {0,1} (unit u uses building b).
 *
 *   minimise  unplaced·Σ_u s[u] + buildingsPerUnit·Σ_{u,b} y[u][b]
 *             + moved·Σ_{u, r ∉ currentRoomIds[u]} x[u][r]
 *   s.t.      Σ_u areaPerPersonM2[u]·x[u][r] ≤ areaM2[r]         for every room r
 *             Σ_r x[u][r] + s[u] = headcount[u]                  for every unit u
 *             x[u][r] ≤ headcount[u]·y[u][building(r)]           for every unit u and room r
 *             x[u][r] = 0 if room r is unusable, or u is groundFloorOnly and level[r] ≠ 1.
 *
 * HiGHS receives an equivalent form with the same feasible plans and optimum (see `buildModel`
 * in `./model.ts`): x[u][r] ≤ M[u][r] = min(headcount[u], ⌊areaM2[r]/areaPerPersonM2[u]⌋) as
 * bounds (implied by the capacity rows for integer x), linking per (unit, building)
 * Σ_{r∈b} x[u][r] ≤ min(headcount[u], Σ_{r∈b} M[u][r])·y[u][b] (or per room with
 * `linking: 'per-room'`), and the implied row Σ_b C[u][b]·y[u][b] + s[u] ≥ headcount[u].
 * A heuristic plan (greedy + local search) is passed as MIP start. Solution values are rounded
 * (Math.round), checked against the constraints, and the objective is recomputed from the
 * rounded plan with y = the set of buildings actually used.
 *
 * Worked example: one unit of 3 people × 10 m² (no current rooms) and rooms of 20 m² and 15 m²
 * in building A. The rooms fit ⌊20/10⌋ = 2 and ⌊15/10⌋ = 1 people, so everybody fits in one
 * building: 2 people in the 20 m² room, 1 in the 15 m² room, nobody unplaced; objective
 * 10·1 (building A) + 1·3 (three people moved) = 13. Had the unit sat in the 20 m² room
 * already, only one person would move: objective 11.
 *
 * Invalid instances (or a `timeLimitS` that is not a positive number) are rejected before
 * solving: the returned promise rejects with an {@link AllocationInputError} naming the offending
 * item. Solver failures never throw: they give a result with status `error` and a `message`.
 * When HiGHS stops at the time limit (or another limit) the best plan known is returned with
 * status `time-limit` and its relative `gap`; thanks to the MIP start there always is one.
 * `timeLimitS` (default 30) covers the heuristic and HiGHS; HiGHS may overrun it slightly while
 * it is in presolve or in the root LP. HiGHS runs on a pooled worker thread (`./worker-pool.ts`)
 * unless `inWorker` is false, so the caller's event loop stays free while it works.
 * `solveTimeMs` includes loading the HiGHS wasm module on the first call of a process (or of a
 * new worker).
 */
export async function solveAllocation(
	instance: AllocationInstance,
	options: SolveOptions = {}
): Promise<AllocationResult> {
	const p = prepareInstance(instance);
	const timeLimitS = options.timeLimitS ?? DEFAULT_TIME_LIMIT_S;
	if (typeof timeLimitS !== 'number' || !Number.isFinite(timeLimitS) || timeLimitS <= 0)
		throw new AllocationInputError(
			`options.timeLimitS must be a finite number > 0, got ${timeLimitS}`
		);
	const extra = options.highsOptions ?? {};
	const t0 = performance.now();
	const elapsed = () => Math.round((performance.now() - t0) * 1000) / 1000;

	const emptyPlan = () => summarisePlan(p, []);
	const errorResult = (message: string): AllocationResult => ({
		status: 'error',
		objective: 0,
		assignments: [],
		unplaced: [],
		buildingsByUnit: Object.fromEntries(p.units.map((u) => [u.id, [] as string[]])),
		solveTimeMs: elapsed(),
		message
	});

	if (p.units.length === 0) {
		return { status: 'optimal', ...emptyPlan(), solveTimeMs: elapsed() };
	}

	let model: BuiltModel;
	let outcome: RawOutcome;
	let startPlan: Map<number, number>[] | null = null;
	try {
		model = buildModel(p, options.linking ?? 'per-building', options.unitBounds ?? true);
		let start: Float64Array | null = null;
		if (options.warmStart !== false) {
			// Up to 10% of the time limit (at most 1.5 s) for the heuristic.
			startPlan = await heuristicPlanYielding(p, Math.min(1500, timeLimitS * 100), 20);
			start = planToColumns(p, model, startPlan);
		}
		const left = Math.max(0.05, timeLimitS - (performance.now() - t0) / 1000);
		outcome = await runHighs(
			{
				lp: model.lp,
				columns: model.columns,
				start,
				options: [baseOptions(model, left), ...(Object.keys(extra).length > 0 ? [extra] : [])]
			},
			left,
			options.inWorker ?? true
		);
	} catch (e) {
		resetSolver();
		return errorResult(`HiGHS failed: ${e instanceof Error ? e.message : String(e)}`);
	}

	const statusName = STATUS_NAMES[outcome.modelStatus] ?? `status ${outcome.modelStatus}`;
	try {
		if (outcome.modelStatus === MS_INFEASIBLE || outcome.modelStatus === MS_UNBOUNDED_OR_INFEASIBLE)
			return {
				status: 'infeasible',
				objective: 0,
				assignments: [],
				unplaced: [],
				buildingsByUnit: Object.fromEntries(p.units.map((u) => [u.id, [] as string[]])),
				solveTimeMs: elapsed(),
				message: `HiGHS: ${statusName}`
			};
		if (outcome.modelStatus === MS_OPTIMAL || outcome.modelStatus === MS_EMPTY) {
			if (!outcome.values) return errorResult(`HiGHS reported ${statusName} without a solution`);
			const plan = summarisePlan(p, columnsToPlan(p, model, outcome.values));
			return { status: 'optimal', ...plan, solveTimeMs: elapsed() };
		}
		if (EARLY_STOPS.has(outcome.modelStatus)) {
			let plan = outcome.values ? summarisePlan(p, columnsToPlan(p, model, outcome.values)) : null;
			let message = `HiGHS stopped early: ${statusName}`;
			if (startPlan) {
				const heuristic = summarisePlan(p, startPlan);
				if (!plan || heuristic.objective < plan.objective) {
					plan = heuristic;
					message += '; returning the heuristic start plan';
				}
			}
			if (!plan) return errorResult(`HiGHS stopped early (${statusName}) without a feasible plan`);
			const gap = relativeGap(plan.objective, outcome.dualBound);
			return {
				status: 'time-limit',
				...plan,
				solveTimeMs: elapsed(),
				message,
				gap
			};
		}
		return errorResult(`HiGHS ended with status: ${statusName}`);
	} catch (e) {
		return errorResult(e instanceof Error ? e.message : String(e));
	}
}

let warming: Promise<void> | null = null;

/**
 * Solves `instance` once in the background, at most once per process, so that V8 has optimised
 * the HiGHS WebAssembly code before a solve somebody waits for: the first solve of a process
 * takes about three times as long as the next ones (sample ward: ~2.5-2.9 s, then 0.8-1 s). It
 * runs on a worker thread, so the caller is not held up. The promise settles when the warm-up
 * is over and never rejects.
 */
export function warmUpSolver(instance: AllocationInstance): Promise<void> {
	warming ??= solveAllocation(instance, { timeLimitS: 5 }).then(
		() => undefined,
		() => undefined
	);
	return warming;
}
