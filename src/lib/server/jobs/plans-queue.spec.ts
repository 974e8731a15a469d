import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { scenarios, wards } from '../db/schema';
import { seedSample } from '../db/seed/index';
import { createTestDb } from '../db/test-db';
import { getScenario, listScenarios, queueNewScenario, queueSolve } from '../plans';
import { MAX_QUEUED_PER_WARD, QueueFullError, solverQueue } from './index';

const ACTOR = { userId: null, username: 'tester' };
const OTHER_WARD = 987_654;

function wardId(db: Db, code: string): number {
	return db.select({ id: wards.id }).from(wards).where(eq(wards.code, code)).get()!.id;
}

/** Occupies every solver slot with a job of another ward until `release` is called. */
function occupySolver(tag: string) {
	const releases: (() => void)[] = [];
	for (let i = 0; i < solverQueue.options.running; i++) {
		solverQueue.submit(OTHER_WARD, `${tag}:${i}`, () => new Promise<void>((r) => releases.push(r)));
	}
	return () => releases.splice(0).forEach((r) => r());
}

let release: (() => void) | null = null;
afterEach(() => {
	release?.();
	release = null;
});

describe('plan solves through the fair solver queue', () => {
	it('a solve behind busy workers waits with its position, then stores the plan', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const id = listScenarios(db, bt)[0].id;
		release = occupySolver('busy-a');
		// One more job of the other ward waits before ours.
		solverQueue.submit(OTHER_WARD, 'busy-a:extra', () => Promise.resolve());
		const job = queueSolve(db, ACTOR, bt, id, { timeLimitS: 5 });
		expect(job.state).toBe('queued');
		expect(solverQueue.position(`solve:${bt}:${id}`)).toBe(2);
		// Asking again joins the same job.
		expect(queueSolve(db, ACTOR, bt, id, { timeLimitS: 5 })).toBe(job);
		expect(getScenario(db, bt, id)!.status).toBe('draft');
		release();
		await job.promise;
		expect(['optimal', 'feasible']).toContain(getScenario(db, bt, id)!.status);
		expect(getScenario(db, bt, id)!.metrics.unseated).toBe(0);
	}, 120_000);

	it('a full ward share refuses a new scenario at once and creates nothing', () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		release = occupySolver('busy-b');
		for (let i = 0; i < MAX_QUEUED_PER_WARD; i++) {
			solverQueue.submit(bt, `busy-b:ward:${i}`, () => Promise.resolve());
		}
		const before = db.select().from(scenarios).all().length;
		expect(() =>
			queueNewScenario(db, ACTOR, bt, {
				name: 'Thêm',
				weights: {
					unseated: 100000,
					worstShortfall: 10000,
					shortfallM2: 1,
					buildingsPerUnit: 10,
					moved: 1
				},
				timeLimitS: 5
			})
		).toThrow(QueueFullError);
		expect(db.select().from(scenarios).all().length).toBe(before);
		// Another ward still gets in.
		expect(solverQueue.submit(OTHER_WARD, 'busy-b:other', () => Promise.resolve()).state).toBe(
			'queued'
		);
	});
});
