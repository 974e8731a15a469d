/**
 * Solver failure paths with a mocked `highs` module: exceptions, error statuses, limits without
 * an incumbent, and reloading the wasm module after an exception. The mock replaces `highs` in
 * this thread only, so every solve here runs with `inWorker: false`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
	loads: 0,
	/** The time limit of each HiGHS run, in order. */
	limits: [] as number[],
	mode: 'throw-run' as 'throw-run' | 'solve-error' | 'time-limit-no-solution' | 'load-fails'
}));

vi.mock('highs', () => ({
	default: async () => {
		state.loads++;
		if (state.mode === 'load-fails') throw new Error('wasm load failed');
		return {
			createModel: (source: { data: string }) => {
				const names = [...new Set(source.data.match(/\b(?:[xgzqsy]_\d+(?:_\d+)?|t)\b/g) ?? [])];
				return {
					getDimensions: () => ({ numCols: names.length }),
					getColName: (j: number) => names[j],
					options: {
						set: (o: Record<string, unknown>) => {
							if (typeof o.time_limit === 'number') state.limits.push(o.time_limit);
							return {};
						}
					},
					setSolution: () => ({}),
					run: () => {
						if (state.mode === 'throw-run') throw new Error('RuntimeError: unreachable');
						return {};
					},
					getModelStatus: () => (state.mode === 'solve-error' ? 4 : 13),
					info: {
						get: (name: string) => (name === 'mip_dual_bound' ? 5 : 0)
					},
					getSolution: () => ({ colValue: new Float64Array(names.length) }),
					getObjectiveValue: () => 0,
					dispose: () => undefined
				};
			}
		};
	}
}));

const { solveAllocation, resetSolver } = await import('./index');
const { loadSeconds, overrunSeconds } = await import('./solve');

// Without the heuristic start, so that a HiGHS failure cannot fall back to its plan.
const onThread = { inWorker: false, warmStart: false } as const;

const instance = {
	units: [{ id: 'U', headcount: 3, normM2: 10 }],
	rooms: [
		{ id: 'R20', buildingId: 'A', level: 1, areaM2: 20, usable: true },
		{ id: 'R15', buildingId: 'A', level: 1, areaM2: 15, usable: true }
	]
};

describe('solveAllocation with a failing HiGHS', () => {
	beforeEach(() => {
		resetSolver();
		state.loads = 0;
		state.limits = [];
	});

	it('turns an exception into status "error" and reloads HiGHS next time', async () => {
		state.mode = 'throw-run';
		const first = await solveAllocation(instance, onThread);
		expect(first.status).toBe('error');
		expect(first.message).toMatch(/unreachable/);
		expect(first.assignments).toEqual([]);
		expect(first.unseated).toEqual([]);
		const second = await solveAllocation(instance, onThread);
		expect(second.status).toBe('error');
		expect(state.loads).toBe(2); // the broken instance was not reused
	});

	it('reuses the cached module when nothing failed', async () => {
		state.mode = 'solve-error';
		await solveAllocation(instance, onThread);
		await solveAllocation(instance, onThread);
		expect(state.loads).toBe(1);
	});

	it('maps a HiGHS error status to status "error"', async () => {
		state.mode = 'solve-error';
		const result = await solveAllocation(instance, onThread);
		expect(result.status).toBe('error');
		expect(result.message).toMatch(/solve error/);
		expect(result.notes).toEqual(['solver-failed']);
	});

	it('falls back to the heuristic plan when a limit hits before any incumbent', async () => {
		state.mode = 'time-limit-no-solution';
		const result = await solveAllocation(instance, { inWorker: false });
		// Heuristic: U (3 people, 30 m² norm) takes R20 (2 people) and R15 (1 person), best areas
		// 20 + 10 = 30 m² (the ceiling): no shortfall, building A (10) + 3 moved = 13.
		expect(result.status).toBe('feasible');
		expect(result.objective).toBeCloseTo(13, 9);
		// HiGHS' mocked bound is 5; the counting bound is better: no area missing (30 m² of
		// norm, 35 m² of rooms), and U, with people, uses a building: 10.
		expect(result.gap).toBeCloseTo((13 - 10) / 13, 9);
		expect(result.message).toMatch(/heuristic/);
		// The same in codes, for the plan page to say in the user's words.
		expect(result.notes).toEqual(['time-limit', 'start-plan']);
		const noStart = await solveAllocation(instance, onThread);
		expect(noStart.status).toBe('error');
	});

	it('turns a failed wasm load into status "error"', async () => {
		state.mode = 'load-fails';
		const result = await solveAllocation(instance, onThread);
		expect(result.status).toBe('error');
		expect(result.message).toMatch(/wasm load failed/);
	});

	it('gives a model too small to search one HiGHS run, its limit less the time to read the model', async () => {
		state.mode = 'time-limit-no-solution';
		// One unit: no neighbourhood to search, so a second run would only start again from the
		// same plan (and read the model again, seconds on a large ward).
		const result = await solveAllocation(instance, { inWorker: false, timeLimitS: 4 });
		expect(result.status).toBe('feasible');
		expect(state.limits).toHaveLength(1);
		const [limit] = state.limits;
		// Whatever the heuristic took is already spent; the model's reading and HiGHS' overrun
		// after its limit are taken off too.
		const lp = 'x'.repeat(100);
		expect(limit).toBeLessThan(4 - loadSeconds(lp) - overrunSeconds(lp));
		expect(limit).toBeGreaterThan(3);
	});

	it('takes about 3 s off the limit for the 7 MB model of 60 units × 400 rooms', () => {
		expect(loadSeconds('')).toBeCloseTo(0.02, 9);
		expect(loadSeconds('x'.repeat(7_000_000))).toBeCloseTo(2.12, 9);
		// HiGHS ended up to 1 s after its limit on that model.
		expect(overrunSeconds('x'.repeat(7_000_000))).toBeCloseTo(1.05, 9);
		expect(overrunSeconds('x'.repeat(450_000))).toBeLessThan(0.07);
	});
});
