/**
 * Primal heuristic (internal): a plan that seats everyone it can and spreads the area fairly,
 * given to HiGHS as MIP start. It only affects speed; the optimum is decided by HiGHS.
 *
 * 1. Fair targets: the level t at which Σ_u max(m·headcount_u, N_u·(1 − t/priority_u)), each
 *    capped at N_u, matches the area of the usable rooms (water filling), so every unit aims at
 *    the same priority-weighted shortfall ratio.
 * 2. Units in turn (ground-floor-only and units with locked rooms first, then fewest allowed
 *    rooms, then higher priority) take room area up to their target: their locked and current
 *    rooms first, then in a building they already use, else the building with the most free
 *    area; a room's leftover is left for a second unit (up to maxUnitsPerRoom).
 * 3. Persons are spread over the rooms taken (at least one per room, at most ⌊area/m⌋ and the
 *    seats), then anyone left is seated wherever a slot of m m² remains.
 * 4. The areas are then recomputed exactly for those persons (`bestAreas`).
 * Several unit orders are tried; the plan with the lowest objective is kept.
 */
import type { PersonsPair } from './areas';
import type { ModelPair } from './model';
import type { PreparedInstance } from './validate';

interface RoomState {
	area: number;
	seats: number;
	units: number;
}

/** Water-filling targets (step 1). */
function fairTargets(p: PreparedInstance, pairs: readonly ModelPair[]): number[] {
	const m = p.settings.minAreaPerPersonM2;
	const usable = new Set(pairs.map((x) => x.r));
	const total = [...usable].reduce((s, r) => s + p.rooms[r].areaM2, 0) * 0.97;
	const hasPair = p.units.map(() => false);
	for (const x of pairs) hasPair[x.u] = true;
	const target = (t: number) =>
		p.units.map((unit, u) => {
			if (!hasPair[u]) return 0;
			const fair = unit.entitledM2 * Math.max(0, 1 - t / unit.priority);
			return Math.min(unit.entitledM2, Math.max(m * unit.headcount, fair));
		});
	const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
	if (sum(target(0)) <= total) return target(0);
	let lo = 0;
	let hi = Math.max(1, ...p.units.map((u) => u.priority));
	for (let i = 0; i < 50; i++) {
		const mid = (lo + hi) / 2;
		if (sum(target(mid)) > total) lo = mid;
		else hi = mid;
	}
	return target(hi);
}

