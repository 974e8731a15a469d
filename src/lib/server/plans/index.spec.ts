import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillAreas } from '../../allocation/areas';
import { checkAllocation } from '../../allocation/evaluate';
import type { AllocationResult, PersonsEntry } from '../../allocation/types';
import type { Db } from '../db';
import {
	arrangements,
	assignments,
	auditLog,
	orgUnits,
	positions,
	rooms,
	scenarios,
	wards
} from '../db/schema';
import { seedSample } from '../db/seed';
import { DEFAULT_SCENARIO_NAME } from '../db/seed/scenarios';
import { createTestDb } from '../db/test-db';
import { needsForWard } from '../needs';
import {
	applyScenario,
	appliedArrangementByUnit,
	appliedSeats,
	buildInstance,
	createScenario,
	dbId,
	defaultSettings,
	deleteScenario,
	editPlan,
	exportMovesPdf,
	exportMovesXlsx,
	getScenario,
	inputFingerprint,
	listScenarios,
	moveRows,
	planMetrics,
	PlansError,
	resetScenario,
	saveScenario,
	scenarioForApi,
	scenariosForApi,
	solveScenario,
	stackPlan,
	updateScenarioSettings,
	type BuiltInstance
} from './';

const ACTOR = { userId: null, username: 'tester' };

function wardId(db: Db, code: string): number {
	return db.select({ id: wards.id }).from(wards).where(eq(wards.code, code)).get()!.id;
}

function roomNamed(built: BuiltInstance, facility: string, building: string, name: string) {
	const b = built.buildings.find((x) => x.facilityCode === facility && x.code === building);
	const r = built.rooms.find((x) => x.buildingKey === b?.key && x.name === name);
	if (!r) throw new Error(`no room ${facility}/${building} ${name}`);
	return r;
}

function unitCoded(built: BuiltInstance, code: string) {
	const u = built.units.find((x) => x.code === code);
	if (!u) throw new Error(`no unit ${code}`);
	return u;
}

/** A solver-shaped result for a hand-made plan (areas by fillAreas), without solving. */
function resultFor(built: BuiltInstance, persons: PersonsEntry[]): AllocationResult {
	const plan = fillAreas(built.instance, persons);
	const ev = checkAllocation(built.instance, plan).evaluation;
	return {
		status: 'optimal',
		objective: ev.objective,
		worstShortfallRatio: ev.worstShortfallRatio,
		assignments: plan,
		unseated: ev.unseated,
		terms: ev.terms,
		units: ev.units,
		solveTimeMs: 1
	};
}

const roomSnapshot = (db: Db) =>
	db
		.select({ id: rooms.id, orgUnitId: rooms.orgUnitId, occupants: rooms.occupants })
		.from(rooms)
		.orderBy(rooms.id)
		.all();

const assignmentSnapshot = (db: Db, id: number) =>
	db.select().from(assignments).where(eq(assignments.scenarioId, id)).orderBy(assignments.id).all();

