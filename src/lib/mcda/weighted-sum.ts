/**
 * Weighted sum (simple additive weighting, SAW) and per-criterion contributions.
 *
 * - Fishburn, P. C. (1967). Additive utilities with incomplete product sets. Operations Research
 *   15(3):537–542.
 * - Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and
 *   Applications. Springer, Lecture Notes in Economics and Mathematical Systems 186, §III.1.4
 *   (SAW) and the linear normalisations used here.
 */
import { rankDescending } from './ranking';
import { WeightedSumScorer } from './scorers';
import type { CriterionType, WeightedSumNormalisation } from './types';
import { checkMatrix, checkOption, checkTypes, checkWeights, toFloat64 } from './validate';

export const WEIGHTED_SUM_NORMALISATIONS = ['max', 'min-max', 'none'] as const;

export interface WeightedSumOptions {
	/** 'max' (default), 'min-max' or 'none'; see {@link weightedSum}. */
	normalisation?: WeightedSumNormalisation;
}

export interface WeightedSumResult {
	/** S_i per alternative. */
	scores: number[];
	/** Alternatives best first (ties by index). */
	ranking: number[];
}

/** Validates the inputs and builds the prepared scorer (shared with SMAA and sensitivity). */
export function prepareWeightedSum(
	matrix: number[][],
	types: CriterionType[],
	normalisation: unknown
): WeightedSumScorer {
	const shape = checkMatrix(matrix);
	const isCost = checkTypes(types, shape.cols);
	const norm = checkOption(normalisation, WEIGHTED_SUM_NORMALISATIONS, 'options.normalisation');
	return new WeightedSumScorer(toFloat64(matrix, shape), shape, isCost, norm);
}

/**
 * Weighted sum S_i = Σ_j w_j r_ij (Fishburn 1967; Hwang & Yoon 1981), weights normalised to
 * Σ w = 1.
 *
 * Normalisation r_ij:
 * - 'max' (default): benefit x_ij / max_i x_ij; cost min_i x_ij / x_ij (needs x > 0 for cost
 *   and x ≥ 0 with a positive maximum for benefit).
 * - 'min-max': benefit (x − min)/(max − min); cost (max − x)/(max − min) (a constant column
 *   throws).
 * - 'none': benefit x; cost −x (values already on a common scale; ranking-equivalent to 1 − x
 *   for data scaled to [0, 1]).
 *
 * Worked example (3 alternatives × 2 criteria, 'max'): x = [[10, 4], [8, 2], [5, 5]], types
 * [benefit, cost], w = [0.6, 0.4]. Column maxima / minima: 10 and 2, so
 * r = [[1, 0.5], [0.8, 1], [0.5, 0.4]] and
 * S = [0.6·1 + 0.4·0.5, 0.6·0.8 + 0.4·1, 0.6·0.5 + 0.4·0.4] = [0.80, 0.88, 0.46];
 * ranking [1, 0, 2].
 */
export function weightedSum(
	matrix: number[][],
	weights: number[],
	types: CriterionType[],
	options?: WeightedSumOptions
): WeightedSumResult {
	const scorer = prepareWeightedSum(matrix, types, options?.normalisation ?? 'max');
	const w = checkWeights(weights, scorer.cols);
	const scores = new Float64Array(scorer.rows);
	scorer.score(w, scores);
	return { scores: Array.from(scores), ranking: rankDescending(scores) };
}

/**
 * Weighted normalised contributions c_ij = w_j r_ij, [alternative][criterion], with r as in
 * {@link weightedSum} (same normalisations, default 'max'). Row sums equal the weighted-sum
 * scores, so the rows can be drawn as stacked bars (Hwang & Yoon 1981, SAW).
 *
 * Worked example: with the data of {@link weightedSum}, the contributions are
 * [[0.6, 0.2], [0.48, 0.4], [0.3, 0.16]], whose row sums are 0.80, 0.88 and 0.46.
 */
export function criterionContributions(
	matrix: number[][],
	weights: number[],
	types: CriterionType[],
	normalisation: WeightedSumNormalisation = 'max'
): number[][] {
	const scorer = prepareWeightedSum(matrix, types, normalisation);
	const w = checkWeights(weights, scorer.cols);
	const { rows, cols, r } = scorer;
	const out: number[][] = [];
	for (let i = 0; i < rows; i++) {
		const row = new Array<number>(cols);
		for (let j = 0; j < cols; j++) row[j] = w[j] * r[i * cols + j];
		out.push(row);
	}
	return out;
}
