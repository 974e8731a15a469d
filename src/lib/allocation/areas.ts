/**
 * `fillAreas`: the best areas for given persons per (unit, room).
 *
 * With the persons x fixed (hence z, y, q and the moves), what is left of the model is a linear
 * program in the areas g:
 *
 *   min  worstShortfall · t + shortfallM2 · Σ_u s_u
 *   s.t. g_ur ≥ m·x_ur on every pair with x_ur ≥ 1 (and g = 0 elsewhere),
 *        Σ_u g_ur ≤ areaM2_r,  Σ_r g_ur ≤ N_u = normM2_u·headcount_u,
 *        s_u = N_u − Σ_r g_ur,  t ≥ priority_u · s_u / N_u.
 *
 * Writing g_ur = m·x_ur + h_ur, the extra area h is a flow from units (capacity N_u − m·X_u) to
 * rooms (capacity areaM2_r − m·Σ_u x_ur) along the pairs. For a given t, unit u must receive at
 * least D_u(t) = N_u − m·X_u − t·N_u/priority_u, and the best total is F(t), the largest flow
 * meeting those demands (a max-flow run with the demands as first-phase capacities: augmenting
 * paths never lower the flow leaving the source on an edge). F is concave and nondecreasing, so
 * φ(t) = worstShortfall·t − shortfallM2·F(t) is convex; its minimum over the feasible range is
 * found by a golden-section search (120 steps, far below any displayed precision), and the flow
 * at that t gives the areas. The result is a feasible area split (up to floating point), so the
 * objective of an edited plan can never read better than the model's optimum.
 */
import type { AllocationInstance, Assignment, PersonsEntry } from './types';
import { prepareInstance, type PreparedInstance } from './validate';

/** Dinic max flow on a small graph with float capacities (internal). */
class FlowGraph {
	private head: number[];
	private to: number[] = [];
	private cap: number[] = [];
	private next: number[] = [];
	private level: Int32Array;
	private it: Int32Array;

	constructor(private n: number) {
		this.head = new Array<number>(n).fill(-1);
		this.level = new Int32Array(n);
		this.it = new Int32Array(n);
	}

	/** Adds edge a → b with capacity c; returns its index (the reverse edge is index + 1). */
	add(a: number, b: number, c: number): number {
		const e = this.to.length;
		this.to.push(b, a);
		this.cap.push(c, 0);
		this.next.push(this.head[a], this.head[b]);
		this.head[a] = e;
		this.head[b] = e + 1;
		return e;
	}

	/** Residual capacity of edge e. */
	residual(e: number): number {
		return this.cap[e];
	}

	/** Flow on edge e (its reverse edge's residual capacity). */
	flow(e: number): number {
		return this.cap[e + 1];
	}

	/** Raises the capacity of edge e by `delta`. */
	raise(e: number, delta: number): void {
		this.cap[e] += delta;
	}

	private bfs(s: number, t: number, eps: number): boolean {
		this.level.fill(-1);
		const queue = [s];
		this.level[s] = 0;
		for (let i = 0; i < queue.length; i++) {
			const v = queue[i];
			for (let e = this.head[v]; e >= 0; e = this.next[e]) {
				const w = this.to[e];
				if (this.cap[e] > eps && this.level[w] < 0) {
					this.level[w] = this.level[v] + 1;
					queue.push(w);
				}
			}
		}
		return this.level[t] >= 0;
	}

	private dfs(v: number, t: number, f: number, eps: number): number {
		if (v === t) return f;
		for (; this.it[v] >= 0; this.it[v] = this.next[this.it[v]]) {
			const e = this.it[v];
			const w = this.to[e];
			if (this.cap[e] > eps && this.level[w] === this.level[v] + 1) {
				const d = this.dfs(w, t, Math.min(f, this.cap[e]), eps);
				if (d > eps) {
					this.cap[e] -= d;
					this.cap[e ^ 1] += d;
					return d;
				}
			}
		}
		return 0;
	}

