/**
 * The seat-everyone model (issue 13) on hand-solved instances, with the numbers worked out in
 * the comments. Defaults unless said otherwise: m = 6 m² per person, 2 units per room, weights
 * unseated 100000, worstShortfall 10000, shortfallM2 1, buildingsPerUnit 10, moved 1.
 */
import { describe, expect, it } from 'vitest';
import {
	checkAllocation,
	evaluatePlan,
	fillAreas,
	moveList,
	solveAllocation,
	type AllocationInstance,
	type AllocationResult,
	type AllocationRoom,
	type AllocationUnit
} from './index';

const unit = (id: string, headcount: number, normM2: number, more: Partial<AllocationUnit> = {}) =>
	({
		id,
		headcount,
		normM2,
		priority: 1,
		groundFloorOnly: false,
		currentRoomIds: [],
		...more
	}) as AllocationUnit;
const room = (id: string, areaM2: number, more: Partial<AllocationRoom> = {}) =>
	({ id, buildingId: 'A', level: 1, areaM2, usable: true, ...more }) as AllocationRoom;

/** Every returned plan passes the shared check and reports its own objective. */
function expectConsistent(instance: AllocationInstance, result: AllocationResult): void {
	const check = checkAllocation(instance, result.assignments);
	expect(check.violations).toEqual([]);
	expect(result.objective).toBeCloseTo(evaluatePlan(instance, result.assignments).objective, 9);
	expect(result.objective).toBe(check.evaluation.objective);
}

const persons = (r: AllocationResult) =>
	Object.fromEntries(r.assignments.map((a) => [`${a.unitId}@${a.roomId}`, a.persons]));

