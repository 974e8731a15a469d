import { describe, expect, it } from 'vitest';
import { createRng, xoshiro128StarStar } from './random';
import { expectMcdaError } from '../../../tests/helpers/mcda';

describe('xoshiro128**', () => {
	it('follows the reference algorithm (hand-computed from state 1, 2, 3, 4)', () => {
		// Output 1: rotl(2 · 5, 7) · 9 = 1280 · 9 = 11520. Then t = 2 << 9 = 1024;
		// s2 = 3 ^ 1 = 2; s3 = 4 ^ 2 = 6; s1 = 2 ^ 2 = 0; s0 = 1 ^ 6 = 7; s2 = 2 ^ 1024 = 1026;
		// s3 = rotl(6, 11) = 12288. Output 2: rotl(0 · 5, 7) · 9 = 0. Then s2 = 1026 ^ 7 = 1029;
		// s3 = 12288; s1 = 0 ^ 1029 = 1029; s0 = 7 ^ 12288 = 12295; s2 = 1029; s3 = 12288 << 11.
		// Output 3: rotl(1029 · 5, 7) · 9 = 5145 · 128 · 9 = 5927040.
		const next = xoshiro128StarStar(1, 2, 3, 4);
		expect([next(), next(), next()]).toEqual([11520, 0, 5927040]);
	});

	it('pins the seeded stream (same seed, same numbers on every engine)', () => {
		const rng = createRng(42);
		expect([rng(), rng(), rng()]).toEqual([
			0.6606157227652147, 0.12688010407146066, 0.11170196405146271
		]);
		// The high 32 bits of the seed matter too.
		expect(createRng(2 ** 40 + 42)()).toBe(0.5100250773830339);
	});

	it('draws from (0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
		const rng = createRng(7);
		let s = 0;
		let s2 = 0;
		const n = 100_000;
		for (let k = 0; k < n; k++) {
			const u = rng();
			expect(u > 0 && u < 1).toBe(true);
			s += u;
			s2 += u * u;
		}
		const mean = s / n;
		expect(mean).toBeCloseTo(0.5, 2);
		expect(s2 / n - mean * mean).toBeCloseTo(1 / 12, 3);
	});

	it('rejects seeds that are not safe integers', () => {
		for (const seed of [0.5, NaN, Infinity, 2 ** 60]) {
			expectMcdaError(() => createRng(seed), 'invalid-parameter', /expected a safe integer/);
		}
	});
});