const auditCount = (db: Db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

describe('the instance of the sample ward Bình Trưng', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		built = buildInstance(db, bt);
	});

	it('takes headcount and entitled area per unit from the positions and the 155/2025 norms', () => {
		// TTPVHCC: 1 division head × 18 m² + 19 specialists × 15 m² = 303 m² for 20 people.
		const one = unitCoded(built, 'TTPVHCC');
		expect(one.headcount).toBe(20);
		expect(one.normAreaM2).toBeCloseTo(303, 9);
		expect(one.normM2).toBeCloseTo(15.15, 9);
		// Every unit: Σ approved from the rows, and the same entitled working area as the needs
		// page (ranks and concurrent titles priced at the highest norm, like for like).
		const needs = needsForWard(db, bt);
		const codeOf = new Map(
			db
				.select({ id: orgUnits.id, code: orgUnits.code })
				.from(orgUnits)
				.all()
				.map((r) => [r.id, r.code])
		);
		for (const u of built.units) {
			const rows = db.all<{ n: number }>(
				sql`select coalesce(sum(p.approved), 0) as n from positions p where p.org_unit_id = ${u.id}`
			)[0];
			expect(u.headcount).toBe(rows.n);
			const entitled = needs.result.byUnit.find((x) => x.unitId === codeOf.get(u.id));
			expect(u.normAreaM2, u.key).toBeCloseTo(entitled?.workAreaM2 ?? 0, 9);
			const inst = built.instance.units.find((x) => x.id === u.key)!;
			expect(inst.normM2 * inst.headcount).toBeCloseTo(u.normAreaM2, 9);
		}
		// A chuyên viên chính is entitled to 20 m², not the 15 m² of the title alone.
		const ranked = db.all<{ unitId: number; approved: number }>(
			sql`select org_unit_id as unitId, approved from positions
			    where rank = 'principal-specialist' and approved > 0 limit 1`
		);
		expect(ranked.length).toBe(1);
		// …so the unit's entitlement is more than its titles alone would give.
		const titleOnly = db.all<{ area: number }>(
			sql`select coalesce(sum(p.approved * i.m2_per_person), 0) as area
			    from positions p
			    join norm_items i on i.title_key = p.title_key
			    join norm_sets s on s.id = i.norm_set_id and s.key = 'nd-155-2025' and s.is_current = 1
			    where p.org_unit_id = ${ranked[0].unitId}`
		)[0].area;
		const rankedUnit = built.units.find((u) => u.id === ranked[0].unitId)!;
		expect(rankedUnit.normAreaM2).toBeGreaterThan(titleOnly);
		expect(built.units.reduce((sum, u) => sum + u.normAreaM2, 0)).toBeCloseTo(
			needs.result.workAreaM2,
			9
		);
		const approved = db
			.select({ n: sql<number>`sum(${positions.approved})` })
			.from(positions)
			.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
			.where(eq(orgUnits.wardId, bt))
			.get()!.n;
		expect(built.units.reduce((s, u) => s + u.headcount, 0)).toBe(approved);
	});

	it('has 1,429 m² usable (the figure of issue 13): C buildings and halls, stores, archives excluded', () => {
		const usable = built.rooms.filter((r) => r.usable);
		expect(usable.reduce((s, r) => s + r.areaM2, 0)).toBe(1429);
		expect(roomNamed(built, 'CS-BTT-DU', 'A', 'Ủy ban Kiểm tra 1')).toMatchObject({
			usable: false,
			reason: 'danger'
		});
		expect(roomNamed(built, 'TS-01', 'A', 'Hội trường')).toMatchObject({
			usable: false,
			reason: 'room-type'
		});
	});

	it('defaults: leaders 3, one-stop centre 2, others 1; one-stop on the ground floor; leaders’ offices reserved', () => {
		const s = defaultSettings(db, bt);
		const leaders = unitCoded(built, 'TT-LD');
		const oneStop = unitCoded(built, 'TTPVHCC');
		for (const u of built.units) {
			expect(s.priorities[String(u.id)]).toBe(u === leaders ? 3 : u === oneStop ? 2 : 1);
		}
		expect(s.groundFloorUnitIds).toEqual([oneStop.id]);
		expect(s.minAreaPerPersonM2).toBe(6);
		expect(s.minAreaSource).toBe('');
		expect(s.maxUnitsPerRoom).toBe(2);
		expect(s.weights).toEqual({
			unseated: 100000,
			worstShortfall: 10000,
			shortfallM2: 1,
			buildingsPerUnit: 10,
			moved: 1
		});
		const locked = built.rooms.filter((r) => r.lockedUnitKey !== null);
		expect(locked.map((r) => r.name).sort()).toEqual(
			[
				'Phòng Bí thư Đảng ủy',
				'Phòng Chủ tịch UBND',
				'Phòng Phó Bí thư',
				'Phòng Phó Chủ tịch UBND 1',
				'Phòng Phó Chủ tịch UBND 2'
			].sort()
		);
		for (const r of locked) {
			expect(r.lockedUnitKey).toBe(leaders.key);
			expect(built.instance.rooms.find((x) => x.id === r.key)!.lockedUnitId).toBe(leaders.key);
		}
		expect(built.instance.units.find((u) => u.id === oneStop.key)).toMatchObject({
			priority: 2,
			groundFloorOnly: true
		});
		expect(built.instance.settings).toEqual({ minAreaPerPersonM2: 6, maxUnitsPerRoom: 2 });
	});

	it('seeds a draft default scenario with these settings', () => {
		const list = listScenarios(db, bt);
		expect(list.map((s) => [s.name, s.status, s.stale])).toEqual([
			[DEFAULT_SCENARIO_NAME, 'draft', false]
		]);
		expect(list[0].settings).toEqual(defaultSettings(db, bt));
		expect(list[0].metrics.seated).toBe(0);
	});

	it('the fingerprint follows what the solver reads, not the names', () => {
		const before = inputFingerprint(built);
		const tt = unitCoded(built, 'TT-LD');
		db.update(orgUnits).set({ name: 'Thường trực (đổi tên)' }).where(eq(orgUnits.id, tt.id)).run();
		expect(inputFingerprint(buildInstance(db, bt))).toBe(before);
		db.update(positions)
			.set({ approved: sql`${positions.approved} + 1` })
			.where(eq(positions.orgUnitId, tt.id))
			.run();
		expect(inputFingerprint(buildInstance(db, bt))).not.toBe(before);
	});
});

