import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import {
	AllocationInputError,
	checkAllocation,
	moveList,
	solveAllocation,
	type AllocationInstance
} from './index';
import { changedInstance, twoUnitsTwoRooms } from '../../../tests/helpers/allocation';

const base = twoUnitsTwoRooms;
const bad = changedInstance;

const cases: [string, AllocationInstance, RegExp][] = [
	[
		'duplicate unit id',
		bad((i) => i.units.push({ id: 'U1', headcount: 1, normM2: 10 })),
		/duplicate unit id "U1"/
	],
	[
		'duplicate room id',
		bad((i) => i.rooms.push({ id: 'R2', buildingId: 'C', level: 1, areaM2: 9, usable: true })),
		/duplicate room id "R2"/
	],
	['negative area', bad((i) => (i.rooms[1].areaM2 = -1)), /room "R2".*areaM2/],
	['NaN area', bad((i) => (i.rooms[0].areaM2 = NaN)), /room "R1".*areaM2/],
	['infinite area', bad((i) => (i.rooms[0].areaM2 = Infinity)), /room "R1".*areaM2/],
	['negative normM2', bad((i) => (i.units[0].normM2 = -3)), /unit "U1".*normM2/],
	['NaN normM2', bad((i) => (i.units[0].normM2 = NaN)), /unit "U1".*normM2/],
	[
		'non-numeric area',
		bad((i) => ((i.rooms[0] as unknown as Record<string, unknown>).areaM2 = '20')),
		/room "R1".*areaM2.*"20"/
	],
	[
		'lockedUnitId naming no unit',
		bad((i) => (i.rooms[1].lockedUnitId = 'U9')),
		/room "R2".*lockedUnitId "U9" names no unit/
	],
	['non-integer seats', bad((i) => (i.rooms[1].seats = 2.5)), /room "R2".*seats/],
	['priority below 1', bad((i) => (i.units[1].priority = 0.5)), /unit "U2".*priority/],
	[
		'zero minimum area',
		bad((i) => (i.settings = { minAreaPerPersonM2: 0 })),
		/settings\.minAreaPerPersonM2/
	],
	['zero units per room', bad((i) => (i.settings = { maxUnitsPerRoom: 0 })), /maxUnitsPerRoom/],
	['non-integer headcount', bad((i) => (i.units[1].headcount = 2.5)), /unit "U2".*headcount.*2\.5/],
	['negative headcount', bad((i) => (i.units[0].headcount = -1)), /unit "U1".*headcount/],
	[
		'unknown current room id',
		bad((i) => (i.units[0].currentRoomIds = ['R1', 'R9'])),
		/unit "U1".*unknown room "R9"/
	],
	['non-integer level', bad((i) => (i.rooms[1].level = 1.5)), /room "R2".*level/],
	['negative weight', bad((i) => (i.weights = { moved: -1 })), /weights\.moved/],
	['NaN weight', bad((i) => (i.weights = { unseated: NaN })), /weights\.unseated/],
	['missing unit id', bad((i) => (i.units[1].id = '')), /units\[1\].*id/],
	[
		'usable not boolean',
		bad((i) => ((i.rooms[0] as unknown as Record<string, unknown>).usable = 'yes')),
		/room "R1".*usable/
	],
	[
		'rooms not an array',
		bad((i) => ((i as unknown as Record<string, unknown>).rooms = {})),
		/"rooms" must be an array/
	]
];

describe('invalid instances are rejected before solving', () => {
	it.each(cases)('%s', async (_name, instance, message) => {
		const error = await solveAllocation(instance).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(AllocationInputError);
		expect((error as Error).message).toMatch(message);
		expect(() => checkAllocation(instance, [])).toThrow(AllocationInputError);
		expect(() => moveList(instance, [])).toThrow(message);
	});

	it('accepts the valid base instance', async () => {
		const result = await solveAllocation(base());
		expect(result.status).toBe('optimal');
	});

	it('rejects an invalid time limit', async () => {
		await expect(solveAllocation(base(), { timeLimitS: 0 })).rejects.toThrow(/timeLimitS/);
		await expect(solveAllocation(base(), { timeLimitS: NaN })).rejects.toThrow(
			AllocationInputError
		);
	});
});

describe('solver failures become status "error"', () => {
	it('reports an option HiGHS rejects as an error result, then recovers', async () => {
		// With the heuristic start the plan survives the failure (status feasible, the message says why).
		const kept = await solveAllocation(base(), { highsOptions: { time_limit: -5 } });
		expect(kept.status).toBe('feasible');
		expect(kept.message).toMatch(/HiGHS.*heuristic plan/);
		expect(checkAllocation(base(), kept.assignments).feasible).toBe(true);
		const result = await solveAllocation(base(), {
			highsOptions: { time_limit: -5 },
			warmStart: false
		});
		expect(result.status).toBe('error');
		expect(result.message).toMatch(/HiGHS/);
		expect(result.assignments).toEqual([]);
		expect(result.objective).toBe(0);
		const unknown = await solveAllocation(base(), {
			highsOptions: { no_such_option: 1 },
			warmStart: false
		});
		expect(unknown.status).toBe('error');
		// The next solve uses a fresh HiGHS instance and works.
		const ok = await solveAllocation(base());
		expect(ok.status).toBe('optimal');
		// U1 keeps R1 with its full norm (20 m²; building 10), U2 gets 12 of R2's 15 m² (10 + 1 moved).
		expect(ok.objective).toBe(21);
	});

	it('returns the best plan and its gap at the time limit', async () => {
		// A 60-unit × 400-room ward cannot be solved to proven optimality in 0.5 s; the
		// warm-started solver still returns a feasible plan that seats everybody who fits.
		const instance = syntheticWard({
			units: 60,
			rooms: 400,
			buildings: 8,
			seed: 60,
			usableShare: 0.9
		});
		const result = await solveAllocation(instance, { timeLimitS: 0.5 });
		expect(result.status).toBe('feasible');
		expect(result.message).toMatch(/time limit/);
		expect(result.gap).toBeGreaterThan(0);
		expect(result.gap).toBeLessThanOrEqual(1);
		const check = checkAllocation(instance, result.assignments);
		expect(check.violations).toEqual([]);
		expect(check.evaluation.objective).toBe(result.objective);
		const placed = result.assignments.reduce((s, a) => s + a.persons, 0);
		const unseated = result.unseated.reduce((s, e) => s + e.persons, 0);
		expect(placed + unseated).toBe(instance.units.reduce((s, u) => s + u.headcount, 0));
	});
});
