/**
 * The scoring analysis and the quick SMAA on a worker thread give what the calling thread
 * computes, and land in the cache the synchronous paths read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { auditLog, wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { createTestDb } from '../db/test-db';
import {
	analyse,
	buildDecision,
	cachedAnalysis,
	cachedOrQuickSmaa,
	clearScoringCaches,
	getScoringRun,
	smaaFor,
	SMAA_QUICK_SAMPLES,
	SMAA_SAMPLES,
	cachedSmaa,
	type Decision
} from './scoring';
import { saveScoringRunOffThread } from './save-run';
import {
	analyseOffThread,
	databaseFile,
	decisionOffThread,
	quickSmaaOffThread,
	runText,
	runTextOffThread,
	smaaOffThread,
	stopScoringWorkers
} from './scoring-worker';
import { sampleDb } from '../../../../tests/helpers/sample';

let decision: Decision;
beforeAll(() => {
	const { db, bt } = sampleDb();
	decision = buildDecision(db, bt);
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

describe('a ward of a database file, read by the worker itself', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-scoring-worker-'));
	const db = openDatabase(path.join(dir, 'ward.db'));
	seedSample(db);
	const bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
	afterAll(() => {
		db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('names the file (an in-memory database has none) and reads the same decision', async () => {
		expect(databaseFile(db)).toBe(path.join(dir, 'ward.db'));
		expect(databaseFile(createTestDb())).toBeNull();
		expect(await decisionOffThread(db, bt)).toEqual(buildDecision(db, bt));
	}, 60_000);

	it('computes the same run record there (apart from its time) with its SHA-256', async () => {
		const worker = await runTextOffThread(db, bt, 'promethee2');
		expect(createHash('sha256').update(worker.json).digest('hex')).toBe(worker.sha256);
		const here = runText(db, bt, 'promethee2');
		const strip = (json: string) => ({ ...JSON.parse(json), computedAt: 0 });
		expect(strip(worker.json)).toEqual(strip(here.json));
		expect(JSON.parse(worker.json).smaa.samples).toBe(SMAA_SAMPLES);
	}, 120_000);

	it('saves the run it computed, with the audit row naming its SHA-256', async () => {
		const run = await saveScoringRunOffThread(db, { userId: null, username: 'test' }, bt, {
			name: 'Đợt chấm điểm',
			method: 'topsis'
		});
		const stored = getScoringRun(db, bt, run.id)!;
		expect(stored.result.method).toBe('topsis');
		expect(stored.result.results.topsis.length).toBe(buildDecision(db, bt).eligible.length);
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'scoring-run')).all();
		const sha = createHash('sha256').update(JSON.stringify(stored.result)).digest('hex');
		expect(audit.map((a) => JSON.parse(a.afterJson ?? '{}').sha256)).toContain(sha);
	}, 120_000);
});

describe('the full SMAA in steps on a worker', () => {
	it('reports progress and gives what the calling thread computes, then caches it', async () => {
		clearScoringCaches();
		const seen: number[] = [];
		const worker = await smaaOffThread(decision, SMAA_SAMPLES, (done) => seen.push(done));
		expect(cachedSmaa(decision, SMAA_SAMPLES)).toBe(worker);
		expect(seen.every((d, i) => d > 0 && d < SMAA_SAMPLES && (i === 0 || d > seen[i - 1]))).toBe(
			true
		);
		clearScoringCaches();
		expect(worker).toEqual(smaaFor(decision, SMAA_SAMPLES));
	}, 120_000);
});
