import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkAllocation,
	DEFAULT_WEIGHTS,
	moveList,
	solveAllocation,
	type AllocationInstance,
	type AllocationResult,
	type AllocationRoom,
	type AllocationUnit
} from './index';

// ---------------------------------------------------------------------------------------------
// Independent checker: re-implements the model's rules from the task statement, sharing no code
// with the module (not even its checkAllocation), and recomputes the objective.
// ---------------------------------------------------------------------------------------------

interface Verdict {
	errors: string[];
	objective: number;
	unplacedTotal: number;
}

function independentCheck(instance: AllocationInstance, result: AllocationResult): Verdict {
	const errors: string[] = [];
	const w = {
		unplaced: instance.weights?.unplaced ?? 1000,
		buildingsPerUnit: instance.weights?.buildingsPerUnit ?? 10,
		moved: instance.weights?.moved ?? 1
	};
	const unitById = new Map(instance.units.map((u) => [u.id, u]));
	const roomById = new Map(instance.rooms.map((r) => [r.id, r]));
	const areaUsed = new Map<string, number>();
	const placedByUnit = new Map<string, number>();
	const buildingsUsed = new Map<string, Set<string>>();
	let moved = 0;
	for (const a of result.assignments) {
		const unit = unitById.get(a.unitId);
		const room = roomById.get(a.roomId);
		if (!unit || !room) {
			errors.push(`unknown id in ${JSON.stringify(a)}`);
			continue;
		}
		if (!Number.isInteger(a.persons) || a.persons <= 0)
			errors.push(`persons must be a positive integer: ${JSON.stringify(a)}`);
		if (!room.usable) errors.push(`unusable room used: ${JSON.stringify(a)}`);
		if (unit.groundFloorOnly && room.level !== 1)
			errors.push(`ground-floor unit above ground: ${JSON.stringify(a)}`);
		areaUsed.set(room.id, (areaUsed.get(room.id) ?? 0) + a.persons * unit.areaPerPersonM2);
		placedByUnit.set(unit.id, (placedByUnit.get(unit.id) ?? 0) + a.persons);
		if (!buildingsUsed.has(unit.id)) buildingsUsed.set(unit.id, new Set());
		buildingsUsed.get(unit.id)!.add(room.buildingId);
		if (!(unit.currentRoomIds ?? []).includes(room.id)) moved += a.persons;
	}
	for (const [roomId, used] of areaUsed) {
		const area = roomById.get(roomId)!.areaM2;
		if (used > area + 1e-6) errors.push(`room ${roomId} over capacity: ${used} > ${area}`);
	}
	const unplacedByUnit = new Map<string, number>();
	for (const e of result.unplaced) {
		if (!Number.isInteger(e.persons) || e.persons <= 0)
			errors.push(`unplaced must be a positive integer: ${JSON.stringify(e)}`);
		unplacedByUnit.set(e.unitId, (unplacedByUnit.get(e.unitId) ?? 0) + e.persons);
	}
	let unplacedTotal = 0;
	let buildingCount = 0;
	for (const unit of instance.units) {
		const placed = placedByUnit.get(unit.id) ?? 0;
		const unplaced = unplacedByUnit.get(unit.id) ?? 0;
		if (placed + unplaced !== unit.headcount)
			errors.push(`unit ${unit.id}: placed ${placed} + unplaced ${unplaced} ≠ ${unit.headcount}`);
		unplacedTotal += unplaced;
		const used = [...(buildingsUsed.get(unit.id) ?? [])].sort();
		buildingCount += used.length;
		const reported = [...(result.buildingsByUnit[unit.id] ?? [])].sort();
		if (JSON.stringify(used) !== JSON.stringify(reported))
			errors.push(`unit ${unit.id}: buildings ${reported} reported, ${used} used`);
	}
	const objective =
		w.unplaced * unplacedTotal + w.buildingsPerUnit * buildingCount + w.moved * moved;
	return { errors, objective, unplacedTotal };
}

/** Solves and asserts the plan is feasible and its objective is the recomputed one. */
async function solveChecked(instance: AllocationInstance): Promise<AllocationResult> {
	const result = await solveAllocation(instance, { timeLimitS: 20 });
	expect(result.status, result.message).toBe('optimal');
	const verdict = independentCheck(instance, result);
	expect(verdict.errors).toEqual([]);
	expect(result.objective).toBeCloseTo(verdict.objective, 9);
	return result;
}

