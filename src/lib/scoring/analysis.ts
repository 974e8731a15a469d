/**
 * The analysis of a site-scoring decision: weighted sum, TOPSIS and PROMETHEE II, their
 * agreement, each criterion's contribution, the one-at-a-time sensitivity of the chosen method
 * and SMAA-2, with a small module cache keyed by a hash of the inputs (same inputs, same
 * result). Pure computation (no database): it runs on the server's thread or on a worker.
 *
 * How the methods are fed (documented for the packet):
 * - Weighted sum: each column is scaled to a 0-1 utility, (x − min)/(max − min) for a benefit
 *   criterion and (max − x)/(max − min) for a cost one; a criterion on which every site is equal
 *   gives 1 to all (it cannot separate them). Score = Σ w_j u_ij, so it lies in [0, 1].
 * - TOPSIS: the raw values with vector normalisation (Hwang & Yoon 1981); a constant column is
 *   replaced by ones (it adds nothing to either distance).
 * - PROMETHEE II: 1-5 scores and yes/no criteria use the "usual" criterion (any difference is
 *   a strict preference); measured criteria (m, m², households, cost) use the linear criterion
 *   with an indifference threshold q = 5 % and a preference threshold p = 50 % of the range
 *   of the column over the candidate sites.
 * - SMAA-2: weighted-sum value model, uniform weights on the simplex, seed 20251.
 */
import { createHash } from 'node:crypto';
import {
	compareRankings,
	criterionContributions,
	promethee2,
	sensitivityOneAtATime,
	smaa,
	topsis,
	weightedSum,
	type CriterionType,
	type PreferenceFunction,
	type RankingComparison
} from '../mcda';
import type { Decision, DecisionCriterion } from './decision';
import { SCORE_SOURCES } from './sources';

export type ScoringMethod = 'weighted-sum' | 'topsis' | 'promethee2';
export const SCORING_METHODS: readonly ScoringMethod[] = ['weighted-sum', 'topsis', 'promethee2'];

/** Seed of the SMAA sampler: the same inputs always give the same acceptabilities. */
export const SMAA_SEED = 20251;
/** Samples of the SMAA stored with a run (and run on demand on the results page). */
export const SMAA_SAMPLES = 10_000;
/** Samples of the quick SMAA estimate shown on page load when the full one is not cached. */
export const SMAA_QUICK_SAMPLES = 1_000;

export interface MethodResult {
	/** Score per eligible site (weighted sum in [0, 1], closeness in [0, 1], net flow in [−1, 1]). */
	scores: number[];
	ranking: number[];
}

export interface SensitivityResult {
	criterion: string;
	baseWeight: number;
	/** Weight values at which the first place changes, with the site codes before and after. */
	switches: { weight: number; from: string; to: string }[];
	/** Swept weights (0 … 1) and the scores of the top sites (at most 5) along the sweep. */
	grid: number[];
	series: { code: string; scores: number[] }[];
}

export interface SmaaSummary {
	samples: number;
	seed: number;
	method: 'weighted-sum';
	/** rankAcceptability[a][r] for the eligible sites (a in eligible order). */
	rankAcceptability: number[][];
	centralWeights: number[][];
}

export interface Analysis {
	hash: string;
	method: ScoringMethod;
	results: Record<ScoringMethod, MethodResult>;
	comparison: RankingComparison;
	/** contributions[a][c]: w_c × utility, summing to the weighted-sum score. */
	contributions: number[][];
	sensitivity: SensitivityResult[];
}

/** 0-1 utilities per column (cost reversed); a constant column is 1 for everyone. */
export function utilities(matrix: number[][], types: CriterionType[]): number[][] {
	const cols = types.length;
	const min = new Array<number>(cols).fill(Infinity);
	const max = new Array<number>(cols).fill(-Infinity);
	for (const row of matrix) {
		for (let j = 0; j < cols; j++) {
			min[j] = Math.min(min[j], row[j]);
			max[j] = Math.max(max[j], row[j]);
		}
	}
	return matrix.map((row) =>
		row.map((x, j) => {
			const range = max[j] - min[j];
			if (!(range > 0)) return 1;
			return types[j] === 'cost' ? (max[j] - x) / range : (x - min[j]) / range;
		})
	);
}

