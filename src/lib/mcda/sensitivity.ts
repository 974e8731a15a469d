/**
 * One-at-a-time weight sensitivity analysis.
 *
 * - Triantaphyllou, E. & Sánchez, A. (1997). A sensitivity analysis approach for some
 *   deterministic multi-criteria decision-making methods. Decision Sciences 28(1):151–194.
 * - Butler, J., Jia, J. & Dyer, J. (1997). Simulation techniques for the sensitivity analysis of
 *   multi-criteria decision models. EJOR 103(3):531–546 (proportional rescaling of the other
 *   weights).
 */
import { McdaInputError } from './errors';
import { preparePromethee } from './promethee';
import { argmaxFirst } from './ranking';
import type { PreparedScorer } from './scorers';
import { prepareTopsis } from './topsis';
import type {
	CriterionType,
	PreferenceFunction,
	ScorerName,
	TopsisNormalisation,
	WeightedSumNormalisation
} from './types';
import { checkOption, checkWeights } from './validate';
import { prepareWeightedSum } from './weighted-sum';

export interface SensitivityOptions {
	/** Number of equal steps of the sweep from 0 to 1 (default 50, i.e. 51 points). */
	steps?: number;
	/** Normalisation for 'weighted-sum' (default 'max') or 'topsis' (default 'vector'). */
	normalisation?: WeightedSumNormalisation | TopsisNormalisation;
	/** Preference functions for 'promethee2' (default: 'usual' for every criterion). */
	functions?: PreferenceFunction[];
}

export interface FirstPlaceSwitch {
	/** Weight of the swept criterion at which the first place changes (±1e-12). */
	weight: number;
	/** First-placed alternative just below `weight`. */
	from: number;
	/** First-placed alternative just above `weight`. */
	to: number;
}

export interface SensitivitySweep {
	/** Index of the swept criterion. */
	criterion: number;
	/** The criterion's normalised weight in the input. */
	baseWeight: number;
	/** Swept values t_k = k / steps, k = 0..steps. */
	weights: number[];
	/** scores[a][k]: score of alternative a at step k (weighted sum, closeness or net flow). */
	scores: number[][];
	/** firstPlace[k]: best alternative at step k (ties by index). */
	firstPlace: number[];
	/** Weight values at which the first place changes, ascending, located by bisection. */
	switchPoints: FirstPlaceSwitch[];
}

const BISECTION_TOLERANCE = 1e-12;

/** Writes into `out` the weights with criterion c set to t and the others rescaled. */
function sweepWeights(base: Float64Array, c: number, t: number, out: Float64Array): void {
	const m = base.length;
	const rest = 1 - base[c];
	for (let j = 0; j < m; j++) {
		if (j === c) out[j] = t;
		else if (rest > 0) out[j] = (base[j] * (1 - t)) / rest;
		else out[j] = (1 - t) / (m - 1);
	}
}

/**
 * One-at-a-time sensitivity of the first place to each weight.
 *
 * Formula: for criterion c and t ∈ [0, 1], w_c(t) = t and w_j(t) = w_j (1 − t)/(1 − w_c) for
 * j ≠ c (proportional rescaling, so Σ w = 1 and the ratios of the other weights are kept; if
 * w_c = 1 the other criteria share 1 − t equally). The chosen method scores every alternative at
 * t = k / steps. Wherever the first place differs between two consecutive steps, bisection on t
 * (to 1e-12) locates the switch; a chain of switches inside one step is followed, but a switch
 * that reverts within one step (A → B → A) is only seen with finer steps. With a single
 * criterion the weight cannot move and every step uses w = [1].
 *
 * Worked example (weighted sum, 'max'): x = [[1, 0], [0, 1]] (both benefit), w = [0.7, 0.3].
 * Sweeping criterion 0: S_0(t) = t, S_1(t) = 1 − t, so alternative 1 leads for t < 0.5 and
 * alternative 0 from t = 0.5 on; the switch is reported at weight 0.5 (from 1 to 0).
 */
export function sensitivityOneAtATime(
	matrix: number[][],
	weights: number[],
	types: CriterionType[],
	scorer: ScorerName,
	options?: SensitivityOptions
): SensitivitySweep[] {
	const name = checkOption(scorer, ['weighted-sum', 'topsis', 'promethee2'] as const, 'scorer');
	const steps = options?.steps ?? 50;
	if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 100_000) {
		throw new McdaInputError(
			'invalid-parameter',
			`options.steps is ${String(steps)}; expected an integer from 1 to 100000`
		);
	}
	let prepared: PreparedScorer;
	if (name === 'weighted-sum') {
		prepared = prepareWeightedSum(matrix, types, options?.normalisation ?? 'max');
	} else if (name === 'topsis') {
		prepared = prepareTopsis(matrix, types, options?.normalisation ?? 'vector');
	} else {
		const cols = Array.isArray(matrix) && Array.isArray(matrix[0]) ? matrix[0].length : 0;
		const functions =
			options?.functions ?? new Array<PreferenceFunction>(cols).fill({ type: 'usual' });
		prepared = preparePromethee(matrix, types, functions);
	}
	const base = checkWeights(weights, prepared.cols);
	const { rows: n, cols: m } = prepared;
	const w = new Float64Array(m);
	const scores = new Float64Array(n);

	const firstAt = (c: number, t: number): number => {
		if (m === 1) w[0] = 1;
		else sweepWeights(base, c, t, w);
		prepared.score(w, scores);
		return argmaxFirst(scores);
	};

	const sweeps: SensitivitySweep[] = [];
	for (let c = 0; c < m; c++) {
		const ts: number[] = [];
		const series: number[][] = Array.from({ length: n }, () => new Array<number>(steps + 1));
		const firstPlace: number[] = [];
		for (let k = 0; k <= steps; k++) {
			const t = k / steps;
			ts.push(t);
			firstPlace.push(firstAt(c, t));
			for (let a = 0; a < n; a++) series[a][k] = scores[a];
		}
		const switchPoints: FirstPlaceSwitch[] = [];
		for (let k = 0; k < steps; k++) {
			let lo = ts[k];
			let fLo = firstPlace[k];
			const fEnd = firstPlace[k + 1];
			// Follow a chain of switches inside [t_k, t_k+1] (each located by bisection).
			for (let guard = 0; fLo !== fEnd && guard < n; guard++) {
				let a = lo;
				let b = ts[k + 1];
				let fB = fEnd;
				while (b - a > BISECTION_TOLERANCE) {
					const mid = (a + b) / 2;
					if (mid <= a || mid >= b) break;
					const fMid = firstAt(c, mid);
					if (fMid === fLo) a = mid;
					else {
						b = mid;
						fB = fMid;
					}
				}
				switchPoints.push({ weight: (a + b) / 2, from: fLo, to: fB });
				lo = b;
				fLo = fB;
			}
		}
		sweeps.push({
			criterion: c,
			baseWeight: base[c],
			weights: ts,
			scores: series,
			firstPlace,
			switchPoints
		});
	}
	return sweeps;
}
