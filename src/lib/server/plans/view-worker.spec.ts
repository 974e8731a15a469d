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
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import type { Db } from '../db';
import { arrangements, rooms, scenarios, wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { QueueFullError } from '../jobs';
import { ConflictError } from '../core/concurrency';
import { checkApply } from './apply';
import { checkEdit, saveEdit } from './edit';
import { PlansError } from './errors';
import { buildInstance } from './instance';
import { getScenario, planOf } from './scenarios';
import { scenarioBuildings, scenarioPage, type ScenarioPageAsk } from './page-view';
import { plansOverview, scenarioView } from './view';
import {
	applyScenarioOffThread,
	clearPlanViews,
	editPlanOffThread,
	PLAN_VIEW_PER_WARD,
	planViewQueue,
	resetScenarioOffThread,
	plansOverviewOffThread,
	scenarioBuildingsOffThread,
	scenarioInstanceOffThread,
	scenarioPageOffThread,
	scenarioSettingsOffThread,
	stopPlanViewWorkers
} from './view-worker';
import { load } from '../../../routes/w/[ward]/plans/+page.server';
import { actions as pageActions } from '../../../routes/w/[ward]/plans/[id=id]/+page.server';
import { settingsFormValues } from './settings-form';
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

	it('the settings form s context: the stored settings and the instance s units', async () => {
		const detail = getScenario(db, bt, id, 'vi')!;
		const context = await scenarioSettingsOffThread(noQueriesHere(db), bt, id, 'vi');
		expect(context).toEqual({
			settings: detail.settings,
			unitIds: detail.built.units.map((u) => u.id)
		});
		expect(context!.unitIds.length).toBeGreaterThan(5);
		expect(await scenarioSettingsOffThread(noQueriesHere(db), ak, id, 'vi')).toBeNull();
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

describe('a manual move checked on the worker, saved here', () => {
	const actor = { userId: null, username: 'test' };
	const move = (toRoomId: number, persons: number) => {
		const built = buildInstance(db, bt);
		const oneStop = unitCoded(built, 'TTPVHCC');
		const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		return {
			kind: 'move' as const,
			unitId: oneStop.id,
			fromRoomId: counter.id,
			toRoomId,
			persons
		};
	};
	/** A usable office of the ward with room for `persons` at the minimum area, not the counter. */
	const roomFor = (persons: number, large: boolean) => {
		const built = buildInstance(db, bt);
		const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		const fits = built.rooms.filter(
			(r) =>
				r.usable &&
				r.key !== counter.key &&
				!r.lockedUnitKey &&
				(large ? r.areaM2 >= 12 * persons : r.areaM2 < 4 * persons)
		);
		expect(fits.length).toBeGreaterThan(0);
		return fits[0].id;
	};

	it('saves what the same check on this thread gives, with one version more', async () => {
		const edit = move(roomFor(2, true), 2);
		const version = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.version;
		const expected = checkEdit(db, bt, id, edit, 'vi', version);
		const check = await editPlanOffThread(db, actor, bt, id, edit, 'vi', version);
		expect(check).toEqual(expected.check);
		const after = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!;
		expect(after.version).toBe(version + 1);
		expect(after.status).toBe('edited');
		const persons = (room: number) =>
			planOf(db, id)
				.filter((a) => a.roomId === `r${room}` && a.unitId === `u${edit.unitId}`)
				.reduce((n, a) => n + a.persons, 0);
		expect(persons(edit.toRoomId)).toBe(2);
		expect(persons(edit.fromRoomId)).toBe(6);
	});

	it('a move that breaks a rule is refused with the rule named, as on this thread; nothing saved', async () => {
		const edit = move(roomFor(6, false), 6);
		const before = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!;
		const here = (() => {
			try {
				checkEdit(db, bt, id, edit, 'vi');
			} catch (e) {
				return e;
			}
		})() as PlansError;
		expect(here).toBeInstanceOf(PlansError);
		const err = await editPlanOffThread(db, actor, bt, id, edit, 'vi', before.version).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(PlansError);
		expect((err as PlansError).code).toBe('rule');
		expect((err as PlansError).violations).toEqual(here.violations);
		expect((err as PlansError).violations.length).toBeGreaterThan(0);
		expect(db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.version).toBe(
			before.version
		);
	});

	it('a stale form is refused before any work; an edit checked before another change is not saved', async () => {
		const edit = move(roomFor(1, true), 1);
		const version = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.version;
		const stale = await editPlanOffThread(db, actor, bt, id, edit, 'vi', version - 1).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(ConflictError);
		// Checked at this version, then the scenario changes (another editor's rename).
		const checked = checkEdit(db, bt, id, edit, 'vi');
		db.update(scenarios)
			.set({ name: 'Đổi trong lúc kiểm tra', version: version + 1 })
			.where(eq(scenarios.id, id))
			.run();
		expect(() => saveEdit(db, actor, bt, id, edit, checked, null)).toThrow(ConflictError);
		expect(db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.version).toBe(
			version + 1
		);
	});
});

describe('the settings form (its context read on the worker)', () => {
	let editorId = 0;
	beforeAll(() => {
		editorId = Number(
			db.$client
				.prepare(
					`insert into users (username, display_name, password_hash, role, ward_id)
					 values ('bt.ed', 'bt.ed', 'x', 'ward_editor', ?)`
				)
				.run(bt).lastInsertRowid
		);
	});
	const post = async (values: Record<string, string>) => {
		const request = new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(values)
		});
		const locals = {
			db,
			locale: 'vi',
			user: { id: editorId, username: 'bt.ed', role: 'ward_editor', wardId: bt },
			ward: { id: bt, code: 'binh-trung', name: 'Bình Trưng', isSample: true },
			canEdit: true
		} as unknown as App.Locals;
		try {
			return await pageActions.settings({
				request,
				locals,
				url: new URL(`http://x/w/binh-trung/plans/${id}`),
				params: { ward: 'binh-trung', id: String(id) }
			} as never);
		} catch (e) {
			if (isRedirect(e)) return { redirect: e.location };
			throw e;
		}
	};
	const form = (): Record<string, string> => {
		const detail = getScenario(db, bt, id, 'vi')!;
		const unitIds = detail.built.units.map((u) => u.id);
		const lockedIds = detail.settings.lockedRooms.map((l) => l.roomId);
		const row = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!;
		return {
			...settingsFormValues(detail.settings, unitIds, lockedIds),
			version: String(row.version)
		};
	};

	it('saves a changed minimum area; a stale form gets 409 with the stored value as theirs', async () => {
		const before = form();
		const changed = String(Number(before.minAreaPerPersonM2) + 1);
		expect(await post({ ...before, minAreaPerPersonM2: changed })).toEqual({
			redirect: `/w/binh-trung/plans/${id}?saved=1#settings`
		});
		expect(getScenario(db, bt, id, 'vi')!.settings.minAreaPerPersonM2).toBe(Number(changed));
		// The same (now stale) form again with another value.
		const stale = (await post({ ...before, minAreaPerPersonM2: '3' })) as {
			status: number;
			data: { conflict: { theirs: Record<string, string> } };
		};
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.theirs.minAreaPerPersonM2).toBe(changed);
		expect(getScenario(db, bt, id, 'vi')!.settings.minAreaPerPersonM2).toBe(Number(changed));
	});
});

