import { describe, expect, it } from 'vitest';
import { runSliced } from './sliced';

function* counting(n: number, spinMs: number): Generator<number, string, void> {
	for (let i = 1; i <= n; i++) {
		const until = performance.now() + spinMs;
		while (performance.now() < until) {
			// busy: a step of real work
		}
		if (i < n) yield i;
	}
	return `done ${n}`;
}

describe('runSliced', () => {
	it('returns the generator’s result and lets other work run between slices', async () => {
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		const progress: number[] = [];
		// 60 steps of 2 ms in slices of 10 ms: about 12 slices, each followed by a turn of the loop.
		const result = await runSliced(counting(60, 2), {
			sliceMs: 10,
			onProgress: (p) => progress.push(p)
		});
		clearInterval(timer);
		expect(result).toBe('done 60');
		expect(progress.length).toBeGreaterThanOrEqual(6);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(progress.at(-1)).toBeLessThan(60);
		expect(ticks).toBeGreaterThanOrEqual(3);
	});

	it('rejects with the generator’s error', async () => {
		function* failing(): Generator<number, number, void> {
			yield 1;
			throw new Error('bad input');
		}
		await expect(runSliced(failing())).rejects.toThrow('bad input');
	});
});
