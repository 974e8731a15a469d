import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preferenceValue } from './preference';
import { promethee2 } from './promethee';
import {
	dominanceCase,
	expectDominatorFirst,
	expectMcdaError,
	withDominatedRow
} from '../../../tests/helpers/mcda';
import type { CriterionType, PreferenceFunction } from './types';

/**
 * Brans, Vincke & Mareschal (1986), "How to select and how to rank projects: the PROMETHEE
 * method", EJOR 24(2):228–238, numerical example: location of a hydroelectric power station,
 * six projects a1…a6 (Italy, Belgium, Germany, Sweden, Austria, France) and six criteria:
 * f1 manpower (min, type II u-shape q = 10), f2 power in MW (max, type III v-shape p = 30),
 * f3 construction cost (min, type V linear q = 50, p = 500), f4 maintenance cost (min, type IV
 * level q = 10, p = 60), f5 villages to evacuate (min, type I usual), f6 security level (max,
 * type VI gaussian s = 5), equal weights. The input table is as in Mareschal, "Exercises with
 * Visual PROMETHEE" (2019), Table 1; some copies print f3 as 6, 2, 4, 10, 6, 7 (q = 0.5,
 * p = 5) and f4 as 5.4, 9.7, … (q = 1, p = 6), an equivalent scaling.
 * Published net flows as sums over the other alternatives (Σ_b [π(a,b) − π(b,a)], i.e. our
 * φ·(n − 1)): a1 −0.728, a2 0.085, a3 −0.447, a4 −0.102, a5 1.466, a6 −0.274; PROMETHEE II
 * ranking a5 > a2 > a4 > a6 > a3 > a1. The paper rounds π to 3 decimals before summing, hence
 * differences up to 0.002 from exact arithmetic. Published π(a1, ·) row: 0, .296, .250, .268,
 * .100, .185.
 */
const HYDRO = [
	[80, 90, 600, 54, 8, 5],
	[65, 58, 200, 97, 1, 1],
	[83, 60, 400, 72, 4, 7],
	[40, 80, 1000, 75, 7, 10],
	[52, 72, 600, 20, 3, 8],
	[94, 96, 700, 36, 5, 6]
];
const HYDRO_TYPES: CriterionType[] = ['cost', 'benefit', 'cost', 'cost', 'cost', 'benefit'];
const HYDRO_FUNCTIONS: PreferenceFunction[] = [
	{ type: 'u-shape', q: 10 },
	{ type: 'v-shape', p: 30 },
	{ type: 'linear', q: 50, p: 500 },
	{ type: 'level', q: 10, p: 60 },
	{ type: 'usual' },
	{ type: 'gaussian', s: 5 }
];

describe('promethee2: published example', () => {
	it('reproduces the Brans, Vincke & Mareschal (1986) power-station net flows and ranking', () => {
		const r = promethee2(HYDRO, [1, 1, 1, 1, 1, 1], HYDRO_TYPES, HYDRO_FUNCTIONS);
		const publishedSums = [-0.728, 0.085, -0.447, -0.102, 1.466, -0.274];
		r.netFlow.forEach((phi, a) =>
			expect(Math.abs(phi * 5 - publishedSums[a])).toBeLessThanOrEqual(0.0021)
		);
		expect(r.ranking).toEqual([4, 1, 3, 5, 2, 0]);
	});

	it('reproduces the published π(a1, ·) row through φ⁺(a1)', () => {
		// φ⁺(a1) = (0.296 + 0.250 + 0.268 + 0.100 + 0.185) / 5 = 1.099 / 5 = 0.2198
		const r = promethee2(HYDRO, [1, 1, 1, 1, 1, 1], HYDRO_TYPES, HYDRO_FUNCTIONS);
		expect(r.positiveFlow[0]).toBeCloseTo(1.099 / 5, 3);
	});

	it("reproduces Mareschal's weight-sensitivity exercises (France, then Belgium first)", () => {
		// Exercises with Visual PROMETHEE (2019): w2 = 50 (others 10) puts a6 (France) first;
		// w5 = 55 (others 9) puts a2 (Belgium) first.
		expect(
			promethee2(HYDRO, [10, 50, 10, 10, 10, 10], HYDRO_TYPES, HYDRO_FUNCTIONS).ranking[0]
		).toBe(5);
		expect(promethee2(HYDRO, [9, 9, 9, 9, 55, 9], HYDRO_TYPES, HYDRO_FUNCTIONS).ranking[0]).toBe(1);
	});
});

