/**
 * The site-scoring analysis (three methods, their comparison, contributions and the
 * one-at-a-time sensitivity: PROMETHEE II alone is O(sites² × criteria)) and the results page's
 * quick SMAA estimate on a worker thread.
 * The caller reads the decision from the database (fast) and awaits the analysis; the result
 * goes into `analyse`'s cache, so the synchronous paths that follow (the page's view, the saved
 * run's record) find it there instead of computing it on the server's thread.
 */
import { modulePool } from '../jobs/module-pool';
import {
	analyse,
	cachedAnalysis,
	cachedSmaa,
	rememberAnalysis,
	rememberQuickSmaa,
	smaaFor,
	SMAA_QUICK_SAMPLES,
	SMAA_SAMPLES,
	type Analysis,
	type Decision,
	type ScoringMethod,
	type SmaaSummary
} from '../../scoring';

type Request =
	| { kind: 'analysis'; decision: Decision; method: ScoringMethod }
	| { kind: 'quick-smaa'; decision: Decision };

const pool = modulePool(
	import.meta.url,
	'trusoScoring',
	(req: Request): Analysis | SmaaSummary | null =>
		req.kind === 'analysis'
			? analyse(req.decision, req.method)
			: smaaFor(req.decision, SMAA_QUICK_SAMPLES),
	{ size: 2, deadlineMs: 5 * 60 * 1000 }
);

/** `analyse(decision, method)` computed on a worker thread (or taken from the cache). */
export async function analyseOffThread(
	decision: Decision,
	method: ScoringMethod
): Promise<Analysis | null> {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
	const hit = cachedAnalysis(decision, method);
	if (hit) return hit;
	const analysis = (await pool.run({ kind: 'analysis', decision, method })) as Analysis | null;
	if (analysis) rememberAnalysis(analysis);
	return analysis;
}

/**
 * Makes sure {@link cachedOrQuickSmaa} finds a result without computing on the server's thread:
 * the full SMAA if it was computed already, else the quick estimate computed on a worker thread.
 */
export async function quickSmaaOffThread(decision: Decision): Promise<void> {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return;
	if (cachedSmaa(decision, SMAA_SAMPLES) || cachedSmaa(decision, SMAA_QUICK_SAMPLES)) return;
	const summary = (await pool.run({ kind: 'quick-smaa', decision })) as SmaaSummary | null;
	if (summary) rememberQuickSmaa(decision, summary);
}

/** Terminates the scoring workers (tests). */
export const stopScoringWorkers = () => pool.stop();