describe('applying a scenario: checked on the worker, recorded here', () => {
	const actor = { userId: null, username: 'test' };
	let fresh: number;
	beforeAll(() => {
		const built = buildInstance(db, bt);
		const oneStop = unitCoded(built, 'TTPVHCC');
		const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		fresh = savePlan(db, bt, built, 'Áp dụng', [
			{ unitId: oneStop.key, roomId: counter.key, persons: 8 }
		]);
	});
	const recorded = () =>
		db.select().from(arrangements).where(eq(arrangements.scenarioId, fresh)).all();

	it('records what the same check on this thread gives', async () => {
		const version = db.select().from(scenarios).where(eq(scenarios.id, fresh)).get()!.version;
		const expected = checkApply(db, bt, fresh, 'vi', version);
		const consequences = await applyScenarioOffThread(db, actor, bt, fresh, 'vi', version);
		expect(consequences).toEqual(expected.consequences);
		const [row] = recorded();
		expect(row.inputHash).toBe(expected.inputHash);
		expect(row.seatsJson).toBe(expected.seatsJson);
		expect(JSON.parse(row.seatsJson)).toHaveLength(1);
		const after = db.select().from(scenarios).where(eq(scenarios.id, fresh)).get()!;
		expect(after.version).toBe(version + 1);
		expect(after.appliedAt).toBe(row.appliedAt);
	});

	it('a scenario whose inputs changed is refused (stale) as on this thread; nothing recorded', async () => {
		const version = db.select().from(scenarios).where(eq(scenarios.id, fresh)).get()!.version;
		const room = db.select().from(rooms).where(eq(rooms.name, 'Bộ phận một cửa')).get()!;
		db.update(rooms)
			.set({ areaM2: room.areaM2 + 1 })
			.where(eq(rooms.id, room.id))
			.run();
		const before = recorded().length;
		const err = await applyScenarioOffThread(db, actor, bt, fresh, 'vi', version).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(PlansError);
		expect((err as PlansError).code).toBe('stale');
		expect(recorded()).toHaveLength(before);
		const stale = await applyScenarioOffThread(db, actor, bt, fresh, 'vi', version - 1).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(ConflictError);
	});
});

