import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { rooms, scenarios } from '../db/schema';
import { seedSample } from '../db/seed';
import { createTestDb } from '../db/test-db';
import { buildInstance, getScenario, listScenarios, solveScenario } from './';
import { inputFingerprint } from './instance';
import { stopSolveWorkers } from './solve-pool';
import {
	ACTOR,
	assignmentSnapshot,
	auditCount,
	roomNamed,
	wardId,
	approvedPosts
} from '../../../../tests/helpers/plans';

describe('the default scenario solved', () => {
	it('seats every approved person of the sample ward, within every unit’s norm', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const id = listScenarios(db, bt)[0].id;
		await solveScenario(db, ACTOR, bt, id, { timeLimitS: 30 });
		const d = getScenario(db, bt, id)!;
		const approved = approvedPosts(db, bt);
		expect(['optimal', 'feasible']).toContain(d.status);
		expect(d.metrics.unseated).toBe(0);
		expect(d.metrics.seated).toBe(approved);
		expect(d.check.feasible).toBe(true);
		expect(d.stale).toBe(false);
		for (const u of d.metrics.units) expect(u.areaGivenM2).toBeLessThanOrEqual(u.normAreaM2 + 1e-6);
		// The rooms are short (1,429 m² usable against the entitlement): every m² counted once.
		expect(d.metrics.areaGivenM2).toBeLessThanOrEqual(1429 + 1e-6);
		expect(d.metrics.shortfallM2).toBeCloseTo(d.metrics.normAreaM2 - d.metrics.areaGivenM2, 6);
		// The one-stop centre sits on the ground floor only; reserved rooms hold the leaders only.
		const oneStop = d.built.units.find((u) => u.code === 'TTPVHCC')!;
		for (const a of d.plan.filter((x) => x.unitId === oneStop.key)) {
			expect(d.built.rooms.find((r) => r.key === a.roomId)!.level).toBe(1);
		}
		for (const a of d.plan) {
			const r = d.built.rooms.find((x) => x.key === a.roomId)!;
			if (r.lockedUnitKey) expect(a.unitId).toBe(r.lockedUnitKey);
		}
		// The stored objective is the plan's own, recomputed by the allocation module.
		expect(d.objective).toBeCloseTo(d.check.evaluation.objective, 6);
		expect(d.objective).toBeCloseTo(d.optimum!, 6);
	}, 120_000);

	it('a change during the solve: the plan is not stored (stale)', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const id = listScenarios(db, bt)[0].id;
		const audits = auditCount(db);
		const solving = solveScenario(db, ACTOR, bt, id, { timeLimitS: 5 });
		const room = roomNamed(buildInstance(db, bt), 'TS-01', 'B', 'Phòng làm việc 2.03');
		db.update(rooms).set({ areaM2: 12 }).where(eq(rooms.id, room.id)).run();
		await expect(solving).rejects.toMatchObject({ code: 'stale' });
		expect(getScenario(db, bt, id)!.status).toBe('draft');
		expect(assignmentSnapshot(db, id)).toEqual([]);
		expect(auditCount(db)).toBe(audits);
	}, 120_000);

	it('a write elsewhere during the solve: today s instance is built again, unchanged, the plan stored', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const id = listScenarios(db, bt)[0].id;
		const solving = solveScenario(db, ACTOR, bt, id, { timeLimitS: 5 });
		// A facility's address is not part of the instance.
		db.$client
			.prepare("update facilities set address = address || ' (đã sửa)' where ward_id = ?")
			.run(bt);
		await solving;
		const d = getScenario(db, bt, id)!;
		expect(['optimal', 'feasible']).toContain(d.status);
		expect(d.stale).toBe(false);
	}, 120_000);
});

describe('a solve on a database file (the instance built on the solver worker)', () => {
	it('stores the plan with the instance the worker built and its fingerprint', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-solve-'));
		const db = openDatabase(path.join(dir, 'truso.sqlite'));
		try {
			seedSample(db);
			const bt = wardId(db, 'binh-trung');
			const id = listScenarios(db, bt)[0].id;
			await solveScenario(db, ACTOR, bt, id, { timeLimitS: 5 });
			const d = getScenario(db, bt, id)!;
			expect(['optimal', 'feasible']).toContain(d.status);
			expect(d.stale).toBe(false);
			expect(d.metrics.seated).toBe(approvedPosts(db, bt));
			const row = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!;
			const today = buildInstance(db, bt, JSON.parse(row.settingsJson!));
			expect(row.inputHash).toBe(inputFingerprint(today));
			// The same instance as this thread builds now (but for when it was built).
			const { builtAt, ...stored } = JSON.parse(row.instanceJson);
			const { builtAt: _now, ...now } = JSON.parse(JSON.stringify(today));
			expect(stored).toEqual(now);
			expect(builtAt).toBeLessThanOrEqual(_now);
		} finally {
			await stopSolveWorkers();
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
