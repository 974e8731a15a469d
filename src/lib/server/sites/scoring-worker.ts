/**
 * The site scoring off the server's thread. A worker thread computes
 * - the analysis (three methods, their comparison, contributions and the one-at-a-time
 *   sensitivity: PROMETHEE II alone is O(sites² × criteria)) and the quick SMAA estimate of a
 *   decision the caller passes;
 * - for a database in a file, the decision itself (reading the ward's rows on its own read-only
 *   connection: the required land prices every position of the ward with the norms) and the
 *   whole record of a scoring run (decision, analysis, the 10,000-sample SMAA, the AHP session,
 *   the JSON text and its SHA-256), so the server's thread only inserts the row.
 * Results go into the module caches (`analyse`'s cache, the page cache of ./scoring-view), so
 * the synchronous paths that follow find them there. An in-memory database (tests) cannot be
 * opened by a worker: its decision and run are computed on the calling thread.
 */
import { createHash } from 'node:crypto';
import { smaaSteps } from '../../mcda';
import { modulePool } from '../jobs/module-pool';
import {
	analyse,
	cachedAnalysis,
	cachedSmaa,
	rememberAnalysis,
	rememberFullSmaa,
	rememberQuickSmaa,
	runRecord,
	smaaFor,
	smaaInputs,
	SMAA_QUICK_SAMPLES,
	SMAA_SAMPLES,
	type Analysis,
	type Decision,
	type ScoringMethod,
	type SmaaSummary
} from '../../scoring';
import type { Db } from '../db';
import { databaseFile, readOnlyDb } from '../db/readonly';
import { buildDecision, runAhpInfo } from './decision';
import { revision } from '../core/cache';
import { sitesGeoJson } from './geojson';
import { siteMapLayer, type SiteMapLayer } from './map-layer';

export { databaseFile };

/** A scoring run's record as stored: the JSON text and its SHA-256 (for the audit row). */
export interface RunText {
	json: string;
	sha256: string;
}

type Request =
	| { kind: 'analysis'; decision: Decision; method: ScoringMethod }
	| { kind: 'quick-smaa'; decision: Decision }
	| { kind: 'decision'; file: string; wardId: number }
	| { kind: 'run'; file: string; wardId: number; method: ScoringMethod }
	| { kind: 'geojson'; file: string; wardId: number }
	| { kind: 'map-layer'; file: string; wardId: number };

type Reply = Analysis | SmaaSummary | Decision | RunText | string | SiteMapLayer | null;

/** The record of a run and its text, computed from the database (on the worker). */
export function runText(db: Db, wardId: number, method: ScoringMethod): RunText {
	const decision = buildDecision(db, wardId);
	const record = runRecord(
		decision,
		method,
		analyse(decision, method),
		smaaFor(decision, SMAA_SAMPLES),
		runAhpInfo(db, wardId, decision)
	);
	const json = JSON.stringify(record);
	return { json, sha256: createHash('sha256').update(json).digest('hex') };
}

function work(req: Request): Reply {
	switch (req.kind) {
		case 'analysis':
			return analyse(req.decision, req.method);
		case 'quick-smaa':
			return smaaFor(req.decision, SMAA_QUICK_SAMPLES);
		case 'decision':
			return buildDecision(readOnlyDb(req.file), req.wardId);
		case 'run':
			return runText(readOnlyDb(req.file), req.wardId, req.method);
		case 'geojson':
			return JSON.stringify(sitesGeoJson(readOnlyDb(req.file), req.wardId));
		case 'map-layer':
			return siteMapLayer(readOnlyDb(req.file), req.wardId);
	}
}

const pool = modulePool(import.meta.url, 'trusoScoring', work, {
	size: 2,
	deadlineMs: 5 * 60 * 1000
});

/**
 * The full SMAA in steps on one worker thread: a job's sampler (a generator, see `smaaSteps`)
 * stays on that worker between requests; each request runs it for about {@link SMAA_STEP_MS}
 * and answers the samples done, the last one the result. The server's thread only passes the
 * progress on (the same result as `smaaFor`, same seed).
 */
type SmaaRaw = { rankAcceptability: number[][]; centralWeights: number[][] };
type SmaaRequest =
	| { kind: 'start'; job: number; decision: Decision; samples: number }
	| { kind: 'next'; job: number };
