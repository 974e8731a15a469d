/**
 * The scoring analysis and the quick SMAA on a worker thread give what the calling thread
 * computes, and land in the cache the synchronous paths read.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { createTestDb } from '../db/test-db';
import {
	analyse,
	buildDecision,
	cachedAnalysis,
	cachedOrQuickSmaa,
	clearScoringCaches,
	smaaFor,
	SMAA_QUICK_SAMPLES,
	type Decision
} from './scoring';
import { analyseOffThread, quickSmaaOffThread, stopScoringWorkers } from './scoring-worker';

let decision: Decision;
beforeAll(() => {
	const db = createTestDb();
	seedSample(db);
	const w = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	decision = buildDecision(db, w.id);
}, 60_000);
afterAll(() => stopScoringWorkers());

describe('scoring off the server thread', () => {
	it('the analysis from the worker equals the one computed here, and is cached', async () => {
		expect(decision.eligible.length).toBeGreaterThan(1);
		clearScoringCaches();
		expect(cachedAnalysis(decision, 'promethee2')).toBeUndefined();
		const worker = await analyseOffThread(decision, 'promethee2');
		expect(cachedAnalysis(decision, 'promethee2')).toBe(worker);
		clearScoringCaches();
		const here = analyse(decision, 'promethee2');
		expect(worker).toEqual(here);
		expect(worker!.results.promethee2.ranking).toEqual(here!.results.promethee2.ranking);
	}, 60_000);

	it('the quick SMAA from the worker equals the one computed here and serves the page', async () => {
		clearScoringCaches();
		await quickSmaaOffThread(decision);
		const served = cachedOrQuickSmaa(decision);
		clearScoringCaches();
		const here = smaaFor(decision, SMAA_QUICK_SAMPLES);
		expect(served).toEqual(here);
		expect(served!.samples).toBe(1000);
	}, 60_000);
});