describe('solveAllocation on hand-solved instances', { timeout: 60_000 }, () => {
	it('one room too small: everyone seated below the norm, shortfall shared by priority', async () => {
		// L: 2 people × 10 m² = 20 m², priority 3; V: 3 × 10 = 30 m², priority 1; both sit in R
		// (40 m²) today. Minimum areas 12 + 18 = 30 ≤ 40, so everybody fits; 10 m² are missing.
		// Equal weighted ratios: 3·sL/20 = sV/30 = t and sL + sV = 10 → sL = 20t/3, sV = 30t,
		// t·(20/3 + 30) = 10 → t = 3/11; sL = 20/11, sV = 90/11; gL = 200/11, gV = 240/11.
		// Objective: 10000·3/11 + 10 (total shortfall) + 2·10 (one building each) + 0 moved.
		const instance: AllocationInstance = {
			units: [
				unit('L', 2, 10, { priority: 3, currentRoomIds: ['R'] }),
				unit('V', 3, 10, { currentRoomIds: ['R'] })
			],
			rooms: [room('R', 40)]
		};
		const result = await solveAllocation(instance);
		expect(result.status).toBe('optimal');
		expect(result.unseated).toEqual([]);
		expect(result.worstShortfallRatio).toBeCloseTo(3 / 11, 9);
		expect(result.objective).toBeCloseTo(30000 / 11 + 10 + 20, 6);
		const area = Object.fromEntries(result.assignments.map((a) => [a.unitId, a.areaM2]));
		expect(area.L).toBeCloseTo(200 / 11, 6);
		expect(area.V).toBeCloseTo(240 / 11, 6);
		const byUnit = Object.fromEntries(result.units.map((u) => [u.unitId, u]));
		expect(byUnit.L.shortfallShare).toBeCloseTo(1 / 11, 9); // 3 · 1/11 = t
		expect(byUnit.V.shortfallShare).toBeCloseTo(3 / 11, 9);
		expectConsistent(instance, result);
	});

	it('a ground-floor unit only gets level-1 rooms, even far below its norm', async () => {
		// G: 2 people × 12 m² = 24 m², ground floor only. R0 (level 1) has 12 m² = 2·6: both
		// seated, s = 12, t = 0.5 → 10000·0.5 + 12 + 10 (building A) + 2 moved = 5024. Without the
		// rule G would take 24 of R2's 30 m²: t = 0, objective 10 + 2 = 12.
		const rooms = [room('R2', 30, { level: 2 }), room('R0', 12)];
		const ground = { units: [unit('G', 2, 12, { groundFloorOnly: true })], rooms };
		const result = await solveAllocation(ground);
		expect(result.status).toBe('optimal');
		expect(persons(result)).toEqual({ 'G@R0': 2 });
		expect(result.objective).toBeCloseTo(5024, 6);
		expectConsistent(ground, result);
		const free = await solveAllocation({ units: [unit('G', 2, 12)], rooms });
		expect(persons(free)).toEqual({ 'G@R2': 2 });
		expect(free.objective).toBeCloseTo(12, 6);
	});

	it('a room locked to the leaders is used by nobody else', async () => {
		// R1 (30 m²) locked to L (1 person, norm 30, priority 3, sits in R1); V (2 people,
		// norm 15 → 30 m²) can only use R2 (12 m² = 2·6): sV = 18, ratio 0.6 = t.
		// Objective 10000·0.6 + 18 + 2·10 + 2 moved (V) = 6040.
		const instance: AllocationInstance = {
			units: [unit('L', 1, 30, { priority: 3, currentRoomIds: ['R1'] }), unit('V', 2, 15)],
			rooms: [room('R1', 30, { lockedUnitId: 'L' }), room('R2', 12)]
		};
		const result = await solveAllocation(instance);
		expect(result.status).toBe('optimal');
		expect(persons(result)).toEqual({ 'L@R1': 1, 'V@R2': 2 });
		expect(result.objective).toBeCloseTo(6040, 6);
		expectConsistent(instance, result);
	});

	it('maxUnitsPerRoom: a third unit cannot share the room and stays unseated', async () => {
		// Three units of 1 person × 10 m², one room of 30 m². With 3 units per room all sit with
		// their norm: 3 buildings-per-unit + 3 moved = 33. With 2 per room one unit is unseated:
		// 100000 + t = 1 (10000) + its 10 m² shortfall + 2·10 + 2 moved = 110032.
		const base: AllocationInstance = {
			units: [unit('U1', 1, 10), unit('U2', 1, 10), unit('U3', 1, 10)],
			rooms: [room('R', 30)]
		};
		const three = await solveAllocation({ ...base, settings: { maxUnitsPerRoom: 3 } });
		expect(three.objective).toBeCloseTo(33, 6);
		expect(three.unseated).toEqual([]);
		const two = await solveAllocation(base);
		expect(two.status).toBe('optimal');
		expect(two.objective).toBeCloseTo(110032, 6);
		expect(two.unseated.reduce((s, u) => s + u.persons, 0)).toBe(1);
		expect(two.worstShortfallRatio).toBe(1);
		expectConsistent(base, two);
	});

	it('seats: a room of 60 m² with 2 seats sends the third person to another building', async () => {
		// U: 3 people × 10 m² = 30 m². R (60 m², 2 seats, building A), S (6 m², building B).
		// 2 in R, 1 in S: gS = 6, gR = 24 (norm ceiling 30): no shortfall; 2 buildings (20) + 3
		// moved = 23. Without the seat limit all 3 sit in R: 10 + 3 = 13.
		const rooms = [room('R', 60, { seats: 2 }), room('S', 6, { buildingId: 'B' })];
		const instance = { units: [unit('U', 3, 10)], rooms };
		const result = await solveAllocation(instance);
		expect(persons(result)).toEqual({ 'U@R': 2, 'U@S': 1 });
		expect(result.objective).toBeCloseTo(23, 6);
		expectConsistent(instance, result);
		const noSeats = await solveAllocation({
			units: [unit('U', 3, 10)],
			rooms: [room('R', 60), rooms[1]]
		});
		expect(noSeats.objective).toBeCloseTo(13, 6);
	});

	it('edge cases: headcount 0, a unit with no allowed room, a zero norm, default priority', async () => {
		// Z (0 people) takes nothing and adds nothing (no ratio row). N (2 people × 10, ground
		// floor only) has no level-1 room: q = 2, s = 20, ratio 1 → 200000 + 10000 + 20.
		// O (1 person, norm 0): the ceiling 0 leaves no area, so it is unseated (100000) with no
		// ratio. P (no priority given → 1; 1 person × 6 m²) takes 6 m² of R: no shortfall, 10 + 1.
		const instance = {
			units: [
				unit('Z', 0, 10),
				unit('N', 2, 10, { groundFloorOnly: true }),
				unit('O', 1, 0),
				{ id: 'P', headcount: 1, normM2: 6 }
			],
			rooms: [room('R', 30, { level: 2 })]
		} as AllocationInstance;
		const result = await solveAllocation(instance);
		expect(result.status).toBe('optimal');
		expect(result.unseated).toEqual([
			{ unitId: 'N', persons: 2 },
			{ unitId: 'O', persons: 1 }
		]);
		expect(persons(result)).toEqual({ 'P@R': 1 });
		expect(result.worstShortfallRatio).toBe(1);
		expect(result.objective).toBeCloseTo(300000 + 10000 + 20 + 10 + 1, 6);
		expectConsistent(instance, result);
	});

	it('no unit and no room: an empty optimal plan', async () => {
		const result = await solveAllocation({ units: [], rooms: [] });
		expect(result).toMatchObject({
			status: 'optimal',
			objective: 0,
			assignments: [],
			unseated: []
		});
	});
});

