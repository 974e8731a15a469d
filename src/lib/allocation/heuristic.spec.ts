import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import { bestAreas, type PersonsPair } from './areas';
import { checkAllocation, evaluatePairs } from './evaluate';
import { heuristicPlan, improvePlan } from './heuristic';
import { buildModel } from './model';
import type { AllocationInstance } from './types';
import { prepareInstance, type PreparedInstance } from './validate';

function scorer(p: PreparedInstance) {
	return (plan: PersonsPair[]) => {
		const areas = bestAreas(p, plan);
		const ev = evaluatePairs(
			p,
			plan.map((x, i) => ({ ...x, areaM2: areas[i] }))
		);
		return { objective: ev.objective, ratios: ev.units.map((x) => x.weightedShortfallRatio) };
	};
}

function assignments(p: PreparedInstance, plan: PersonsPair[]) {
	const areas = bestAreas(p, plan);
	return plan.map((x, i) => ({
		unitId: p.units[x.u].id,
		roomId: p.rooms[x.r].id,
		persons: x.persons,
		areaM2: areas[i]
	}));
}

describe('improvePlan (local search on persons)', () => {
	// A: 3 persons, norm 20 → 60 m², sits today in R1 (30 m²). B: 1 person, norm 30 → 30 m², in
	// R2 (40 m²). Both rooms in one building. Start: A alone in R1 (ratio 0.5), B alone in R2
	// (ratio 0; 10 m² of R2 unused, as B's norm is its ceiling).
	const instance: AllocationInstance = {
		units: [
			{ id: 'A', headcount: 3, normM2: 20, currentRoomIds: ['R1'] },
			{ id: 'B', headcount: 1, normM2: 30, currentRoomIds: ['R2'] }
		],
		rooms: [
			{ id: 'R1', buildingId: 'H', level: 1, areaM2: 30, usable: true },
			{ id: 'R2', buildingId: 'H', level: 1, areaM2: 40, usable: true }
		]
	};

	it('moves one person of the unit furthest below its norm into the room with area to spare', async () => {
		const p = prepareInstance(instance);
		const { pairs } = buildModel(p);
		const start: PersonsPair[] = [
			{ u: 0, r: 0, persons: 3 },
			{ u: 1, r: 1, persons: 1 }
		];
		const score = scorer(p);
		// Start: t = 0.5, shortfall 30 + 0, 2 buildings, nobody moved:
		// 10000·0.5 + 30 + 10·2 + 0 = 5050.
		expect(score(start).objective).toBeCloseTo(5050, 9);
		const better = await improvePlan(p, pairs, start, score, performance.now() + 5000);
		// A joins R2 with one person: the 70 m² are shared so that both units sit at the same
		// ratio, (60 + 30 − 70) / 90 = 2/9; shortfall 20 m²; one person moved:
		// 10000·2/9 + 20 + 20 + 1 = 2263.22…
		expect(better).toEqual([
			{ u: 0, r: 0, persons: 2 },
			{ u: 0, r: 1, persons: 1 },
			{ u: 1, r: 1, persons: 1 }
		]);
		expect(score(better).objective).toBeCloseTo(10000 * (2 / 9) + 41, 4);
		expect(checkAllocation(instance, assignments(p, better)).feasible).toBe(true);
	});

	it('keeps a plan no move improves', async () => {
		const p = prepareInstance(instance);
		const { pairs } = buildModel(p);
		const best: PersonsPair[] = [
			{ u: 0, r: 0, persons: 2 },
			{ u: 0, r: 1, persons: 1 },
			{ u: 1, r: 1, persons: 1 }
		];
		const again = await improvePlan(p, pairs, best, scorer(p), performance.now() + 5000);
		expect(again).toEqual(best);
	});

	it('moves one person into a usable room nobody uses, whose area was lost', async () => {
		// A: 2 persons, norm 20 → 40 m², sits in R1 (24 m²); R3 (9 m², same building) is empty.
		const lone: AllocationInstance = {
			units: [{ id: 'A', headcount: 2, normM2: 20, currentRoomIds: ['R1'] }],
			rooms: [
				{ id: 'R1', buildingId: 'H', level: 1, areaM2: 24, usable: true },
				{ id: 'R3', buildingId: 'H', level: 2, areaM2: 9, usable: true }
			]
		};
		const p = prepareInstance(lone);
		const { pairs } = buildModel(p);
		const score = scorer(p);
		const start: PersonsPair[] = [{ u: 0, r: 0, persons: 2 }];
		// t = 16/40, shortfall 16, one building: 10000·0.4 + 16 + 10 = 4026.
		expect(score(start).objective).toBeCloseTo(4026, 9);
		const better = await improvePlan(p, pairs, start, score, performance.now() + 5000);
		expect(better).toEqual([
			{ u: 0, r: 0, persons: 1 },
			{ u: 0, r: 1, persons: 1 }
		]);
		// 24 + 9 = 33 m² given: t = 7/40, shortfall 7, one building, one person moved.
		expect(score(better).objective).toBeCloseTo(10000 * (7 / 40) + 7 + 10 + 1, 9);
	});

	it('swaps two persons of different units back into their own rooms when no room has a free seat', async () => {
		// A and B sit in each other's room; each room has one seat, so no single move is allowed.
		const crossed: AllocationInstance = {
			units: [
				{ id: 'A', headcount: 1, normM2: 10, currentRoomIds: ['RA'] },
				{ id: 'B', headcount: 1, normM2: 10, currentRoomIds: ['RB'] }
			],
			rooms: [
				{ id: 'RA', buildingId: 'H', level: 1, areaM2: 10, usable: true, seats: 1 },
				{ id: 'RB', buildingId: 'H', level: 1, areaM2: 10, usable: true, seats: 1 }
			]
		};
		const p = prepareInstance(crossed);
		const { pairs } = buildModel(p);
		const score = scorer(p);
		const start: PersonsPair[] = [
			{ u: 0, r: 1, persons: 1 },
			{ u: 1, r: 0, persons: 1 }
		];
		// Both at their norm; two buildings (one each) and two persons moved: 20 + 2.
		expect(score(start).objective).toBeCloseTo(22, 9);
		const better = await improvePlan(p, pairs, start, score, performance.now() + 5000);
		expect(better).toEqual([
			{ u: 0, r: 0, persons: 1 },
			{ u: 1, r: 1, persons: 1 }
		]);
		expect(score(better).objective).toBeCloseTo(20, 9);
		expect(checkAllocation(crossed, assignments(p, better)).feasible).toBe(true);
	});

	it('never breaks a rule and never worsens the heuristic plan on synthetic wards', async () => {
		for (const seed of [3, 8, 21]) {
			const inst = syntheticWard({ units: 6, rooms: 40, buildings: 4, seed });
			const p = prepareInstance(inst);
			const { pairs } = buildModel(p);
			const score = scorer(p);
			const start = await heuristicPlan(p, pairs, (plan) => score(plan).objective);
			const better = await improvePlan(p, pairs, start, score, performance.now() + 2000);
			expect(score(better).objective).toBeLessThanOrEqual(score(start).objective + 1e-9);
			const check = checkAllocation(inst, assignments(p, better));
			expect(check.violations).toEqual([]);
			// Nobody is lost by moving persons around.
			const seated = (plan: PersonsPair[]) => plan.reduce((s, x) => s + x.persons, 0);
			expect(seated(better)).toBe(seated(start));
		}
	});
});