describe('the default scenario solved', () => {
	it('seats every approved person of the sample ward, within every unit’s norm', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const id = listScenarios(db, bt)[0].id;
		await solveScenario(db, ACTOR, bt, id, { timeLimitS: 30 });
		const d = getScenario(db, bt, id)!;
		const approved = db
			.select({ n: sql<number>`sum(${positions.approved})` })
			.from(positions)
			.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
			.where(eq(orgUnits.wardId, bt))
			.get()!.n;
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
});

describe('a saved plan: figures, edits, staleness, apply', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	let id: number;
	let oneStop: ReturnType<typeof unitCoded>;
	let vpdu: ReturnType<typeof unitCoded>;
	let counter: ReturnType<typeof roomNamed>;
	let anPhu: ReturnType<typeof roomNamed>;
	let vpdu1: ReturnType<typeof roomNamed>;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		built = buildInstance(db, bt);
		oneStop = unitCoded(built, 'TTPVHCC');
		vpdu = unitCoded(built, 'VP-DU');
		counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa'); // 96 m², level 1
		anPhu = roomNamed(built, 'CS-AP-UB', 'A', 'Điểm tiếp nhận hồ sơ An Phú'); // 54 m², level 1
		vpdu1 = roomNamed(built, 'CS-BTD-DU', 'A', 'Văn phòng Đảng ủy 1'); // 32 m², level 1
		// 10 + 4 of the one-stop centre, 4 of the Party office; everyone else unseated.
		id = saveScenario(
			db,
			ACTOR,
			bt,
			'Thử nghiệm',
			built,
			resultFor(built, [
				{ unitId: oneStop.key, roomId: counter.key, persons: 10 },
				{ unitId: oneStop.key, roomId: anPhu.key, persons: 4 },
				{ unitId: vpdu.key, roomId: vpdu1.key, persons: 4 }
			])
		);
	});

	it('per unit: seated, area given, norm, shortfall in m² and as a share (hand-computed)', () => {
		const d = getScenario(db, bt, id)!;
		const u = d.metrics.units.find((x) => x.code === 'TTPVHCC')!;
		// The rooms are below the 303 m² ceiling, so the whole 96 + 54 m² goes to the unit.
		expect(u).toMatchObject({ headcount: 20, seated: 14, unseated: 6 });
		expect(u.areaGivenM2).toBeCloseTo(150, 6);
		expect(u.shortfallM2).toBeCloseTo(153, 6);
		expect(u.shortfallShare).toBeCloseTo(153 / 303, 9);
		const p = d.metrics.units.find((x) => x.code === 'VP-DU')!;
		expect(p.areaGivenM2).toBeCloseTo(32, 6);
		expect(p.shortfallShare).toBeCloseTo((p.normAreaM2 - 32) / p.normAreaM2, 9);
		// Units given nothing are 100 % short: they are the ones furthest below the norm.
		const empty = d.metrics.units.filter((x) => x.seated === 0);
		expect(empty.length).toBe(d.metrics.units.length - 2);
		for (const x of d.metrics.units) expect(x.furthestBelow).toBe(x.seated === 0);
		expect(d.metrics.seated).toBe(18);
		expect(d.metrics.sharedRooms).toBe(0);
		expect(d.status).toBe('optimal');
		expect(d.stale).toBe(false);
	});

	it('a move that keeps every rule is saved, areas refilled, objective recomputed', () => {
		const side = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 1.03'); // 24 m², level 1 (MTTQ today)
		const check = editPlan(db, ACTOR, bt, id, {
			kind: 'move',
			unitId: oneStop.id,
			fromRoomId: counter.id,
			toRoomId: side.id,
			persons: 2
		});
		expect(check.feasible).toBe(true);
		const d = getScenario(db, bt, id)!;
		expect(d.status).toBe('edited');
		const row = (roomKey: string) =>
			d.plan.find((a) => a.unitId === oneStop.key && a.roomId === roomKey);
		expect(row(counter.key)).toMatchObject({ persons: 8, manual: true });
		expect(row(side.key)).toMatchObject({ persons: 2, manual: true });
		expect(row(side.key)!.areaM2).toBeCloseTo(24, 6);
		expect(row(anPhu.key)).toMatchObject({ persons: 4, manual: false });
		const u = d.metrics.units.find((x) => x.code === 'TTPVHCC')!;
		expect(u.areaGivenM2).toBeCloseTo(96 + 54 + 24, 6);
		expect(d.objective).toBeCloseTo(check.evaluation.objective, 9);
		expect(d.objective).toBeCloseTo(d.check.evaluation.objective, 9);
		expect(d.manualRows).toBe(2);
		// Back to the solver's plan.
		resetScenario(db, ACTOR, bt, id);
		const r = getScenario(db, bt, id)!;
		expect(r.status).toBe('optimal');
		expect(r.manualRows).toBe(0);
		expect(r.plan.find((a) => a.roomId === side.key)).toBeUndefined();
	});

	it('a move breaking a rule is refused naming the rule, and nothing is saved', () => {
		const before = assignmentSnapshot(db, id);
		const audits = auditCount(db);
		const upstairs = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 2.01'); // level 2
		const secretary = roomNamed(built, 'CS-BTD-DU', 'A', 'Phòng Bí thư Đảng ủy');
		const refusal = (edit: Parameters<typeof editPlan>[4]) => {
			try {
				editPlan(db, ACTOR, bt, id, edit);
			} catch (e) {
				expect(e).toBeInstanceOf(PlansError);
				return e as PlansError;
			}
			throw new Error('not refused');
		};
		const ground = refusal({
			kind: 'move',
			unitId: oneStop.id,
			fromRoomId: counter.id,
			toRoomId: upstairs.id,
			persons: 2
		});
		expect(ground.code).toBe('rule');
		expect(ground.violations.join(' ')).toContain('Quy tắc tầng 1');
		expect(ground.violations.join(' ')).toContain('tầng 2');
		const lock = refusal({
			kind: 'move',
			unitId: vpdu.id,
			fromRoomId: vpdu1.id,
			toRoomId: secretary.id,
			persons: 1
		});
		expect(lock.violations.join(' ')).toContain('Quy tắc phòng dành riêng');
		expect(lock.violations.join(' ')).toContain('Thường trực');
		const tooMany = refusal({
			kind: 'move',
			unitId: vpdu.id,
			fromRoomId: vpdu1.id,
			toRoomId: counter.id,
			persons: 5
		});
		expect(tooMany.violations[0]).toContain('(4)');
		expect(assignmentSnapshot(db, id)).toEqual(before);
		expect(getScenario(db, bt, id)!.status).toBe('optimal');
		expect(auditCount(db)).toBe(audits);
	});

	it('people without a seat can be moved into a room', () => {
		const side = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 1.02'); // 24 m², level 1
		editPlan(db, ACTOR, bt, id, {
			kind: 'move',
			unitId: oneStop.id,
			fromRoomId: null,
			toRoomId: side.id,
			persons: 4
		});
		expect(getScenario(db, bt, id)!.metrics.units.find((u) => u.code === 'TTPVHCC')).toMatchObject({
			seated: 18,
			unseated: 2
		});
	});

	it('inputs changed: out of date in the list, the detail and the API; apply refused', () => {
		const room = roomNamed(built, 'TS-01', 'B', 'Phòng làm việc 2.03');
		db.update(rooms).set({ areaM2: 22 }).where(eq(rooms.id, room.id)).run();
		expect(listScenarios(db, bt).find((s) => s.id === id)!.stale).toBe(true);
		expect(getScenario(db, bt, id)!.stale).toBe(true);
		expect(scenarioForApi(db, bt, id)).toMatchObject({ stale: true, canApply: false });
		expect(scenariosForApi(db, bt).find((s) => s.id === id)).toMatchObject({ stale: true });
		expect(() => applyScenario(db, ACTOR, bt, id)).toThrow(
			expect.objectContaining({ code: 'stale' })
		);
		expect(db.select().from(arrangements).all()).toEqual([]);
		// Put back: up to date again.
		db.update(rooms).set({ areaM2: room.areaM2 }).where(eq(rooms.id, room.id)).run();
		expect(getScenario(db, bt, id)!.stale).toBe(false);
	});

	it('settings changed after the solve: out of date; bad settings are refused unchanged', () => {
		const d = getScenario(db, bt, id)!;
		updateScenarioSettings(db, ACTOR, bt, id, { ...d.settings, minAreaPerPersonM2: 5 });
		expect(getScenario(db, bt, id)!.stale).toBe(true);
		const ak = wardId(db, 'an-khanh');
		const otherRoom = buildInstance(db, ak).rooms[0].id;
		const settingsBefore = db.select().from(scenarios).where(eq(scenarios.id, id)).get()!
			.settingsJson;
		expect(() =>
			updateScenarioSettings(db, ACTOR, bt, id, {
				...d.settings,
				lockedRooms: [{ roomId: otherRoom, unitId: oneStop.id }]
			})
		).toThrow(expect.objectContaining({ code: 'invalid-settings' }));
		expect(() =>
			updateScenarioSettings(db, ACTOR, bt, id, { ...d.settings, maxUnitsPerRoom: 0 })
		).toThrow(expect.objectContaining({ code: 'invalid-settings' }));
		expect(db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.settingsJson).toBe(
			settingsBefore
		);
	});

	it('apply records who sits where, leaves the rooms and the needs comparison unchanged', () => {
		expect(appliedArrangementByUnit(db, bt)).toBeNull();
		const roomsBefore = roomSnapshot(db);
		const needsBefore = needsForWard(db, bt);
		const c = applyScenario(db, ACTOR, bt, id);
		expect(c).toMatchObject({ movedPersons: getScenario(db, bt, id)!.metrics.moved, unseated: 94 });
		expect(roomSnapshot(db)).toEqual(roomsBefore);
		const needsAfter = needsForWard(db, bt);
		expect(needsAfter.result.ratioToNorm).toBe(needsBefore.result.ratioToNorm);
		expect(needsAfter.result.occupiedWorkAreaM2).toBe(needsBefore.result.occupiedWorkAreaM2);

		const a = appliedArrangementByUnit(db, bt)!;
		expect(a).toMatchObject({ scenarioId: id, scenarioName: 'Thử nghiệm', stale: false });
		expect(a.units.length).toBe(built.units.length);
		const u = a.units.find((x) => x.unitId === oneStop.id)!;
		expect(u.headcount).toBe(20);
		expect(u.seated).toBe(14);
		expect(u.areaGivenM2).toBeCloseTo(150, 6);
		expect(u.normAreaM2).toBeCloseTo(303, 6);
		expect(u.shortfallM2).toBeCloseTo(153, 6);
		expect(u.shortfallShare).toBeCloseTo(153 / 303, 9);
		expect(appliedSeats(db, bt)!.map((s) => [s.unitId, s.roomId, s.persons])).toEqual([
			[oneStop.id, counter.id, 10],
			[oneStop.id, anPhu.id, 4],
			[vpdu.id, vpdu1.id, 4]
		]);
		expect(getScenario(db, bt, id)!.appliedAt).not.toBeNull();
		const audit = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'scenario'), eq(auditLog.action, 'apply')))
			.all();
		expect(audit.length).toBe(1);
		expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ unseated: 94, sharedRooms: 0 });
		// A change of the inventory afterwards marks the arrangement out of date.
		db.update(rooms).set({ areaM2: 90 }).where(eq(rooms.id, counter.id)).run();
		expect(appliedArrangementByUnit(db, bt)!.stale).toBe(true);
		// The arrangement outlives the scenario.
		deleteScenario(db, ACTOR, bt, id);
		expect(appliedArrangementByUnit(db, bt)).toMatchObject({ scenarioId: id });
		expect(appliedArrangementByUnit(db, wardId(db, 'an-khanh'))).toBeNull();
	});

	it('a draft cannot be applied or edited', () => {
		const draft = createScenario(db, ACTOR, bt, 'Nháp');
		expect(() => applyScenario(db, ACTOR, bt, draft)).toThrow(
			expect.objectContaining({ code: 'not-solved' })
		);
		expect(() =>
			editPlan(db, ACTOR, bt, draft, {
				kind: 'set',
				unitId: oneStop.id,
				roomId: counter.id,
				persons: 1
			})
		).toThrow(expect.objectContaining({ code: 'not-solved' }));
	});

	it('another ward never sees the scenario', () => {
		const ak = wardId(db, 'an-khanh');
		expect(getScenario(db, ak, id)).toBeUndefined();
		expect(scenarioForApi(db, ak, id)).toBeNull();
		expect(() => applyScenario(db, ACTOR, ak, id)).toThrow(
			expect.objectContaining({ code: 'not-found' })
		);
	});
});

