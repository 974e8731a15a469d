/**
 * HiGHS on worker threads (`./worker-pool.ts`): the calling thread stays free during a solve,
 * concurrent solves beyond the pool size queue and give the same optima as on the calling
 * thread, and a worker that overran its deadline is replaced.
 */
import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import { solveAllocation, warmUpSolver, type AllocationInstance } from './index';
import { buildModel } from './model';
import { prepareInstance } from './validate';
import { MAX_WORKERS, runInWorker } from './worker-pool';

/** A ward too big to solve to optimality in a second or two (60 units × 400 rooms). */
const big = syntheticWard({ units: 60, rooms: 400, buildings: 8, seed: 60, usableShare: 0.9 });

/** Ticks of a 20 ms interval while `work` runs: how often the event loop got a turn. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
	let ticks = 0;
	const timer = setInterval(() => ticks++, 20);
	try {
		await work();
	} finally {
		clearInterval(timer);
	}
	return ticks;
}

describe('solver worker threads', { timeout: 120_000 }, () => {
	it('keeps the calling thread free while HiGHS works (and blocks it with inWorker: false)', async () => {
		const opts = { timeLimitS: 1.5, warmStart: false };
		let status = '';
		// With the heuristic start, which runs on the calling thread before HiGHS starts.
		const inWorker = await ticksDuring(async () => {
			status = (await solveAllocation(big, { timeLimitS: 1.5 })).status;
		});
		expect(status).toBe('feasible');
		// 1.5 s of HiGHS with a 20 ms interval: ~75 ticks when the event loop is free.
		expect(inWorker).toBeGreaterThanOrEqual(20);
		// Load HiGHS on this thread first (loading is asynchronous, so it would let ticks through).
		const tiny = syntheticWard({ units: 2, rooms: 4, buildings: 1, seed: 1, usableShare: 1 });
		expect((await solveAllocation(tiny, { inWorker: false })).status).toBe('optimal');
		const onThread = await ticksDuring(() => solveAllocation(big, { ...opts, inWorker: false }));
		expect(onThread).toBeLessThanOrEqual(2);
	});

	it('queues solves beyond the pool size and gives the optima found on the calling thread', async () => {
		const instances: AllocationInstance[] = [1, 2, 3, 4, 5].map((seed) =>
			syntheticWard({ units: 3, rooms: 10, buildings: 2, seed, usableShare: 0.8 })
		);
		expect(instances.length).toBeGreaterThan(MAX_WORKERS);
		const parallel = await Promise.all(instances.map((i) => solveAllocation(i)));
		for (const [k, instance] of instances.entries()) {
			const sequential = await solveAllocation(instance, { inWorker: false });
			expect(sequential.status).toBe('optimal');
			expect(parallel[k].status).toBe('optimal');
			// The same optimum; the plan may be another of equal objective (the race's winner).
			expect(parallel[k].objective).toBeCloseTo(sequential.objective, 6);
		}
	});

	it('terminates a worker that overran its deadline and solves the next instance on a new one', async () => {
		const model = buildModel(prepareInstance(big));
		const job = {
			lp: model.lp,
			columns: model.columns,
			start: null,
			options: [{ output_flag: false, time_limit: 60 }]
		};
		await expect(runInWorker(job, 200)).rejects.toThrow(/did not stop within/);
		const small = syntheticWard({ units: 3, rooms: 10, buildings: 2, seed: 3, usableShare: 0.8 });
		const after = await solveAllocation(small);
		expect(after.status).toBe('optimal');
		expect(after.objective).toBeCloseTo(
			(await solveAllocation(small, { inWorker: false })).objective,
			6
		);
	});

	it('warms up once per process and never rejects, even on an invalid instance', async () => {
		const bad = { units: [{ id: 'U', headcount: -1, normM2: 10 }], rooms: [] };
		const first = warmUpSolver(bad as AllocationInstance);
		await expect(first).resolves.toBeUndefined();
		expect(warmUpSolver(big)).toBe(first); // the second call does not start another solve
	});
});
