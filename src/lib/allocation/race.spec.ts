/**
 * The race of two HiGHS settings on a small model (`firstDecided` in `./solve.ts`): the first run
 * that ends decided wins and the others are withdrawn; runs that all stop at their limit are all
 * returned; a failed run loses the race without failing the solve, unless every run failed.
 */
import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import type { RawOutcome } from './highs-job';
import { checkAllocation, solveAllocation } from './index';
import { buildModel } from './model';
import { countingBound, firstDecided, RACE_MAX_PAIRS } from './solve';
import { prepareInstance } from './validate';

const OPTIMAL = 7;
const TIME_LIMIT = 13;
const outcome = (modelStatus: number, dualBound = 0): RawOutcome => ({
	modelStatus,
	values: null,
	dualBound
});

/** A run that answers `result` after `ms`, or rejects when its signal aborts first. */
function run(ms: number, result: RawOutcome | Error, log: string[], name: string) {
	return (signal: AbortSignal) =>
		new Promise<RawOutcome>((resolve, reject) => {
			const timer = setTimeout(() => {
				log.push(`${name} answered`);
				if (result instanceof Error) reject(result);
				else resolve(result);
			}, ms);
			signal.addEventListener('abort', () => {
				clearTimeout(timer);
				log.push(`${name} withdrawn`);
				reject(new Error('withdrawn'));
			});
		});
}

describe('firstDecided', () => {
	it('takes the first decided run and withdraws the other', async () => {
		const log: string[] = [];
		const won = outcome(OPTIMAL, 42);
		const race = await firstDecided([
			run(200, outcome(OPTIMAL, 41), log, 'slow'),
			run(10, won, log, 'fast')
		]);
		expect(race.decided).toBe(won);
		expect(log).toEqual(['fast answered', 'slow withdrawn']);
	});

	it('waits for every run when each stops at its limit, and returns them all', async () => {
		const log: string[] = [];
		const a = outcome(TIME_LIMIT, 10);
		const b = outcome(TIME_LIMIT, 12);
		const race = await firstDecided([run(30, a, log, 'a'), run(10, b, log, 'b')]);
		expect(race.decided).toBeNull();
		expect(race.outcomes).toEqual([b, a]);
		expect(log).toEqual(['b answered', 'a answered']);
	});

	it('lets a failed run lose and rejects only when every run failed', async () => {
		const log: string[] = [];
		const race = await firstDecided([
			run(5, new Error('HiGHS threw'), log, 'broken'),
			run(20, outcome(OPTIMAL), log, 'sound')
		]);
		expect(race.decided?.modelStatus).toBe(OPTIMAL);
		await expect(
			firstDecided([run(5, new Error('first'), log, 'x'), run(10, new Error('second'), log, 'y')])
		).rejects.toThrow('first');
	});
});

describe('a raced solve', { timeout: 120_000 }, () => {
	it('proves the same optimum as one run on the calling thread', async () => {
		const small = syntheticWard({ units: 4, rooms: 16, buildings: 3, seed: 2, usableShare: 0.8 });
		expect(buildModel(prepareInstance(small)).pairs.length).toBeLessThanOrEqual(RACE_MAX_PAIRS);
		const raced = await solveAllocation(small, { timeLimitS: 20 });
		const alone = await solveAllocation(small, { timeLimitS: 20, inWorker: false });
		expect(raced.status).toBe('optimal');
		expect(alone.status).toBe('optimal');
		expect(raced.objective).toBeCloseTo(alone.objective, 6);
		// The withdrawn run's worker was replaced: the next solve is answered as before.
		const again = await solveAllocation(small, { timeLimitS: 20 });
		expect(again.objective).toBeCloseTo(alone.objective, 6);
	});

	it('stopped at its limit, returns a checked plan with its gap from the better bound', async () => {
		// 7 units × 32 rooms: under the race's size, but not proven within a second.
		const ward = syntheticWard({ units: 7, rooms: 32, buildings: 4, seed: 2, usableShare: 0.8 });
		expect(buildModel(prepareInstance(ward)).pairs.length).toBeLessThanOrEqual(RACE_MAX_PAIRS);
		const result = await solveAllocation(ward, { timeLimitS: 1.5 });
		expect(result.status).toBe('feasible');
		expect(result.gap).toBeGreaterThan(0);
		expect(result.gap).toBeLessThan(0.2);
		expect(result.unseated).toEqual([]);
		expect(checkAllocation(ward, result.assignments).feasible).toBe(true);
		// The gap is measured from the better bound: at least the counting bound.
		const prepared = prepareInstance(ward);
		const bound = result.objective * (1 - result.gap!);
		expect(bound).toBeGreaterThanOrEqual(
			countingBound(prepared, buildModel(prepared).pairs) - 1e-6
		);
	});
});