	/** Augments s → t as far as possible; returns the flow added. */
	maxflow(s: number, t: number, eps: number): number {
		let total = 0;
		while (this.bfs(s, t, eps)) {
			for (let v = 0; v < this.n; v++) this.it[v] = this.head[v];
			for (;;) {
				const f = this.dfs(s, t, Infinity, eps);
				if (f <= eps) break;
				total += f;
			}
		}
		return total;
	}
}

/** A pair with persons ≥ 1 (internal). */
export interface PersonsPair {
	u: number;
	r: number;
	persons: number;
}

/**
 * Best areas for the pairs (internal; see the module comment). Returns one area per pair, each
 * at least m·persons. When the minimum areas already exceed a room or a unit's norm, that room
 * or unit gets no extra area (the check reports the breach).
 */
export function bestAreas(p: PreparedInstance, pairs: readonly PersonsPair[]): number[] {
	const m = p.settings.minAreaPerPersonM2;
	const { worstShortfall: wT, shortfallM2: wS } = p.weights;
	const nu = p.units.length;
	const base = pairs.map((x) => m * x.persons);
	if (pairs.length === 0) return base;
	const unitBase = p.units.map(() => 0);
	const roomBase = p.rooms.map(() => 0);
	pairs.forEach((x, i) => {
		unitBase[x.u] += base[i];
		roomBase[x.r] += base[i];
	});
	const unitRes = p.units.map((unit, u) => Math.max(0, unit.entitledM2 - unitBase[u]));
	const roomRes = p.rooms.map((room, r) => Math.max(0, room.areaM2 - roomBase[r]));
	const scale = Math.max(1, ...unitRes);
	const eps = 1e-12 * scale;

	// Units that take part: some pair and residual capacity.
	const active = p.units.map(() => false);
	for (const x of pairs) if (unitRes[x.u] > 0 && roomRes[x.r] > 0) active[x.u] = true;

	/** Demand of unit u at level t: it must end with shortfall ratio ≤ t. */
	const demand = (u: number, t: number) => {
		const unit = p.units[u];
		if (unit.entitledM2 <= 0) return 0;
		return Math.max(0, unitRes[u] - (t * unit.entitledM2) / unit.priority);
	};
	// Largest t needed: every unit at its ratio with no extra area.
	let tHi = 0;
	p.units.forEach((unit, u) => {
		if (unit.entitledM2 > 0) tHi = Math.max(tHi, (unit.priority * unitRes[u]) / unit.entitledM2);
	});

	/** Runs the flow at level t: null when the demands cannot be met, else total and edge flows. */
	const run = (t: number, maximise: boolean) => {
		const S = nu + p.rooms.length;
		const T = S + 1;
		const g = new FlowGraph(T + 1);
		const src: number[] = [];
		let need = 0;
		for (let u = 0; u < nu; u++) {
			const d = active[u] ? Math.min(unitRes[u], demand(u, t)) : 0;
			src.push(g.add(S, u, d));
			need += d;
		}
		const pairEdge = pairs.map((x) =>
			unitRes[x.u] > 0 && roomRes[x.r] > 0 ? g.add(x.u, nu + x.r, Infinity) : -1
		);
		p.rooms.forEach((_, r) => g.add(nu + r, T, roomRes[r]));
		const first = g.maxflow(S, T, eps);
		if (first < need - 1e-9 * Math.max(1, need)) return null;
		let total = first;
		if (maximise) {
			for (let u = 0; u < nu; u++) {
				if (active[u]) g.raise(src[u], unitRes[u] - g.flow(src[u]) - g.residual(src[u]));
			}
			total += g.maxflow(S, T, eps);
		}
		return { total, extra: pairEdge.map((e) => (e < 0 ? 0 : g.flow(e))) };
	};

	// Units that cannot grow keep their ratio whatever happens: t is at least the largest.
	let tFloor = 0;
	p.units.forEach((unit, u) => {
		if (!active[u] && unit.entitledM2 > 0) {
			tFloor = Math.max(tFloor, (unit.priority * unitRes[u]) / unit.entitledM2);
		}
	});
	let tLo = tFloor;
	if (wT > 0 && !run(tFloor, false)) {
		let lo = tFloor;
		let hi = tHi;
		for (let i = 0; i < 100 && hi - lo > 1e-15 * Math.max(1, tHi); i++) {
			const mid = (lo + hi) / 2;
			if (run(mid, false)) hi = mid;
			else lo = mid;
		}
		tLo = hi;
	}

	let tBest = tLo;
	if (wT > 0 && wS > 0 && tHi > tLo) {
		const phi = (t: number) => {
			const res = run(t, true);
			return res ? wT * t - wS * res.total : Infinity;
		};
		const gr = (Math.sqrt(5) - 1) / 2;
		let a = tLo;
		let b = tHi;
		let c = b - gr * (b - a);
		let d = a + gr * (b - a);
		let fc = phi(c);
		let fd = phi(d);
		for (let i = 0; i < 120 && b - a > 1e-15 * Math.max(1, tHi); i++) {
			if (fc <= fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - gr * (b - a);
				fc = phi(c);
			} else {
				a = c;
				c = d;
				fc = fd;
				d = a + gr * (b - a);
				fd = phi(d);
			}
		}
		const candidates = [tLo, a, b, c, d];
		let best = Infinity;
		for (const t of candidates) {
			const v = phi(t);
			if (v < best) {
				best = v;
				tBest = t;
			}
		}
	} else if (wT === 0) tBest = tHi;

	const res = run(tBest, true) ?? run(tHi, true);
	const extra = res ? res.extra : pairs.map(() => 0);
	return base.map((b, i) => b + extra[i]);
}

