/**
 * Group AHP: aggregation of individual judgements (AIJ) and a consensus report.
 *
 * - Aczél, J. & Saaty, T. L. (1983). Procedures for synthesizing ratio judgements. Journal of
 *   Mathematical Psychology 27(1):93–102.
 * - Forman, E. & Peniwati, K. (1998). Aggregating individual judgments and priorities with the
 *   analytic hierarchy process. European Journal of Operational Research 108(1):165–169.
 */
import { AHP_MAX_SIZE, ahpValidated, checkPairwiseMatrix, type AhpResult } from './ahp';
import { McdaInputError } from './errors';
import { kendallTauB } from './ranking';
import type { AhpMethod, RandomIndexTable } from './types';
import { checkOption, checkWeights } from './validate';

function checkMatrices(matrices: unknown): { n: number; mats: Float64Array[] } {
	if (!Array.isArray(matrices)) {
		throw new McdaInputError('not-an-array', 'matrices must be an array of pairwise matrices');
	}
	if (matrices.length === 0) {
		throw new McdaInputError('empty', 'matrices is empty; at least one judgement matrix is needed');
	}
	let n = -1;
	const mats: Float64Array[] = [];
	for (let k = 0; k < matrices.length; k++) {
		const label = `pairwise matrix ${k}`;
		const m = checkPairwiseMatrix(matrices[k], label, k);
		if (n === -1) n = m.n;
		else if (m.n !== n) {
			throw new McdaInputError(
				'length-mismatch',
				`${label} is ${m.n}×${m.n}, expected ${n}×${n} like pairwise matrix 0`,
				{ matrix: k }
			);
		}
		mats.push(m.a);
	}
	return { n, mats };
}

function aggregate(n: number, mats: Float64Array[], weights: Float64Array): Float64Array {
	const out = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		out[i * n + i] = 1;
		for (let j = i + 1; j < n; j++) {
			let logSum = 0;
			for (let k = 0; k < mats.length; k++) logSum += weights[k] * Math.log(mats[k][i * n + j]);
			const v = Math.exp(logSum);
			out[i * n + j] = v;
			out[j * n + i] = 1 / v;
		}
	}
	return out;
}

function toRows(a: Float64Array, n: number): number[][] {
	const rows: number[][] = [];
	for (let i = 0; i < n; i++) rows.push(Array.from(a.subarray(i * n, (i + 1) * n)));
	return rows;
}

/**
 * Aggregation of individual judgements by the weighted geometric mean (Aczél & Saaty 1983;
 * Forman & Peniwati 1998). The geometric mean is the only aggregation that keeps the group
 * matrix reciprocal (and unanimity-preserving); the weights are the members' importance.
 *
 * Formula: ā_ij = Π_k (a_ij^(k))^(λ_k), λ_k = weights[k] / Σ weights (equal by default). The
 * upper triangle is computed in log space and ā_ji = 1 / ā_ij, ā_ii = 1, so the result is
 * exactly reciprocal.
 *
 * Worked example: two members judge a_12 = 2 and a_12 = 8: the group judgement is
 * sqrt(2 · 8) = 4 (and a_21 = 1/4). With weights [3, 1]: 2^0.75 · 8^0.25 = 2^1.5 ≈ 2.828.
 */
export function aggregateJudgments(matrices: number[][][], weights?: number[]): number[][] {
	const { n, mats } = checkMatrices(matrices);
	const w = checkWeights(weights ?? new Array<number>(mats.length).fill(1), mats.length, 'weights');
	return toRows(aggregate(n, mats, w), n);
}

export interface GroupMember {
	/** The member's own priorities (principal eigenvector). */
	weights: number[];
	/** λmax, CI, CR and RI of the member's matrix. */
	lambdaMax: number;
	ci: number;
	cr: number;
	ri: number;
	/** Euclidean distance ‖w_k − w_group‖₂ between the member's and the group's priorities. */
	distanceToGroup: number;
	/** Kendall tau-b between the member's and the group's priorities (1 = same order). */
	kendallTauToGroup: number;
}

export interface GroupConsensusResult {
	/** The weighted-geometric-mean matrix (see {@link aggregateJudgments}). */
	aggregated: number[][];
	/** AHP of the aggregated matrix. */
	group: AhpResult;
	/** One entry per member, in input order. */
	members: GroupMember[];
	/** Mean of the members' distanceToGroup (0 = everybody agrees with the group). */
	meanDistance: number;
	/** Mean Kendall tau-b over all pairs of members (1 = identical orders; 1 with one member). */
	meanKendallTau: number;
}

export interface GroupConsensusOptions {
	/** Importance of each member (default equal). */
	weights?: number[];
	method?: AhpMethod;
	riTable?: RandomIndexTable;
}

