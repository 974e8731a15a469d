/**
 * Primal heuristic (internal): a greedy plan improved by unit re-insertion local search. It only
 * provides HiGHS with a good MIP start; the optimum is always decided by HiGHS.
 */
import { mulberry32 } from '../random';
import { fitCount, roomAllowed, type PreparedInstance } from './validate';

/** A plan: `placed[u]` = Map(room index → persons). */
export type Plan = Map<number, number>[];

/**
 * Cheapest choice of a building subset for one unit that has `K[i]` seats (of which `S[i]` are in
 * its current rooms) in building `blds[i]`: minimises wU·(h − p) + wB·|B| + wM·(p − stays) with
 * p ≤ min(h, Σ_B K) placed people and stays ≤ min(p, Σ_B S). Exact, by a knapsack-style DP over
 * (subset size, capped capacity) keeping the largest capped stay capacity.
 */
export function bestBuildingSubset(
	h: number,
	blds: number[],
	K: number[],
	S: number[],
	w: { unplaced: number; buildingsPerUnit: number; moved: number }
): { cost: number; set: number[]; persons: number } {
	const nb = blds.length;
	const best: number[][] = Array.from({ length: nb + 1 }, () => new Array<number>(h + 1).fill(-1));
	const from: (number[] | null)[][] = Array.from({ length: nb + 1 }, () =>
		new Array<number[] | null>(h + 1).fill(null)
	);
	best[0][0] = 0;
	from[0][0] = [];
	for (let i = 0; i < nb; i++) {
		for (let k = i; k >= 0; k--) {
			for (let kc = h; kc >= 0; kc--) {
				const sc = best[k][kc];
				if (sc < 0) continue;
				const nk = Math.min(h, kc + K[i]);
				const ns = Math.min(nk, sc + S[i]);
				if (ns > best[k + 1][nk]) {
					best[k + 1][nk] = ns;
					from[k + 1][nk] = [...(from[k][kc] ?? []), blds[i]];
				}
			}
		}
	}
	let cost = Infinity;
	let set: number[] = [];
	let persons = 0;
	for (let k = 0; k <= nb; k++) {
		for (let kc = 0; kc <= h; kc++) {
			const sc = best[k][kc];
			if (sc < 0) continue;
			for (const pl of [0, sc, kc]) {
				const c =
					w.unplaced * (h - pl) + w.moved * (pl - Math.min(pl, sc)) + w.buildingsPerUnit * k;
				if (c < cost - 1e-12) {
					cost = c;
					set = pl === 0 ? [] : (from[k][kc] ?? []);
					persons = pl;
				}
			}
		}
	}
	return { cost, set, persons };
}

/** Cost of unit u's own part of the objective in `plan`. */
function unitCost(p: PreparedInstance, plan: Plan, u: number): number {
	const { unplaced: wU, buildingsPerUnit: wB, moved: wM } = p.weights;
	let total = 0;
	let moved = 0;
	const used = new Set<number>();
	for (const [r, k] of plan[u]) {
		if (k <= 0) continue;
		total += k;
		used.add(p.roomBuilding[r]);
		if (!p.current[u].has(r)) moved += k;
	}
	return wU * (p.units[u].headcount - total) + wB * used.size + wM * moved;
}

/** Context shared by the heuristic steps. */
class Packer {
	readonly remaining: number[];
	readonly allowed: number[][];
	constructor(
		readonly p: PreparedInstance,
		readonly plan: Plan
	) {
		this.remaining = p.rooms.map((room) => room.areaM2);
		this.allowed = p.units.map((_, u) =>
			p.rooms
				.map((_r, r) => r)
				.filter(
					(r) => roomAllowed(p, u, r) && fitCount(p.rooms[r].areaM2, p.units[u].areaPerPersonM2) > 0
				)
		);
		plan.forEach((m, u) => {
			for (const [r, k] of m) this.remaining[r] -= k * p.units[u].areaPerPersonM2;
		});
	}