describe('checkAllocation', () => {
	// R (30 m², 3 seats, building A, level 2), G (20 m², level 1, locked to U), X unusable.
	const instance: AllocationInstance = {
		units: [
			unit('U', 3, 10, { currentRoomIds: ['G'] }),
			unit('V', 2, 10),
			unit('W', 1, 10, { groundFloorOnly: true })
		],
		rooms: [
			room('R', 30, { level: 2, seats: 3 }),
			room('G', 20, { lockedUnitId: 'U' }),
			room('X', 20, { usable: false })
		]
	};
	const rules = (a: Parameters<typeof checkAllocation>[1]) =>
		checkAllocation(instance, a).violations.map((v) => v.rule);

	it('sums area and persons over all units sharing a room: exactly at capacity passes', () => {
		// U 1 person 18 m² + V 2 persons 12 m² = 30 m² = area, 3 persons = seats.
		const ok = checkAllocation(instance, [
			{ unitId: 'U', roomId: 'R', persons: 1, areaM2: 18 },
			{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 12 }
		]);
		expect(ok.violations).toEqual([]);
		expect(ok.feasible).toBe(true);
	});

	it('0.01 m² over the room fails with the rule, value and limit', () => {
		const over = checkAllocation(instance, [
			{ unitId: 'U', roomId: 'R', persons: 1, areaM2: 18 },
			{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 12.01 }
		]);
		expect(over.feasible).toBe(false);
		expect(over.violations).toHaveLength(1);
		expect(over.violations[0]).toMatchObject({ rule: 'room-area', roomId: 'R', limit: 30 });
		expect(over.violations[0].value).toBeCloseTo(30.01, 9);
	});

	it('names every rule', () => {
		expect(
			rules([
				{ unitId: 'U', roomId: 'R', persons: 2, areaM2: 12 },
				{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 12 }
			])
		).toEqual(['seats']);
		expect(
			rules([
				{ unitId: 'U', roomId: 'R', persons: 1, areaM2: 6 },
				{ unitId: 'V', roomId: 'R', persons: 1, areaM2: 6 },
				{ unitId: 'W', roomId: 'R', persons: 1, areaM2: 6 }
			])
		).toEqual(['ground-floor', 'max-units']);
		expect(rules([{ unitId: 'V', roomId: 'G', persons: 1, areaM2: 6 }])).toEqual(['lock']);
		expect(rules([{ unitId: 'V', roomId: 'X', persons: 1, areaM2: 6 }])).toEqual(['usable']);
		expect(rules([{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 11.99 }])).toEqual(['min-area']);
		expect(rules([{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 20.01 }])).toEqual([
			'norm-ceiling'
		]);
		expect(rules([{ unitId: 'V', roomId: 'R', persons: 3, areaM2: 18 }])).toEqual(['headcount']);
		expect(rules([{ unitId: 'V', roomId: 'R', persons: 0, areaM2: 5 }])).toEqual([
			'area-without-persons'
		]);
		expect(rules([{ unitId: 'Q', roomId: 'Z', persons: 1, areaM2: 6 }])).toEqual([
			'unknown-unit',
			'unknown-room'
		]);
		expect(rules([{ unitId: 'V', roomId: 'R', persons: 1.5, areaM2: 9 }])).toEqual([
			'invalid-number'
		]);
		expect(
			rules([
				{ unitId: 'V', roomId: 'R', persons: 1, areaM2: 6 },
				{ unitId: 'V', roomId: 'R', persons: 1, areaM2: 6 }
			])
		).toEqual(['duplicate-row']);
	});

	it('evaluates the plan: unseated, ratio, shortfall, buildings, moves', () => {
		// U: 3 in G (20 m², its room today): s = 10, ratio 1/3. V: 2 in R (12 m²): s = 8, 0.4.
		// W: unseated (1), s = 10, ratio 1. Objective 100000 + 10000·1 + 28 + 2·10 + 2 moved.
		const ev = evaluatePlan(instance, [
			{ unitId: 'U', roomId: 'G', persons: 3, areaM2: 20 },
			{ unitId: 'V', roomId: 'R', persons: 2, areaM2: 12 }
		]);
		expect(ev.terms).toEqual({
			unseated: 1,
			worstShortfallRatio: 1,
			shortfallM2: 28,
			buildingsPerUnit: 2,
			moved: 2
		});
		expect(ev.objective).toBe(100000 + 10000 + 28 + 20 + 2);
		expect(ev.unseated).toEqual([{ unitId: 'W', persons: 1 }]);
	});
});

