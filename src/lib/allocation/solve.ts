/**
 * `solveAllocation`: the HiGHS-based MIP solver of the seat-everyone reallocation (issue 13).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import highsLoader, { type Highs } from 'highs';
import { bestAreas, type PersonsPair } from './areas';
import { checkAllocation, evaluatePairs } from './evaluate';
import { buildModel, canonicalRooms, CUTS, type BuiltModel } from './model';
import { heuristicPlan, improvePlan } from './heuristic';
import { runHighsJob, type HighsJob, type RawOutcome } from './highs-job';
import {
	AllocationInputError,
	type AllocationInstance,
	type AllocationResult,
	type Assignment,
	type PlanEvaluation,
	type SolveOptions,
	type SolverNote
} from './types';
import { prepareInstance, type PreparedInstance } from './validate';
import { runInWorker, workerCount } from './worker-pool';

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
function baseOptions(timeLimitS: number): Record<string, string | number | boolean> {
	return {
		output_flag: false,
		log_to_console: false,
		time_limit: timeLimitS,
		// Proven optimal to 1e-9 relative (1e-6 absolute), as CBC's defaults prove it.
		mip_rel_gap: 1e-9,
		mip_abs_gap: 1e-6
	};
}

/**
 * Runs HiGHS on a pooled worker thread (default) or on the calling thread; may throw (the
 * caller turns that into an `error` result). The worker gets a deadline well past the time
 * limit, for the rare run where HiGHS overruns it (presolve, root LP).
 */
async function runHighs(
	job: HighsJob,
	timeLimitS: number,
	inWorker: boolean,
	signal?: AbortSignal
): Promise<RawOutcome> {
	if (inWorker) return runInWorker(job, (2 * timeLimitS + 10) * 1000, signal);
	return runHighsJob(await getHighs(), job);
}

/**
 * Models up to this many (unit, room) pairs are raced (internal): with two workers, HiGHS runs
 * the whole model without presolve on one and, from {@link RACE_SECOND_AFTER_MS} on, with it on
 * the other; the first proof wins. Neither setting is faster on every small ward: on the bench's
 * 4 × 16 wards (30-50 pairs) presolve off proved the optimum in 0.3-1.0 s where presolve on took
 * 0.5-2.6 s, on 6 × 24 wards (80-100 pairs) presolve on was faster on three of five (6-10 s
 * against 5-18 s). Up to 250 pairs the race also ended at least as well as the neighbourhood
 * search at 30 s (7 × 32 and 8 × 40 wards, three seeds each: better on three, equal on two, 1
 * worse on one). The sample ward's size (360-520 pairs) uses the second worker for the
 * neighbourhood search instead.
 */
export const RACE_MAX_PAIRS = 250;

/**
 * The second run joins the race this late (internal): two HiGHS runs at once on this machine's
 * two cores each ran about 30 % slower, which on a 4 × 16 ward proven in under a second cost
 * more than the second setting ever saved.
 */
const RACE_SECOND_AFTER_MS = 500;

/** The racers' HiGHS settings, in the order they start (each after the solver's own, before the caller's). */
const RACERS = [{ presolve: 'off' }, {}] as const;

/**
 * Waits for the first run that ends decided (optimal, infeasible: anything but an early stop)
 * and withdraws the others, or for every run to stop early (internal). Resolves with the
 * decided outcome, or with every outcome that came back; rejects only when every run failed.
 */
export async function firstDecided(
	runs: ((signal: AbortSignal) => Promise<RawOutcome>)[]
): Promise<{ decided: RawOutcome | null; outcomes: RawOutcome[] }> {
	const controllers = runs.map(() => new AbortController());
	const outcomes: RawOutcome[] = [];
	const errors: unknown[] = [];
	return new Promise((resolve, reject) => {
		let open = runs.length;
		let over = false;
		const settle = () => {
			if (over || --open > 0) return;
			over = true;
			if (outcomes.length > 0) resolve({ decided: null, outcomes });
			else reject(errors[0]);
		};
		runs.forEach((run, k) => {
			void run(controllers[k].signal).then(
				(outcome) => {
					if (over) return;
					outcomes.push(outcome);
					if (!EARLY_STOPS.has(outcome.modelStatus)) {
						over = true;
						controllers.forEach((c, j) => j !== k && c.abort());
						resolve({ decided: outcome, outcomes });
						return;
					}
					settle();
				},
				(e) => {
					errors.push(e);
					settle();
				}
			);
		});
	});
}

/** A plan by index: persons per pair and their areas (internal). */
interface Plan {
	pairs: PersonsPair[];
	areas: number[];
}

function evaluate(p: PreparedInstance, plan: Plan): PlanEvaluation {
	return evaluatePairs(
		p,
		plan.pairs.map((x, i) => ({ ...x, areaM2: plan.areas[i] }))
	);
}

