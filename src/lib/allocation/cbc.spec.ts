/**
 * The solver against CBC and against its own check:
 * - property (fast-check): on random small instances of the issue's model, every plan returned
 *   passes `checkAllocation`, reports `evaluatePlan`'s objective and seats exactly the headcount;
 * - random instances solved by `solveAllocation` (HiGHS) and by CBC (`cbc file.lp solve`) on the
 *   LP text of `allocationLp` give the same optimum (1e-6 relative). Skipped when the `cbc`
 *   binary is not on PATH (CI installs it: .ci/run, `apt-get install coinor-cbc`).
 *
 * The CBC comparison uses wards of 3-4 units and 8-12 rooms: the sample ward's size (11 units,
 * 132 rooms) takes both solvers from seconds to minutes to prove optimal, too long for a unit
 * test; `npm run bench` compares those (scripts/bench/allocation.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbcAvailable, runCbc, syntheticWard } from '../../../scripts/bench/allocation';
import {
	allocationLp,
	checkAllocation,
	evaluatePlan,
	solveAllocation,
	type AllocationInstance
} from './index';

const hasCbc = cbcAvailable();

/** Tiny instances: 1-3 units, 1-4 rooms in 1-2 buildings, every option of the model used. */
const tinyInstance: fc.Arbitrary<AllocationInstance> = fc
	.record({
		units: fc.array(
			fc.record({
				headcount: fc.integer({ min: 0, max: 5 }),
				normM2: fc.integer({ min: 0, max: 20 }),
				priority: fc.constantFrom(1, 2, 3),
				groundFloorOnly: fc.boolean(),
				current: fc.integer({ min: -1, max: 3 })
			}),
			{ minLength: 1, maxLength: 3 }
		),
		rooms: fc.array(
			fc.record({
				building: fc.constantFrom('A', 'B'),
				level: fc.integer({ min: 1, max: 2 }),
				areaM2: fc.integer({ min: 0, max: 400 }).map((a) => a / 10),
				usable: fc.boolean(),
				seats: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
				lock: fc.integer({ min: -3, max: 2 })
			}),
			{ minLength: 1, maxLength: 4 }
		),
		minArea: fc.constantFrom(4, 6),
		maxUnits: fc.constantFrom(1, 2)
	})
	.map(({ units, rooms, minArea, maxUnits }) => ({
		units: units.map((u, i) => ({
			id: `U${i}`,
			headcount: u.headcount,
			normM2: u.normM2,
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			currentRoomIds: u.current >= 0 && u.current < rooms.length ? [`R${u.current}`] : []
		})),
		rooms: rooms.map((r, i) => ({
			id: `R${i}`,
			buildingId: r.building,
			level: r.level,
			areaM2: r.areaM2,
			usable: r.usable,
			...(r.seats !== undefined ? { seats: r.seats } : {}),
			...(r.lock >= 0 && r.lock < units.length ? { lockedUnitId: `U${r.lock}` } : {})
		})),
		settings: { minAreaPerPersonM2: minArea, maxUnitsPerRoom: maxUnits }
	}));

describe('every returned plan passes the check and reports its own objective', () => {
	it('on random tiny instances (fast-check)', { timeout: 240_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(tinyInstance, async (instance) => {
				const result = await solveAllocation(instance, { timeLimitS: 20 });
				expect(result.status).toBe('optimal');
				const check = checkAllocation(instance, result.assignments);
				expect(check.violations).toEqual([]);
				expect(result.objective).toBe(evaluatePlan(instance, result.assignments).objective);
				const seated = result.assignments.reduce((s, a) => s + a.persons, 0);
				const unseated = result.unseated.reduce((s, u) => s + u.persons, 0);
				expect(seated + unseated).toBe(instance.units.reduce((s, u) => s + u.headcount, 0));
				if (hasCbc) {
					const cbc = runCbc(allocationLp(instance), 60);
					expect(cbc.status).toBe('optimal');
					expect(result.objective).toBeCloseTo(cbc.objective!, 4);
				}
			}),
			{ numRuns: 25, seed: 13 }
		);
	});
});

describe.skipIf(!hasCbc)('same optimum as CBC (skipped: the cbc binary is not on PATH)', () => {
	it.each([1, 2, 3, 4])(
		'random ward seed %i (3-4 units, 8-12 rooms, 2 buildings)',
		{ timeout: 240_000 },
		async (seed) => {
			const instance = syntheticWard({
				units: 3 + (seed % 2),
				rooms: 8 + seed,
				buildings: 2,
				seed,
				usableShare: 0.8
			});
			const ours = await solveAllocation(instance, { timeLimitS: 60 });
			const cbc = runCbc(allocationLp(instance), 120);
			expect(ours.status).toBe('optimal');
			expect(cbc.status).toBe('optimal');
			const rel = Math.abs(ours.objective - cbc.objective!) / Math.max(1, Math.abs(cbc.objective!));
			expect(rel).toBeLessThanOrEqual(1e-6);
			expect(checkAllocation(instance, ours.assignments).violations).toEqual([]);
		}
	);
});
