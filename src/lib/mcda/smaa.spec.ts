import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smaa, smaaSteps, SMAA_STEP_SAMPLES, type SmaaOptions } from './smaa';
import type { McdaErrorCode } from './errors';
import { expectMcdaError } from '../../../tests/helpers/mcda';
import type { CriterionType } from './types';

const X = [
	[10, 4, 7],
	[8, 2, 9],
	[5, 5, 5],
	[9, 3, 8]
];
const T: CriterionType[] = ['benefit', 'cost', 'benefit'];

function sum(xs: number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}

/** SMAA with the weighted sum on benefit criteria only (the hand-checkable problems below). */
function benefitSmaa(matrix: number[][], options: Omit<SmaaOptions, 'method'>) {
	const types = matrix[0].map((): CriterionType => 'benefit');
	return smaa(matrix, types, { method: 'weighted-sum', ...options });
}

/** Row 1 is at least as good as row 0 on both criteria and better on one. */
// prettier-ignore
const DOMINATED = [[1, 5], [2, 5]];
/** Mirror images: a0 wins iff w_0 > w_1 ('max' normalisation keeps the matrix as it is). */
// prettier-ignore
const MIRROR = [[1, 0], [0, 1]];
/** One criterion per alternative: alternative j wins iff w_j is the largest weight. */
// prettier-ignore
const IDENTITY3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

/** Lower and upper bound of one weight. */
const b = (min: number, max: number) => ({ min, max });

describe('smaa: hand-checkable cases', () => {
	it('a dominating alternative takes rank 0 in every sample', () => {
		// Row 1 is at least as good as row 0 on both criteria and better on one, so with any
		// positive weights it ranks first: b_1^0 = 1, b_0^1 = 1. Its central weight vector is the
		// mean of all samples ≈ the simplex centroid (1/2, 1/2).
		const r = benefitSmaa(DOMINATED, { samples: 20_000, seed: 1 });
		expect(r.rankAcceptability).toEqual([
			[0, 1],
			[1, 0]
		]);
		expect(r.centralWeights[0]).toEqual([0, 0]);
		expect(r.centralWeights[1][0]).toBeCloseTo(0.5, 2);
		expect(sum(r.centralWeights[1])).toBeCloseTo(1, 12);
	});

	it('two mirror-image alternatives share first place half the time', () => {
		// x = [[1, 0], [0, 1]] ('max' normalisation keeps it): a0 wins iff w_0 > w_1, which has
		// probability 1/2 under uniform weights; E[w | w_0 > w_1] = (3/4, 1/4).
		const r = benefitSmaa(MIRROR, { samples: 40_000, seed: 7 });
		expect(r.rankAcceptability[0][0]).toBeCloseTo(0.5, 1);
		expect(Math.abs(r.rankAcceptability[0][0] - 0.5)).toBeLessThan(0.01);
		expect(r.centralWeights[0][0]).toBeCloseTo(0.75, 2);
		expect(r.centralWeights[1][1]).toBeCloseTo(0.75, 2);
	});

	it('honours weight bounds (central weights stay inside them)', () => {
		// With w_0 ∈ [0.6, 1], a0 (best on criterion 0) always wins the mirror problem.
		const r = benefitSmaa(MIRROR, { samples: 5000, seed: 3, weightBounds: [b(0.6, 1), b(0, 1)] });
		expect(r.rankAcceptability[0][0]).toBe(1);
		// Uniform on w_0 ∈ [0.6, 1] → mean 0.8.
		expect(r.centralWeights[0][0]).toBeCloseTo(0.8, 2);
	});

	it('rejection sampling with upper bounds keeps every sample inside the box', () => {
		const bounds = [b(0.1, 0.5), b(0.2, 0.6), b(0, 0.3)];
		const r = smaa(X, T, { method: 'topsis', samples: 3000, seed: 11, weightBounds: bounds });
		for (const cw of r.centralWeights) {
			if (sum(cw) === 0) continue;
			cw.forEach((w, j) => {
				expect(w).toBeGreaterThanOrEqual(bounds[j].min - 1e-12);
				expect(w).toBeLessThanOrEqual(bounds[j].max + 1e-12);
			});
		}
	});

	it('samples weights uniformly on the simplex (marginal mean 1/m, variance (m−1)/(m²(m+1)))', () => {
		// For a flat Dirichlet on m = 3 criteria, E[w_j] = 1/3 and Var[w_j] = 2/(9 · 4) = 1/18.
		// A one-criterion-wins problem exposes the sampled weights through the central weights:
		// identity matrix, alternative j wins iff w_j is the largest weight.
		const r = benefitSmaa(IDENTITY3, { samples: 60_000, seed: 5 });
		for (let a = 0; a < 3; a++) {
			expect(r.rankAcceptability[a][0]).toBeCloseTo(1 / 3, 1);
			// E[w_max] for m = 3 is (1/3)(1 + 1/2 + 1/3) = 11/18 = 0.6111.
			expect(r.centralWeights[a][a]).toBeCloseTo(11 / 18, 2);
		}
	});
});

const problem = fc.integer({ min: 1, max: 4 }).chain((m) =>
	fc.record({
		matrix: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: m, maxLength: m }), {
			minLength: 1,
			maxLength: 7
		}),
		types: fc.array(fc.constantFrom<CriterionType>('benefit', 'cost'), {
			minLength: m,
			maxLength: m
		}),
		method: fc.constantFrom<'weighted-sum' | 'topsis'>('weighted-sum', 'topsis'),
		seed: fc.integer({ min: -1_000_000, max: 1_000_000 })
	})
);

