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
