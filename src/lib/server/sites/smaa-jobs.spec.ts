import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { wards } from '../db/schema';
import type { Db } from '../db';
import { clearCache } from '../core/cache';
import {
	buildDecision,
	cachedOrQuickSmaa,
	clearScoringCaches,
	SMAA_SAMPLES,
	smaaFor
} from './scoring';
import { scoringSmaa } from './scoring-view';
import { MAX_RUNNING, SmaaBusyError, smaaProgress, startFullSmaa } from './smaa-jobs';

let db: Db;
let bt: number;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	clearCache();
	// The seed saves a scoring run (with its full SMAA): start from an empty SMAA cache.
	clearScoringCaches();
	bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
});

describe('the full SMAA as a job', () => {
	it('reports its state, joins a running job, then the page shows this result', async () => {
		const decision = buildDecision(db, bt);
		// Before: the page shows the 1,000-sample estimate (and caches it).
		expect(scoringSmaa(db, bt, decision)!.samples).toBe(1000);
		const job = startFullSmaa(bt, decision);
		expect(smaaProgress(bt).state).toBe('running');
		// Asking again joins the running job.
		expect(startFullSmaa(bt, decision)).toBe(job);
		await job;
		expect(smaaProgress(bt)).toEqual({ state: 'done', done: SMAA_SAMPLES, total: SMAA_SAMPLES });
		// (That other requests run between slices is tested in sliced.spec.ts: on the small sample
		// the whole job may fit in one slice.)
		// The page now shows the full result, equal to the one computed in one go.
		const shown = scoringSmaa(db, bt, decision)!;
		expect(shown.samples).toBe(SMAA_SAMPLES);
		expect(shown.rankAcceptability).toEqual(smaaFor(decision, SMAA_SAMPLES)!.rankAcceptability);
		expect(cachedOrQuickSmaa(decision)!.samples).toBe(SMAA_SAMPLES);
	});

	it('refuses a ward when the server already runs the most it allows', async () => {
		const decision = buildDecision(db, bt);
		// Other wards' jobs (ids that are not wards here: the registry only counts them).
		const others = Array.from({ length: MAX_RUNNING }, (_, k) =>
			startFullSmaa(100_000 + k, decision)
		);
		expect(() => startFullSmaa(bt, decision)).toThrow(SmaaBusyError);
		await Promise.all(others);
		await startFullSmaa(bt, decision);
		expect(smaaProgress(bt).state).toBe('done');
	});
});