const room = (
	id: string,
	buildingId: string,
	areaM2: number,
	level = 1,
	usable = true
): AllocationRoom => ({ id, buildingId, level, areaM2, usable });

const persons = (result: AllocationResult) =>
	Object.fromEntries(result.assignments.map((a) => [`${a.unitId}@${a.roomId}`, a.persons]));

// ---------------------------------------------------------------------------------------------
// Hand-solved instances (default weights: unplaced 1000, building 10, moved 1).
// ---------------------------------------------------------------------------------------------

describe('solveAllocation on hand-solved instances', { timeout: 60_000 }, () => {
	it('splits 3 people × 10 m² over rooms of 20 and 15 m² in one building (objective 13)', async () => {
		// ⌊20/10⌋ = 2 and ⌊15/10⌋ = 1 seats: exactly 3, so everybody fits in building A.
		// Cost: one building (10) + three people outside their (empty) current rooms (3·1) = 13.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 3, areaPerPersonM2: 10 }],
			rooms: [room('R20', 'A', 20), room('R15', 'A', 15)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(13);
		expect(persons(result)).toEqual({ 'U@R20': 2, 'U@R15': 1 });
		expect(result.unplaced).toEqual([]);
		expect(result.buildingsByUnit).toEqual({ U: ['A'] });
	});

	it('makes staying in a current room free (objective 11 instead of 13)', async () => {
		// Same as above but U sits in R20 today: the 2 people there are not moved; only the one
		// in R15 is. Cost 10 + 1 = 11.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 3, areaPerPersonM2: 10, currentRoomIds: ['R20'] }],
			rooms: [room('R20', 'A', 20), room('R15', 'A', 15)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(11);
		expect(moveList(instance, result.assignments)).toEqual([
			{ unitId: 'U', fromRoomIds: ['R20'], toRoomId: 'R15', persons: 1 }
		]);
	});

	it('keeps everybody in place when current rooms fit (objective 20, no moves)', async () => {
		// Two units of 2 × 10 m² in their own 20 m² rooms of building A; a free 40 m² room would
		// also fit them but moving costs 1 per person. Optimum: stay, 2 buildings-per-unit = 20.
		const instance: AllocationInstance = {
			units: [
				{ id: 'U1', headcount: 2, areaPerPersonM2: 10, currentRoomIds: ['R1'] },
				{ id: 'U2', headcount: 2, areaPerPersonM2: 10, currentRoomIds: ['R2'] }
			],
			rooms: [room('R1', 'A', 20), room('R2', 'A', 20), room('R3', 'A', 40)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(20);
		expect(persons(result)).toEqual({ 'U1@R1': 2, 'U2@R2': 2 });
		expect(moveList(instance, result.assignments)).toEqual([]);
	});

	it('keeps a ground-floor-only unit off level 2 even if that leaves someone unplaced', async () => {
		// The 100 m² room is on level 2 and forbidden; the 10 m² ground-floor room seats 1 of 2.
		// Cost: 1 unplaced (1000) + building A (10) + 1 moved (1) = 1011.
		const instance: AllocationInstance = {
			units: [{ id: 'G', headcount: 2, areaPerPersonM2: 10, groundFloorOnly: true }],
			rooms: [room('UP', 'A', 100, 2), room('DOWN', 'A', 10, 1)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(1011);
		expect(persons(result)).toEqual({ 'G@DOWN': 1 });
		expect(result.unplaced).toEqual([{ unitId: 'G', persons: 1 }]);
	});

	it('never uses unusable rooms', async () => {
		// BIG (100 m², building A) is unusable; SMALL (20 m², building B) seats both people.
		// Cost 10 + 2 = 12, building B only.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 2, areaPerPersonM2: 10, currentRoomIds: ['BIG'] }],
			rooms: [room('BIG', 'A', 100, 1, false), room('SMALL', 'B', 20)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(12);
		expect(result.buildingsByUnit).toEqual({ U: ['B'] });
	});

	it('moves a whole unit rather than splitting it over two buildings (+10)', async () => {
		// U: 4 × 10 m², today in A1 (20 m², seats 2). B1 (40 m²) seats all 4.
		// Split: 2 stay in A1, 2 go to B1 → 2 buildings (20) + 2 moved = 22.
		// Move all: 1 building (10) + 4 moved = 14.  Optimum 14.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 4, areaPerPersonM2: 10, currentRoomIds: ['A1'] }],
			rooms: [room('A1', 'A', 20), room('B1', 'B', 40)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(14);
		expect(persons(result)).toEqual({ 'U@B1': 4 });
	});

	it('splits over two buildings when moves are expensive (moved weight 6)', async () => {
		// Same rooms with moved = 6: split = 20 + 2·6 = 32, move all = 10 + 4·6 = 34. Optimum 32.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 4, areaPerPersonM2: 10, currentRoomIds: ['A1'] }],
			rooms: [room('A1', 'A', 20), room('B1', 'B', 40)],
			weights: { moved: 6 }
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(32);
		expect(persons(result)).toEqual({ 'U@A1': 2, 'U@B1': 2 });
		expect(result.buildingsByUnit).toEqual({ U: ['A', 'B'] });
	});

	it('leaves people unplaced when space runs out, at 1000 each', async () => {
		// 5 × 10 m² but only a 32 m² room: ⌊32/10⌋ = 3 seats, 2 unplaced.
		// Cost 2·1000 + 10 + 3 = 2013.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 5, areaPerPersonM2: 10 }],
			rooms: [room('R', 'A', 32)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(2013);
		expect(result.unplaced).toEqual([{ unitId: 'U', persons: 2 }]);
	});

	it('lets two units share a room', async () => {
		// 1 × 10 m² and 1 × 8 m² in one 18 m² room: both fit (18 ≤ 18). Cost 2·(10 + 1) = 22.
		const instance: AllocationInstance = {
			units: [
				{ id: 'U1', headcount: 1, areaPerPersonM2: 10 },
				{ id: 'U2', headcount: 1, areaPerPersonM2: 8 }
			],
			rooms: [room('R', 'A', 18)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(22);
		expect(persons(result)).toEqual({ 'U1@R': 1, 'U2@R': 1 });
	});

	it('resolves competition for a room in favour of the cheaper plan', async () => {
		// U1 (2 × 10, today in R1 = 20 m² of A) and U2 (1 × 15, no room). R2 (15 m², B) fits U2.
		// U1 stays (10), U2 goes to R2 (10 + 1): 21. Putting U2 into R1 would push U1 out.
		const instance: AllocationInstance = {
			units: [
				{ id: 'U1', headcount: 2, areaPerPersonM2: 10, currentRoomIds: ['R1'] },
				{ id: 'U2', headcount: 1, areaPerPersonM2: 15 }
			],
			rooms: [room('R1', 'A', 20), room('R2', 'B', 15)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(21);
		expect(persons(result)).toEqual({ 'U1@R1': 2, 'U2@R2': 1 });
	});

	it('is robust to floating-point areas (3 × 0.1 m² in 0.3 m²)', async () => {
		// 0.3 / 0.1 = 2.9999999999999996 in floating point; the room still seats 3 people.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 3, areaPerPersonM2: 0.1 }],
			rooms: [room('R', 'A', 0.3)]
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(13);
	});

	it('handles empty instances and zero headcounts', async () => {
		const empty = await solveChecked({ units: [], rooms: [] });
		expect(empty.objective).toBe(0);
		const zero = await solveChecked({
			units: [{ id: 'U', headcount: 0, areaPerPersonM2: 10 }],
			rooms: [room('R', 'A', 20)]
		});
		expect(zero.objective).toBe(0);
		expect(zero.assignments).toEqual([]);
		expect(zero.buildingsByUnit).toEqual({ U: [] });
		const noRooms = await solveChecked({
			units: [{ id: 'U', headcount: 2, areaPerPersonM2: 10 }],
			rooms: []
		});
		expect(noRooms.objective).toBe(2000);
	});

	it('uses custom weights, including zero weights', async () => {
		// With buildingsPerUnit = 0 and moved = 0 only unplaced people cost anything.
		const instance: AllocationInstance = {
			units: [{ id: 'U', headcount: 4, areaPerPersonM2: 10, currentRoomIds: ['A1'] }],
			rooms: [room('A1', 'A', 20), room('B1', 'B', 10)],
			weights: { unplaced: 7, buildingsPerUnit: 0, moved: 0 }
		};
		const result = await solveChecked(instance);
		expect(result.objective).toBe(7); // 3 seats for 4 people
	});

	it('gives the same optimum with per-room linking, without warm start or unit bounds', async () => {
		const instance: AllocationInstance = {
			units: [
				{ id: 'U1', headcount: 5, areaPerPersonM2: 12, currentRoomIds: ['A1', 'A2'] },
				{ id: 'U2', headcount: 3, areaPerPersonM2: 20, groundFloorOnly: true },
				{ id: 'U3', headcount: 4, areaPerPersonM2: 10, currentRoomIds: ['B2'] }
			],
			rooms: [
				room('A1', 'A', 30),
				room('A2', 'A', 25, 2),
				room('A3', 'A', 45, 1),
				room('B1', 'B', 40, 1),
				room('B2', 'B', 20, 2),
				room('B3', 'B', 16, 3, false)
			]
		};
		const a = await solveAllocation(instance);
		const b = await solveAllocation(instance, { linking: 'per-room' });
		const c = await solveAllocation(instance, { warmStart: false, unitBounds: false });
		expect([a.status, b.status, c.status]).toEqual(['optimal', 'optimal', 'optimal']);
		expect(b.objective).toBe(a.objective);
		expect(c.objective).toBe(a.objective);
	});
});

// ---------------------------------------------------------------------------------------------
// checkAllocation and moveList
// ---------------------------------------------------------------------------------------------

describe('checkAllocation', () => {
	const instance: AllocationInstance = {
		units: [
			{ id: 'U', headcount: 3, areaPerPersonM2: 10, currentRoomIds: ['R20'] },
			{ id: 'G', headcount: 1, areaPerPersonM2: 10, groundFloorOnly: true }
		],
		rooms: [
			room('R20', 'A', 20),
			room('R15', 'A', 15),
			room('UP', 'B', 30, 2),
			room('X', 'B', 30, 1, false)
		]
	};

	it('accepts a feasible plan and evaluates it like the solver', () => {
		// U: 2 stay in R20, 1 moves to R15 (10 + 1); G unplaced (1000). Objective 1011.
		const res = checkAllocation(instance, [
			{ unitId: 'U', roomId: 'R20', persons: 2 },
			{ unitId: 'U', roomId: 'R15', persons: 1 }
		]);
		expect(res.feasible).toBe(true);
		expect(res.violations).toEqual([]);
		expect(res.objective).toBe(1011);
		expect(res.unplaced).toEqual([{ unitId: 'G', persons: 1 }]);
		expect(res.buildingsByUnit).toEqual({ U: ['A'], G: [] });
	});

	it('reports every kind of violation', () => {
		const res = checkAllocation(instance, [
			{ unitId: 'U', roomId: 'R20', persons: 3 }, // capacity 30 > 20
			{ unitId: 'U', roomId: 'R15', persons: 1 }, // headcount 4 > 3
			{ unitId: 'G', roomId: 'UP', persons: 1 }, // ground floor
			{ unitId: 'G', roomId: 'X', persons: 1 }, // unusable (and G over headcount)
			{ unitId: 'NOPE', roomId: 'R20', persons: 1 },
			{ unitId: 'U', roomId: 'NOPE', persons: 1 },
			{ unitId: 'U', roomId: 'R15', persons: 0.5 }
		]);
		expect(res.feasible).toBe(false);
		const kinds = new Set(res.violations.map((v) => v.kind));
		expect(kinds).toEqual(
			new Set([
				'capacity',
				'headcount',
				'ground-floor',
				'unusable',
				'unknown-unit',
				'unknown-room',
				'non-integer'
			])
		);
		const capacity = res.violations.find((v) => v.kind === 'capacity')!;
		expect(capacity.roomId).toBe('R20');
		expect(capacity.message).toContain('R20');
		expect(res.violations.find((v) => v.kind === 'ground-floor')!.unitId).toBe('G');
	});

	it('agrees with the independent checker on solver output', async () => {
		const result = await solveAllocation(instance);
		const res = checkAllocation(instance, result.assignments);
		expect(res.feasible).toBe(true);
		expect(res.objective).toBe(result.objective);
		expect(res.objective).toBe(independentCheck(instance, result).objective);
	});
});

describe('moveList', () => {
	it('lists people placed outside their current rooms, summing duplicate rows', () => {
		const instance: AllocationInstance = {
			units: [
				{ id: 'U', headcount: 5, areaPerPersonM2: 10, currentRoomIds: ['R1', 'R2'] },
				{ id: 'N', headcount: 1, areaPerPersonM2: 10 }
			],
			rooms: [room('R1', 'A', 20), room('R2', 'A', 20), room('R3', 'B', 40)]
		};
		const moves = moveList(instance, [
			{ unitId: 'U', roomId: 'R1', persons: 2 },
			{ unitId: 'U', roomId: 'R3', persons: 1 },
			{ unitId: 'U', roomId: 'R3', persons: 1 },
			{ unitId: 'N', roomId: 'R2', persons: 1 }
		]);
		expect(moves).toEqual([
			{ unitId: 'U', fromRoomIds: ['R1', 'R2'], toRoomId: 'R3', persons: 2 },
			{ unitId: 'N', fromRoomIds: [], toRoomId: 'R2', persons: 1 }
		]);
	});
});

describe('DEFAULT_WEIGHTS', () => {
	it('are 1000 / 10 / 1 and frozen', () => {
		expect(DEFAULT_WEIGHTS).toEqual({ unplaced: 1000, buildingsPerUnit: 10, moved: 1 });
		expect(Object.isFrozen(DEFAULT_WEIGHTS)).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
// Property tests on small random instances.
// ---------------------------------------------------------------------------------------------

const APP = [5, 8, 10, 12.5, 15];

/** Random instance: ≤ 4 units of ≤ 6 people, ≤ 6 rooms in ≤ 3 buildings. */
const instanceArb: fc.Arbitrary<AllocationInstance> = fc
	.record({
		rooms: fc.array(
			fc.record({
				b: fc.integer({ min: 0, max: 2 }),
				level: fc.integer({ min: 1, max: 3 }),
				area: fc.integer({ min: 0, max: 80 }).map((a) => a / 2),
				usable: fc.integer({ min: 0, max: 4 }).map((v) => v !== 0)
			}),
			{ minLength: 1, maxLength: 6 }
		),
		units: fc.array(
			fc.record({
				headcount: fc.integer({ min: 0, max: 6 }),
				app: fc.constantFrom(...APP),
				ground: fc.integer({ min: 0, max: 3 }).map((v) => v === 0),
				current: fc.array(fc.nat(5), { minLength: 1, maxLength: 3 })
			}),
			{ minLength: 1, maxLength: 4 }
		)
	})
	.map(({ rooms, units }) => {
		const roomList: AllocationRoom[] = rooms.map((r, i) => ({
			id: `r${i}`,
			buildingId: `b${r.b}`,
			level: r.level,
			areaM2: r.area,
			usable: r.usable
		}));
		const unitList: AllocationUnit[] = units.map((u, i) => ({
			id: `u${i}`,
			headcount: u.headcount,
			areaPerPersonM2: u.app,
			groundFloorOnly: u.ground,
			currentRoomIds: [...new Set(u.current.filter((c) => c < roomList.length))].map((c) => `r${c}`)
		}));
		return { units: unitList, rooms: roomList };
	});

async function solveOptimal(instance: AllocationInstance): Promise<AllocationResult> {
	const result = await solveAllocation(instance, { timeLimitS: 20 });
	expect(result.status, result.message).toBe('optimal');
	return result;
}

/** Exhaustive optimum for tiny instances (independent of HiGHS). */
function bruteForce(instance: AllocationInstance): number {
	const pairs: { u: AllocationUnit; r: AllocationRoom; max: number }[] = [];
	for (const u of instance.units)
		for (const r of instance.rooms)
			if (r.usable && !(u.groundFloorOnly && r.level !== 1))
				pairs.push({
					u,
					r,
					max: Math.min(u.headcount, Math.floor(r.areaM2 / u.areaPerPersonM2 + 1e-9))
				});
	let best = Infinity;
	const x = pairs.map(() => 0);
	const visit = (i: number) => {
		if (i === pairs.length) {
			const load = new Map<string, number>();
			const placed = new Map<string, number>();
			const blds = new Map<string, Set<string>>();
			let moved = 0;
			pairs.forEach((pr, k) => {
				if (x[k] === 0) return;
				load.set(pr.r.id, (load.get(pr.r.id) ?? 0) + x[k] * pr.u.areaPerPersonM2);
				placed.set(pr.u.id, (placed.get(pr.u.id) ?? 0) + x[k]);
				if (!blds.has(pr.u.id)) blds.set(pr.u.id, new Set());
				blds.get(pr.u.id)!.add(pr.r.buildingId);
				if (!(pr.u.currentRoomIds ?? []).includes(pr.r.id)) moved += x[k];
			});
			for (const r of instance.rooms) if ((load.get(r.id) ?? 0) > r.areaM2 + 1e-6) return;
			let cost = moved;
			for (const u of instance.units) {
				const p = placed.get(u.id) ?? 0;
				if (p > u.headcount) return;
				cost += 1000 * (u.headcount - p) + 10 * (blds.get(u.id)?.size ?? 0);
			}
			best = Math.min(best, cost);
			return;
		}
		for (let v = 0; v <= pairs[i].max; v++) {
			x[i] = v;
			visit(i + 1);
		}
		x[i] = 0;
	};
	visit(0);
	return best;
}

describe('properties (fast-check)', { timeout: 120_000 }, () => {
	it('returns feasible plans whose objective equals the recomputed one', async () => {
		await fc.assert(
			fc.asyncProperty(instanceArb, async (instance) => {
				const result = await solveOptimal(instance);
				const verdict = independentCheck(instance, result);
				expect(verdict.errors).toEqual([]);
				expect(result.objective).toBeCloseTo(verdict.objective, 9);
				expect(checkAllocation(instance, result.assignments).objective).toBeCloseTo(
					result.objective,
					9
				);
			}),
			{ numRuns: 25 }
		);
	});

	it('matches an exhaustive search on tiny instances', async () => {
		const tiny = instanceArb.filter(
			(inst) =>
				inst.units.length <= 2 &&
				inst.rooms.length <= 3 &&
				inst.units.every((u) => u.headcount <= 4)
		);
		await fc.assert(
			fc.asyncProperty(tiny, async (instance) => {
				const result = await solveOptimal(instance);
				expect(result.objective).toBeCloseTo(bruteForce(instance), 9);
			}),
			{ numRuns: 25 }
		);
	});

	it('never gets worse when a room is added', async () => {
		await fc.assert(
			fc.asyncProperty(
				instanceArb,
				fc.record({
					b: fc.integer({ min: 0, max: 3 }),
					level: fc.integer({ min: 1, max: 2 }),
					area: fc.integer({ min: 0, max: 60 })
				}),
				async (instance, extra) => {
					const before = await solveOptimal(instance);
					const bigger: AllocationInstance = {
						...instance,
						rooms: [
							...instance.rooms,
							{
								id: 'extra',
								buildingId: `b${extra.b}`,
								level: extra.level,
								areaM2: extra.area,
								usable: true
							}
						]
					};
					const after = await solveOptimal(bigger);
					// Any plan of the smaller instance is a plan of the bigger one with the same cost.
					expect(after.objective).toBeLessThanOrEqual(before.objective + 1e-9);
				}
			),
			{ numRuns: 20 }
		);
	});

	it('never lowers the unplaced count when a headcount is raised', async () => {
		// With ≤ 4 units of ≤ 7 people in ≤ 4 buildings, all building and move costs together stay
		// below 4·4·10 + 28 = 188 < 1000, so the optimum always places as many people as possible.
		// One more person can raise that maximum by at most one, so unplaced cannot decrease.
		await fc.assert(
			fc.asyncProperty(instanceArb, fc.nat(3), async (instance, which) => {
				const u = which % instance.units.length;
				const before = await solveOptimal(instance);
				const raised: AllocationInstance = {
					...instance,
					units: instance.units.map((unit, i) =>
						i === u ? { ...unit, headcount: unit.headcount + 1 } : unit
					)
				};
				const after = await solveOptimal(raised);
				const total = (r: AllocationResult) => r.unplaced.reduce((s, e) => s + e.persons, 0);
				expect(total(after)).toBeGreaterThanOrEqual(total(before));
			}),
			{ numRuns: 20 }
		);
	});

	it('gives the same optimum with both linking formulations', async () => {
		await fc.assert(
			fc.asyncProperty(instanceArb, async (instance) => {
				const a = await solveOptimal(instance);
				// The textbook form: per-room linking, no extra valid inequalities, no MIP start.
				const b = await solveAllocation(instance, {
					linking: 'per-room',
					warmStart: false,
					unitBounds: false
				});
				expect(b.status).toBe('optimal');
				expect(b.objective).toBeCloseTo(a.objective, 9);
			}),
			{ numRuns: 15 }
		);
	});
});
