import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import { solveAllocation } from './index';
import { buildModel } from './model';
import { countingBound } from './solve';
import type { AllocationInstance } from './types';
import { prepareInstance } from './validate';

const bound = (instance: AllocationInstance) => {
	const p = prepareInstance(instance);
	return countingBound(p, buildModel(p).pairs);
};

describe('countingBound (a lower bound from counting alone)', () => {
	it('is the water-filling level, the missing area and one building per unit, by hand', () => {
		// Leaders L: 2 people × 10 m² = 20 m², priority 3; V: 3 × 10 = 30 m², priority 1; one
		// 40 m² room. Missing 10 m²; the fair level t solves 20·(1 − t/3) + 30·(1 − t) = 40:
		// t = 10 / (20/3 + 30) = 3/11. Bound 10000·3/11 + 10 + 2·10 = 2757.27…, which is the
		// optimum of this ward (decisions.md, the hand check).
		const instance: AllocationInstance = {
			units: [
				{ id: 'L', headcount: 2, normM2: 10, priority: 3, currentRoomIds: ['R'] },
				{ id: 'V', headcount: 3, normM2: 10, currentRoomIds: ['R'] }
			],
			rooms: [{ id: 'R', buildingId: 'H', level: 1, areaM2: 40, usable: true }]
		};
		expect(bound(instance)).toBeCloseTo(10000 * (3 / 11) + 10 + 20, 6);
	});

	it('counts a unit no room is allowed to as unseated', () => {
		const instance: AllocationInstance = {
			units: [{ id: 'G', headcount: 2, normM2: 10, groundFloorOnly: true }],
			rooms: [{ id: 'R', buildingId: 'H', level: 2, areaM2: 40, usable: true }]
		};
		// Nobody can sit: 2 unseated (100000 each); no area usable by anyone: 20 m² missing, t = 1.
		expect(bound(instance)).toBeCloseTo(2 * 100000 + 10000 * 1 + 20, 6);
	});

	it('never exceeds the proven optimum on random wards', async () => {
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const instance = syntheticWard({ units: 3, rooms: 10, buildings: 2, seed, usableShare: 0.8 });
			const res = await solveAllocation(instance, { timeLimitS: 20 });
			expect(res.status).toBe('optimal');
			const b = bound(instance);
			expect(b).toBeGreaterThan(0);
			expect(b).toBeLessThanOrEqual(res.objective + 1e-6);
		}
	}, 120_000);
});