describe('promethee2: hand-computed', () => {
	it('one benefit criterion, usual function', () => {
		// x = [3, 1, 2]: π(0,1) = π(0,2) = π(2,1) = 1, the other π = 0.
		// φ⁺ = [2/2, 0/2, 1/2] = [1, 0, 0.5]; φ⁻ = [0, 1, 0.5]; φ = [1, −1, 0].
		const r = promethee2([[3], [1], [2]], [1], ['benefit'], [{ type: 'usual' }]);
		expect(r.positiveFlow).toEqual([1, 0, 0.5]);
		expect(r.negativeFlow).toEqual([0, 1, 0.5]);
		expect(r.netFlow).toEqual([1, -1, 0]);
		expect(r.ranking).toEqual([0, 2, 1]);
	});

	it('two criteria with weights and a v-shape function', () => {
		// x = [[10, 5], [14, 3]], benefit (v-shape p = 8) and cost (usual), w = (0.25, 0.75).
		// d_1(1,0) = 4 → P = 4/8 = 0.5; d_2(0,1) = −(5 − 3) < 0 for a0, so a1 is preferred on the
		// cost criterion too: P_2(1,0) = 1.  π(1,0) = 0.25·0.5 + 0.75·1 = 0.875, π(0,1) = 0.
		// n − 1 = 1: φ⁺ = [0, 0.875], φ⁻ = [0.875, 0], φ = [−0.875, 0.875].
		const r = promethee2(
			[
				[10, 5],
				[14, 3]
			],
			[1, 3],
			['benefit', 'cost'],
			[{ type: 'v-shape', p: 8 }, { type: 'usual' }]
		);
		expect(r.positiveFlow).toEqual([0, 0.875]);
		expect(r.negativeFlow).toEqual([0.875, 0]);
		expect(r.netFlow).toEqual([-0.875, 0.875]);
		expect(r.ranking).toEqual([1, 0]);
	});

	it('a single alternative has zero flows', () => {
		const r = promethee2(
			[[1, 2]],
			[1, 1],
			['benefit', 'cost'],
			[{ type: 'usual' }, { type: 'usual' }]
		);
		expect(r.netFlow).toEqual([0]);
		expect(r.ranking).toEqual([0]);
	});

	it('evaluates the six generalised criteria at their breakpoints', () => {
		const f = preferenceValue;
		expect(f({ type: 'usual' }, 0.001)).toBe(1);
		expect(f({ type: 'u-shape', q: 2 }, 2)).toBe(0);
		expect(f({ type: 'u-shape', q: 2 }, 2.01)).toBe(1);
		expect(f({ type: 'v-shape', p: 4 }, 1)).toBe(0.25);
		expect(f({ type: 'v-shape', p: 4 }, 4)).toBe(1);
		expect(f({ type: 'v-shape', p: 4 }, 9)).toBe(1);
		expect(f({ type: 'level', q: 1, p: 3 }, 1)).toBe(0);
		expect(f({ type: 'level', q: 1, p: 3 }, 2)).toBe(0.5);
		expect(f({ type: 'level', q: 1, p: 3 }, 3)).toBe(0.5);
		expect(f({ type: 'level', q: 1, p: 3 }, 3.5)).toBe(1);
		expect(f({ type: 'linear', q: 1, p: 3 }, 1)).toBe(0);
		expect(f({ type: 'linear', q: 1, p: 3 }, 2)).toBe(0.5);
		expect(f({ type: 'linear', q: 1, p: 3 }, 5)).toBe(1);
		// Gaussian: 1 − exp(−d²/(2s²)); d = s gives 1 − e^(−1/2) = 0.3935.
		expect(f({ type: 'gaussian', s: 2 }, 2)).toBeCloseTo(1 - Math.exp(-0.5), 15);
	});
});