/** The plan with the best areas for its persons (`bestAreas`). */
function withBestAreas(p: PreparedInstance, pairs: PersonsPair[]): Plan {
	return { pairs, areas: bestAreas(p, pairs) };
}

/** Column values of a plan (the MIP start). */
function planToColumns(p: PreparedInstance, model: BuiltModel, plan: Plan): Float64Array {
	const col = new Map<string, number>();
	const seated = p.units.map(() => 0);
	const area = p.units.map(() => 0);
	const byPair = new Map<string, { persons: number; area: number }>();
	plan.pairs.forEach((x, i) => {
		byPair.set(`${x.u}_${x.r}`, { persons: x.persons, area: plan.areas[i] });
		seated[x.u] += x.persons;
		area[x.u] += plan.areas[i];
	});
	const usedB = new Set<string>();
	for (const x of model.pairs) {
		const v = byPair.get(`${x.u}_${x.r}`);
		const k = v?.persons ?? 0;
		col.set(x.x, k);
		col.set(x.g, k > 0 ? Math.min(x.gMax, v!.area) : 0);
		col.set(x.z, k > 0 ? 1 : 0);
		if (k > 0) usedB.add(`${x.u}_${x.b}`);
	}
	let t = 0;
	p.units.forEach((unit, u) => {
		col.set(`q_${u}`, unit.headcount - seated[u]);
		const s = Math.max(0, unit.entitledM2 - area[u]);
		col.set(`s_${u}`, s);
		if (unit.entitledM2 > 0) t = Math.max(t, (unit.priority * s) / unit.entitledM2);
	});
	for (const y of model.yVars) col.set(y.name, usedB.has(`${y.u}_${y.b}`) ? 1 : 0);
	col.set('t', t);
	return Float64Array.from(model.columns, (name) => col.get(name) ?? 0);
}

/**
 * The same plan with the contents of interchangeable rooms swapped so that it obeys the model's
 * symmetry rows (`canonicalRooms`); same objective. Needed for a MIP start of the whole model
 * (HiGHS drops a start that breaks a row).
 */
function canonical(model: BuiltModel, plan: Plan): Plan {
	if (model.symmetry.length === 0) return plan;
	const users = new Map<number, number[]>();
	for (const x of plan.pairs) {
		if (x.persons > 0) users.set(x.r, [...(users.get(x.r) ?? []), x.u]);
	}
	const to = canonicalRooms(model.symmetry, (r) => users.get(r) ?? []);
	return { pairs: plan.pairs.map((x) => ({ ...x, r: to.get(x.r) ?? x.r })), areas: plan.areas };
}

/**
 * HiGHS' solution as a plan: x rounded to integers; g taken from HiGHS, raised to m·x where it
 * is a hair below and, where a room or a unit's norm is exceeded by floating-point noise, the
 * excess over m·x taken back proportionally.
 */
function columnsToPlan(p: PreparedInstance, model: BuiltModel, values: Float64Array): Plan {
	const m = p.settings.minAreaPerPersonM2;
	const index = new Map(model.columns.map((name, i) => [name, i]));
	const pairs: PersonsPair[] = [];
	const areas: number[] = [];
	for (const x of model.pairs) {
		const k = Math.round(values[index.get(x.x)!]);
		if (k < 1) continue;
		pairs.push({ u: x.u, r: x.r, persons: k });
		areas.push(Math.min(x.gMax, Math.max(m * k, values[index.get(x.g)!])));
	}
	const shrink = (groupOf: (x: PersonsPair) => number, limit: (g: number) => number) => {
		const total = new Map<number, number>();
		const slack = new Map<number, number>();
		pairs.forEach((x, i) => {
			const g = groupOf(x);
			total.set(g, (total.get(g) ?? 0) + areas[i]);
			slack.set(g, (slack.get(g) ?? 0) + areas[i] - m * x.persons);
		});
		pairs.forEach((x, i) => {
			const g = groupOf(x);
			const over = total.get(g)! - limit(g);
			const sl = slack.get(g)!;
			if (over > 0 && sl > 0) areas[i] -= (Math.min(over, sl) * (areas[i] - m * x.persons)) / sl;
		});
	};
	shrink(
		(x) => x.r,
		(r) => p.rooms[r].areaM2
	);
	shrink(
		(x) => x.u,
		(u) => p.units[u].entitledM2
	);
	return { pairs, areas };
}

/** The assignments of a plan, in instance order. */
function toAssignments(p: PreparedInstance, plan: Plan): Assignment[] {
	return plan.pairs
		.map((x, i) => ({ x, area: plan.areas[i] }))
		.sort((a, b) => a.x.u - b.x.u || a.x.r - b.x.r)
		.map(({ x, area }) => ({
			unitId: p.units[x.u].id,
			roomId: p.rooms[x.r].id,
			persons: x.persons,
			areaM2: area
		}));
}

