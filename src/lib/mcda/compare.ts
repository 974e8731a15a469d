/**
 * Agreement between the rankings produced by several methods.
 *
 * Kendall, M. G. (1938). A new measure of rank correlation. Biometrika 30(1/2):81–93.
 */
import { McdaInputError } from './errors';
import { kendallTauPermutations } from './ranking';

export interface RankingPairComparison {
	/** Index of the first ranking in the input list. */
	a: number;
	/** Index of the second ranking (a < b). */
	b: number;
	/** Kendall's tau-a between the two rankings, in [−1, 1]. */
	tau: number;
}

export interface RankingComparison {
	/** True when every ranking puts the same alternative first. */
	firstPlaceAgreement: boolean;
	/** The first-placed alternative of each ranking. */
	firstPlaces: number[];
	/** kendallTau[k][l] between rankings k and l (1 on the diagonal). */
	kendallTau: number[][];
	/** The same values for every pair k < l. */
	pairs: RankingPairComparison[];
}

/**
 * Compares rankings (each a permutation of 0..n−1, best first, e.g. the `ranking` field of
 * weightedSum / topsis / promethee2).
 *
 * Formula: Kendall's τ = (C − D) / (n(n − 1)/2) over the n(n − 1)/2 pairs of alternatives,
 * C = pairs in the same order in both rankings, D = pairs in opposite order (Kendall 1938);
 * τ = 1 for fewer than two alternatives.
 *
 * Worked example: [0, 1, 2] vs [1, 0, 2]: pairs (0,1) discordant, (0,2) and (1,2) concordant,
 * τ = (2 − 1)/3 ≈ 0.333; first places 0 and 1 disagree.
 */
export function compareRankings(rankings: number[][]): RankingComparison {
	if (!Array.isArray(rankings) || rankings.length === 0) {
		throw new McdaInputError('empty', 'rankings must be a non-empty array of rankings');
	}
	let n = -1;
	for (let k = 0; k < rankings.length; k++) {
		const r: unknown = rankings[k];
		if (!Array.isArray(r)) {
			throw new McdaInputError('not-an-array', `ranking ${k} is not an array`, { matrix: k });
		}
		if (n === -1) n = r.length;
		else if (r.length !== n) {
			throw new McdaInputError(
				'length-mismatch',
				`ranking ${k} has ${r.length} values, expected ${n} like ranking 0`,
				{ matrix: k }
			);
		}
		if (n === 0) {
			throw new McdaInputError('empty', `ranking ${k} is empty`, { matrix: k });
		}
		const seen = new Uint8Array(n);
		for (let p = 0; p < n; p++) {
			const v: unknown = r[p];
			if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n || seen[v] === 1) {
				throw new McdaInputError(
					'invalid-ranking',
					`ranking ${k} position ${p} is ${String(v)}; a ranking must list every alternative 0..${n - 1} exactly once`,
					{ matrix: k, row: p }
				);
			}
			seen[v] = 1;
		}
	}
	const K = rankings.length;
	const tau: number[][] = Array.from({ length: K }, () => new Array<number>(K).fill(1));
	const pairs: RankingPairComparison[] = [];
	for (let a = 0; a < K; a++) {
		for (let b = a + 1; b < K; b++) {
			const t = kendallTauPermutations(rankings[a], rankings[b]);
			tau[a][b] = t;
			tau[b][a] = t;
			pairs.push({ a, b, tau: t });
		}
	}
	const firstPlaces = rankings.map((r) => r[0]);
	return {
		firstPlaceAgreement: firstPlaces.every((f) => f === firstPlaces[0]),
		firstPlaces,
		kendallTau: tau,
		pairs
	};
}