describe('smaa: properties', () => {
	it('every row (and column) of rankAcceptability sums to 1; central weights sum to 1 or are zero', () => {
		fc.assert(
			fc.property(problem, ({ matrix, types, method, seed }) => {
				const r = smaa(matrix, types, { method, samples: 200, seed });
				const n = matrix.length;
				for (let a = 0; a < n; a++) {
					expect(sum(r.rankAcceptability[a])).toBeCloseTo(1, 12);
					expect(sum(r.rankAcceptability.map((row) => row[a]))).toBeCloseTo(1, 12);
					const s = sum(r.centralWeights[a]);
					if (s !== 0) expect(s).toBeCloseTo(1, 12);
					if (s === 0) expect(r.rankAcceptability[a][0]).toBe(0);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('the same seed gives identical output; another seed gives different samples', () => {
		fc.assert(
			fc.property(problem, ({ matrix, types, method, seed }) => {
				const opts = { method, samples: 100, seed };
				expect(smaa(matrix, types, opts)).toEqual(smaa(matrix, types, opts));
			}),
			{ numRuns: 40 }
		);
		const a = smaa(X, T, { method: 'weighted-sum', samples: 500, seed: 1 });
		const b = smaa(X, T, { method: 'weighted-sum', samples: 500, seed: 2 });
		expect(a.centralWeights).not.toEqual(b.centralWeights);
	});
});

describe('smaa: invalid input', () => {
	it('rejects samples ≤ 0 and non-integer samples', () => {
		for (const samples of [0, -5, 2.5, NaN]) {
			expectMcdaError(
				() => smaa(X, T, { method: 'weighted-sum', samples, seed: 1 }),
				'invalid-parameter',
				/options\.samples is .*; expected a positive integer/
			);
		}
	});

	// prettier-ignore
	const refused: {
		name: string;
		options: Partial<SmaaOptions>;
		code: McdaErrorCode;
		message: RegExp;
		details?: { column: number };
	}[] = [
		{ name: 'minimums over 1', options: { weightBounds: [b(0.5, 1), b(0.4, 1), b(0.2, 1)] },
			code: 'infeasible-bounds', message: /minimums sum to 1\.1.* > 1/ },
		{ name: 'maximums under 1', options: { weightBounds: [b(0, 0.3), b(0, 0.3), b(0, 0.3)] },
			code: 'infeasible-bounds', message: /maximums sum to 0\.8.* < 1/ },
		{ name: 'a bound with min > max', options: { weightBounds: [b(0, 1), b(0.5, 0.2), b(0, 1)] },
			code: 'infeasible-bounds', message: /weightBounds\[1\] \(criterion 1\) is \[0\.5, 0\.2\]/,
			details: { column: 1 } },
		// Feasible, but too little room for rejection sampling.
		{ name: 'bounds too narrow', options: { weightBounds: [b(0, 1 / 3 + 1e-6), b(0, 1 / 3 + 1e-6), b(0, 1 / 3 + 1e-6)] },
			code: 'infeasible-bounds', message: /too narrow/ },
		{ name: 'a fractional seed', options: { seed: 0.5 },
			code: 'invalid-parameter', message: /seed is 0\.5; expected a safe integer/ },
		{ name: 'an unknown method', options: { method: 'promethee2' as never },
			code: 'invalid-parameter', message: /options\.method/ },
		{ name: 'no bounds for 3 criteria', options: { method: 'topsis', weightBounds: [] },
			code: 'length-mismatch', message: /weightBounds has 0 values, expected 3/ },
		{ name: 'max normalisation under TOPSIS', options: { method: 'topsis', normalisation: 'max' },
			code: 'invalid-parameter', message: /options\.normalisation is "max"; expected one of "vector", "min-max"/ }
	];

	it.each(refused)('rejects $name ($code)', ({ options, code, message, details }) => {
		expectMcdaError(
			() => smaa(X, T, { method: 'weighted-sum', samples: 10, seed: 1, ...options }),
			code,
			message,
			details
		);
	});
});

describe('smaaSteps: the same result, in steps', () => {
	it('yields the samples done every SMAA_STEP_SAMPLES and returns what smaa returns', () => {
		const matrix = [
			[3, 200, 0.4],
			[5, 150, 0.9],
			[4, 180, 0.1],
			[2, 260, 0.7]
		];
		const types: CriterionType[] = ['benefit', 'cost', 'benefit'];
		const options = { method: 'weighted-sum' as const, samples: 1000, seed: 42 };
		const it = smaaSteps(matrix, types, options);
		const seen: number[] = [];
		let r = it.next();
		while (!r.done) {
			seen.push(r.value);
			r = it.next();
		}
		// 1000 samples in steps of 250: progress after 250, 500 and 750, then the result.
		expect(SMAA_STEP_SAMPLES).toBe(250);
		expect(seen).toEqual([250, 500, 750]);
		expect(r.value).toEqual(smaa(matrix, types, options));
	});

	it('throws bad input on the first step', () => {
		const it = smaaSteps([[1]], ['benefit'], { method: 'weighted-sum', samples: 0, seed: 1 });
		expect(() => it.next()).toThrow(/options\.samples is 0/);
	});
});
