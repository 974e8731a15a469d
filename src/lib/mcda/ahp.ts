/**
 * Analytic Hierarchy Process (Saaty 1977, 1980, 1990).
 *
 * - Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures. Journal of
 *   Mathematical Psychology 15(3):234–281.
 * - Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill, New York.
 * - Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European
 *   Journal of Operational Research 48(1):9–26.
 * - Alonso, J. A. & Lamata, M. T. (2006). Consistency in the analytic hierarchy process: a new
 *   approach. International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems
 *   14(4):445–459.
 * - Crawford, G. & Williams, C. (1985). A note on the analysis of subjective judgment matrices.
 *   Journal of Mathematical Psychology 29(4):387–405 (geometric-mean priorities).
 */
import { McdaInputError } from './errors';
import { rankDescending } from './ranking';
import type { AhpMethod, RandomIndexTable } from './types';
import { checkMatrix, checkOption } from './validate';

/**
 * Saaty's random index RI(n) for n = 1..15 (index n − 1). n = 1..10 from Saaty (1980); n = 11..15
 * are the extended values usually quoted with it (11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57,
 * 15: 1.59; the 1.48 at n = 12 is as published).
 */
export const SAATY_1980_RI: readonly number[] = [
	0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59
];

/**
 * Alonso & Lamata (2006) random index for n = 1..15 (index n − 1), estimated from 100,000 random
 * reciprocal matrices per size on Saaty's 1/9..9 scale.
 */
export const ALONSO_LAMATA_2006_RI: readonly number[] = [
	0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
	1.5713, 1.5838
];

/** Largest matrix with a published random index. */
export const AHP_MAX_SIZE = 15;

/** Relative tolerance of the reciprocity check: |a_ij · a_ji − 1| ≤ 1e-6. */
export const RECIPROCAL_TOLERANCE = 1e-6;

/** Saaty's fundamental scale 1/9 … 1/2, 1, 2 … 9 (ascending). */
export const SAATY_SCALE: readonly number[] = [
	1 / 9,
	1 / 8,
	1 / 7,
	1 / 6,
	1 / 5,
	1 / 4,
	1 / 3,
	1 / 2,
	1,
	2,
	3,
	4,
	5,
	6,
	7,
	8,
	9
];

export interface AhpOptions {
	/** Priority derivation: principal eigenvector (default, Saaty) or row geometric mean. */
	method?: AhpMethod;
	/** Random index table for the consistency ratio (default 'saaty-1980'). */
	riTable?: RandomIndexTable;
}

export interface AhpResult {
	/** Priority vector, sums to 1. */
	weights: number[];
	/** Principal eigenvalue of the matrix (whatever the method used for the weights). */
	lambdaMax: number;
	/** Consistency index CI = (λmax − n)/(n − 1); 0 for n ≤ 2. */
	ci: number;
	/** Consistency ratio CR = CI / RI(n); 0 for n ≤ 2. CR > 0.10 is a warning, not an error. */
	cr: number;
	/** Random index RI(n) from the chosen table. */
	ri: number;
}

/**
 * Validates a pairwise comparison matrix: square, positive, finite, a_ii = 1 and
 * a_ji = 1 / a_ij within a relative tolerance of 1e-6. Returns n and a row-major copy.
 */
export function checkPairwiseMatrix(
	matrix: unknown,
	label = 'pairwise matrix',
	matrixIndex?: number
): { n: number; a: Float64Array } {
	const shape = checkMatrix(matrix, label, matrixIndex);
	const rows = matrix as number[][];
	const where = matrixIndex === undefined ? {} : { matrix: matrixIndex };
	const n = shape.rows;
	if (shape.cols !== n) {
		throw new McdaInputError(
			'not-square',
			`${label} has ${n} rows of ${shape.cols} values; a pairwise comparison matrix must be square`,
			where
		);
	}
	const a = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) {
			const v = rows[i][j];
			if (!(v > 0)) {
				throw new McdaInputError(
					'not-positive',
					`${label} row ${i}, column ${j} is ${v}; pairwise judgements must be > 0`,
					{ ...where, row: i, column: j }
				);
			}
			a[i * n + j] = v;
		}
	}
	for (let i = 0; i < n; i++) {
		if (Math.abs(a[i * n + i] - 1) > RECIPROCAL_TOLERANCE) {
			throw new McdaInputError(
				'not-reciprocal',
				`${label} diagonal entry (${i}, ${i}) is ${a[i * n + i]}, expected 1`,
				{ ...where, row: i, column: i }
			);
		}
		for (let j = i + 1; j < n; j++) {
			const aij = a[i * n + j];
			const aji = a[j * n + i];
			if (Math.abs(aij * aji - 1) > RECIPROCAL_TOLERANCE) {
				throw new McdaInputError(
					'not-reciprocal',
					`${label} is not reciprocal: entry (${i}, ${j}) is ${aij} but entry (${j}, ${i}) is ${aji}, expected ${1 / aij}`,
					{ ...where, row: j, column: i }
				);
			}
		}
	}
	return { n, a };
}