function topsisMatrix(matrix: number[][], cols: number): number[][] {
	const constant = Array.from({ length: cols }, (_, j) =>
		matrix.every((r) => r[j] === matrix[0][j])
	);
	return matrix.map((row) => row.map((x, j) => (constant[j] ? 1 : Math.max(0, x))));
}

function prometheeFunctions(
	matrix: number[][],
	criteria: DecisionCriterion[]
): PreferenceFunction[] {
	return criteria.map((c, j) => {
		const col = matrix.map((r) => r[j]);
		const range = Math.max(...col) - Math.min(...col);
		if (SCORE_SOURCES.has(c.source) || !(range > 0)) return { type: 'usual' };
		return { type: 'linear', q: 0.05 * range, p: 0.5 * range };
	});
}

/** A hash of the inputs of one analysis: the matrix, the criteria and weights, the sites. */
export function inputHash(decision: Decision, method: string): string {
	return createHash('sha256')
		.update(
			JSON.stringify({
				m: decision.matrix,
				t: decision.criteria.map((c) => [c.key, c.type, c.source, c.weight]),
				s: decision.eligible.map((s) => s.code),
				method
			})
		)
		.digest('hex');
}

const CACHE_SIZE = 32;
const analysisCache = new Map<string, Analysis>();
const smaaCache = new Map<string, SmaaSummary>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
	cache.delete(key);
	cache.set(key, value);
	while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	return value;
}

/** Scores of the chosen method, ranked, for one sweep step (top sites only). */
const TOP_SERIES = 5;

/**
 * Runs the three methods, compares them, and computes contributions and the one-at-a-time
 * sensitivity of the chosen method. Cached by a hash of the inputs (same inputs, same result).
 * Returns null when no site or no criterion is left.
 */
export function analyse(decision: Decision, method: ScoringMethod): Analysis | null {
	const n = decision.eligible.length;
	const m = decision.criteria.length;
	if (n === 0 || m === 0) return null;
	const hash = inputHash(decision, method);
	const cached = analysisCache.get(hash);
	if (cached) return cached;
	const types = decision.criteria.map((c) => c.type);
	const weights = decision.criteria.map((c) => c.weight);
	const w = weights.some((x) => x > 0) ? weights : weights.map(() => 1);
	const benefit = types.map((): CriterionType => 'benefit');
	const u = utilities(decision.matrix, types);
	const tm = topsisMatrix(decision.matrix, m);
	const functions = prometheeFunctions(decision.matrix, decision.criteria);
	const ws = weightedSum(u, w, benefit, { normalisation: 'none' });
	const tp = topsis(tm, w, types, { normalisation: 'vector' });
	const pr = promethee2(decision.matrix, w, types, functions);
	const results: Record<ScoringMethod, MethodResult> = {
		'weighted-sum': { scores: ws.scores, ranking: ws.ranking },
		topsis: { scores: tp.closeness, ranking: tp.ranking },
		promethee2: { scores: pr.netFlow, ranking: pr.ranking }
	};
	const comparison = compareRankings(SCORING_METHODS.map((k) => results[k].ranking));
	const contributions = criterionContributions(u, w, benefit, 'none');
	const sweeps =
		method === 'weighted-sum'
			? sensitivityOneAtATime(u, w, benefit, 'weighted-sum', { normalisation: 'none' })
			: method === 'topsis'
				? sensitivityOneAtATime(tm, w, types, 'topsis', { normalisation: 'vector' })
				: sensitivityOneAtATime(decision.matrix, w, types, 'promethee2', { functions });
	const top = results[method].ranking.slice(0, TOP_SERIES);
	const code = (i: number) => decision.eligible[i].code;
	const sensitivity: SensitivityResult[] = sweeps.map((s) => ({
		criterion: decision.criteria[s.criterion].key,
		baseWeight: s.baseWeight,
		switches: s.switchPoints.map((p) => ({ weight: p.weight, from: code(p.from), to: code(p.to) })),
		grid: s.weights,
		series: top.map((a) => ({ code: code(a), scores: s.scores[a] }))
	}));
	return remember(analysisCache, hash, {
		hash,
		method,
		results,
		comparison,
		contributions,
		sensitivity
	});
}