describe('resetting a scenario: the solver s plan read on the worker, written here', () => {
	const actor = { userId: null, username: 'test' };
	it('puts back the solver s plan after a manual move, with one version more', async () => {
		const built = buildInstance(db, bt);
		const oneStop = unitCoded(built, 'TTPVHCC');
		const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		const sid = savePlan(db, bt, built, 'Đặt lại', [
			{ unitId: oneStop.key, roomId: counter.key, persons: 8 }
		]);
		const solver = planOf(db, sid).map((a) => [a.unitId, a.roomId, a.persons]);
		const target = built.rooms.find(
			(r) => r.usable && r.key !== counter.key && !r.lockedUnitKey && r.areaM2 >= 24
		)!;
		await editPlanOffThread(
			db,
			actor,
			bt,
			sid,
			{
				kind: 'move',
				unitId: oneStop.id,
				fromRoomId: counter.id,
				toRoomId: target.id,
				persons: 2
			},
			'vi'
		);
		expect(planOf(db, sid).map((a) => [a.unitId, a.roomId, a.persons])).not.toEqual(solver);
		const version = db.select().from(scenarios).where(eq(scenarios.id, sid)).get()!.version;
		await resetScenarioOffThread(db, actor, bt, sid, version);
		expect(planOf(db, sid).map((a) => [a.unitId, a.roomId, a.persons])).toEqual(solver);
		const after = db.select().from(scenarios).where(eq(scenarios.id, sid)).get()!;
		expect(after.version).toBe(version + 1);
		expect(after.status).not.toBe('edited');
		expect(planOf(db, sid).every((a) => !a.manual)).toBe(true);
		// The same (now stale) form again: refused before any work.
		const stale = await resetScenarioOffThread(db, actor, bt, sid, version).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(ConflictError);
		// Another ward's scenario is not found (also from the worker).
		const other = await resetScenarioOffThread(db, actor, ak, sid, null).catch((e: unknown) => e);
		expect(other).toBeInstanceOf(PlansError);
		expect((other as PlansError).code).toBe('not-found');
	});
});