type SmaaReply = { done: number } | { result: SmaaRaw };

const SMAA_STEP_MS = 200;
const samplers = new Map<number, Generator<number, SmaaRaw, void>>();

function smaaStep(req: SmaaRequest): SmaaReply {
	if (req.kind === 'start') {
		const { u, benefit, options } = smaaInputs(req.decision, req.samples);
		samplers.set(req.job, smaaSteps(u, benefit, options));
	}
	const steps = samplers.get(req.job);
	if (!steps) throw new Error(`no SMAA job ${req.job} on this worker`);
	const until = performance.now() + SMAA_STEP_MS;
	for (;;) {
		const r = steps.next();
		if (r.done) {
			samplers.delete(req.job);
			return { result: r.value };
		}
		if (performance.now() >= until) return { done: r.value };
	}
}

// One worker: a job's sampler must find the worker that holds it.
const smaaPool = modulePool(import.meta.url, 'trusoSmaa', smaaStep, {
	size: 1,
	deadlineMs: 60 * 1000
});
let nextJob = 1;

/**
 * `smaaFor(decision, samples)` computed on a worker thread in steps (`onProgress` gets the
 * samples done after each), then kept in the SMAA cache like a sliced run.
 */
export async function smaaOffThread(
	decision: Decision,
	samples: number,
	onProgress?: (done: number) => void
): Promise<SmaaSummary | null> {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
	const hit = cachedSmaa(decision, samples);
	if (hit) return hit;
	const job = nextJob++;
	let reply = await smaaPool.run({ kind: 'start', job, decision, samples });
	while ('done' in reply) {
		onProgress?.(reply.done);
		reply = await smaaPool.run({ kind: 'next', job });
	}
	return rememberFullSmaa(decision, samples, reply.result);
}

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

/** `buildDecision(db, wardId)` read and computed on a worker thread (a file database). */
export async function decisionOffThread(db: Db, wardId: number): Promise<Decision> {
	const file = databaseFile(db);
	if (!file) return buildDecision(db, wardId);
	return (await pool.run({ kind: 'decision', file, wardId })) as Decision;
}

/** A scoring run's record and text computed on a worker thread (a file database). */
export async function runTextOffThread(
	db: Db,
	wardId: number,
	method: ScoringMethod
): Promise<RunText> {
	const file = databaseFile(db);
	if (!file) return runText(db, wardId, method);
	return (await pool.run({ kind: 'run', file, wardId, method })) as RunText;
}

/**
 * The ward's sites as GeoJSON text (see `sitesGeoJson`): read, computed and serialised on a
 * worker thread for a file database (a 2,000-site ward's criteria values and screening take the
 * worker tens of milliseconds; the server's thread only passes the text on).
 */
export async function sitesGeoJsonOffThread(db: Db, wardId: number): Promise<string> {
	const file = databaseFile(db);
	if (!file) return JSON.stringify(sitesGeoJson(db, wardId));
	return (await pool.run({ kind: 'geojson', file, wardId })) as string;
}

/** Map layers computed lately, by ward, with the database revision they were read at. */
const layers = new Map<number, { revision: string; layer: Promise<SiteMapLayer> }>();
const MAX_LAYERS = 200;

/**
 * The sites list's map layer (see `siteMapLayer`: the sites, their polygons and the latest run's
 * scores) read and computed on a worker thread for a file database, reused while the database is
 * unchanged; the server's thread only receives the result.
 */
export function siteMapLayerOffThread(db: Db, wardId: number): Promise<SiteMapLayer> {
	const file = databaseFile(db);
	if (!file) return Promise.resolve(siteMapLayer(db, wardId));
	const rev = revision(db);
	const hit = layers.get(wardId);
	if (hit && hit.revision === rev) return hit.layer;
	const layer = pool.run({ kind: 'map-layer', file, wardId }) as Promise<SiteMapLayer>;
	layers.set(wardId, { revision: rev, layer });
	// A failure is not kept (the next request asks the worker again).
	layer.catch(() => {
		if (layers.get(wardId)?.layer === layer) layers.delete(wardId);
	});
	if (layers.size > MAX_LAYERS) layers.delete(layers.keys().next().value!);
	return layer;
}

/** Terminates the scoring workers (tests). */
export const stopScoringWorkers = () => Promise.all([pool.stop(), smaaPool.stop()]).then(() => {});