	remove(u: number): Map<number, number> {
		const old = this.plan[u];
		const app = this.p.units[u].areaPerPersonM2;
		for (const [r, k] of old) this.remaining[r] += k * app;
		this.plan[u] = new Map();
		return old;
	}

	restore(u: number, m: Map<number, number>): void {
		this.remove(u);
		const app = this.p.units[u].areaPerPersonM2;
		for (const [r, k] of m) this.remaining[r] -= k * app;
		this.plan[u] = new Map(m);
	}

	/** Best placement of unit u (currently removed) given everybody else. */
	insert(u: number): void {
		const p = this.p;
		const unit = p.units[u];
		const app = unit.areaPerPersonM2;
		const K = new Map<number, number>();
		const S = new Map<number, number>();
		for (const r of this.allowed[u]) {
			const f = fitCount(this.remaining[r], app);
			if (f <= 0) continue;
			const b = p.roomBuilding[r];
			K.set(b, (K.get(b) ?? 0) + f);
			if (p.current[u].has(r)) S.set(b, (S.get(b) ?? 0) + f);
		}
		const blds = [...K.keys()];
		const choice = bestBuildingSubset(
			unit.headcount,
			blds,
			blds.map((b) => Math.min(unit.headcount, K.get(b) ?? 0)),
			blds.map((b) => Math.min(unit.headcount, S.get(b) ?? 0)),
			p.weights
		);
		let need = choice.persons;
		const chosen = new Set(choice.set);
		const m = new Map<number, number>();
		const put = (r: number) => {
			const k = Math.min(need, fitCount(this.remaining[r], app));
			if (k <= 0) return;
			m.set(r, (m.get(r) ?? 0) + k);
			this.remaining[r] -= k * app;
			need -= k;
		};
		const rooms = this.allowed[u].filter((r) => chosen.has(p.roomBuilding[r]));
		for (const r of rooms) if (need > 0 && p.current[u].has(r)) put(r);
		// Other rooms: least wasted area first, then smaller rooms (keeps big rooms for others).
		const others = rooms
			.filter((r) => !p.current[u].has(r))
			.map((r) => {
				const f = Math.min(need, fitCount(this.remaining[r], app));
				return { r, f, waste: this.remaining[r] - f * app };
			})
			.filter((o) => o.f > 0)
			.sort((a, b) => a.waste / a.f - b.waste / b.f || a.r - b.r);
		for (const o of others) if (need > 0) put(o.r);
		this.plan[u] = m;
	}
}

/**
 * Greedy plan: units ordered ground-floor-only first, then by decreasing area demand; each unit
 * takes its best building subset given the units placed before it.
 */
export function greedyPlan(p: PreparedInstance): Plan {
	const order = p.units
		.map((unit, u) => ({
			u,
			g: unit.groundFloorOnly === true,
			d: unit.headcount * unit.areaPerPersonM2
		}))
		.sort((a, b) => Number(b.g) - Number(a.g) || b.d - a.d || a.u - b.u)
		.map((o) => o.u);
	return greedyWithOrder(p, order);
}

/** Greedy with a given unit order. */
export function greedyWithOrder(p: PreparedInstance, order: number[]): Plan {
	const packer = new Packer(
		p,
		p.units.map(() => new Map())
	);
	for (const u of order) packer.insert(u);
	return packer.plan;
}

/**
 * Local search on `plan` (modified in place and returned): repeatedly removes one unit, or a
 * pair of units sharing a building, and re-inserts them at their best place; keeps a change
 * only when the objective does not increase. Stops after `maxPasses` passes, when a pass brings
 * no strict improvement, or after `budgetMs`. Yields (without a value) after each unit of the
 * pair search, so that a caller can let other work run (see {@link heuristicPlanYielding}).
 */
