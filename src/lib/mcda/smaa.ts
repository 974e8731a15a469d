/**
 * SMAA-2: Stochastic Multicriteria Acceptability Analysis with missing weight information.
 *
 * - Lahdelma, R. & Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability analysis
 *   for group decision making. Operations Research 49(3):444–454.
 * - Tervonen, T. & Lahdelma, R. (2007). Implementing stochastic multicriteria acceptability
 *   analysis. European Journal of Operational Research 178(2):500–513 (simulation scheme and
 *   uniform weight sampling).
 */
import { McdaInputError } from './errors';
import { createRng, type Rng } from './random';
import { rankInto } from './ranking';
import type { PreparedScorer } from './scorers';
import { prepareTopsis } from './topsis';
import type { CriterionType, TopsisNormalisation, WeightedSumNormalisation } from './types';
import { checkFiniteNumber, checkOption } from './validate';
import { prepareWeightedSum } from './weighted-sum';

export interface WeightBound {
	min: number;
	max: number;
}

export interface SmaaOptions {
	/** Value model evaluated for every sampled weight vector. */
	method: 'weighted-sum' | 'topsis';
	/** Number of Monte Carlo samples (a positive integer). */
	samples: number;
	/** Seed of the xoshiro128** generator (a safe integer): same seed, same output. */
	seed: number;
	/** Optional bounds per criterion on the normalised weights, honoured by rejection. */
	weightBounds?: WeightBound[];
	/**
	 * Normalisation of the value model: 'max' | 'min-max' | 'none' for the weighted sum (default
	 * 'max'), 'vector' | 'min-max' for TOPSIS (default 'vector').
	 */
	normalisation?: WeightedSumNormalisation | TopsisNormalisation;
}

export interface SmaaResult {
	/** rankAcceptability[a][r]: share of samples in which alternative a has rank r (0 = best). */
	rankAcceptability: number[][];
	/** centralWeights[a]: mean weight vector of the samples where a ranks first (zeros if never). */
	centralWeights: number[][];
}

/** Below this acceptance rate of the rejection sampler the bounds are reported as too narrow. */
const MIN_ACCEPTANCE = 1e-3;
const ACCEPTANCE_CHECK_AFTER = 10_000;

interface BoundsPlan {
	lower: Float64Array;
	upper: Float64Array;
	/** 1 − Σ lower: the free mass distributed uniformly on the simplex. */
	free: number;
	hasUpper: boolean;
}

function checkBounds(bounds: unknown, cols: number): BoundsPlan | null {
	if (bounds === undefined) return null;
	if (!Array.isArray(bounds)) {
		throw new McdaInputError(
			'not-an-array',
			'options.weightBounds must be an array of { min, max }'
		);
	}
	if (bounds.length !== cols) {
		throw new McdaInputError(
			'length-mismatch',
			`options.weightBounds has ${bounds.length} values, expected ${cols} (one per criterion)`
		);
	}
	const lower = new Float64Array(cols);
	const upper = new Float64Array(cols);
	let sumMin = 0;
	let sumMax = 0;
	let hasUpper = false;
	for (let j = 0; j < cols; j++) {
		const b: unknown = bounds[j];
		if (typeof b !== 'object' || b === null) {
			throw new McdaInputError(
				'invalid-parameter',
				`options.weightBounds[${j}] (criterion ${j}) must be an object { min, max }`,
				{ column: j }
			);
		}
		const rec = b as Record<string, unknown>;
		const min = checkFiniteNumber(rec.min, `options.weightBounds[${j}].min (criterion ${j})`);
		const max = checkFiniteNumber(rec.max, `options.weightBounds[${j}].max (criterion ${j})`);
		if (min < 0 || max < min) {
			throw new McdaInputError(
				'infeasible-bounds',
				`options.weightBounds[${j}] (criterion ${j}) is [${min}, ${max}]; bounds need 0 ≤ min ≤ max`,
				{ column: j }
			);
		}
		lower[j] = min;
		upper[j] = max;
		if (max < 1) hasUpper = true;
		sumMin += min;
		sumMax += Math.min(max, 1);
	}
	if (sumMin > 1 + 1e-12) {
		throw new McdaInputError(
			'infeasible-bounds',
			`weight bounds are infeasible: the minimums sum to ${sumMin} > 1`
		);
	}
	if (sumMax < 1 - 1e-12) {
		throw new McdaInputError(
			'infeasible-bounds',
			`weight bounds are infeasible: the maximums sum to ${sumMax} < 1`
		);
	}
	return { lower, upper, free: Math.max(0, 1 - sumMin), hasUpper };
}

/** Uniform point of the unit simplex: normalised −ln(U) (exponential spacings). */
function sampleSimplex(rng: Rng, w: Float64Array): void {
	const m = w.length;
	let sum = 0;
	for (let j = 0; j < m; j++) {
		const e = -Math.log(rng());
		w[j] = e;
		sum += e;
	}
	for (let j = 0; j < m; j++) w[j] /= sum;
}

