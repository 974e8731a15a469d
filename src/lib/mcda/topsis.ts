/**
 * TOPSIS: Technique for Order Preference by Similarity to Ideal Solution.
 *
 * Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications.
 * Springer, Lecture Notes in Economics and Mathematical Systems 186, pp. 128–140.
 */
import { rankDescending } from './ranking';
import { TopsisScorer } from './scorers';
import type { CriterionType, TopsisNormalisation } from './types';
import { checkMatrix, checkOption, checkTypes, checkWeights, toFloat64 } from './validate';

export const TOPSIS_NORMALISATIONS = ['vector', 'min-max'] as const;

export interface TopsisOptions {
	/** 'vector' (default, Hwang & Yoon) or 'min-max'. */
	normalisation?: TopsisNormalisation;
}

export interface TopsisResult {
	/** Relative closeness C_i ∈ [0, 1] to the ideal solution. */
	closeness: number[];
	/** Alternatives best first (ties by index). */
	ranking: number[];
}

/** Validates the inputs and builds the prepared scorer (shared with SMAA and sensitivity). */
export function prepareTopsis(
	matrix: number[][],
	types: CriterionType[],
	normalisation: unknown
): TopsisScorer {
	const shape = checkMatrix(matrix);
	const isCost = checkTypes(types, shape.cols);
	const norm = checkOption(normalisation, TOPSIS_NORMALISATIONS, 'options.normalisation');
	return new TopsisScorer(toFloat64(matrix, shape), shape, isCost, norm);
}

/**
 * TOPSIS (Hwang & Yoon 1981).
 *
 * Formula: r_ij = x_ij / sqrt(Σ_i x_ij²) ('vector', default; needs x ≥ 0 and a non-zero
 * column) or min-max scaled with cost columns reversed ('min-max'); v_ij = w_j r_ij with
 * Σ w = 1; ideal A⁺_j = max_i v_ij for benefit (min for cost), anti-ideal A⁻_j the opposite;
 * D⁺_i = ‖v_i − A⁺‖₂, D⁻_i = ‖v_i − A⁻‖₂; closeness C_i = D⁻_i / (D⁺_i + D⁻_i) (0.5 for
 * everyone when all alternatives coincide on every weighted criterion).
 *
 * Worked example (2 × 2): x = [[3, 4], [4, 3]], both benefit, w = [0.5, 0.5]: r = x / 5,
 * v = [[0.3, 0.4], [0.4, 0.3]], A⁺ = (0.4, 0.4), A⁻ = (0.3, 0.3); D⁺ = D⁻ = 0.1 for both, so
 * C = [0.5, 0.5] and the ranking is [0, 1] (tie, index order).
 *
 * Published example: Hwang & Yoon (1981, pp. 133–134) fighter-aircraft selection, 4 aircraft ×
 * 6 criteria, w = (0.2, 0.1, 0.1, 0.1, 0.2, 0.3), cost criterion = price: published closeness
 * 0.643, 0.268, 0.613, 0.312 (ranking A1 > A3 > A4 > A2), reproduced in topsis.spec.ts.
 */
export function topsis(
	matrix: number[][],
	weights: number[],
	types: CriterionType[],
	options?: TopsisOptions
): TopsisResult {
	const scorer = prepareTopsis(matrix, types, options?.normalisation ?? 'vector');
	const w = checkWeights(weights, scorer.cols);
	const closeness = new Float64Array(scorer.rows);
	scorer.score(w, closeness);
	return { closeness: Array.from(closeness), ranking: rankDescending(closeness) };
}
