/**
 * Shared types of the MCDA engine. Every matrix is indexed [alternative][criterion] unless a
 * doc comment says otherwise (AHP pairwise comparison matrices are square [element][element]).
 */

/** 'benefit': more is better; 'cost': less is better. */
export type CriterionType = 'benefit' | 'cost';

/**
 * Normalisations of the weighted sum (simple additive weighting):
 * - 'max' (default): benefit x / max, cost min / x (linear ratio scale, Hwang & Yoon 1981).
 * - 'min-max': (x − min) / (max − min) for benefit, (max − x) / (max − min) for cost.
 * - 'none': the values are used as given; cost criteria enter with a negative sign.
 */
export type WeightedSumNormalisation = 'max' | 'min-max' | 'none';

/**
 * Normalisations of TOPSIS:
 * - 'vector' (default): x / sqrt(Σ x²) per column (Hwang & Yoon 1981).
 * - 'min-max': (x − min) / (max − min), cost columns reversed.
 */
export type TopsisNormalisation = 'vector' | 'min-max';

/** Random index table used for Saaty's consistency ratio. */
export type RandomIndexTable = 'saaty-1980' | 'alonso-lamata-2006';

/** Method used to derive priorities from a pairwise comparison matrix. */
export type AhpMethod = 'eigenvector' | 'geometric-mean';

/**
 * PROMETHEE generalised criteria (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986),
 * with thresholds in the units of the criterion. For a difference d > 0 (P = 0 for d ≤ 0):
 * - 'usual' (type I): P = 1.
 * - 'u-shape' (type II, quasi-criterion): P = 0 if d ≤ q, else 1.
 * - 'v-shape' (type III, linear preference): P = d / p if d ≤ p, else 1.
 * - 'level' (type IV): P = 0 if d ≤ q, 1/2 if q < d ≤ p, 1 if d > p.
 * - 'linear' (type V, V-shape with indifference): P = 0 if d ≤ q, (d − q)/(p − q) if
 *   q < d ≤ p, 1 if d > p.
 * - 'gaussian' (type VI): P = 1 − exp(−d² / (2 s²)).
 */
export type PreferenceFunction =
	| { type: 'usual' }
	| { type: 'u-shape'; q: number }
	| { type: 'v-shape'; p: number }
	| { type: 'level'; q: number; p: number }
	| { type: 'linear'; q: number; p: number }
	| { type: 'gaussian'; s: number };

/** Scoring methods that can be swept by sensitivity analysis. */
export type ScorerName = 'weighted-sum' | 'topsis' | 'promethee2';
