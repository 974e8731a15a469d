/**
 * PROMETHEE II complete ranking.
 *
 * - Brans, J.-P. & Vincke, Ph. (1985). A preference ranking organisation method (the PROMETHEE
 *   method for multiple criteria decision-making). Management Science 31(6):647–656.
 * - Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank projects:
 *   the PROMETHEE method. European Journal of Operational Research 24(2):228–238.
 * - Brans, J.-P. & Mareschal, B. (2005). PROMETHEE methods. In Figueira, Greco & Ehrgott (eds.),
 *   Multiple Criteria Decision Analysis: State of the Art Surveys, Springer, pp. 163–186.
 */
import { rankDescending } from './ranking';
import { PrometheeScorer } from './scorers';
import type { CriterionType, PreferenceFunction } from './types';
import { checkMatrix, checkTypes, checkWeights, toFloat64 } from './validate';

export interface Promethee2Result {
	/** Leaving flow φ⁺(a) = 1/(n−1) Σ_{b≠a} π(a, b). */
	positiveFlow: number[];
	/** Entering flow φ⁻(a) = 1/(n−1) Σ_{b≠a} π(b, a). */
	negativeFlow: number[];
	/** Net flow φ(a) = φ⁺(a) − φ⁻(a) ∈ [−1, 1]; the net flows sum to 0. */
	netFlow: number[];
	/** Alternatives by decreasing net flow (ties by index). */
	ranking: number[];
}

/** Validates the inputs and builds the prepared scorer (shared with sensitivity). */
export function preparePromethee(
	matrix: number[][],
	types: CriterionType[],
	functions: PreferenceFunction[]
): PrometheeScorer {
	const shape = checkMatrix(matrix);
	const isCost = checkTypes(types, shape.cols);
	return new PrometheeScorer(toFloat64(matrix, shape), shape, isCost, functions);
}

/**
 * PROMETHEE II (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986; Brans & Mareschal 2005).
 *
 * Formula: d_j(a, b) = x_aj − x_bj (negated for cost criteria); P_j(a, b) = F_j(d_j(a, b)) with
 * F_j one of the six generalised criteria ({@link PreferenceFunction}); π(a, b) = Σ_j w_j
 * P_j(a, b) with Σ w = 1; φ⁺(a) = 1/(n−1) Σ_{b≠a} π(a, b); φ⁻(a) = 1/(n−1) Σ_{b≠a} π(b, a);
 * φ(a) = φ⁺(a) − φ⁻(a). With a single alternative all flows are 0. Values may be any finite
 * numbers (only differences are used); thresholds are in the criterion's units.
 *
 * Worked example (3 alternatives, 1 benefit criterion, 'usual'): x = [3, 1, 2]. π(0,1) =
 * π(0,2) = π(2,1) = 1, the others 0; φ⁺ = [1, 0, 0.5], φ⁻ = [0, 1, 0.5], φ = [1, −1, 0], ranking
 * [0, 2, 1].
 *
 * Published example: Brans, Vincke & Mareschal (1986) hydroelectric power-station location
 * (6 projects × 6 criteria, one preference function of each type, equal weights): published
 * net flows (sums, not divided by n − 1) −0.728, 0.085, −0.447, −0.102, 1.466, −0.274, ranking
 * a5 > a2 > a4 > a6 > a3 > a1; reproduced in promethee.spec.ts.
 */
export function promethee2(
	matrix: number[][],
	weights: number[],
	types: CriterionType[],
	functions: PreferenceFunction[]
): Promethee2Result {
	const scorer = preparePromethee(matrix, types, functions);
	const w = checkWeights(weights, scorer.cols);
	const plus = new Float64Array(scorer.rows);
	const minus = new Float64Array(scorer.rows);
	scorer.flows(w, plus, minus);
	const net = new Float64Array(scorer.rows);
	for (let a = 0; a < scorer.rows; a++) net[a] = plus[a] - minus[a];
	return {
		positiveFlow: Array.from(plus),
		negativeFlow: Array.from(minus),
		netFlow: Array.from(net),
		ranking: rankDescending(net)
	};
}
