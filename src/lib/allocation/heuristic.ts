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
 * 5. Chain plans (`chain`): the buildings in some order, each unit in turn filling its target
 *    from the building under a cursor, so units share few buildings.
 * Several unit and building orders are tried; the plan with the lowest objective is kept, and
 * 6. a local search (`improvePlan`) then moves persons between rooms while that lowers the
 *    objective (scored exactly, with the best areas for the persons).
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
function fairTargets(p: PreparedInstance, pairs: readonly ModelPair[], share = 0.97): number[] {
	const m = p.settings.minAreaPerPersonM2;
	const usable = new Set(pairs.map((x) => x.r));
	const total = [...usable].reduce((s, r) => s + p.rooms[r].areaM2, 0) * share;
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

/** Every room empty (its area, seats and no unit yet) and the pairs by unit (steps 2 and 5). */
function freshState(
	p: PreparedInstance,
	pairs: readonly ModelPair[]
): { rooms: RoomState[]; byUnit: ModelPair[][] } {
	const rooms = p.rooms.map((room) => ({
		area: room.areaM2,
		seats: room.seats ?? Infinity,
		units: 0
	}));
	const byUnit: ModelPair[][] = p.units.map(() => []);
	for (const x of pairs) byUnit[x.u].push(x);
	return { rooms, byUnit };
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
	const { rooms, byUnit } = freshState(p, pairs);
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
		spreadPersons(taken[u], maxPersons, rooms, m, () => 0);
	}

	seatTheRest(p, byUnit, rooms, taken, order);
	return collect(p, taken);
}

type Taken = Map<number, { pair: ModelPair; area: number; persons: number }>[];

/**
 * Seats up to `maxPersons` of one unit in the rooms it has taken (steps 3 and 5): one per room,
 * then each next person where `bonus(room)` plus the area per person after adding them is
 * largest, within the pair's cap, ⌊area/m⌋ and the room's seats. Rooms left without anybody go
 * back (their area and unit place); the seats of the others are taken.
 */
