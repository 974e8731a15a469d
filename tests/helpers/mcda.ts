/**
 * Helpers shared by the specs of the MCDA engine in src/lib/mcda (test code, not in $lib).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { McdaInputError, type McdaErrorCode } from '$lib/mcda/errors';
import type { CriterionType } from '$lib/mcda/types';

/** Asserts that `fn` throws an McdaInputError with the given code, message and location. */
export function expectMcdaError(
	fn: () => unknown,
	code: McdaErrorCode,
	message: RegExp,
	details: { row?: number; column?: number; matrix?: number } = {}
): McdaInputError {
	let caught: unknown;
	try {
		fn();
	} catch (e) {
		caught = e;
	}
	expect(caught).toBeInstanceOf(McdaInputError);
	const err = caught as McdaInputError;
	expect(err.name).toBe('McdaInputError');
	expect(err.code).toBe(code);
	expect(err.message).toMatch(message);
	for (const [key, value] of Object.entries(details)) {
		expect(err[key as keyof typeof details]).toBe(value);
	}
	return err;
}

/** Consistent pairwise matrix a_ij = w_i / w_j. */
export function consistentMatrix(w: readonly number[]): number[][] {
	return w.map((wi) => w.map((wj) => wi / wj));
}

/** The n × n reciprocal matrix with the given upper triangle (row by row), 1 on the diagonal. */
export function reciprocalFrom(n: number, upper: readonly number[]): number[][] {
	const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
	let k = 0;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			a[i][j] = upper[k++];
			a[j][i] = 1 / a[i][j];
		}
	}
	return a;
}

/** Position of `item` in a ranking (0 = first). */
export function positionOf(ranking: readonly number[], item: number): number {
	return ranking.indexOf(item);
}

/** A random decision problem: 2–8 rows, 1–5 columns, integer values and weights from the given minimums. */
export function problemFrom({ value, weight }: { value: number; weight: number }) {
	return fc.integer({ min: 1, max: 5 }).chain((m) =>
		fc.record({
			matrix: fc.array(
				fc.array(fc.integer({ min: value, max: 1000 }), { minLength: m, maxLength: m }),
				{ minLength: 2, maxLength: 8 }
			),
			weights: fc.array(fc.integer({ min: weight, max: 10 }), { minLength: m, maxLength: m }),
			types: fc.array(fc.constantFrom<CriterionType>('benefit', 'cost'), {
				minLength: m,
				maxLength: m
			})
		})
	);
}

/** A random decision problem: values are integers in [10, 1000], weights integers in [1, 10]. */
export const problem = problemFrom({ value: 10, weight: 1 });

/**
 * Column `pick` (modulo the column count) made a benefit criterion: the types with that change,
 * and the matrix with that column multiplied by `factor`.
 */
export function scaledBenefitColumn(
	matrix: number[][],
	types: CriterionType[],
	pick: number,
	factor: number
): { types: CriterionType[]; scaled: number[][] } {
	const j = pick % types.length;
	const benefit = types.slice();
	benefit[j] = 'benefit';
	const scaled = matrix.map((row) => row.map((v, k) => (k === j ? v * factor : v)));
	return { types: benefit, scaled };
}

/** Inserts at `at` a copy of row `of` made worse by `delta` (≥ 0, delta[0] ≥ 1). */
export function withDominatedRow(
	matrix: number[][],
	types: CriterionType[],
	of: number,
	at: number,
	delta: number[]
): { matrix: number[][]; dominator: number; dominated: number } {
	const src = matrix[of];
	const row = src.map((v, j) => (types[j] === 'benefit' ? v - delta[j] : v + delta[j]));
	const out = matrix.slice();
	out.splice(at, 0, row);
	return { matrix: out, dominator: at <= of ? of + 1 : of, dominated: at };
}

export const dominanceCase = problem.chain((p) =>
	fc.record({
		p: fc.constant(p),
		of: fc.integer({ min: 0, max: p.matrix.length - 1 }),
		at: fc.integer({ min: 0, max: p.matrix.length }),
		delta: fc
			.array(fc.integer({ min: 0, max: 5 }), {
				minLength: p.weights.length,
				maxLength: p.weights.length
			})
			.map((d) => [Math.max(1, d[0]), ...d.slice(1)])
	})
);

/** A decision problem as the arbitraries above make it. */
export interface Problem {
	matrix: number[][];
	weights: number[];
	types: CriterionType[];
}

/**
 * Checks on random problems that the scores do not change (to 10 decimals) when one column,
 * made a benefit criterion, is multiplied by a positive factor (0.001 to 1000).
 */
export function expectScaleInvariant(
	problems: fc.Arbitrary<Problem>,
	score: (matrix: number[][], weights: number[], types: CriterionType[]) => readonly number[]
): void {
	fc.assert(
		fc.property(
			problems,
			fc.nat(),
			fc.double({ min: 0.001, max: 1000, noNaN: true }),
			(p, pick, factor) => {
				const { types, scaled } = scaledBenefitColumn(p.matrix, p.types, pick, factor);
				const a = score(p.matrix, p.weights, types);
				const b = score(scaled, p.weights, types);
				a.forEach((s, i) => expect(b[i]).toBeCloseTo(s, 10));
			}
		)
	);
}

/** The dominator scores strictly higher than the dominated row and ranks before it. */
export function expectDominatorFirst(
	scores: readonly number[],
	ranking: readonly number[],
	{ dominator, dominated }: { dominator: number; dominated: number }
): void {
	expect(scores[dominator]).toBeGreaterThan(scores[dominated]);
	expect(positionOf(ranking, dominator)).toBeLessThan(positionOf(ranking, dominated));
}