/** One greedy plan for a given unit order (steps 2 and 3). */
function greedy(
	p: PreparedInstance,
	pairs: readonly ModelPair[],
	targets: number[],
	order: number[]
): PersonsPair[] {
	const m = p.settings.minAreaPerPersonM2;
	const maxUnits = p.settings.maxUnitsPerRoom;
	const rooms: RoomState[] = p.rooms.map((room) => ({
		area: room.areaM2,
		seats: room.seats ?? Infinity,
		units: 0
	}));
	const byUnit: ModelPair[][] = p.units.map(() => []);
	for (const x of pairs) byUnit[x.u].push(x);
	const taken = p.units.map(
		() => new Map<number, { pair: ModelPair; area: number; persons: number }>()
	);

	const open = (x: ModelPair, u: number) => {
		const st = rooms[x.r];
		const here = taken[u].has(x.r);
		return st.area >= m - 1e-9 && st.seats >= 1 && (here || st.units < maxUnits);
	};

	for (const u of order) {
		const unit = p.units[u];
		const maxPersons = Math.min(unit.headcount, Math.floor(unit.entitledM2 / m + 1e-9));
		if (maxPersons < 1) continue;
		let need = Math.max(targets[u], m * maxPersons);
		need = Math.min(need, unit.entitledM2);
		const usedB = new Set<number>();
		while (need > 1e-9 && taken[u].size < maxPersons) {
			const cands = byUnit[u].filter((x) => !taken[u].has(x.r) && open(x, u));
			if (cands.length === 0) break;
			const freeIn = new Map<number, number>();
			for (const x of cands) freeIn.set(x.b, (freeIn.get(x.b) ?? 0) + rooms[x.r].area);
			const rank = (x: ModelPair) => {
				const room = p.rooms[x.r];
				let score = 0;
				if (room.lockedUnit === u) score += 1e9;
				if (p.current[u].has(x.r)) score += 1e8;
				if (usedB.has(x.b)) score += 1e7;
				score += Math.min(freeIn.get(x.b) ?? 0, need) * 1e3;
				// Best fit: a room close to the remaining need.
				const a = rooms[x.r].area;
				score += a >= need ? 500 - Math.min(499, a - need) : a;
				return score;
			};
			let best = cands[0];
			let bestScore = rank(best);
			for (const x of cands) {
				const s = rank(x);
				if (s > bestScore) {
					best = x;
					bestScore = s;
				}
			}
			const st = rooms[best.r];
			const area = Math.min(st.area, Math.max(need, m), best.gMax);
			if (area < m - 1e-9) break;
			st.area -= area;
			st.units++;
			need -= area;
			usedB.add(best.b);
			taken[u].set(best.r, { pair: best, area, persons: 0 });
		}
		// Spread persons: one per room, then by area.
		let left = maxPersons;
		const list = [...taken[u].values()];
		for (const t of list) {
			const k = Math.min(1, left);
			t.persons = k;
			left -= k;
		}
		for (;;) {
			if (left <= 0) break;
			let best: (typeof list)[number] | null = null;
			let bestRoom = 0;
			for (const t of list) {
				const limit = Math.min(t.pair.cap, Math.floor(t.area / m + 1e-9), rooms[t.pair.r].seats);
				if (t.persons >= limit) continue;
				const roomPer = t.area / (t.persons + 1);
				if (roomPer > bestRoom) {
					bestRoom = roomPer;
					best = t;
				}
			}
			if (!best) break;
			best.persons++;
			left--;
		}
		for (const t of list) {
			if (t.persons === 0) {
				rooms[t.pair.r].area += t.area;
				rooms[t.pair.r].units--;
				taken[u].delete(t.pair.r);
			} else rooms[t.pair.r].seats -= t.persons;
		}
	}

	// Step 3: anyone left, wherever m m² remain.
	for (const u of order) {
		const unit = p.units[u];
		const maxPersons = Math.min(unit.headcount, Math.floor(unit.entitledM2 / m + 1e-9));
		let seated = 0;
		let area = 0;
		for (const t of taken[u].values()) {
			seated += t.persons;
			area += t.area;
		}
		let left = maxPersons - seated;
		for (const x of byUnit[u]) {
			if (left <= 0) break;
			const st = rooms[x.r];
			while (
				left > 0 &&
				st.area >= m - 1e-9 &&
				st.seats >= 1 &&
				(taken[u].has(x.r) || st.units < maxUnits) &&
				area + m <= unit.entitledM2 + 1e-9
			) {
				const t = taken[u].get(x.r);
				if (t) {
					if (t.persons >= x.cap || (t.persons + 1) * m > t.area + st.area + 1e-9) break;
					const add = Math.max(0, (t.persons + 1) * m - t.area);
					t.area += add;
					st.area -= add;
					area += add;
					t.persons++;
				} else {
					taken[u].set(x.r, { pair: x, area: m, persons: 1 });
					st.area -= m;
					st.units++;
					area += m;
				}
				st.seats--;
				left--;
			}
		}
	}

	const out: PersonsPair[] = [];
	p.units.forEach((_, u) => {
		for (const [r, t] of taken[u]) if (t.persons > 0) out.push({ u, r, persons: t.persons });
	});
	return out.sort((a, b) => a.u - b.u || a.r - b.r);
}

/** Unit orders to try (step 2). */
function orders(p: PreparedInstance, pairs: readonly ModelPair[], targets: number[]): number[][] {
	const allowed = p.units.map(() => 0);
	for (const x of pairs) allowed[x.u]++;
	const locks = p.units.map(() => false);
	for (const room of p.rooms) if (room.lockedUnit >= 0) locks[room.lockedUnit] = true;
	const idx = p.units.map((_, u) => u);
	const first = (u: number) => (p.units[u].groundFloorOnly || locks[u] ? 0 : 1);
	return [
		[...idx].sort(
			(a, b) =>
				first(a) - first(b) ||
				allowed[a] - allowed[b] ||
				p.units[b].priority - p.units[a].priority ||
				targets[b] - targets[a]
		),
		[...idx].sort((a, b) => first(a) - first(b) || targets[b] - targets[a]),
		[...idx].sort((a, b) => first(a) - first(b) || targets[a] - targets[b]),
		idx
	];
}

/**
 * The best heuristic plan (persons per pair) by `score` (the objective of the plan with its
 * best areas, supplied by the caller to keep this module free of the evaluation code).
 */
export async function heuristicPlan(
	p: PreparedInstance,
	pairs: readonly ModelPair[],
	score: (plan: PersonsPair[]) => number
): Promise<PersonsPair[]> {
	const targets = fairTargets(p, pairs);
	let best: PersonsPair[] = [];
	let bestScore = Infinity;
	for (const order of orders(p, pairs, targets)) {
		// Give the event loop a turn between orders (large wards take ~0.3 s per order).
		await new Promise((resolve) => setTimeout(resolve, 0));
		const plan = greedy(p, pairs, targets, order);
		const s = score(plan);
		if (s < bestScore) {
			bestScore = s;
			best = plan;
		}
	}
	return best;
}