function spreadPersons(
	taken: Taken[number],
	maxPersons: number,
	rooms: RoomState[],
	m: number,
	bonus: (r: number) => number
): void {
	let left = maxPersons;
	const list = [...taken.values()];
	for (const t of list) {
		const k = Math.min(1, left);
		t.persons = k;
		left -= k;
	}
	while (left > 0) {
		let best: (typeof list)[number] | null = null;
		let bestKey = -Infinity;
		for (const t of list) {
			const limit = Math.min(t.pair.cap, Math.floor(t.area / m + 1e-9), rooms[t.pair.r].seats);
			if (t.persons >= limit) continue;
			const key = bonus(t.pair.r) + t.area / (t.persons + 1);
			if (key > bestKey) {
				bestKey = key;
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
			taken.delete(t.pair.r);
		} else rooms[t.pair.r].seats -= t.persons;
	}
}

/** Step 3: anyone left is seated wherever m m² remain. */
function seatTheRest(
	p: PreparedInstance,
	byUnit: ModelPair[][],
	rooms: RoomState[],
	taken: Taken,
	order: number[]
): void {
	const m = p.settings.minAreaPerPersonM2;
	const maxUnits = p.settings.maxUnitsPerRoom;
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
}

/** The pairs with persons of a plan under construction. */
function collect(p: PreparedInstance, taken: Taken): PersonsPair[] {
	const out: PersonsPair[] = [];
	p.units.forEach((_, u) => {
		for (const [r, t] of taken[u]) if (t.persons > 0) out.push({ u, r, persons: t.persons });
	});
	return out.sort((a, b) => a.u - b.u || a.r - b.r);
}

/**
 * One chain plan (step 5): buildings in `buildingOrder`, units in the order their home
 * building (the one holding most of their current rooms' area) comes in it; each unit takes
 * area up to its target from the building under the cursor, its current rooms first, then
 * rooms another unit has started, then the largest, and moves the cursor on when the building
 * is used up. So each unit spans few buildings and shares one with the next (about units +
 * buildings − 1 unit-building pairs in all, the fewest when all the rooms are needed), mostly
 * its own. Units restricted to some rooms (ground floor only, locked rooms) go first, wherever
 * their rooms are. Persons sit first in the unit's current rooms.
 */
function chain(
	p: PreparedInstance,
	pairs: readonly ModelPair[],
	targets: number[],
	buildingOrder: number[]
): PersonsPair[] {
	const m = p.settings.minAreaPerPersonM2;
	const maxUnits = p.settings.maxUnitsPerRoom;
	const { rooms, byUnit } = freshState(p, pairs);
	const rank = new Map(buildingOrder.map((b, i) => [b, i]));
	const home = p.units.map((_, u) => {
		const count = new Map<number, number>();
		for (const r of p.current[u]) {
			const b = p.roomBuilding[r];
			count.set(b, (count.get(b) ?? 0) + p.rooms[r].areaM2);
		}
		let best = -1;
		let most = 0;
		for (const [b, c] of count) {
			if (c > most || (c === most && (rank.get(b) ?? Infinity) < (rank.get(best) ?? Infinity))) {
				best = b;
				most = c;
			}
		}
		return best;
	});
	const locked = p.units.map(() => false);
	for (const room of p.rooms) if (room.lockedUnit >= 0) locked[room.lockedUnit] = true;
	const restricted = (u: number) => p.units[u].groundFloorOnly || locked[u];
	const unitOrder = p.units
		.map((_, u) => u)
		.sort(
			(a, b) =>
				Number(restricted(b)) - Number(restricted(a)) ||
				(rank.get(home[a]) ?? Infinity) - (rank.get(home[b]) ?? Infinity) ||
				targets[b] - targets[a]
		);
	const taken: Taken = p.units.map(() => new Map());
	const canTake = (x: ModelPair, u: number) => {
		const st = rooms[x.r];
		return st.area >= m - 1e-9 && st.seats >= 1 && (taken[u].has(x.r) || st.units < maxUnits);
	};
	let cursor = 0;
	for (const u of unitOrder) {
		const unit = p.units[u];
		const maxPersons = Math.min(unit.headcount, Math.floor(unit.entitledM2 / m + 1e-9));
		if (maxPersons < 1) continue;
		let need = Math.min(unit.entitledM2, Math.max(targets[u], m * maxPersons));
		// Restricted units search every building in order; the others follow the cursor.
		let at = restricted(u) ? 0 : cursor;
		while (need > 1e-9 && taken[u].size < maxPersons && at < buildingOrder.length) {
			const b = buildingOrder[at];
			let best: ModelPair | null = null;
			let bestScore = -Infinity;
			for (const x of byUnit[u]) {
				if (x.b !== b || taken[u].has(x.r) || !canTake(x, u)) continue;
				let score = rooms[x.r].area;
				if (p.rooms[x.r].lockedUnit === u) score += 1e9;
				if (p.current[u].has(x.r)) score += 1e8;
				if (rooms[x.r].units > 0) score += 1e7;
				if (score > bestScore) {
					best = x;
					bestScore = score;
				}
			}
			if (!best) {
				at++;
				if (!restricted(u)) cursor = Math.max(cursor, at);
				continue;
			}
			const st = rooms[best.r];
			const area = Math.min(st.area, Math.max(need, m), best.gMax);
			st.area -= area;
			st.units++;
			need -= area;
			taken[u].set(best.r, { pair: best, area, persons: 0 });
		}
		// Current rooms first, then by area per person.
		spreadPersons(taken[u], maxPersons, rooms, m, (r) => (p.current[u].has(r) ? 1e6 : 0));
	}
	seatTheRest(p, byUnit, rooms, taken, unitOrder);
	return collect(p, taken);
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

/** Gives the event loop a turn (I/O, timers) and comes back at once. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The best heuristic plan (persons per pair) by `score` (the objective of the plan with its
 * best areas, supplied by the caller to keep this module free of the evaluation code): the
 * greedy plans of step 2 for a few unit orders, then chain plans (step 5) over several building
 * orders (by free area, largest and smallest first, by first appearance, then seeded shuffles,
 * for at most ~0.3 s). The event loop gets a turn between plans.
 */
export async function heuristicPlan(
	p: PreparedInstance,
	pairs: readonly ModelPair[],
	score: (plan: PersonsPair[]) => number
): Promise<PersonsPair[]> {
	const targets = fairTargets(p, pairs);
	let best: PersonsPair[] = [];
	let bestScore = Infinity;
	const consider = (plan: PersonsPair[]) => {
		const s = score(plan);
		if (s < bestScore) {
			bestScore = s;
			best = plan;
		}
	};
	// A turn for the event loop every ~10 ms of work (setImmediate: a timer of 0 waits 1 ms or
	// more, which was most of a small ward's solve).
	let slice = performance.now();
	const turn = async () => {
		if (performance.now() - slice < 10) return;
		await nextTurn();
		slice = performance.now();
	};
	for (const order of orders(p, pairs, targets)) {
		// Large wards take ~0.3 s per order.
		await turn();
		consider(greedy(p, pairs, targets, order));
	}
	const area = p.buildings.map(() => 0);
	for (const r of new Set(pairs.map((x) => x.r))) area[p.roomBuilding[r]] += p.rooms[r].areaM2;
	const idx = p.buildings.map((_, b) => b).filter((b) => area[b] > 0);
	const fixedOrders = [
		[...idx].sort((a, b) => area[b] - area[a]),
		[...idx].sort((a, b) => area[a] - area[b]),
		idx
	];
	let seed = 0x9e3779b9;
	const rnd = () => {
		seed = (seed * 1664525 + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	// The chain fills the rooms in turn, so it aims at the whole area (nothing left over).
	const exact = fairTargets(p, pairs, 1);
	const until = performance.now() + 300;
	// Each (order, targets) once: a ward of three buildings has only six orders.
	const tried = new Set<string>();
	for (let k = 0; k < 40 && performance.now() < until; k++) {
		const order = k < fixedOrders.length ? fixedOrders[k] : [...idx].sort(() => rnd() - 0.5);
		const key = `${k % 2} ${order.join(',')}`;
		if (tried.has(key)) continue;
		tried.add(key);
		await turn();
		consider(chain(p, pairs, k % 2 === 0 ? exact : targets, order));
	}
	return best;
}

/**
 * Local search on a plan's persons (step 6, internal), each candidate scored exactly by
 * `score` (the objective with the best areas for those persons). Five kinds of move, taken as
 * soon as one improves (first improvement), until no move improves or `deadline`
 * (performance.now() ms) passes:
 * - join: one person of a unit at the worst ratio moves into a room of a unit with area to
 *   spare (a room with a free place for a unit), so area can flow to it through that room;
 * - merge: all persons of a unit in one room move to another room the unit uses or to one of
 *   its current rooms (one room, perhaps one building, fewer; persons back home);
 * - fill: one person moves into a usable room nobody uses (its area would be lost);
 * - home: one person moves from a room that is not the unit's own into one of its current rooms;
 * - swap (when no other move helps): two persons of different units change rooms, one of them
 *   coming back to a room of its own.
 * Every move keeps the model's rules: allowed pairs and their caps, units per room, seats and
 * the minimum area per person in the target room. The event loop gets a turn every ~10 ms;
 * `stop()` ends the search early.
 */
export async function improvePlan(
	p: PreparedInstance,
	pairs: readonly ModelPair[],
	plan: PersonsPair[],
	score: (plan: PersonsPair[]) => { objective: number; ratios: number[] },
	deadline: number,
	stop: () => boolean = () => false
): Promise<PersonsPair[]> {
	const m = p.settings.minAreaPerPersonM2;
	const nr = p.rooms.length;
	const capOf = new Map(pairs.map((x) => [x.u * nr + x.r, x.cap]));
	const byUnit: ModelPair[][] = p.units.map(() => []);
	for (const x of pairs) byUnit[x.u].push(x);
	let persons = new Map(plan.map((x) => [x.u * nr + x.r, x.persons]));
	const toPlan = (map: Map<number, number>): PersonsPair[] =>
		[...map]
			.filter(([, k]) => k > 0)
			.map(([key, k]) => ({ u: Math.floor(key / nr), r: key % nr, persons: k }))
			.sort((a, b) => a.u - b.u || a.r - b.r);
	let current = score(plan);
	let slice = performance.now();

	/** Can `k` more persons of unit u sit in room r? */
	const fits = (map: Map<number, number>, u: number, r: number, k: number) => {
		const cap = capOf.get(u * nr + r);
		const here = map.get(u * nr + r) ?? 0;
		if (cap === undefined || here + k > cap) return false;
		let units = 0;
		let seated = 0;
		for (let v = 0; v < p.units.length; v++) {
			const n = map.get(v * nr + r) ?? 0;
			if (n > 0) {
				units++;
				seated += n;
			}
		}
		const room = p.rooms[r];
		if (here === 0 && units >= p.settings.maxUnitsPerRoom) return false;
		if (room.seats !== null && seated + k > room.seats) return false;
		return m * (seated + k) <= room.areaM2 + 1e-9;
	};
	/** u's person from a to b and v's from b to a, or null when a rule forbids it. */
	const swapped = (u: number, a: number, v: number, b: number) => {
		const next = new Map(persons);
		next.set(u * nr + a, (next.get(u * nr + a) ?? 0) - 1);
		next.set(v * nr + b, (next.get(v * nr + b) ?? 0) - 1);
		if (!fits(next, u, b, 1)) return null;
		next.set(u * nr + b, (next.get(u * nr + b) ?? 0) + 1);
		if (!fits(next, v, a, 1)) return null;
		next.set(v * nr + a, (next.get(v * nr + a) ?? 0) + 1);
		return next;
	};
	/** The swaps that bring at least one person home, each once (u before v). */
	const swaps = (roomsOf: number[][]) => {
		const out: [number, number, number, number][] = [];
		p.units.forEach((_, u) => {
			for (const a of roomsOf[u]) {
				for (let v = u + 1; v < p.units.length; v++) {
					for (const b of roomsOf[v]) {
						if (a === b) continue;
						const homeU = !p.current[u].has(a) && p.current[u].has(b);
						const homeV = !p.current[v].has(b) && p.current[v].has(a);
						if (homeU || homeV) out.push([u, a, v, b]);
					}
				}
			}
		});
		return out;
	};
	const move = (u: number, from: number, to: number, k: number) => {
		const next = new Map(persons);
		next.set(u * nr + from, (next.get(u * nr + from) ?? 0) - k);
		next.set(u * nr + to, (next.get(u * nr + to) ?? 0) + k);
		return next;
	};

	for (let improved = true; improved && performance.now() < deadline;) {
		improved = false;
		const t = Math.max(0, ...current.ratios);
		const roomsOf = p.units.map(() => [] as number[]);
		for (const [key, k] of persons) if (k > 0) roomsOf[Math.floor(key / nr)].push(key % nr);
		const candidates: [number, number, number, number][] = [];
		// Joins: a unit at the worst ratio into a room of a unit with area to spare, or of a unit
		// sharing a room with one (area then flows on through that room).
		const spareUnits = new Set(
			p.units.map((_, v) => v).filter((v) => current.ratios[v] < t - 1e-9)
		);
		const linked = new Set(spareUnits);
		for (let r = 0; r < nr; r++) {
			const here = p.units.map((_, v) => v).filter((v) => (persons.get(v * nr + r) ?? 0) > 0);
			if (here.some((v) => spareUnits.has(v))) for (const v of here) linked.add(v);
		}
		p.units.forEach((_, u) => {
			if (current.ratios[u] < t - 1e-9 || roomsOf[u].length === 0) return;
			const from = roomsOf[u].reduce((a, b) =>
				(persons.get(u * nr + b) ?? 0) > (persons.get(u * nr + a) ?? 0) ? b : a
			);
			for (const x of byUnit[u]) {
				if ((persons.get(u * nr + x.r) ?? 0) > 0) continue;
				const spare = p.units.some(
					(_, v) => v !== u && (persons.get(v * nr + x.r) ?? 0) > 0 && linked.has(v)
				);
				if (spare) candidates.push([u, from, x.r, 1]);
			}
		});
		// Merges: all persons of a unit in one room into another of its rooms or a current room.
		p.units.forEach((_, u) => {
			for (const from of roomsOf[u]) {
				const k = persons.get(u * nr + from) ?? 0;
				const targets = new Set([...roomsOf[u], ...p.current[u]]);
				for (const to of targets) if (to !== from) candidates.push([u, from, to, k]);
			}
		});
		// Fill: one person into a usable room nobody sits in (its area is otherwise lost to
		// everybody), from the room where the unit has most people.
		const used = new Set<number>();
		for (const [key, k] of persons) if (k > 0) used.add(key % nr);
		for (const x of pairs) {
			if (used.has(x.r) || roomsOf[x.u].length === 0) continue;
			const from = roomsOf[x.u].reduce((a, b) =>
				(persons.get(x.u * nr + b) ?? 0) > (persons.get(x.u * nr + a) ?? 0) ? b : a
			);
			candidates.push([x.u, from, x.r, 1]);
		}
		// Home: one person from a room that is not the unit's own into one of its current rooms.
		p.units.forEach((_, u) => {
			for (const from of roomsOf[u]) {
				if (!p.current[u].has(from)) {
					for (const to of p.current[u]) if (to !== from) candidates.push([u, from, to, 1]);
				}
			}
		});
		for (let i = candidates.length - 1; i > 0; i--) {
			const j = Math.floor(((((i * 2654435761) >>> 0) % 1000) / 1000) * (i + 1));
			[candidates[i], candidates[j]] = [candidates[j], candidates[i]];
		}
		/** Keeps `next` when it scores better; gives the event loop a turn now and then. */
		const tryPlan = async (next: Map<number, number>) => {
			const s = score(toPlan(next));
			if (s.objective < current.objective - 1e-9) {
				persons = next;
				current = s;
				improved = true;
			}
			if (performance.now() - slice > 10) {
				await nextTurn();
				slice = performance.now();
			}
			return improved;
		};
		for (const [u, from, to, k] of candidates) {
			if (performance.now() >= deadline || stop()) break;
			if (fits(persons, u, to, k) && (await tryPlan(move(u, from, to, k)))) break;
		}
		if (improved) continue;
		// Swaps, when no single move helps: one person of u in room a and one of v in room b
		// change places, where that brings one of them back to a room of their own (each room
		// keeps its number of people).
		for (const [u, a, v, b] of swaps(roomsOf)) {
			if (performance.now() >= deadline || stop()) break;
			const next = swapped(u, a, v, b);
			if (next && (await tryPlan(next))) break;
		}
	}
	return toPlan(persons);
}
