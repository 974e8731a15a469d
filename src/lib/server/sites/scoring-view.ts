/**
 * What the site-scoring results page and its map layer read, computed once per ward, method and
 * database revision (see ./cache): the decision inputs, the analysis by one method and the
 * SMAA estimate. The page and the map endpoint (/w/[ward]/sites/results/map) share them.
 */
import type { ScoreMapSite } from '$lib/geo';
import {
	analyse,
	cachedOrQuickSmaa,
	smaaGeneration,
	SCORING_METHODS,
	type Analysis,
	type Decision,
	type ScoringMethod,
	type SmaaSummary
} from '../../scoring';
import { cached, revision } from '../core/cache';
import type { Db } from '../db';
import { buildDecision } from './decision';
import { analyseOffThread, decisionOffThread, quickSmaaOffThread } from './scoring-worker';

/** Scores are shown with 3 decimals: 4 are enough on the wire. */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The method named by `?method=`, weighted sum by default. */
export function methodOf(url: URL): ScoringMethod {
	const m = url.searchParams.get('method');
	return SCORING_METHODS.find((x) => x === m) ?? 'weighted-sum';
}

export interface ScoringView {
	decision: Decision;
	analysis: Analysis | null;
	/** ranks[m][a]: 1-based rank of eligible site a by method m. */
	ranks: Record<ScoringMethod, number[]>;
}

/** The decision of each ward at the database revision it was read at (see ./cache). */
const decisions = new Map<number, { revision: string; decision: Decision }>();

/** The ward's decision if it was read at this revision already. */
function knownDecision(db: Db, wardId: number): Decision | undefined {
	const hit = decisions.get(wardId);
	return hit && hit.revision === revision(db) ? hit.decision : undefined;
}

function keepDecision(wardId: number, rev: string, decision: Decision): Decision {
	decisions.delete(wardId);
	decisions.set(wardId, { revision: rev, decision });
	// One entry per ward that was looked at lately.
	if (decisions.size > 64) decisions.delete(decisions.keys().next().value!);
	return decision;
}

/**
 * The ward's decision, read and computed on a worker thread (a file database) and kept while
 * the database is unchanged; the pages and the SMAA job start from it.
 */
export async function decisionOf(db: Db, wardId: number): Promise<Decision> {
	const known = knownDecision(db, wardId);
	if (known) return known;
	const rev = revision(db);
	const decision = await decisionOffThread(db, wardId);
	// A write meanwhile: the decision is still returned but not kept for the next revision.
	return revision(db) === rev ? keepDecision(wardId, rev, decision) : decision;
}

/** The decision for the synchronous paths: the one {@link decisionOf} kept, else read here. */
function decisionNow(db: Db, wardId: number): Decision {
	return knownDecision(db, wardId) ?? keepDecision(wardId, revision(db), buildDecision(db, wardId));
}

/**
 * Computes what {@link scoringView} needs on a worker thread (the decision, the analysis and
 * the quick SMAA), so that the view that follows finds it cached instead of computing it on the
 * server's thread (await it first).
 */
export async function prepareScoringView(
	db: Db,
	wardId: number,
	method: ScoringMethod
): Promise<void> {
	const decision = await decisionOf(db, wardId);
	await Promise.all([analyseOffThread(decision, method), quickSmaaOffThread(decision)]);
}

export function scoringView(db: Db, wardId: number, method: ScoringMethod): ScoringView {
	const decision = decisionNow(db, wardId);
	return cached(db, `sites-view:${wardId}:${method}`, () => {
		const analysis = analyse(decision, method);
		const rankOf = (m: ScoringMethod) => {
			const r = new Array<number>(decision.eligible.length);
			analysis?.results[m].ranking.forEach((a, i) => (r[a] = i + 1));
			return r;
		};
		const ranks = Object.fromEntries(SCORING_METHODS.map((m) => [m, rankOf(m)])) as Record<
			ScoringMethod,
			number[]
		>;
		return { decision, analysis, ranks };
	});
}

export function scoringSmaa(db: Db, wardId: number, decision: Decision): SmaaSummary | null {
	// Keyed on the SMAA generation too: a full result computed since must replace the estimate.
	return cached(db, `sites-smaa:${wardId}:${smaaGeneration()}`, () => cachedOrQuickSmaa(decision));
}

/** Every site of the ward (screened ones without a score), for the map coloured by score. */
export function scoreMap(db: Db, wardId: number, method: ScoringMethod): ScoreMapSite[] {
	return cached(db, `sites-map:${wardId}:${method}`, () => {
		const { decision, analysis, ranks } = scoringView(db, wardId, method);
		const scores = analysis?.results[method].scores ?? [];
		let lo = Infinity;
		let hi = -Infinity;
		for (const s of scores) {
			lo = Math.min(lo, s);
			hi = Math.max(hi, s);
		}
		const index = new Map(decision.eligible.map((s, i) => [s.id, i]));
		return decision.sites.map((s) => {
			const idx = index.get(s.id);
			return {
				id: s.id,
				code: s.code,
				name: s.name,
				lat: s.lat,
				lng: s.lng,
				polygon: s.polygon,
				score:
					idx !== undefined && analysis
						? round4(hi > lo ? (scores[idx] - lo) / (hi - lo) : 1)
						: null,
				rank: idx !== undefined ? ranks[method][idx] : null
			};
		});
	});
}

type Sensitivity = NonNullable<ScoringView['analysis']>['sensitivity'];

/**
 * The sensitivity of a method's ranking to each weight: per criterion its base weight and the
 * weights where the first place changes hands, and the sweep of one criterion (`asked`, else the
 * first with a change, else the first) for the chart, rounded to 4 decimals on the wire.
 */
export function sensitivityPart(sensitivity: Sensitivity, asked: string | null) {
	const chosen =
		sensitivity.find((s) => s.criterion === asked) ??
		sensitivity.find((s) => s.switches.length > 0) ??
		sensitivity[0] ??
		null;
	return {
		sensitivity: sensitivity.map((s) => ({
			criterion: s.criterion,
			baseWeight: s.baseWeight,
			switches: s.switches
		})),
		sensitivityChart: chosen && {
			criterion: chosen.criterion,
			baseWeight: chosen.baseWeight,
			grid: chosen.grid.map(round4),
			series: chosen.series.map((x) => ({ code: x.code, scores: x.scores.map(round4) }))
		}
	};
}
