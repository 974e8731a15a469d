import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	dominanceCase,
	expectDominatorFirst,
	expectMcdaError,
	expectScaleInvariant,
	problem,
	withDominatedRow
} from '../../../tests/helpers/mcda';
import type { CriterionType } from './types';
import { criterionContributions, weightedSum, type WeightedSumOptions } from './weighted-sum';

// 3 alternatives × 2 criteria (benefit, cost), w = (0.6, 0.4).
const X = [
	[10, 4],
	[8, 2],
	[5, 5]
];
const T: CriterionType[] = ['benefit', 'cost'];

describe('weightedSum: hand-computed', () => {
	// prettier-ignore
	const normalised: { name: string; options: WeightedSumOptions; scores: number[]; ranking: number[] }[] = [
		// Benefit column: max 10 → r = 10/10, 8/10, 5/10 = 1, 0.8, 0.5.
		// Cost column:    min 2  → r = 2/4, 2/2, 2/5 = 0.5, 1, 0.4.
		// S = 0.6·1 + 0.4·0.5 = 0.80; 0.6·0.8 + 0.4·1 = 0.88; 0.6·0.5 + 0.4·0.4 = 0.46.
		{ name: "'max' normalisation (the default)", options: {}, scores: [0.8, 0.88, 0.46], ranking: [1, 0, 2] },
		// Benefit: (x − 5)/(10 − 5) = 1, 0.6, 0.  Cost: (5 − x)/(5 − 2) = 1/3, 1, 0.
		// S = 0.6·1 + 0.4/3 = 0.7333; 0.6·0.6 + 0.4·1 = 0.76; 0.
		{ name: "'min-max' normalisation", options: { normalisation: 'min-max' }, scores: [0.6 + 0.4 / 3, 0.76, 0], ranking: [1, 0, 2] },
		// S = 0.6·10 − 0.4·4 = 4.4; 0.6·8 − 0.4·2 = 4.0; 0.6·5 − 0.4·5 = 1.0.
		{ name: "'none' uses the raw values, cost negated", options: { normalisation: 'none' }, scores: [4.4, 4.0, 1.0], ranking: [0, 1, 2] }
	];

	it.each(normalised)('$name', ({ options, scores, ranking }) => {
		const r = weightedSum(X, [0.6, 0.4], T, options);
		scores.forEach((s, i) => expect(r.scores[i]).toBeCloseTo(s, 14));
		expect(r.ranking).toEqual(ranking);
	});

	it('normalises the weights to sum 1', () => {
		// Weights 3 : 2 are 0.6 : 0.4.
		expect(weightedSum(X, [3, 2], T).scores).toEqual(weightedSum(X, [0.6, 0.4], T).scores);
	});

	it('breaks ties by index order', () => {
		const r = weightedSum(
			[
				[1, 2],
				[2, 1],
				[2, 1]
			],
			[1, 1],
			['benefit', 'benefit']
		);
		// All three score 0.5·x/2 + 0.5·y/2 = 0.75.
		expect(r.scores).toEqual([0.75, 0.75, 0.75]);
		expect(r.ranking).toEqual([0, 1, 2]);
	});

	it('accepts zeros in a benefit column under max normalisation', () => {
		const r = weightedSum(
			[
				[0, 1],
				[4, 1]
			],
			[1, 1],
			['benefit', 'cost']
		);
		expect(r.scores).toEqual([0.5, 1]);
	});
});

describe('criterionContributions', () => {
	it('returns w_j r_ij whose row sums are the weighted-sum scores', () => {
		const c = criterionContributions(X, [0.6, 0.4], T);
		const expected = [
			[0.6, 0.2],
			[0.48, 0.4],
			[0.3, 0.16]
		];
		c.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 14)));
		const s = weightedSum(X, [0.6, 0.4], T).scores;
		c.forEach((row, i) => expect(row[0] + row[1]).toBeCloseTo(s[i], 14));
	});

	it('supports min-max and none', () => {
		const c = criterionContributions(X, [0.6, 0.4], T, 'min-max');
		expect(c[2]).toEqual([0, 0]);
		expect(c[0][1]).toBeCloseTo(0.4 / 3, 14);
		expect(criterionContributions(X, [1, 1], T, 'none')[0]).toEqual([5, -2]);
	});

	it('validates like weightedSum', () => {
		expectMcdaError(
			() =>
				criterionContributions(
					[
						[1, 1],
						[2, 1]
					],
					[1, 1],
					T,
					'min-max'
				),
			'constant-column',
			/column 1 \(criterion 1\) is constant; min-max normalisation is undefined/,
			{ column: 1 }
		);
	});
});

describe('weightedSum: properties', () => {
	it('scores are invariant under positive scaling of a benefit column (max)', () => {
		expectScaleInvariant(problem, (m, w, t) => weightedSum(m, w, t).scores);
	});

	it('a dominated alternative never ranks above its dominator (all normalisations)', () => {
		fc.assert(
			fc.property(dominanceCase, ({ p, of, at, delta }) => {
				const { matrix, dominator, dominated } = withDominatedRow(p.matrix, p.types, of, at, delta);
				for (const normalisation of ['max', 'none'] as const) {
					const r = weightedSum(matrix, p.weights, p.types, { normalisation });
					expectDominatorFirst(r.scores, r.ranking, { dominator, dominated });
				}
			})
		);
	});

	it('scores lie in [0, 1] for max and min-max, and ranking is a permutation', () => {
		fc.assert(
			fc.property(problem, (p) => {
				for (const normalisation of ['max', 'min-max'] as const) {
					let r;
					try {
						r = weightedSum(p.matrix, p.weights, p.types, { normalisation });
					} catch {
						continue; // a constant column under min-max is rejected (tested elsewhere)
					}
					for (const s of r.scores) {
						expect(s).toBeGreaterThanOrEqual(-1e-12);
						expect(s).toBeLessThanOrEqual(1 + 1e-12);
					}
					expect(r.ranking.slice().sort((a, b) => a - b)).toEqual(p.matrix.map((_, i) => i));
					for (let k = 1; k < r.ranking.length; k++) {
						const prev = r.scores[r.ranking[k - 1]];
						const cur = r.scores[r.ranking[k]];
						expect(prev > cur || (prev === cur && r.ranking[k - 1] < r.ranking[k])).toBe(true);
					}
				}
			})
		);
	});
});

describe('weightedSum: invalid input', () => {
	// prettier-ignore
	const refused = [
		{ name: 'a zero in a cost column (max)', matrix: [[1, 2], [2, 3], [3, 0]],
			message: /column 1 \(criterion 1\) has the value 0 in row 2; 'max' normalisation of a cost criterion/,
			details: { row: 2, column: 1 } },
		{ name: 'a negative value in a benefit column', matrix: [[1, 2], [-2, 3]],
			message: /column 0 \(criterion 0\) has the negative value -2 in row 1/, details: { row: 1, column: 0 } },
		{ name: 'an all-zero column', matrix: [[0, 2], [0, 3]],
			message: /column 0 \(criterion 0\) is all zero/, details: { column: 0 } }
	];

	it.each(refused)('rejects $name', ({ matrix, message, details }) => {
		expectMcdaError(() => weightedSum(matrix, [1, 1], T), 'ratio-needs-positive', message, details);
	});

	it('rejects an unknown normalisation', () => {
		expectMcdaError(
			() => weightedSum(X, [1, 1], T, { normalisation: 'vector' as never }),
			'invalid-parameter',
			/options\.normalisation is "vector"; expected one of "max", "min-max", "none"/
		);
	});
});