/** Random index RI(n) from `table`; n must be ≤ 15. */
export function randomIndex(n: number, table: RandomIndexTable = 'saaty-1980'): number {
	const values = table === 'alonso-lamata-2006' ? ALONSO_LAMATA_2006_RI : SAATY_1980_RI;
	if (n < 1 || n > values.length) {
		throw new McdaInputError(
			'too-large',
			`no published random index for n = ${n}; AHP consistency needs 1 ≤ n ≤ ${values.length}`
		);
	}
	return values[n - 1];
}

/** Row geometric means, normalised to sum 1 (computed in log space). */
export function geometricMeanPriorities(a: Float64Array, n: number): Float64Array {
	const w = new Float64Array(n);
	let sum = 0;
	for (let i = 0; i < n; i++) {
		let logSum = 0;
		for (let j = 0; j < n; j++) logSum += Math.log(a[i * n + j]);
		w[i] = Math.exp(logSum / n);
		sum += w[i];
	}
	for (let i = 0; i < n; i++) w[i] /= sum;
	return w;
}

/**
 * Principal (Perron) eigenvector and eigenvalue of a positive matrix by power iteration,
 * started from the geometric-mean vector and iterated until successive normalised vectors
 * differ by less than 1e-15 in every component (at most 100,000 iterations; a positive
 * matrix always converges, near-consistent ones in a few iterations).
 */
export function principalEigen(a: Float64Array, n: number): { w: Float64Array; lambda: number } {
	let w: Float64Array = geometricMeanPriorities(a, n);
	let y: Float64Array = new Float64Array(n);
	for (let iter = 0; iter < 100_000; iter++) {
		let sum = 0;
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
			y[i] = s;
			sum += s;
		}
		let diff = 0;
		for (let i = 0; i < n; i++) {
			y[i] /= sum;
			const d = Math.abs(y[i] - w[i]);
			if (d > diff) diff = d;
		}
		const t = w;
		w = y;
		y = t;
		if (diff <= 1e-15) break;
	}
	// λmax = Σ_i (A w)_i because Σ_i w_i = 1 and A w = λ w.
	let lambda = 0;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) lambda += a[i * n + j] * w[j];
	}
	return { w, lambda };
}

/** AHP on an already validated matrix (shared by ahp, ahpHierarchy and groupConsensus). */
export function ahpValidated(
	a: Float64Array,
	n: number,
	method: AhpMethod,
	riTable: RandomIndexTable
): AhpResult {
	const ri = randomIndex(n, riTable);
	const eig = principalEigen(a, n);
	const w = method === 'geometric-mean' ? geometricMeanPriorities(a, n) : eig.w;
	const lambdaMax = n <= 2 ? n : eig.lambda;
	const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
	const cr = n <= 2 ? 0 : ci / ri;
	return { weights: Array.from(w), lambdaMax, ci, cr, ri };
}

function readAhpOptions(options: AhpOptions | undefined): {
	method: AhpMethod;
	riTable: RandomIndexTable;
} {
	return {
		method: checkOption(
			options?.method ?? 'eigenvector',
			['eigenvector', 'geometric-mean'] as const,
			'options.method'
		),
		riTable: checkOption(
			options?.riTable ?? 'saaty-1980',
			['saaty-1980', 'alonso-lamata-2006'] as const,
			'options.riTable'
		)
	};
}