/**
 * SMAA-2 rank acceptability indices and central weight vectors (Lahdelma & Salminen 2001), by
 * Monte Carlo simulation (Tervonen & Lahdelma 2007).
 *
 * Weights are drawn uniformly from the simplex {w ≥ 0, Σ w = 1} as normalised −ln(U)
 * variables (a flat Dirichlet). With `weightBounds`, the lower bounds are applied exactly
 * (w = min + (1 − Σ min) u keeps the distribution uniform on the lower-bounded simplex) and the
 * upper bounds by rejection; bounds with Σ min > 1 or Σ max < 1 throw, and so do bounds that
 * leave less than 0.1 % of that simplex (rejection would not terminate in reasonable time).
 * For every sample the chosen value model (weighted sum or TOPSIS, on a matrix normalised
 * once) scores the alternatives, which are ranked best first with ties by index.
 *
 * Outputs: b_a^r = share of samples where alternative a has rank r (each row sums to 1), and
 * w_a^c = mean of the sampled weight vectors where a ranks first (zeros if it never does).
 *
 * Worked example: if alternative 0 dominates alternative 1 on every criterion, every sample
 * ranks it first, so rankAcceptability = [[1, 0], [0, 1]] and centralWeights[0] ≈ the simplex
 * centroid (1/m, …, 1/m) while centralWeights[1] = zeros.
 */
export function smaa(matrix: number[][], types: CriterionType[], options: SmaaOptions): SmaaResult {
	const steps = smaaSteps(matrix, types, options);
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/** Samples between two progress reports of {@link smaaSteps}. */
export const SMAA_STEP_SAMPLES = 250;

/**
 * {@link smaa} in steps: yields the number of samples done after every
 * {@link SMAA_STEP_SAMPLES} samples and returns the same result as `smaa` with the same
 * arguments (the same generator state, in the same order). A caller that must not hold its
 * thread for long (the web server) runs it a few steps at a time and reports the progress.
 * Input errors are thrown by the first `next()`.
 *
 * Example: `const it = smaaSteps(u, types, opts); let r = it.next(); while (!r.done) r = it.next();`
 * gives `r.value` equal to `smaa(u, types, opts)`.
 */
export function* smaaSteps(
	matrix: number[][],
	types: CriterionType[],
	options: SmaaOptions
): Generator<number, SmaaResult, void> {
	if (typeof options !== 'object' || options === null) {
		throw new McdaInputError(
			'invalid-parameter',
			'options must be an object { method, samples, seed }'
		);
	}
	const method = checkOption(options.method, ['weighted-sum', 'topsis'] as const, 'options.method');
	const samples = options.samples;
	if (typeof samples !== 'number' || !Number.isInteger(samples) || samples <= 0) {
		throw new McdaInputError(
			'invalid-parameter',
			`options.samples is ${String(samples)}; expected a positive integer`
		);
	}
	const scorer: PreparedScorer =
		method === 'weighted-sum'
			? prepareWeightedSum(matrix, types, options.normalisation ?? 'max')
			: prepareTopsis(matrix, types, options.normalisation ?? 'vector');
	const rng = createRng(options.seed);
	const { rows: n, cols: m } = scorer;
	const bounds = checkBounds(options.weightBounds, m);

	const w = new Float64Array(m);
	const scores = new Float64Array(n);
	const order = new Uint32Array(n);
	const rankCounts = new Float64Array(n * n);
	const firstCounts = new Float64Array(n);
	const centralSums = new Float64Array(n * m);

	let attempts = 0;
	for (let s = 0; s < samples; s++) {
		if (bounds === null) {
			sampleSimplex(rng, w);
		} else {
			for (;;) {
				attempts++;
				sampleSimplex(rng, w);
				let ok = true;
				for (let j = 0; j < m; j++) {
					const v = bounds.lower[j] + bounds.free * w[j];
					w[j] = v;
					if (bounds.hasUpper && v > bounds.upper[j]) ok = false;
				}
				if (ok) break;
				if (attempts >= ACCEPTANCE_CHECK_AFTER && s / attempts < MIN_ACCEPTANCE) {
					throw new McdaInputError(
						'infeasible-bounds',
						`weight bounds are too narrow: only ${s} of ${attempts} sampled weight vectors satisfied them (rejection sampling needs an acceptance rate of at least ${MIN_ACCEPTANCE * 100} %)`
					);
				}
			}
		}
		scorer.score(w, scores);
		rankInto(scores, order);
		for (let r = 0; r < n; r++) rankCounts[order[r] * n + r]++;
		const first = order[0];
		firstCounts[first]++;
		const base = first * m;
		for (let j = 0; j < m; j++) centralSums[base + j] += w[j];
		if ((s + 1) % SMAA_STEP_SAMPLES === 0 && s + 1 < samples) yield s + 1;
	}

	const rankAcceptability: number[][] = [];
	const centralWeights: number[][] = [];
	for (let a = 0; a < n; a++) {
		const row = new Array<number>(n);
		for (let r = 0; r < n; r++) row[r] = rankCounts[a * n + r] / samples;
		rankAcceptability.push(row);
		const cw = new Array<number>(m).fill(0);
		if (firstCounts[a] > 0) {
			for (let j = 0; j < m; j++) cw[j] = centralSums[a * m + j] / firstCounts[a];
		}
		centralWeights.push(cw);
	}
	return { rankAcceptability, centralWeights };
}
