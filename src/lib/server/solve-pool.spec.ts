import { afterAll, describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import { AllocationInputError, solveAllocation } from '../allocation';
import { solveOffThread, stopSolveWorkers } from './solve-pool';

afterAll(() => stopSolveWorkers());

describe('solves off the server thread', { timeout: 180_000 }, () => {
	it('gives the optimum found on the calling thread', async () => {
		const instance = syntheticWard({
			units: 3,
			rooms: 10,
			buildings: 2,
			seed: 4,
			usableShare: 0.8
		});
		const off = await solveOffThread(instance, { timeLimitS: 20 });
		const here = await solveAllocation(instance, { timeLimitS: 20, inWorker: false });
		expect(here.status).toBe('optimal');
		expect(off.status).toBe('optimal');
		expect(off.objective).toBeCloseTo(here.objective, 6);
		expect(off.assignments.reduce((s, a) => s + a.persons, 0)).toBe(
			instance.units.reduce((s, u) => s + u.headcount, 0) -
				off.unseated.reduce((s, u) => s + u.persons, 0)
		);
	});

	it('keeps the event loop free during a big ward, heuristic and model included', async () => {
		const big = syntheticWard({ units: 60, rooms: 400, buildings: 8, seed: 60, usableShare: 0.9 });
		// The longest gap between two turns of the event loop while the solve runs.
		let last = performance.now();
		let worst = 0;
		const timer = setInterval(() => {
			const now = performance.now();
			worst = Math.max(worst, now - last);
			last = now;
		}, 5);
		try {
			const res = await solveOffThread(big, { timeLimitS: 3 });
			expect(res.assignments.length).toBeGreaterThan(0);
		} finally {
			clearInterval(timer);
		}
		// On the calling thread the heuristic alone holds the loop for ~0.3 s per unit order.
		expect(worst).toBeLessThan(250);
	});

	it('answers invalid input with the same error class and message', async () => {
		const bad = { units: [{ id: 'U', headcount: -1, normM2: 10 }], rooms: [] };
		await expect(solveOffThread(bad as never)).rejects.toBeInstanceOf(AllocationInputError);
		await expect(solveOffThread(bad as never)).rejects.toThrow(/headcount/);
	});
});