/**
 * Priorities and consistency of a pairwise comparison matrix (Saaty 1977, 1980).
 *
 * Formula: the weights w solve A w = λmax w (principal eigenvector, normalised to Σw = 1; found
 * by power iteration to 1e-15), or, with `method: 'geometric-mean'`, w_i ∝ (Π_j a_ij)^(1/n)
 * (Crawford & Williams 1985). CI = (λmax − n)/(n − 1), CR = CI / RI(n), with RI from Saaty
 * (1980) or Alonso & Lamata (2006); for n ≤ 2 CI = CR = 0. λmax is always the principal
 * eigenvalue, as in Saaty's definition of CI. CR > 0.10 is returned, not rejected: callers
 * show a warning. The matrix must be positive and reciprocal (|a_ij a_ji − 1| ≤ 1e-6), n ≤ 15.
 *
 * Worked example (consistent): A = [[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]] has a_ij = w_i / w_j
 * for w = (4/7, 2/7, 1/7) ≈ (0.571, 0.286, 0.143), so λmax = 3, CI = 0, CR = 0.
 *
 * Published example: Saaty (1990, EJOR 48:9–26, Table 2, "choosing a house", 8 criteria) gives
 * w ≈ (0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333), λmax = 9.669, CR = 0.169;
 * this function reproduces those figures (see ahp.spec.ts).
 */
export function ahp(matrix: number[][], options?: AhpOptions): AhpResult {
	const { method, riTable } = readAhpOptions(options);
	const { n, a } = checkPairwiseMatrix(matrix);
	if (n > AHP_MAX_SIZE) {
		throw new McdaInputError(
			'too-large',
			`pairwise matrix is ${n}×${n}; AHP supports at most ${AHP_MAX_SIZE} elements (published random indices stop at n = ${AHP_MAX_SIZE})`
		);
	}
	return ahpValidated(a, n, method, riTable);
}

export interface AhpHierarchyResult {
	/** Priorities of the criteria (from `criteriaMatrix`). */
	criteriaWeights: number[];
	/** localPriorities[c][a]: priority of alternative a under criterion c. */
	localPriorities: number[][];
	/** Global priority of each alternative: Σ_c criteriaWeights[c] · localPriorities[c][a]. */
	scores: number[];
	/** Alternatives best first (ties by index). */
	ranking: number[];
	/** Consistency of every matrix (for the CR > 0.10 warnings). */
	consistency: {
		criteria: Omit<AhpResult, 'weights'>;
		alternatives: Omit<AhpResult, 'weights'>[];
	};
}

function consistencyOf(r: AhpResult): Omit<AhpResult, 'weights'> {
	return { lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr, ri: r.ri };
}

/**
 * Two-level AHP synthesis with distributive mode (Saaty 1980, 1990).
 *
 * Formula: criteria weights c = ahp(criteriaMatrix).weights; for each criterion k the local
 * priorities l_k = ahp(alternativeMatrices[k]).weights; global score s_a = Σ_k c_k l_k[a].
 * `alternativeMatrices` has one m×m matrix per criterion (same m for all).
 *
 * Worked example (Wikipedia "AHP – leader example", as reproduced by the AHPy package):
 * criteria Experience / Education / Charisma / Age with a_12 = 4, a_13 = 3, a_14 = 7, a_23 = 1/3,
 * a_24 = 3, a_34 = 5 give c ≈ (0.548, 0.127, 0.270, 0.056); with the candidates' matrices the
 * global priorities are Moll 0.358, Nell 0.493, Sue 0.150 (see ahp.spec.ts).
 */
