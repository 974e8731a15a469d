/**
 * The plan pages' views are computed on a worker thread (issue 16): the off-thread functions get
 * a database handle whose queries throw on this thread, so they can only answer if the worker,
 * which opens the file itself, did the work. What they answer must be what the same cut of the
 * scenario's view gives on this thread; a write is seen by the next request; another ward's
 * scenario is not found; a full queue refuses at once and the page answers 503.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import type { Db } from '../db';
import { scenarios, wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { QueueFullError } from '../jobs';
import { buildInstance } from './instance';
import { scenarioBuildings, scenarioPage, type ScenarioPageAsk } from './page-view';
import { plansOverview, scenarioView } from './view';
import {
	clearPlanViews,
	PLAN_VIEW_PER_WARD,
	planViewQueue,
	plansOverviewOffThread,
	scenarioBuildingsOffThread,
	scenarioInstanceOffThread,
	scenarioPageOffThread,
	stopPlanViewWorkers
} from './view-worker';
import { load } from '../../../routes/w/[ward]/plans/+page.server';
import { noQueriesHere } from '../../../../tests/helpers/no-queries';
import { roomNamed, savePlan, unitCoded } from '../../../../tests/helpers/plans';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-plan-views-'));
const file = path.join(dir, 'truso.sqlite');
let db: Db;
let bt: number;
let ak: number;
let id: number;

beforeAll(() => {
	db = openDatabase(file);
	seedSample(db);
	bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
	ak = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!.id;
	const built = buildInstance(db, bt);
	const oneStop = unitCoded(built, 'TTPVHCC');
	const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
	id = savePlan(db, bt, built, 'Thử', [{ unitId: oneStop.key, roomId: counter.key, persons: 8 }]);
});

afterEach(() => clearPlanViews());

afterAll(async () => {
	await stopPlanViewWorkers();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const ask: ScenarioPageAsk = {
	building: null,
	room: null,
	sort: 'persons',
	dir: 'desc',
	page: 1,
	canEdit: true
};

describe('plan views on the worker', () => {
	it('the scenario page, its buildings and its instance: as this thread would cut them', async () => {
		const view = scenarioView(db, bt, id, 'vi')!;
		const page = await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', ask);
		expect(page).toEqual(scenarioPage(view, ask));
		expect(page!.metrics.seated).toBe(8);
		expect(page!.rooms.length).toBe(132);
		const viewer = await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', {
			...ask,
			canEdit: false
		});
		expect(viewer!.rooms).toEqual([]);
		expect(viewer!.plan).toEqual([]);
		expect(await scenarioBuildingsOffThread(noQueriesHere(db), bt, id, 'vi', 1)).toEqual(
			scenarioBuildings(view, 1)
		);
		const instance = await scenarioInstanceOffThread(noQueriesHere(db), bt, id, 'vi');
		expect(JSON.parse(instance!)).toEqual(JSON.parse(JSON.stringify({ instance: view.instance })));
	});

	it('the overview: as this thread computes it, without the instance', async () => {
		const overview = await plansOverviewOffThread(noQueriesHere(db), bt);
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { instance, ...expected } = plansOverview(db, bt);
		expect(overview).toEqual(expected);
		expect(overview.scenarios.map((s) => s.name)).toContain('Thử');
		expect('instance' in overview).toBe(false);
	});

	it('a write is seen by the next request; another ward s scenario is not found', async () => {
		const before = await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', ask);
		expect(before!.scenario.name).toBe('Thử');
		db.update(scenarios).set({ name: 'Đã đổi tên' }).where(eq(scenarios.id, id)).run();
		const after = await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', ask);
		expect(after!.scenario.name).toBe('Đã đổi tên');
		expect(await scenarioPageOffThread(noQueriesHere(db), ak, id, 'vi', ask)).toBeNull();
		expect(await scenarioInstanceOffThread(noQueriesHere(db), ak, id, 'vi')).toBeNull();
	});

	it('a ward with its share of the queue taken is refused at once; the page answers 503', async () => {
		const releases: (() => void)[] = [];
		for (let i = 0; i <= PLAN_VIEW_PER_WARD; i++) {
			planViewQueue.submit(bt, `hold:${i}`, () => new Promise<void>((r) => releases.push(r)));
		}
		try {
			const err = await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', ask).catch(
				(e: unknown) => e
			);
			expect(err).toBeInstanceOf(QueueFullError);
			const page = await Promise.resolve(
				load({
					locals: { db: noQueriesHere(db), locale: 'vi', ward: { id: bt, code: 'binh-trung' } },
					url: new URL('http://x/w/binh-trung/plans')
				} as never)
			).catch((e: unknown) => e);
			expect(isHttpError(page) && page.status).toBe(503);
			expect(isHttpError(page) && page.body.message).toMatch(/bận|hàng đợi/i);
		} finally {
			for (let i = 0; i < 50 && planViewQueue.running + planViewQueue.waiting > 0; i++) {
				releases.splice(0).forEach((r) => r());
				await new Promise((r) => setTimeout(r, 5));
			}
		}
		// The refusal was not kept: once the queue has room the page is answered.
		expect((await scenarioPageOffThread(noQueriesHere(db), bt, id, 'vi', ask))!.scenario.id).toBe(
			id
		);
	});
});