/** Keeps the better of HiGHS' areas and the best areas for the same persons. */
function polish(p: PreparedInstance, plan: Plan): Plan {
	const alt = withBestAreas(p, plan.pairs);
	return evaluate(p, alt).objective <= evaluate(p, plan).objective ? alt : plan;
}

/**
 * Seconds a HiGHS run spends outside its own time limit: reading the model's LP text and handing
 * the solution back (measured: about 2 s for the 7 MB text of 60 units × 400 rooms, a few
 * hundredths for the sample ward). Taken off each run's limit so that a solve ends within the
 * time it was given.
 */
export const loadSeconds = (lp: string) => 0.02 + 3e-7 * lp.length;

/**
 * Seconds a run on a large model may go on after its own time limit (internal): HiGHS reads its
 * clock between the phases of its search, and on the 7 MB text of 60 units × 400 rooms it ended
 * 0-1 s after its limit (whole solves of 9.0-11.0 s with a 10 s limit, measured). Kept back from
 * the one run such a model gets; a few hundredths of a second for the sample ward.
 */
export const overrunSeconds = (lp: string) => 1.5e-7 * lp.length;

/** Below this value in the LP relaxation, a z or y column counts as unused (internal). */
export const LP_SUPPORT_MIN = 0.01;

/** The share of the time left that the relaxation-guided plan may take (internal). */
const LP_SUPPORT_SHARE = 0.6;

/**
 * The best plan that uses only rooms and buildings the LP relaxation uses (internal; a
 * "relaxation-induced neighbourhood"): HiGHS solves the LP relaxation of the whole model, then
 * the whole model again with every z (a unit uses a room) and y (a unit uses a building) that the
 * relaxation leaves below {@link LP_SUPPORT_MIN} fixed at 0. The restricted model always has a
 * plan (anyone may stay unseated) and is several times smaller. On wards of the sample's size,
 * where the local and neighbourhood searches stop in a plan a few buildings or a little area
 * worse, it gave better plans (at 10 s: the sample ward 3,192.3, proven optimal for the
 * restriction in about 6 s, against 3,199.6 before; bench sample-size seed 6 3,562.2 against
 * 3,662.6 before and CBC's 3,574.1 in 30 s). `run` solves the model with the given settings, limit (s) and
 * columns fixed at 0; `deadline` is a performance.now() time. Null when a run gives no plan.
 */
export async function lpSupportPlan(
	p: PreparedInstance,
	model: BuiltModel,
	run: (
		settings: Record<string, string | number | boolean>,
		limitS: number,
		fixedAtZero?: number[]
	) => Promise<RawOutcome>,
	deadline: number
): Promise<Plan | null> {
	const left = () => (deadline - performance.now()) / 1000;
	const relaxed = await run({ solve_relaxation: true }, left());
	const lp = relaxed.values;
	if (!lp || left() < 0.1) return null;
	const unused: number[] = [];
	model.columns.forEach((name, i) => {
		if ((name.startsWith('z_') || name.startsWith('y_')) && lp[i] < LP_SUPPORT_MIN) unused.push(i);
	});
	const restricted = await run({}, left(), unused);
	return restricted.values ? polish(p, columnsToPlan(p, model, restricted.values)) : null;
}

/** Largest model (pairs) for the large-neighbourhood search; the sample ward has ~500. */
const LNS_MAX_PAIRS = 3000;

/**
 * Large-neighbourhood search (internal): repeatedly frees part of the current plan, fixes the
 * persons of every other (unit, room) pair, lets HiGHS re-solve that smaller MIP from the
 * current plan (areas stay free everywhere, so the shortfall can rebalance across all units),
 * and keeps any better plan. Three kinds of neighbourhood take turns:
 * - units: the unit furthest below its norm, one of the best served, and units sharing their
 *   rooms or buildings (area flows between them);
 * - buildings: every pair in two or three buildings, starting from one the worst unit uses, so
 *   that units can leave a building (one building fewer) or trade rooms inside it;
 * - pattern: two or more units freed as above, and every other unit free to move persons and
 *   area between the rooms it already uses (but not to take new ones).
 * The number of units or buildings freed grows while sub-problems are solved to optimality
 * without improvement and shrinks when they hit their time limit. Stops at `deadline`
 * (performance.now() ms) or when `stop()` says so. Only improves the incumbent; the optimum is
 * still decided by the run on the whole model.
 */