/**
 * Consistency and agreement of a group of AHP judges (Forman & Peniwati 1998 for the
 * aggregation; Saaty 1980 for CR).
 *
 * Reports, for every member, the CR of their own matrix and two agreement measures against the
 * group priorities (AHP of the weighted-geometric-mean matrix): the Euclidean distance
 * ‖w_k − w_group‖₂ (in [0, √2]) and Kendall's tau-b between the two priority vectors. The group
 * summary is the mean distance and the mean pairwise Kendall tau-b between members.
 *
 * Worked example: two members with consistent matrices from w¹ = (0.5, 0.3, 0.2) and
 * w² = (0.2, 0.3, 0.5) aggregate to a consistent matrix whose priorities are ∝ sqrt(w¹_i w²_i) =
 * (0.316, 0.3, 0.316), i.e. (0.339, 0.322, 0.339); both members have CR = 0 and distance
 * sqrt(0.161² + 0.022² + 0.139²) ≈ 0.214 to the group; the group ties items 0 and 2, so each
 * member's tau-b to the group is 0, and the two members' tau-b is −1.
 */
export function groupConsensus(
	matrices: number[][][],
	options?: GroupConsensusOptions
): GroupConsensusResult {
	const { n, mats } = checkMatrices(matrices);
	if (n > AHP_MAX_SIZE) {
		throw new McdaInputError(
			'too-large',
			`pairwise matrices are ${n}×${n}; AHP supports at most ${AHP_MAX_SIZE} elements`
		);
	}
	const method = checkOption(
		options?.method ?? 'eigenvector',
		['eigenvector', 'geometric-mean'] as const,
		'options.method'
	);
	const riTable = checkOption(
		options?.riTable ?? 'saaty-1980',
		['saaty-1980', 'alonso-lamata-2006'] as const,
		'options.riTable'
	);
	const memberWeights = checkWeights(
		options?.weights ?? new Array<number>(mats.length).fill(1),
		mats.length,
		'options.weights'
	);
	const agg = aggregate(n, mats, memberWeights);
	const group = ahpValidated(agg, n, method, riTable);
	const results = mats.map((a) => ahpValidated(a, n, method, riTable));
	const members: GroupMember[] = results.map((r) => {
		let d2 = 0;
		for (let i = 0; i < n; i++) {
			const d = r.weights[i] - group.weights[i];
			d2 += d * d;
		}
		return {
			weights: r.weights,
			lambdaMax: r.lambdaMax,
			ci: r.ci,
			cr: r.cr,
			ri: r.ri,
			distanceToGroup: Math.sqrt(d2),
			kendallTauToGroup: kendallTauB(r.weights, group.weights)
		};
	});
	let tauSum = 0;
	let pairs = 0;
	for (let k = 0; k < results.length; k++) {
		for (let l = k + 1; l < results.length; l++) {
			tauSum += kendallTauB(results[k].weights, results[l].weights);
			pairs++;
		}
	}
	return {
		aggregated: toRows(agg, n),
		group,
		members,
		meanDistance: members.reduce((s, m) => s + m.distanceToGroup, 0) / members.length,
		meanKendallTau: pairs === 0 ? 1 : tauSum / pairs
	};
}

export interface PairDisagreement {
	/** Row and column of the pair in the matrices (i < j). */
	i: number;
	j: number;
	/** The group judgement: geometric mean of the members' a_ij. */
	geometricMean: number;
	/** The smallest and largest a_ij among the members. */
	min: number;
	max: number;
	/**
	 * How far apart the members are on this pair, in steps of the Saaty scale folded onto one
	 * axis (… 1/3 → −2, 1 → 0, 3 → 2 …): the largest minus the smallest position. 0 = all agree;
	 * 16 = one member says 9, another 1/9.
	 */
	spreadSteps: number;
}

/** Position of a Saaty judgement on a single axis: 9 → 8, 2 → 1, 1 → 0, 1/2 → −1, 1/9 → −8. */
function saatyStep(v: number): number {
	return v >= 1 ? v - 1 : 1 - 1 / v;
}

/**
 * Where a group of AHP judges disagrees, pair by pair: for every pair (i < j) the members'
 * smallest and largest judgement, the group's geometric mean and the spread in Saaty steps;
 * sorted by spread, largest first (ties in matrix order). Needs at least two members: with one
 * there is no disagreement to show.
 *
 * Worked example: members judge a_01 = 3 and a_01 = 1/3 (and agree elsewhere): pair (0, 1) has
 * min 1/3, max 3, geometric mean sqrt(3 · 1/3) = 1 and spread 2 − (−2) = 4 steps.
 */
export function pairDisagreement(matrices: number[][][]): PairDisagreement[] {
	const { n, mats } = checkMatrices(matrices);
	if (mats.length < 2) {
		throw new McdaInputError(
			'empty',
			'pair disagreement needs the judgements of at least two members'
		);
	}
	const out: PairDisagreement[] = [];
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			let min = Infinity;
			let max = -Infinity;
			let logSum = 0;
			for (const m of mats) {
				const v = m[i * n + j];
				min = Math.min(min, v);
				max = Math.max(max, v);
				logSum += Math.log(v);
			}
			out.push({
				i,
				j,
				geometricMean: Math.exp(logSum / mats.length),
				min,
				max,
				spreadSteps: saatyStep(max) - saatyStep(min)
			});
		}
	}
	return out.sort((a, b) => b.spreadSteps - a.spreadSteps);
}