const strictFunction: fc.Arbitrary<PreferenceFunction> = fc.oneof(
	fc.constant<PreferenceFunction>({ type: 'usual' }),
	fc.integer({ min: 1, max: 500 }).map((p): PreferenceFunction => ({ type: 'v-shape', p })),
	fc.integer({ min: 1, max: 200 }).map((s): PreferenceFunction => ({ type: 'gaussian', s })),
	fc.integer({ min: 1, max: 500 }).map((p): PreferenceFunction => ({ type: 'linear', q: 0, p }))
);

const anyFunction: fc.Arbitrary<PreferenceFunction> = fc.oneof(
	strictFunction,
	fc.integer({ min: 0, max: 50 }).map((q): PreferenceFunction => ({ type: 'u-shape', q })),
	fc
		.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 100 }))
		.map(([q, extra]): PreferenceFunction => ({ type: 'level', q, p: q + extra }))
);

describe('promethee2: properties', () => {
	it('a dominated alternative never ranks above its dominator', () => {
		// With functions that are > 0 for every d > 0 and positive weights,
		// φ(a) − φ(b) ≥ 2 π(a, b)/(n − 1) > 0 when a dominates b.
		fc.assert(
			fc.property(
				dominanceCase,
				fc.array(strictFunction, { minLength: 5, maxLength: 5 }),
				({ p, of, at, delta }, fns) => {
					const { matrix, dominator, dominated } = withDominatedRow(
						p.matrix,
						p.types,
						of,
						at,
						delta
					);
					const functions = fns.slice(0, p.weights.length);
					const r = promethee2(matrix, p.weights, p.types, functions);
					expectDominatorFirst(r.netFlow, r.ranking, { dominator, dominated });
				}
			)
		);
	});

	it('net flows sum to 0, lie in [−1, 1], and φ = φ⁺ − φ⁻', () => {
		fc.assert(
			fc.property(
				dominanceCase,
				fc.array(anyFunction, { minLength: 5, maxLength: 5 }),
				({ p }, fns) => {
					const r = promethee2(p.matrix, p.weights, p.types, fns.slice(0, p.weights.length));
					expect(r.netFlow.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
					r.netFlow.forEach((phi, a) => {
						expect(phi).toBeGreaterThanOrEqual(-1 - 1e-12);
						expect(phi).toBeLessThanOrEqual(1 + 1e-12);
						expect(phi).toBeCloseTo(r.positiveFlow[a] - r.negativeFlow[a], 14);
					});
				}
			)
		);
	});
});

describe('promethee2: invalid input', () => {
	const m = [
		[1, 2],
		[3, 4]
	];
	const t: CriterionType[] = ['benefit', 'cost'];

	it('rejects an unknown preference function type, naming the criterion', () => {
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'usual' }, { type: 'step' } as never]),
			'unknown-type',
			/preference function for criterion 1 has unknown type "step"/,
			{ column: 1 }
		);
	});

	it('rejects invalid thresholds', () => {
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'linear', q: 5, p: 5 }, { type: 'usual' }]),
			'invalid-parameter',
			/criterion 0 \("linear"\) needs q < p, got q = 5, p = 5/,
			{ column: 0 }
		);
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'usual' }, { type: 'v-shape', p: 0 }]),
			'invalid-parameter',
			/criterion 1 \("v-shape"\) needs p > 0/,
			{ column: 1 }
		);
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'u-shape', q: -1 }, { type: 'usual' }]),
			'invalid-parameter',
			/criterion 0 \("u-shape"\) needs q to be a finite number ≥ 0, got -1/
		);
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'usual' }, { type: 'gaussian', s: NaN }]),
			'invalid-parameter',
			/criterion 1 \("gaussian"\) needs s to be a finite number ≥ 0, got NaN/
		);
	});

	it('rejects a wrong number of preference functions', () => {
		expectMcdaError(
			() => promethee2(m, [1, 1], t, [{ type: 'usual' }]),
			'length-mismatch',
			/functions has 1 values, expected 2 \(one per criterion\)/
		);
	});
});