async function improveByLns(
	p: PreparedInstance,
	model: BuiltModel,
	start: Plan,
	deadline: number,
	run: (lp: string, cols: Float64Array, limitS: number) => Promise<RawOutcome>,
	stop: () => boolean = () => false,
	stopped: Promise<void> = new Promise(() => {})
): Promise<Plan> {
	const nu = p.units.length;
	const buildings = new Set(p.roomBuilding).size;
	if (nu < 3) return start;
	let best = start;
	let bestObj = evaluate(p, best).objective;
	let seed = 0x2545f491;
	const rnd = () => {
		seed = (seed * 1103515245 + 12345) >>> 0;
		return seed / 4294967296;
	};
	const size = {
		units: Math.min(nu - 1, 4),
		buildings: Math.min(Math.max(1, buildings - 1), 3),
		pattern: Math.min(nu - 1, 2)
	};
	const kinds = (buildings >= 2 ? ['units', 'buildings', 'pattern'] : ['units', 'pattern']) as (
		'units' | 'buildings' | 'pattern'
	)[];
	for (let round = 0; performance.now() < deadline - 50 && !stop(); round++) {
		const roomsOf = p.units.map(() => new Set<number>());
		const bldOf = p.units.map(() => new Set<number>());
		for (const x of best.pairs) {
			roomsOf[x.u].add(x.r);
			bldOf[x.u].add(p.roomBuilding[x.r]);
		}
		const ev = evaluate(p, best).units;
		const byRatio = p.units
			.map((_, u) => u)
			.sort((a, b) => ev[b].weightedShortfallRatio - ev[a].weightedShortfallRatio);
		const worst = rnd() < 0.6 ? byRatio[0] : byRatio[Math.floor(rnd() * nu)];
		const key = kinds[round % kinds.length];
		const byBuildings = key === 'buildings';
		let free: (x: { u: number; r: number; b: number }) => boolean;
		if (byBuildings) {
			const chosenB = new Set<number>();
			const mine = [...bldOf[worst]];
			chosenB.add(mine.length > 0 ? mine[Math.floor(rnd() * mine.length)] : p.roomBuilding[0]);
			// Then buildings sharing a unit with the chosen ones, else any building.
			const all = [...new Set(p.roomBuilding)].sort(() => rnd() - 0.5);
			const linked = (b: number) =>
				p.units.some((_, u) => bldOf[u].has(b) && [...chosenB].some((c) => bldOf[u].has(c)));
			for (const b of all) {
				if (chosenB.size < size.buildings && !chosenB.has(b) && linked(b)) chosenB.add(b);
			}
			for (const b of all) if (chosenB.size < size.buildings) chosenB.add(b);
			free = (x) => chosenB.has(x.b);
		} else {
			// The unit furthest below its norm, one of the units best served, and their
			// neighbours: area can only flow from the latter to the former through shared rooms.
			const chosen = new Set<number>([
				worst,
				byRatio[nu - 1 - Math.floor(rnd() * Math.min(3, nu - 1))]
			]);
			const near = (u: number) =>
				[...chosen].some(
					(c) =>
						[...roomsOf[u]].some((r) => roomsOf[c].has(r)) ||
						[...bldOf[u]].some((b) => bldOf[c].has(b))
				);
			const order = p.units.map((_, u) => u).sort(() => rnd() - 0.5);
			const n = size[key];
			for (const u of order) if (chosen.size < n && !chosen.has(u) && near(u)) chosen.add(u);
			for (const u of order) if (chosen.size < n) chosen.add(u);
			free = (x) => chosen.has(x.u);
		}
		const persons = new Map(best.pairs.map((x) => [`${x.u}_${x.r}`, x.persons]));
		// Outside the neighbourhood persons stay as they are, or for `pattern` may move between
		// the rooms each unit already uses.
		const sub = buildModel(p, CUTS.on, (x) =>
			free(x) || (key === 'pattern' && persons.has(`${x.u}_${x.r}`))
				? undefined
				: (persons.get(`${x.u}_${x.r}`) ?? 0)
		);
		const limit = Math.min(1, Math.max(0.1, (deadline - performance.now()) / 1000));
		const outcome = await Promise.race([
			run(sub.lp, planToColumns(p, model, best), limit),
			stopped.then(() => null)
		]);
		if (!outcome) break;
		const most = byBuildings ? Math.max(1, buildings - 1) : nu - 1;
		if (outcome.modelStatus === MS_OPTIMAL) size[key] = Math.min(most, size[key] + 1);
		else if (EARLY_STOPS.has(outcome.modelStatus)) {
			size[key] = Math.max(Math.min(2, most), size[key] - 1);
		}
		if (!outcome.values) continue;
		const found = polish(p, columnsToPlan(p, model, outcome.values));
		const obj = evaluate(p, found).objective;
		if (obj < bestObj - 1e-9) {
			best = found;
			bestObj = obj;
			// A better plan: search around it again with smaller neighbourhoods.
			size[key] = Math.max(Math.min(2, most), size[key] - 1);
		}
	}
	return best;
}