/**
 * For a plan given as persons per (unit, room) (e.g. a manual edit on the plan page), gives each
 * pair the area that minimises the objective for those persons: every pair first gets
 * minAreaPerPersonM2 · persons, then the rest of each room is shared out so that the worst
 * priority-weighted shortfall ratio and the total shortfall are as small as the weights make
 * best (see the module comment: an exact parametric max-flow, not a rule of thumb). The solver
 * reports its plan's areas the same way when that is at least as good as HiGHS' own split, so an
 * unchanged optimal plan gets back exactly its areas' value, and an edited plan never reads
 * better than the optimum.
 *
 * Rows are returned in input order with `areaM2` added; rows with an unknown id or persons that
 * are not an integer ≥ 1 get area 0. Rows for the same (unit, room) share the pair's area in
 * proportion to their persons. Rooms whose minimum areas already exceed their area (and units
 * whose minimum areas exceed their norm) get the minimum only: `checkAllocation` names the
 * breach.
 *
 * Example: unit U (3 persons, norm 10 → 30 m², priority 1) and V (1 person, norm 12 → 12 m²,
 * priority 1) share room R of 30 m², m = 6: minimum areas 18 and 6, 6 m² left. Shortfalls
 * before the split: U 12 of 30 (0.4), V 6 of 12 (0.5). Equalising the ratio with 6 m² to share:
 * (12 − a)/30 = (6 − (6 − a))/12 → a = 24/7 m² to U, 18/7 to V, both at ratio (60/7)/30 = 2/7.
 *
 * @throws AllocationInputError when the instance is invalid.
 */
export function fillAreas(
	instance: AllocationInstance,
	persons: readonly PersonsEntry[]
): Assignment[] {
	const p = prepareInstance(instance);
	const nr = p.rooms.length;
	const index = new Map<number, number>();
	const pairs: PersonsPair[] = [];
	const rowPair = persons.map((row) => {
		const u = p.unitIndex.get(row?.unitId);
		const r = p.roomIndex.get(row?.roomId);
		if (u === undefined || r === undefined) return -1;
		if (typeof row.persons !== 'number' || !Number.isInteger(row.persons) || row.persons < 1) {
			return -1;
		}
		const key = u * nr + r;
		let i = index.get(key);
		if (i === undefined) {
			i = pairs.length;
			index.set(key, i);
			pairs.push({ u, r, persons: 0 });
		}
		pairs[i].persons += row.persons;
		return i;
	});
	const areas = bestAreas(p, pairs);
	return persons.map((row, k) => {
		const i = rowPair[k];
		const areaM2 = i < 0 ? 0 : (areas[i] * row.persons) / pairs[i].persons;
		return { unitId: row.unitId, roomId: row.roomId, persons: row.persons, areaM2 };
	});
}
