import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	dominanceCase,
	expectDominatorFirst,
	expectMcdaError,
	expectScaleInvariant,
	positionOf,
	problemFrom,
	withDominatedRow
} from '../../../tests/helpers/mcda';
import type { McdaErrorCode } from './errors';
import { prepareTopsis, topsis, type TopsisOptions } from './topsis';
import type { CriterionType } from './types';

/**
 * Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer LNEMS 186, pp. 133–134:
 * fighter-aircraft selection. Criteria: maximum speed (Mach), ferry range (NM), maximum payload
 * (lb), acquisition cost ($10⁶, the only cost criterion), reliability, manoeuvrability.
 * Weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published results: D⁺ = 0.0545, 0.1197, 0.0580, 0.1009;
 * D⁻ = 0.0983, 0.0439, 0.0920, 0.0458; closeness C = 0.643, 0.268, 0.613, 0.312; ranking
 * A1 > A3 > A4 > A2. (The book rounds the normalised matrix to 4 decimals, so its figures differ
 * from exact arithmetic in the 4th decimal: exact C_3 = 0.6135.)
 */
const AIRCRAFT = [
	[2.0, 1500, 20000, 5.5, 5, 9],
	[2.5, 2700, 18000, 6.5, 3, 5],
	[1.8, 2000, 21000, 4.5, 7, 7],
	[2.2, 1800, 20000, 5.0, 5, 5]
];
const AIRCRAFT_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
const AIRCRAFT_TYPES: CriterionType[] = [
	'benefit',
	'benefit',
	'benefit',
	'cost',
	'benefit',
	'benefit'
];

describe('topsis: published example', () => {
	it('reproduces Hwang & Yoon (1981) fighter-aircraft closeness 0.643, 0.268, 0.613, 0.312', () => {
		const r = topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES);
		const published = [0.643, 0.268, 0.613, 0.312];
		r.closeness.forEach((c, i) => expect(Math.abs(c - published[i])).toBeLessThan(0.001));
		expect(r.ranking).toEqual([0, 2, 3, 1]);
	});

	it('reproduces the published separation measures D⁺ and D⁻', () => {
		const scorer = prepareTopsis(AIRCRAFT, AIRCRAFT_TYPES, 'vector');
		const out = new Float64Array(4);
		scorer.score(Float64Array.from(AIRCRAFT_WEIGHTS), out);
		const dPlus = [0.0545, 0.1197, 0.058, 0.1009];
		const dMinus = [0.0983, 0.0439, 0.092, 0.0458];
		for (let i = 0; i < 4; i++) {
			expect(Math.abs(scorer.distanceToIdeal[i] - dPlus[i])).toBeLessThan(0.0005);
			expect(Math.abs(scorer.distanceToAntiIdeal[i] - dMinus[i])).toBeLessThan(0.0005);
		}
		// Published normalised first row: 0.4671, 0.3662, 0.5056, 0.5063, 0.4811, 0.6708. The
		// cost entry is a misprint in the book: 5.5 / sqrt(5.5² + 6.5² + 4.5² + 5²) =
		// 5.5 / 10.8513 = 0.5069; the other five agree to 4 decimals.
		[0.4671, 0.3662, 0.5056, 0.5069, 0.4811, 0.6708].forEach((v, j) =>
			expect(scorer.r[j]).toBeCloseTo(v, 4)
		);
	});
});