/**
 * Is objective `a` better than `b` by more than floating-point noise (1e-9 relative)? HiGHS'
 * plan is kept on a tie, so that the same instance gives the same plan whichever way it ran.
 */
function better(a: number, b: number): boolean {
	return a < b - 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * A lower bound on every plan's objective from counting alone (internal), for the gap when
 * HiGHS has no bound of its own yet (big wards at a short time limit):
 * - the area given is at most the area of the rooms anybody may use, A, so Σ_u s_u ≥ ΣN − A;
 * - s_u ≤ t·N_u/priority_u for every unit, so at the fair level t the demands
 *   Σ_u N_u·max(0, 1 − t/priority_u) fit into A: t is at least the water-filling level;
 * - a unit with people either uses a building (buildingsPerUnit) or leaves them all unseated
 *   (unseated · headcount); a unit no room is allowed to leaves them all unseated.
 * Moves count 0. Example: s2 of the bench (ΣN 2,368 m², A 1,776.2 m², Σ N/priority 2,132 m²,
 * 11 units): t ≥ 591.8 / 2,132 = 0.2776, bound 2,775.8 + 591.8 + 110 = 3,477.6.
 */
export function countingBound(
	p: PreparedInstance,
	pairs: readonly { u: number; r: number }[]
): number {
	const w = p.weights;
	const usable = new Set(pairs.map((x) => x.r));
	const hasPair = p.units.map(() => false);
	for (const x of pairs) hasPair[x.u] = true;
	let area = 0;
	for (const r of usable) area += p.rooms[r].areaM2;
	const withNorm = p.units.filter((u) => u.entitledM2 > 0);
	const entitled = withNorm.reduce((sum, u) => sum + u.entitledM2, 0);
	const short = Math.max(0, entitled - area);
	let t = 0;
	if (short > 0) {
		const demand = (level: number) =>
			withNorm.reduce((sum, u) => sum + u.entitledM2 * Math.max(0, 1 - level / u.priority), 0);
		let lo = 0;
		let hi = Math.max(1, ...withNorm.map((u) => u.priority));
		for (let i = 0; i < 100; i++) {
			const mid = (lo + hi) / 2;
			if (demand(mid) > area) lo = mid;
			else hi = mid;
		}
		t = lo;
	}
	let units = 0;
	p.units.forEach((unit, u) => {
		if (unit.headcount === 0) return;
		units += hasPair[u]
			? Math.min(w.buildingsPerUnit, w.unseated * unit.headcount)
			: w.unseated * unit.headcount;
	});
	return w.worstShortfall * t + w.shortfallM2 * short + units;
}

/**
 * Relative gap (objective − bound) / objective. Every objective is ≥ 0, so 0 is a valid bound
 * when HiGHS has none yet.
 */
function relativeGap(objective: number, bound: number): number {
	const lower = Number.isFinite(bound) ? Math.max(0, bound) : 0;
	const diff = Math.max(0, objective - lower);
	if (diff <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
	return diff / Math.max(Math.abs(objective), 1e-9);
}

/**
 * Solves the seat-everyone reallocation MIP of issue 13 with HiGHS (model: `buildModel` in
 * `./model.ts`, which is the issue's formulation with tight big-Ms; `allocationLp` gives it as
 * LP text). The heuristic plan (`./heuristic.ts`: greedy and chain plans, then a local search
 * on persons scored exactly) is the MIP start. With two worker threads, a small model (up to
 * {@link RACE_MAX_PAIRS} pairs) is raced: HiGHS without presolve, and half a second later with
 * it, one per worker; the first proof wins (the other run is withdrawn or never starts); so an
 * optimum is the same, but among plans
 * of equal objective the one returned depends on which run finished first. A larger model has
 * HiGHS on the whole model for the whole time limit on one worker (mid-sized wards end there,
 * proven optimal) while the other first solves the model restricted to the rooms and buildings
 * its LP relaxation uses (`lpSupportPlan`), then a large-neighbourhood search (`improveByLns`)
 * looks for better plans from the best so far; the better plan wins and HiGHS' bound gives the
 * gap. With one
 * worker (or on the calling thread), HiGHS first gets half the time (a model too large for the
 * neighbourhood search gets all of it, in one run); if it has not proven
 * optimality and its gap is above 1%, the search runs for 70% of the time left, and HiGHS gets
 * the whole model again with that plan as start for the rest. The plan read back has
 * integer persons; its areas are HiGHS' or, when at least as good, the best areas for the same
 * persons (`fillAreas`), so the reported plan is never worse than HiGHS' and an unchanged plan
 * re-filled on the plan page reads exactly the same. Every plan is verified by `checkAllocation`
 * and its `objective` is recomputed from the plan by `evaluatePlan`.
 *
 * Worked example (defaults m = 6, 2 units per room): unit U (3 people, norm 10 m² → 30 m²) and
 * one room R of 24 m². Everybody fits (3·6 = 18 ≤ 24), so U gets the whole room: shortfall
 * 30 − 24 = 6 m², t = 6/30 = 0.2, one building, 3 moved (R is not its room today); objective
 * 10000·0.2 + 1·6 + 10·1 + 1·3 = 2019.
 *
 * Status: `optimal` (proven, relative gap ≤ 1e-9 or absolute ≤ 1e-6), `feasible` (stopped at
 * the time limit with the best plan found, at worst the heuristic's; `gap` says how far from
 * the bound), `infeasible` (cannot happen for a valid instance), `error` (`message`).
 * Invalid instances or options reject with {@link AllocationInputError} before any solving.
 * HiGHS runs on a pooled worker thread unless `inWorker` is false.
 */
export async function solveAllocation(
	instance: AllocationInstance,
	options: SolveOptions = {}
): Promise<AllocationResult> {
	const p = prepareInstance(instance);
	const timeLimitS = options.timeLimitS ?? DEFAULT_TIME_LIMIT_S;
	if (typeof timeLimitS !== 'number' || !Number.isFinite(timeLimitS) || timeLimitS <= 0) {
		throw new AllocationInputError(
			`options.timeLimitS must be a finite number > 0, got ${timeLimitS}`
		);
	}
	const extra = options.highsOptions ?? {};
	const t0 = performance.now();
	const elapsed = () => Math.round((performance.now() - t0) * 1000) / 1000;

	const result = (
		status: AllocationResult['status'],
		plan: Plan,
		more: { gap?: number; message?: string; notes?: SolverNote[] } = {}
	): AllocationResult => {
		const assignments = toAssignments(p, plan);
		const check = checkAllocation(instance, assignments);
		if (!check.feasible) {
			throw new Error(
				`internal: the plan breaks the model: ${check.violations.map((v) => v.message).join('; ')}`
			);
		}
		const ev = check.evaluation;
		return {
			status,
			objective: ev.objective,
			...(more.gap !== undefined ? { gap: more.gap } : {}),
			worstShortfallRatio: ev.worstShortfallRatio,
			assignments,
			unseated: ev.unseated,
			terms: ev.terms,
			units: ev.units,
			solveTimeMs: elapsed(),
			...(more.message ? { message: more.message } : {}),
			...(more.notes?.length ? { notes: more.notes } : {})
		};
	};
	const failure = (status: 'error' | 'infeasible', message: string): AllocationResult => {
		const ev = evaluatePairs(p, []);
		return {
			status,
			objective: 0,
			worstShortfallRatio: 0,
			assignments: [],
			unseated: [],
			terms: ev.terms,
			units: ev.units,
			solveTimeMs: elapsed(),
			message,
			...(status === 'error' ? { notes: ['solver-failed' as const] } : {})
		};
	};

	let model: BuiltModel;
	let start: Plan | null = null;
	/** The objective of HiGHS' start plan (the software's): what a "start-plan" note speaks of. */
	let heuristicObjective = Infinity;
	let outcome: RawOutcome;
	try {
		model = buildModel(p);
		// Nothing to decide: nobody can sit anywhere.
		if (model.pairs.length === 0) return result('optimal', { pairs: [], areas: [] });
		let startCols: Float64Array | null = null;
		if (options.warmStart !== false) {
			const pairs = await heuristicPlan(
				p,
				model.pairs,
				(plan) => evaluate(p, withBestAreas(p, plan)).objective
			);
			start = canonical(model, withBestAreas(p, pairs));
			heuristicObjective = evaluate(p, start).objective;
			startCols = planToColumns(p, model, start);
		}
		const remaining = () => Math.max(0.05, timeLimitS - (performance.now() - t0) / 1000);
		const job = (
			lp: string,
			cols: Float64Array | null,
			limit: number,
			settings: Record<string, string | number | boolean> = {}
		): HighsJob => ({
			lp,
			columns: model.columns,
			start: cols,
			options: [
				baseOptions(Math.max(0.05, limit - loadSeconds(lp))),
				...[settings, extra].filter((o) => Object.keys(o).length > 0)
			]
		});
		const inWorker = options.inWorker ?? true;
		const lnsRun = (lp: string, cols: Float64Array, limit: number) =>
			runHighs(job(lp, cols, limit), limit, inWorker);
		const searchable = start !== null && model.pairs.length <= LNS_MAX_PAIRS && p.units.length >= 3;
		const twoWorkers = inWorker && workerCount() >= 2 && start !== null;
		const race = twoWorkers && model.pairs.length <= RACE_MAX_PAIRS;
		const parallel = twoWorkers && searchable && !race;
		// The local search on persons: before HiGHS with one worker, beside it with two.
		const localSearch = async (
			from: Plan,
			stop: () => boolean = () => false,
			until = performance.now() + Math.min(1500, 100 * timeLimitS)
		) =>
			withBestAreas(
				p,
				await improvePlan(
					p,
					model.pairs,
					from.pairs,
					(plan) => {
						const ev = evaluate(p, withBestAreas(p, plan));
						return {
							objective: ev.objective,
							ratios: ev.units.map((x) => x.weightedShortfallRatio)
						};
					},
					until,
					stop
				)
			);
		/**
		 * After the runs beside the local search: when HiGHS proved nothing, the better of its plan
		 * and the search's, with its persons searched once more in the time kept for it (a run
		 * stopped by its limit may have left a room empty or a move undone).
		 */
		const searchAgainIfUnproven = async (found: RawOutcome, searched: Plan): Promise<Plan> => {
			if (!EARLY_STOPS.has(found.modelStatus)) return searched;
			let best = searched;
			if (found.values) {
				const plan = polish(p, columnsToPlan(p, model, found.values));
				if (better(evaluate(p, plan).objective, evaluate(p, best).objective)) best = plan;
			}
			const again = await localSearch(best, undefined, t0 + (timeLimitS - 0.05) * 1000);
			return better(evaluate(p, again).objective, evaluate(p, best).objective) ? again : best;
		};
		/** With two workers, the time kept for that last search. */
		const kept = Math.min(1, 0.03 * timeLimitS);
		if (start && !parallel && !race) {
			start = canonical(model, await localSearch(start));
			startCols = planToColumns(p, model, start);
			heuristicObjective = evaluate(p, start).objective;
		}
		if (parallel && start) {
			// Two workers: HiGHS on the whole model for the whole time (it proves small and
			// mid-sized wards optimal, often in well under a second) and, beside it, the local
			// search and then, once HiGHS has had a head start, the large-neighbourhood search.
			// The last moments are kept for a local search on the better of the two plans.
			const deadline = t0 + (timeLimitS - 0.05 - kept) * 1000;
			let settled = false;
			const wholeLimit = Math.max(0.05, remaining() - kept);
			const whole = runHighs(job(model.lp, startCols, wholeLimit), wholeLimit, true);
			const done = whole.then(
				() => undefined,
				() => undefined
			);
			void done.then(() => (settled = true));
			const lnsFrom = performance.now() + Math.min(1000, 100 * timeLimitS);
			// On the second worker first: the plan the LP relaxation points to (withdrawn when the
			// whole model is decided).
			const guidedStop = new AbortController();
			void done.then(() => guidedStop.abort());
			const guided = lpSupportPlan(
				p,
				model,
				(settings, limit, fixedAtZero) =>
					runHighs(
						{ ...job(model.lp, null, limit, settings), fixedAtZero },
						limit,
						true,
						guidedStop.signal
					),
				performance.now() + LP_SUPPORT_SHARE * (deadline - performance.now())
			).catch((e: unknown) => {
				if (guidedStop.signal.aborted) return null;
				throw e;
			});
			// The local search runs on this thread meanwhile, in slices.
			let searched = await localSearch(start, () => settled);
			const fromLp = await guided;
			if (fromLp && better(evaluate(p, fromLp).objective, evaluate(p, searched).objective)) {
				searched = fromLp;
			}
			const wait = lnsFrom - performance.now();
			if (!settled && wait > 0) {
				await Promise.race([done, new Promise((resolve) => setTimeout(resolve, wait))]);
			}
			if (!settled) {
				searched = await improveByLns(p, model, searched, deadline, lnsRun, () => settled, done);
			}
			outcome = await whole;
			start = await searchAgainIfUnproven(outcome, searched);
		} else if (race && start) {
			// Two settings of HiGHS on the whole model, one per worker, the second half a second
			// later; the first proof wins and the other run is withdrawn (or never starts). Nothing
			// else runs meanwhile: on two cores a local search on this thread slowed both runs more
			// than it helped (4 × 16 wards, measured).
			const limit = Math.max(0.05, remaining() - kept);
			const cols = startCols;
			const { decided, outcomes } = await firstDecided(
				RACERS.map((settings, k) => async (signal: AbortSignal) => {
					const after = k * RACE_SECOND_AFTER_MS;
					if (after > 0) await sleep(after, undefined, { signal });
					const left = Math.max(0.05, limit - after / 1000);
					return runHighs(job(model.lp, cols && cols.slice(), left, settings), left, true, signal);
				})
			);
			if (decided) outcome = decided;
			else {
				// Both stopped at the limit: the better plan, and the better bound of the two.
				const objective = (o: RawOutcome) =>
					o.values ? evaluate(p, polish(p, columnsToPlan(p, model, o.values))).objective : Infinity;
				const best = outcomes.reduce((a, b) => (objective(b) < objective(a) ? b : a));
				outcome = { ...best, dualBound: Math.max(...outcomes.map((o) => o.dualBound)) };
			}
			start = await searchAgainIfUnproven(outcome, start);
		} else {
			// 1. The whole model for half the time: small and mid-sized wards end here, proven
			// optimal. A model too large for the neighbourhood search gets the whole time at once
			// (a second run would only start again from the same plan and read the model again).
			const first = searchable
				? Math.min(remaining(), Math.max(1, 0.5 * timeLimitS))
				: Math.max(0.05, remaining() - overrunSeconds(model.lp));
			outcome = await runHighs(job(model.lp, startCols, first), first, inWorker);
			if (searchable && EARLY_STOPS.has(outcome.modelStatus) && start && remaining() > 1) {
				let incumbent = start;
				if (outcome.values) {
					const found = polish(p, columnsToPlan(p, model, outcome.values));
					if (evaluate(p, found).objective < evaluate(p, incumbent).objective) incumbent = found;
				}
				// 2. Far from proven (gap > 1%): large-neighbourhood search from the best plan so far.
				// Its sub-models' LP text is built on the calling thread, so only for ward-sized models.
				const gap = relativeGap(evaluate(p, incumbent).objective, outcome.dualBound);
				if (gap > 0.01) {
					incumbent = await improveByLns(
						p,
						model,
						incumbent,
						performance.now() + 700 * remaining(),
						lnsRun
					);
				}
				start = incumbent;
				// 3. The whole model again from that plan for the rest of the time.
				const last = remaining();
				const again = await runHighs(
					job(model.lp, planToColumns(p, model, canonical(model, incumbent)), last),
					last,
					inWorker
				);
				// Keep the first run's bound if it is the better one.
				if (!Number.isFinite(again.dualBound) || again.dualBound < outcome.dualBound) {
					again.dualBound = outcome.dualBound;
				}
				outcome = again;
			}
		}
	} catch (e) {
		if (e instanceof AllocationInputError) throw e;
		resetSolver();
		const why = `HiGHS failed: ${e instanceof Error ? e.message : String(e)}`;
		// A deadline overrun (or a HiGHS exception) after the heuristic: its plan is still valid.
		if (start && checkAllocation(instance, toAssignments(p, start)).feasible) {
			return result('feasible', start, {
				gap: relativeGap(evaluate(p, start).objective, countingBound(p, model!.pairs)),
				message: `${why}; returning the heuristic plan`,
				notes: ['solver-failed', 'start-plan']
			});
		}
		return failure('error', why);
	}

	const statusName = STATUS_NAMES[outcome.modelStatus] ?? `status ${outcome.modelStatus}`;
	try {
		if (
			outcome.modelStatus === MS_INFEASIBLE ||
			outcome.modelStatus === MS_UNBOUNDED_OR_INFEASIBLE
		) {
			return failure('infeasible', `HiGHS: ${statusName}`);
		}
		if (outcome.modelStatus === MS_OPTIMAL || outcome.modelStatus === MS_EMPTY) {
			if (!outcome.values) {
				return failure('error', `HiGHS reported ${statusName} without a solution`);
			}
			let plan = polish(p, columnsToPlan(p, model, outcome.values));
			if (start && better(evaluate(p, start).objective, evaluate(p, plan).objective)) plan = start;
			return result('optimal', plan);
		}
		if (EARLY_STOPS.has(outcome.modelStatus)) {
			let plan = outcome.values ? polish(p, columnsToPlan(p, model, outcome.values)) : null;
			let message = `HiGHS stopped early: ${statusName}`;
			const notes: SolverNote[] = outcome.modelStatus === MS_TIME_LIMIT ? ['time-limit'] : [];
			if (start && (!plan || better(evaluate(p, start).objective, evaluate(p, plan).objective))) {
				plan = start;
				// The search's plan, or the heuristic's when no search improved on it.
				if (better(evaluate(p, start).objective, heuristicObjective)) {
					message += '; returning the best plan of the search';
				} else {
					message += '; returning the heuristic start plan';
					notes.push('start-plan');
				}
			}
			if (!plan) return failure('error', `HiGHS stopped early (${statusName}) without a plan`);
			// HiGHS' bound, or the counting bound when that is better (HiGHS may have none yet).
			const bound = Math.max(
				Number.isFinite(outcome.dualBound) ? outcome.dualBound : 0,
				countingBound(p, model.pairs)
			);
			const gap = relativeGap(evaluate(p, plan).objective, bound);
			return result(gap === 0 ? 'optimal' : 'feasible', plan, { gap, message, notes });
		}
		return failure('error', `HiGHS ended with status: ${statusName}`);
	} catch (e) {
		return failure('error', e instanceof Error ? e.message : String(e));
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