describe('stack plan, move list and exports', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		built = buildInstance(db, bt);
	});

	it('a shared room is drawn split by the area each unit is given', () => {
		// Two units in the 40 m² small meeting room: 3 of P-KTHTDT and 2 of P-VHXH.
		const meeting = roomNamed(built, 'TS-01', 'A', 'Phòng họp nhỏ');
		const a = unitCoded(built, 'P-KTHTDT');
		const b = unitCoded(built, 'P-VHXH');
		const plan = fillAreas(built.instance, [
			{ unitId: a.key, roomId: meeting.key, persons: 3 },
			{ unitId: b.key, roomId: meeting.key, persons: 2 }
		]);
		const total = plan.reduce((s, x) => s + x.areaM2, 0);
		expect(total).toBeCloseTo(40, 6);
		const stack = stackPlan(built, plan);
		const block = stack
			.flatMap((s) => s.levels.flatMap((l) => l.rooms))
			.find((r) => r.key === meeting.key)!;
		expect(block.segments.length).toBe(2);
		expect(block.segments.reduce((s, x) => s + x.sharePct, 0)).toBeCloseTo(100, 0);
		for (const seg of block.segments) {
			expect(seg.sharePct).toBeCloseTo((seg.areaM2 / 40) * 100, 0);
			expect(seg.areaM2).toBeGreaterThanOrEqual(6 * seg.persons - 1e-6);
		}
		expect(planMetrics(built, plan).sharedRooms).toBe(1);
	});

	it('one row per move with unit, persons, from and to; XLSX and PDF', async () => {
		const p = unitCoded(built, 'P-VHXH');
		const target = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 3.01');
		const id = saveScenario(
			db,
			ACTOR,
			bt,
			'Di chuyển',
			built,
			resultFor(built, [{ unitId: p.key, roomId: target.key, persons: 3 }])
		);
		const d = getScenario(db, bt, id)!;
		// The movers leave the unit's current rooms in instance order, emptying each room of
		// the people sitting there today: one row per (from, to).
		const [first, second] = p.currentRoomKeys.map((k) => built.rooms.find((r) => r.key === k)!);
		const fromFirst = Math.min(3, first.occupants);
		expect(d.moves.map((m) => [m.unitId, m.persons, m.fromRoomId, m.toRoomId])).toEqual(
			[
				[p.key, fromFirst, first.key, target.key],
				[p.key, 3 - fromFirst, second.key, target.key]
			].filter((r) => (r[1] as number) > 0)
		);
		const { head, rows } = moveRows(d, 'vi');
		expect(head).toEqual(['Đơn vị', 'Số người', 'Từ phòng', 'Đến phòng']);
		expect(rows.length).toBe(d.moves.length);
		expect(rows[0][0]).toBe(p.name);
		expect(rows[0][3]).toBe(`CS-AP-UB/A ${target.code} — Phòng 3.01`);
		const xlsx = await exportMovesXlsx(
			d,
			'Phường Bình Trưng',
			'vi',
			new Date(Date.UTC(2026, 9, 5))
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx.buffer as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
			'Đơn vị',
			'Số người',
			'Từ phòng',
			'Đến phòng'
		]);
		expect(ws.getRow(5).getCell(2).value).toBe(rows[0][1]);
		expect(ws.getRow(5 + rows.length).getCell(2).value).toBe(3);
		const pdf = await exportMovesPdf(d, 'Phường Bình Trưng', 'vi');
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
	});

	it('the API gives the settings, the assumption flag and database ids', () => {
		const id = listScenarios(db, bt)[0].id;
		const api = scenarioForApi(db, bt, id)!;
		expect(api).toMatchObject({
			status: 'draft',
			stale: false,
			canApply: false,
			settings: { minAreaPerPersonM2: 6, minAreaIsAssumption: true, maxUnitsPerRoom: 2 }
		});
		expect(api.rooms.filter((r) => r.lockedUnitId !== null).length).toBe(5);
		expect(api.units.every((u) => Number.isInteger(u.id))).toBe(true);
		expect(dbId(`u${api.units[0].id}`)).toBe(api.units[0].id);
	});
});