function* improveSteps(
	p: PreparedInstance,
	plan: Plan,
	budgetMs = 1000,
	maxPasses = 20
): Generator<void, Plan, void> {
	const packer = new Packer(p, plan);
	const t0 = Date.now();
	const n = p.units.length;
	const cost = (us: number[]) => us.reduce((s, u) => s + unitCost(p, packer.plan, u), 0);
	for (let pass = 0; pass < maxPasses; pass++) {
		let improved = false;
		for (let u = 0; u < n; u++) {
			const before = cost([u]);
			const old = packer.remove(u);
			packer.insert(u);
			if (cost([u]) > before + 1e-9) packer.restore(u, old);
			else if (cost([u]) < before - 1e-9) improved = true;
		}
		for (let u = 0; u < n && Date.now() - t0 < budgetMs; u++) {
			yield;
			const bu = new Set([...packer.plan[u].keys()].map((r) => p.roomBuilding[r]));
			for (let v = u + 1; v < n; v++) {
				if (![...packer.plan[v].keys()].some((r) => bu.has(p.roomBuilding[r]))) continue;
				for (const [a, b] of [
					[u, v],
					[v, u]
				]) {
					const before = cost([a, b]);
					const oldA = packer.remove(a);
					const oldB = packer.remove(b);
					packer.insert(a);
					packer.insert(b);
					const after = cost([a, b]);
					if (after > before + 1e-9) {
						packer.remove(a);
						packer.remove(b);
						packer.restore(a, oldA);
						packer.restore(b, oldB);
					} else if (after < before - 1e-9) improved = true;
				}
			}
		}
		if (!improved || Date.now() - t0 >= budgetMs) break;
	}
	return packer.plan;
}

/** Objective of a plan (internal). */
function planCost(p: PreparedInstance, plan: Plan): number {
	return p.units.reduce((s, _u, u) => s + unitCost(p, plan, u), 0);
}

/**
 * Multi-start heuristic: the greedy plan improved by local search, then up to `maxStarts`
 * greedy plans with seeded random unit orders, each improved; returns the cheapest plan found
 * within about `budgetMs` milliseconds.
 */
export function heuristicPlan(p: PreparedInstance, budgetMs: number, maxStarts = 200): Plan {
	const steps = heuristicSteps(p, budgetMs, maxStarts);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * {@link heuristicPlan} that gives the event loop a turn every `sliceMs` milliseconds, so that
 * a web server keeps answering other requests while it runs (up to 1.5 s on big wards). The
 * time other work takes meanwhile counts against `budgetMs`.
 */
export async function heuristicPlanYielding(
	p: PreparedInstance,
	budgetMs: number,
	maxStarts = 200,
	sliceMs = 15
): Promise<Plan> {
	const steps = heuristicSteps(p, budgetMs, maxStarts);
	let sliceStart = Date.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (Date.now() - sliceStart >= sliceMs) {
			await new Promise((resolve) => setImmediate(resolve));
			sliceStart = Date.now();
		}
	}
}

function* heuristicSteps(
	p: PreparedInstance,
	budgetMs: number,
	maxStarts: number
): Generator<void, Plan, void> {
	const t0 = Date.now();
	let best = yield* improveSteps(p, greedyPlan(p), budgetMs);
	let bestCost = planCost(p, best);
	const rnd = mulberry32(0x5eed);
	const order = p.units.map((_, u) => u);
	for (let i = 0; i < maxStarts && Date.now() - t0 < budgetMs; i++) {
		for (let j = order.length - 1; j > 0; j--) {
			const k = Math.floor(rnd() * (j + 1));
			[order[j], order[k]] = [order[k], order[j]];
		}
		yield;
		const plan = yield* improveSteps(p, greedyWithOrder(p, order), budgetMs - (Date.now() - t0), 5);
		const c = planCost(p, plan);
		if (c < bestCost - 1e-9) {
			best = plan;
			bestCost = c;
		}
	}
	return best;
}