describe('topsis: hand-computed', () => {
	// prettier-ignore
	const cases: { name: string; matrix: number[][]; weights: number[]; types: CriterionType[];
		options?: TopsisOptions; closeness: number[]; ranking: number[] }[] = [
		// r = x / 5; v = [[0.3, 0.4], [0.4, 0.3]]; A⁺ = (0.4, 0.4), A⁻ = (0.3, 0.3);
		// D⁺ = D⁻ = 0.1 for both → C = 0.5, 0.5; ties by index.
		{ name: 'a symmetric 2×2 problem is a tie', matrix: [[3, 4], [4, 3]], weights: [1, 1],
			types: ['benefit', 'benefit'], closeness: [0.5, 0.5], ranking: [0, 1] },
		// x = [[1, 10], [2, 20], [3, 30]], benefit / cost, w = (0.75, 0.25).
		// r (cost reversed) = [[0, 1], [0.5, 0.5], [1, 0]]; v = [[0, 0.25], [0.375, 0.125],
		// [0.75, 0]]; A⁺ = (0.75, 0.25), A⁻ = (0, 0).
		// D⁺ = 0.75, √0.15625, 0.25; D⁻ = 0.25, √0.15625, 0.75 → C = 0.25, 0.5, 0.75.
		{ name: 'min-max normalisation', matrix: [[1, 10], [2, 20], [3, 30]], weights: [3, 1],
			types: ['benefit', 'cost'], options: { normalisation: 'min-max' }, closeness: [0.25, 0.5, 0.75],
			ranking: [2, 1, 0] }
	];

	it.each(cases)('$name', ({ matrix, weights, types, options, closeness, ranking }) => {
		const r = topsis(matrix, weights, types, options);
		closeness.forEach((c, i) => expect(r.closeness[i]).toBeCloseTo(c, 14));
		expect(r.ranking).toEqual(ranking);
	});

	it('all alternatives identical: closeness 0.5 for all', () => {
		// prettier-ignore
		const r = topsis([[2, 3], [2, 3]], [1, 1], ['benefit', 'cost']);
		expect(r.closeness).toEqual([0.5, 0.5]);
		expect(r.ranking).toEqual([0, 1]);
	});
});

/** Random problems that may hold zero values and zero weights. */
const problem = problemFrom({ value: 0, weight: 0 });

describe('topsis: properties', () => {
	it('closeness is invariant under positive scaling of a benefit column (vector)', () => {
		const usable = problem.map((p) => ({
			types: p.types,
			weights: p.weights.map((w, j) => (j === 0 ? w + 1 : w)), // not all zero
			matrix: p.matrix.map((row) => row.map((v) => v + 1)) // no zero column
		}));
		expectScaleInvariant(usable, (m, w, t) => topsis(m, w, t).closeness);
	});

	it('closeness lies in [0, 1]', () => {
		fc.assert(
			fc.property(problem, (p) => {
				const weights = p.weights.map((w) => w + 1);
				const matrix = p.matrix.map((row) => row.map((v) => v + 1));
				for (const normalisation of ['vector', 'min-max'] as const) {
					let r;
					try {
						r = topsis(matrix, weights, p.types, { normalisation });
					} catch {
						continue; // constant column under min-max
					}
					for (const c of r.closeness) {
						expect(c).toBeGreaterThanOrEqual(0);
						expect(c).toBeLessThanOrEqual(1);
					}
				}
			})
		);
	});

	it('a dominated alternative never ranks above its dominator', () => {
		fc.assert(
			fc.property(dominanceCase, ({ p, of, at, delta }) => {
				const { matrix, dominator, dominated } = withDominatedRow(p.matrix, p.types, of, at, delta);
				const r = topsis(matrix, p.weights, p.types);
				expectDominatorFirst(r.closeness, r.ranking, { dominator, dominated });
				let mm;
				try {
					mm = topsis(matrix, p.weights, p.types, { normalisation: 'min-max' });
				} catch {
					return; // constant column under min-max
				}
				expect(positionOf(mm.ranking, dominator)).toBeLessThan(positionOf(mm.ranking, dominated));
			})
		);
	});
});

describe('topsis: invalid input', () => {
	// prettier-ignore
	const refused: { name: string; matrix: number[][]; options?: TopsisOptions; code: McdaErrorCode;
		message: RegExp; details: { row?: number; column: number } }[] = [
		{ name: 'a negative value under vector normalisation', matrix: [[1, 2], [3, -4]], code: 'ratio-needs-positive',
			message: /column 1 \(criterion 1\) has the negative value -4 in row 1; vector normalisation/,
			details: { row: 1, column: 1 } },
		{ name: 'an all-zero column under vector normalisation', matrix: [[1, 0], [3, 0]], code: 'ratio-needs-positive',
			message: /column 1 \(criterion 1\) is all zero/, details: { column: 1 } },
		{ name: 'a constant column under min-max', matrix: [[5, 1], [5, 2]], options: { normalisation: 'min-max' },
			code: 'constant-column',
			message: /column 0 \(criterion 0\) is constant; min-max normalisation is undefined/, details: { column: 0 } }
	];

	it.each(refused)('rejects $name', ({ matrix, options, code, message, details }) => {
		expectMcdaError(
			() => topsis(matrix, [1, 1], ['benefit', 'cost'], options),
			code,
			message,
			details
		);
	});
});