describe('fillAreas', () => {
	it('shares a room so that the weighted shortfall ratios are equal', () => {
		// U (3 people, 30 m²) and V (1 person, 12 m²) share R (30 m²): minimum 18 + 6, 6 m² left.
		// (12 − a)/30 = a/12 → a = 24/7 to U: gU = 150/7, gV = 60/7, both at ratio 2/7.
		const instance: AllocationInstance = {
			units: [unit('U', 3, 10), unit('V', 1, 12)],
			rooms: [room('R', 30)]
		};
		const filled = fillAreas(instance, [
			{ unitId: 'U', roomId: 'R', persons: 3 },
			{ unitId: 'V', roomId: 'R', persons: 1 }
		]);
		expect(filled[0].areaM2).toBeCloseTo(150 / 7, 6);
		expect(filled[1].areaM2).toBeCloseTo(60 / 7, 6);
		expect(evaluatePlan(instance, filled).worstShortfallRatio).toBeCloseTo(2 / 7, 6);
	});

	it('gives minimum areas only when they already overfill a room (the check names it)', () => {
		const instance = { units: [unit('U', 4, 10)], rooms: [room('R', 18)] };
		const filled = fillAreas(instance, [{ unitId: 'U', roomId: 'R', persons: 4 }]);
		expect(filled[0].areaM2).toBe(24);
		expect(checkAllocation(instance, filled).violations.map((v) => v.rule)).toEqual(['room-area']);
	});

	it('an edited optimal plan never reads better than the optimum', async () => {
		const instance: AllocationInstance = {
			units: [
				unit('L', 2, 15, { priority: 3, currentRoomIds: ['A1'] }),
				unit('V', 4, 12, { currentRoomIds: ['A2'] }),
				unit('K', 3, 12)
			],
			rooms: [
				room('A1', 24),
				room('A2', 30),
				room('B1', 20, { buildingId: 'B' }),
				room('B2', 14, { buildingId: 'B' })
			]
		};
		const best = await solveAllocation(instance);
		expect(best.status).toBe('optimal');
		const same = fillAreas(instance, best.assignments);
		expect(evaluatePlan(instance, same).objective).toBeGreaterThanOrEqual(best.objective - 1e-9);
		// Move one person of every pair to every other room of the plan; every feasible edit
		// reads at least the optimum.
		let tried = 0;
		for (const a of best.assignments) {
			for (const r of instance.rooms) {
				if (r.id === a.roomId) continue;
				const edit = best.assignments.map((b) => ({
					...b,
					persons: b === a ? b.persons - 1 : b.persons
				}));
				const existing = edit.find((b) => b.unitId === a.unitId && b.roomId === r.id);
				if (existing) existing.persons++;
				else edit.push({ unitId: a.unitId, roomId: r.id, persons: 1, areaM2: 0 });
				const filled = fillAreas(
					instance,
					edit.filter((b) => b.persons > 0)
				);
				if (!checkAllocation(instance, filled).feasible) continue;
				tried++;
				expect(evaluatePlan(instance, filled).objective).toBeGreaterThanOrEqual(
					best.objective - 1e-6
				);
			}
		}
		expect(tried).toBeGreaterThan(0);
	});
});

describe('moveList', () => {
	const instance: AllocationInstance = {
		units: [
			unit('U', 3, 10, { currentRoomIds: ['R1'] }),
			unit('V', 2, 10, { currentRoomIds: ['R1', 'R2'] })
		],
		rooms: [room('R1', 30), room('R2', 20), room('R3', 20)]
	};
	const plan = [
		{ unitId: 'U', roomId: 'R1', persons: 2, areaM2: 15 },
		{ unitId: 'U', roomId: 'R3', persons: 1, areaM2: 10 },
		{ unitId: 'V', roomId: 'R3', persons: 2, areaM2: 10 }
	];
	it('lists one row per move with the room left when it is known', () => {
		expect(moveList(instance, plan)).toEqual([
			{ unitId: 'U', persons: 1, fromRoomId: 'R1', fromRoomIds: ['R1'], toRoomId: 'R3' },
			{ unitId: 'V', persons: 2, fromRoomId: null, fromRoomIds: ['R1', 'R2'], toRoomId: 'R3' }
		]);
		// With today's persons per room, V's two movers split: one from R1, one from R2.
		expect(
			moveList(instance, plan, [
				{ unitId: 'V', roomId: 'R1', persons: 1 },
				{ unitId: 'V', roomId: 'R2', persons: 1 }
			]).filter((m) => m.unitId === 'V')
		).toEqual([
			{ unitId: 'V', persons: 1, fromRoomId: 'R1', fromRoomIds: ['R1', 'R2'], toRoomId: 'R3' },
			{ unitId: 'V', persons: 1, fromRoomId: 'R2', fromRoomIds: ['R1', 'R2'], toRoomId: 'R3' }
		]);
	});
});