/** The cached analysis of these inputs by `method`, if it was computed already. */
export function cachedAnalysis(decision: Decision, method: ScoringMethod): Analysis | undefined {
	return analysisCache.get(inputHash(decision, method));
}

/** Keeps an analysis computed elsewhere (a worker thread: see ./scoring-worker) for `analyse`. */
export function rememberAnalysis(analysis: Analysis): void {
	remember(analysisCache, analysis.hash, analysis);
}

/** The cached SMAA of these inputs with `samples` samples, if it was computed already. */
export function cachedSmaa(decision: Decision, samples: number): SmaaSummary | undefined {
	return smaaCache.get(smaaKey(decision, samples));
}

/** Keeps a quick SMAA estimate computed on a worker thread for {@link cachedOrQuickSmaa}. */
export function rememberQuickSmaa(decision: Decision, summary: SmaaSummary): void {
	remember(smaaCache, smaaKey(decision, SMAA_QUICK_SAMPLES), summary);
}

/**
 * SMAA-2 rank acceptabilities (weighted-sum value model on the 0-1 utilities, uniform weights,
 * seed {@link SMAA_SEED}). Cached by input hash and sample count.
 */
export function smaaFor(decision: Decision, samples: number): SmaaSummary | null {
	const n = decision.eligible.length;
	const m = decision.criteria.length;
	if (n === 0 || m === 0) return null;
	const key = smaaKey(decision, samples);
	const cached = smaaCache.get(key);
	if (cached) return cached;
	const { u, benefit, options } = smaaInputs(decision, samples);
	return remember(smaaCache, key, smaaSummary(samples, smaa(u, benefit, options)));
}

/** The cache key of the SMAA of these inputs with `samples` samples. */
export const smaaKey = (decision: Decision, samples: number) =>
	`${inputHash(decision, 'smaa')}:${samples}`;

/** What the SMAA samples: the 0-1 utilities (all benefit) with uniform weights and the seed. */
export function smaaInputs(decision: Decision, samples: number) {
	const types = decision.criteria.map((c) => c.type);
	return {
		u: utilities(decision.matrix, types),
		benefit: types.map((): CriterionType => 'benefit'),
		options: {
			method: 'weighted-sum' as const,
			samples,
			seed: SMAA_SEED,
			normalisation: 'none' as const
		}
	};
}

function smaaSummary(
	samples: number,
	r: { rankAcceptability: number[][]; centralWeights: number[][] }
): SmaaSummary {
	return {
		samples,
		seed: SMAA_SEED,
		method: 'weighted-sum',
		rankAcceptability: r.rankAcceptability,
		centralWeights: r.centralWeights
	};
}

/**
 * Keeps a full SMAA computed elsewhere (in slices, or on a worker thread) under its key and
 * tells the page caches a new full result exists ({@link smaaGeneration}).
 */
export function rememberFullSmaa(
	decision: Decision,
	samples: number,
	r: { rankAcceptability: number[][]; centralWeights: number[][] }
): SmaaSummary {
	smaaGenerationCounter++;
	return remember(smaaCache, smaaKey(decision, samples), smaaSummary(samples, r));
}

/** Forgets every cached analysis and SMAA result (tests). */
export function clearScoringCaches(): void {
	analysisCache.clear();
	smaaCache.clear();
	smaaGenerationCounter++;
}

let smaaGenerationCounter = 0;
/** Changes whenever a full SMAA result is added to the cache (page caches key on it). */
export const smaaGeneration = () => smaaGenerationCounter;

/** The full SMAA if it was computed already, else a quick estimate (page loads stay fast). */
export function cachedOrQuickSmaa(decision: Decision): SmaaSummary | null {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
	const full = smaaCache.get(smaaKey(decision, SMAA_SAMPLES));
	return full ?? smaaFor(decision, SMAA_QUICK_SAMPLES);
}
