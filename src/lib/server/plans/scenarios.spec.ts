import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { arrangements, auditLog, rooms, scenarios } from '../db/schema';
import { needsForWard } from '../needs';
import {
	applyScenario,
	appliedArrangementByUnit,
	appliedSeats,
	buildInstance,
	createScenario,
	deleteScenario,
	editPlan,
	getScenario,
	listScenarios,
	PlansError,
	resetScenario,
	scenarioForApi,
	scenariosForApi,
	updateScenarioSettings,
	type BuiltInstance
} from './';
import {
	ACTOR,
	assignmentSnapshot,
	auditCount,
	roomNamed,
	roomSnapshot,
	unitCoded,
	wardId,
	sampleWard,
	moveEdit,
	savePlan
} from '../../../../tests/helpers/plans';

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
		({ db, bt, built } = sampleWard());
		oneStop = unitCoded(built, 'TTPVHCC');
		vpdu = unitCoded(built, 'VP-DU');
		counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa'); // 96 m², level 1
		anPhu = roomNamed(built, 'CS-AP-UB', 'A', 'Điểm tiếp nhận hồ sơ An Phú'); // 54 m², level 1
		vpdu1 = roomNamed(built, 'CS-BTD-DU', 'A', 'Văn phòng Đảng ủy 1'); // 32 m², level 1
		// 10 + 4 of the one-stop centre, 4 of the Party office; everyone else unseated.
		id = savePlan(db, bt, built, 'Thử nghiệm', [
			{ unitId: oneStop.key, roomId: counter.key, persons: 10 },
			{ unitId: oneStop.key, roomId: anPhu.key, persons: 4 },
			{ unitId: vpdu.key, roomId: vpdu1.key, persons: 4 }
		]);
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
		const check = editPlan(db, ACTOR, bt, id, moveEdit(oneStop, counter, side, 2));
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
		const ground = refusal(moveEdit(oneStop, counter, upstairs, 2));
		expect(ground.code).toBe('rule');
		expect(ground.violations.join(' ')).toContain('Quy tắc tầng 1');
		expect(ground.violations.join(' ')).toContain('tầng 2');
		const lock = refusal(moveEdit(vpdu, vpdu1, secretary, 1));
		expect(lock.violations.join(' ')).toContain('Quy tắc phòng dành riêng');
		expect(lock.violations.join(' ')).toContain('Thường trực');
		const tooMany = refusal(moveEdit(vpdu, vpdu1, counter, 5));
		expect(tooMany.violations[0]).toContain('(4)');
		expect(assignmentSnapshot(db, id)).toEqual(before);
		expect(getScenario(db, bt, id)!.status).toBe('optimal');
		expect(auditCount(db)).toBe(audits);
	});

	it('people without a seat can be moved into a room', () => {
		const side = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 1.02'); // 24 m², level 1
		editPlan(db, ACTOR, bt, id, moveEdit(oneStop, null, side, 4));
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
