/**
 * The record of a named scoring run, kept for the proposal packet: the inputs, the weights and
 * who set them, every method's ranking, the comparison, contributions, sensitivity and SMAA.
 */
import type { RankingComparison } from '../mcda';
import {
	inputHash,
	type Analysis,
	type ScoringMethod,
	type SensitivityResult,
	type SmaaSummary
} from './analysis';
import type { Decision, DecisionCriterion } from './decision';
import type { RequiredLand, ScreenReason } from './screening';
import type { WeightSource } from './weights';

export interface ScoringRunResult {
	version: 1;
	method: ScoringMethod;
	computedAt: number;
	inputHash: string;
	criteria: Omit<DecisionCriterion, 'id'>[];
	weights: {
		source: WeightSource;
		values: Record<string, number>;
		setBy: string[];
		cr: number | null;
		participants: {
			participant: string;
			cr: number;
			weights: Record<string, number>;
			distanceToGroup: number | null;
			kendallTauToGroup: number | null;
		}[];
		meanKendallTau: number | null;
	};
	requiredLand: RequiredLand;
	sites: {
		id: number;
		code: string;
		name: string;
		lat: number;
		lng: number;
		values: Record<string, number | null>;
	}[];
	screenedOut: { code: string; name: string; reasons: ScreenReason[] }[];
	/** Codes of the scored sites, in matrix order. */
	eligible: string[];
	matrix: number[][];
	results: Record<ScoringMethod, { code: string; score: number; rank: number }[]>;
	comparison: RankingComparison;
	contributions: { code: string; values: Record<string, number> }[];
	sensitivity: SensitivityResult[];
	smaa: SmaaSummary | null;
}

export interface ScoringRun {
	id: number;
	name: string;
	method: string;
	createdAt: number;
	createdBy: string | null;
	result: ScoringRunResult;
}

/** What a run records of the AHP session behind the weights (see `ahpState` on the server). */
export interface RunAhpInfo {
	participants: {
		participant: string;
		cr: number;
		/** In the order of the decision's criteria. */
		weights: number[];
		distanceToGroup: number | null;
		kendallTauToGroup: number | null;
	}[];
	meanKendallTau: number | null;
}

/**
 * The record kept for the proposal packet (inputs, weights and who set them, every result),
 * from the decision, its analysis by `method`, the full SMAA and the AHP session (null when the
 * weights do not come from AHP). Pure: it runs on the scoring worker.
 */
export function runRecord(
	decision: Decision,
	method: ScoringMethod,
	analysis: Analysis | null,
	smaaResult: SmaaSummary | null,
	ahpInfo: RunAhpInfo | null,
	computedAt = Date.now()
): ScoringRunResult {
	const keys = decision.criteria.map((c) => c.key);
	const codes = decision.eligible.map((s) => s.code);
	const byMethod = (k: ScoringMethod) => {
		if (!analysis) return [];
		const r = analysis.results[k];
		const rank = new Array<number>(codes.length);
		r.ranking.forEach((a, i) => (rank[a] = i + 1));
		return r.ranking.map((a) => ({ code: codes[a], score: r.scores[a], rank: rank[a] }));
	};
	const result: ScoringRunResult = {
		version: 1,
		method,
		computedAt,
		inputHash: analysis?.hash ?? inputHash(decision, method),
		criteria: decision.criteria.map(({ id: _id, ...c }) => c),
		weights: {
			source: decision.weights.source,
			values: decision.weights.weights,
			setBy: decision.weights.setBy,
			cr: decision.weights.cr,
			participants:
				ahpInfo?.participants.map((p) => ({
					participant: p.participant,
					cr: p.cr,
					weights: Object.fromEntries(keys.map((k, i) => [k, p.weights[i]])),
					distanceToGroup: p.distanceToGroup,
					kendallTauToGroup: p.kendallTauToGroup
				})) ?? [],
			meanKendallTau: ahpInfo?.meanKendallTau ?? null
		},
		requiredLand: decision.required,
		sites: decision.sites.map((s) => ({
			id: s.id,
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			values: s.values
		})),
		screenedOut: decision.sites
			.filter((s) => s.reasons.length > 0)
			.map((s) => ({ code: s.code, name: s.name, reasons: s.reasons })),
		eligible: codes,
		matrix: decision.matrix,
		results: {
			'weighted-sum': byMethod('weighted-sum'),
			topsis: byMethod('topsis'),
			promethee2: byMethod('promethee2')
		},
		comparison: analysis?.comparison ?? {
			firstPlaceAgreement: true,
			firstPlaces: [],
			kendallTau: [],
			pairs: []
		},
		contributions:
			analysis?.contributions.map((row, a) => ({
				code: codes[a],
				values: Object.fromEntries(keys.map((k, j) => [k, row[j]]))
			})) ?? [],
		sensitivity: analysis?.sensitivity ?? [],
		smaa: smaaResult
	};
	return result;
}

/** Computes everything (10,000-sample SMAA included) and stores it as a named, dated run. */