export function ahpHierarchy(
	criteriaMatrix: number[][],
	alternativeMatrices: number[][][],
	options?: AhpOptions
): AhpHierarchyResult {
	const { method, riTable } = readAhpOptions(options);
	const crit = checkPairwiseMatrix(criteriaMatrix, 'criteria matrix');
	if (crit.n > AHP_MAX_SIZE) {
		throw new McdaInputError(
			'too-large',
			`criteria matrix is ${crit.n}×${crit.n}; AHP supports at most ${AHP_MAX_SIZE} elements`
		);
	}
	if (!Array.isArray(alternativeMatrices)) {
		throw new McdaInputError('not-an-array', 'alternativeMatrices must be an array of matrices');
	}
	if (alternativeMatrices.length !== crit.n) {
		throw new McdaInputError(
			'length-mismatch',
			`alternativeMatrices has ${alternativeMatrices.length} matrices, expected ${crit.n} (one per criterion)`
		);
	}
	const critResult = ahpValidated(crit.a, crit.n, method, riTable);
	let m = -1;
	const local: number[][] = [];
	const altConsistency: Omit<AhpResult, 'weights'>[] = [];
	for (let k = 0; k < crit.n; k++) {
		const label = `alternative matrix ${k} (criterion ${k})`;
		const alt = checkPairwiseMatrix(alternativeMatrices[k], label, k);
		if (m === -1) m = alt.n;
		else if (alt.n !== m) {
			throw new McdaInputError(
				'length-mismatch',
				`${label} is ${alt.n}×${alt.n}, expected ${m}×${m} like alternative matrix 0`,
				{ matrix: k }
			);
		}
		if (alt.n > AHP_MAX_SIZE) {
			throw new McdaInputError(
				'too-large',
				`${label} is ${alt.n}×${alt.n}; AHP supports at most ${AHP_MAX_SIZE} elements`,
				{ matrix: k }
			);
		}
		const r = ahpValidated(alt.a, alt.n, method, riTable);
		local.push(r.weights);
		altConsistency.push(consistencyOf(r));
	}
	const scores = new Array<number>(m).fill(0);
	for (let k = 0; k < crit.n; k++) {
		for (let a = 0; a < m; a++) scores[a] += critResult.weights[k] * local[k][a];
	}
	return {
		criteriaWeights: critResult.weights,
		localPriorities: local,
		scores,
		ranking: rankDescending(scores),
		consistency: { criteria: consistencyOf(critResult), alternatives: altConsistency }
	};
}

export interface InconsistentJudgment {
	/** Row of the judgement (i < j). */
	i: number;
	/** Column of the judgement. */
	j: number;
	/** Current judgement a_ij. */
	current: number;
	/** w_i / w_j snapped to the nearest Saaty value (1/9 … 9, nearest in log scale). */
	suggested: number;
	/** w_i / w_j before snapping. */
	ratio: number;
	/** |ln(a_ij · w_j / w_i)|: how far the judgement is from the derived ratio. */
	deviation: number;
}

/** Nearest value of Saaty's 1/9..9 scale to `x`, measured in log scale (ties: the smaller). */
export function snapToSaatyScale(x: number): number {
	const lx = Math.log(x);
	let best = SAATY_SCALE[0];
	let bestD = Infinity;
	for (const v of SAATY_SCALE) {
		const d = Math.abs(Math.log(v) - lx);
		if (d < bestD - 1e-12) {
			bestD = d;
			best = v;
		}
	}
	return best;
}

/**
 * The judgement that deviates most from the derived priorities, and a consistent replacement
 * (Saaty 2003, "Decision-making with the AHP: why is the principal eigenvector necessary",
 * EJOR 145(1):85–91: revise the a_ij with the largest ε_ij = a_ij w_j / w_i).
 *
 * Formula: with w the principal eigenvector, deviation_ij = |ln(a_ij w_j / w_i)| (symmetric in
 * i, j, so only i < j is searched; ties go to the first pair in row order); suggested = the
 * Saaty scale value nearest to w_i / w_j in log scale.
 *
 * Worked example: in Saaty's (1990) house matrix (CR 0.169) the worst judgement is a_{2,6} = 6
 * (0-based; "a_37" in the paper's numbering): w_2 / w_6 = 0.1881 / 0.1668 = 1.128, which snaps
 * to 1; with a_{2,6} = 1 the CR drops below 0.10. In a 4×4 matrix consistent with
 * w = (8, 4, 2, 1) except a_03 = 1/8, the pair (0, 3) is found; because the suggestion is
 * derived from the polluted weights, repeating the step walks a_03 back: 1/2, 2, 4, …
 */
export function mostInconsistentJudgment(matrix: number[][]): InconsistentJudgment {
	const { n, a } = checkPairwiseMatrix(matrix);
	if (n < 2) {
		throw new McdaInputError(
			'empty',
			'pairwise matrix is 1×1; a judgement needs at least 2 elements'
		);
	}
	const { w } = principalEigen(a, n);
	let bi = 0;
	let bj = 1;
	let bestDev = -1;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const dev = Math.abs(Math.log((a[i * n + j] * w[j]) / w[i]));
			if (dev > bestDev + 1e-12) {
				bestDev = dev;
				bi = i;
				bj = j;
			}
		}
	}
	const ratio = w[bi] / w[bj];
	return {
		i: bi,
		j: bj,
		current: a[bi * n + bj],
		suggested: snapToSaatyScale(ratio),
		ratio,
		deviation: bestDev
	};
}
