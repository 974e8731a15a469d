import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	checkAllocation,
	solveAllocation,
	type AllocationResult,
	type Assignment
} from '../allocation';
import type { Db } from './db';
import { auditLog, conditionSurveys, rooms, scenarios, wards } from './db/schema';
import { seedSample } from './db/seed/index';
import { createTestDb } from './db/test-db';
import {
	applyScenario,
	buildInstance,
	dbId,
	deleteScenario,
	editAssignment,
	exportMovesPdf,
	exportMovesXlsx,
	getScenario,
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
	type BuiltInstance
} from './plans';

const ACTOR = { userId: null, username: 'tester' };

function wardId(db: Db, code: string): number {
	return db.select({ id: wards.id }).from(wards).where(eq(wards.code, code)).get()!.id;
}

/** The rooms of building `facility/building` of an instance. */
function roomsOf(built: BuiltInstance, facility: string, building: string) {
	const b = built.buildings.find((x) => x.facilityCode === facility && x.code === building);
	if (!b) throw new Error(`no building ${facility}/${building}`);
	return built.rooms.filter((r) => r.buildingKey === b.key);
}

function roomNamed(built: BuiltInstance, facility: string, building: string, name: string) {
	const r = roomsOf(built, facility, building).find((x) => x.name === name);
	if (!r) throw new Error(`no room ${name}`);
	return r;
}

function unitCoded(built: BuiltInstance, code: string) {
	const u = built.units.find((x) => x.code === code);
	if (!u) throw new Error(`no unit ${code}`);
	return u;
}

/** A stored scenario whose solver result is the given plan (no solving: fast and exact). */
function scenarioWithPlan(db: Db, ward: number, built: BuiltInstance, plan: Assignment[]): number {
	const check = checkAllocation(built.instance, plan);
	const result: AllocationResult = {
		status: 'optimal',
		objective: check.objective,
		assignments: plan,
		unplaced: check.unplaced,
		buildingsByUnit: check.buildingsByUnit,
		solveTimeMs: 1
	};
	return saveScenario(db, ACTOR, ward, 'Thử nghiệm', built, result);
}

function roomSnapshot(db: Db) {
	return db
		.select({ id: rooms.id, orgUnitId: rooms.orgUnitId, occupants: rooms.occupants })
		.from(rooms)
		.orderBy(rooms.id)
		.all();
}

const auditCount = (db: Db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

describe('buildInstance on the sample ward Bình Trưng', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		built = buildInstance(db, bt);
	});

	it('counts Σ approved positions and the weighted mean norm of 155/2025 per unit', () => {
		// Hand-computed from sample-data.ts with 30 / 20 / 18 / 15 / 15 m² per title.
		const expected: [string, number, number][] = [
			['TT-LD', 8, (30 + 7 * 20) / 8],
			['VP-DU', 7, (2 * 18 + 5 * 15) / 7],
			['BXDD', 8, (3 * 18 + 5 * 15) / 8],
			['UBKT', 6, (2 * 18 + 4 * 15) / 6],
			['HDND', 4, 18],
			['VP-HDND-UBND', 17, (3 * 18 + 14 * 15) / 17],
			['P-KTHTDT', 21, (3 * 18 + 18 * 15) / 21],
			['P-VHXH', 12, (3 * 18 + 9 * 15) / 12],
			['TTPVHCC', 20, (18 + 19 * 15) / 20],
			['MTTQ', 6, (20 + 2 * 18 + 3 * 15) / 6],
			['DOAN-THE', 10, (4 * 18 + 6 * 15) / 10]
		];
		expect(built.units.map((u) => u.code)).toEqual(expected.map((e) => e[0]));
		for (const [code, headcount, m2] of expected) {
			const u = unitCoded(built, code);
			expect(u.headcount).toBe(headcount);
			expect(u.areaPerPersonM2).toBeCloseTo(m2, 10);
			const inst = built.instance.units.find((x) => x.id === u.key)!;
			expect(inst.headcount).toBe(headcount);
			expect(inst.areaPerPersonM2).toBeCloseTo(m2, 10);
		}
		expect(built.units.reduce((s, u) => s + u.headcount, 0)).toBe(119);
		expect(unitCoded(built, 'TTPVHCC').areaPerPersonM2).toBeCloseTo(15.15, 10);
	});

	it('keeps only the public-facing TTPVHCC on the ground floor', () => {
		const ground = built.instance.units.filter((u) => u.groundFloorOnly).map((u) => u.id);
		expect(ground).toEqual([unitCoded(built, 'TTPVHCC').key]);
	});

	it('makes every room of the C and D buildings unusable', () => {
		for (const [f, b, n] of [
			['CS-BTD-UB', 'B', 6],
			['CS-BTT-DU', 'A', 12],
			['NP-01', 'A', 11]
		] as const) {
			const rs = roomsOf(built, f, b);
			expect(rs).toHaveLength(n);
			expect(rs.every((r) => !r.usable && r.reason === 'danger')).toBe(true);
		}
		// Offices of the C building CS-BTT-DU (UBKT sits there today) are unusable too.
		expect(roomNamed(built, 'CS-BTT-DU', 'A', 'Ủy ban Kiểm tra 1').usable).toBe(false);
	});

	it('makes toilets, corridors, stores, halls, archives and server rooms unusable; keeps one-stop and meeting rooms', () => {
		const byType = (type: string) => built.rooms.filter((r) => r.type === type);
		for (const type of ['toilet', 'corridor', 'store', 'hall', 'archive', 'it'])
			expect(byType(type).every((r) => !r.usable)).toBe(true);
		expect(byType('toilet').length).toBeGreaterThan(10);
		const wc = roomNamed(built, 'TS-01', 'A', 'WC tầng 1');
		expect(wc).toMatchObject({ usable: false, reason: 'room-type' });
		expect(roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa')).toMatchObject({
			usable: true,
			level: 1,
			areaM2: 96
		});
		expect(roomNamed(built, 'TS-01', 'A', 'Phòng họp nhỏ').usable).toBe(true);
	});

	it('has 46 usable rooms of 1 429 m², 610 m² of them on the ground floor', () => {
		// Per building (usable area): TS-01/A 174+148, TS-01/B 56+72, CS-BTD-UB/A 114+127+60,
		// CS-BTD-DU/A 76+124, CS-AP-UB/A 102+136+60, CS-AP-UB/B 28, NVH-01/A 60+92.
		const usable = built.rooms.filter((r) => r.usable);
		expect(built.rooms).toHaveLength(132);
		expect(usable).toHaveLength(46);
		expect(usable.reduce((s, r) => s + r.areaM2, 0)).toBe(1429);
		expect(usable.filter((r) => r.level === 1).reduce((s, r) => s + r.areaM2, 0)).toBe(610);
	});

	it('uses string ids with a mapping back and the current rooms of each unit', () => {
		const tt = unitCoded(built, 'TTPVHCC');
		expect(tt.key).toBe(`u${tt.id}`);
		expect(dbId(tt.key)).toBe(tt.id);
		expect(built.rooms.every((r) => r.key === `r${r.id}` && dbId(r.key) === r.id)).toBe(true);
		// TTPVHCC sits today in the one-stop rooms of TS-01, CS-BTD-UB and CS-AP-UB and room 1.03.
		expect(tt.currentRoomKeys).toHaveLength(4);
		expect(tt.currentOccupants).toBe(8 + 5 + 2 + 4);
		const onestop = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		expect(tt.currentRoomKeys).toContain(onestop.key);
		expect(built.instance.units.find((u) => u.id === tt.key)!.currentRoomIds).toEqual(
			tt.currentRoomKeys
		);
	});

	it('follows the LATEST survey of a building', () => {
		const c = built.buildings.find((b) => b.facilityCode === 'CS-BTT-DU')!;
		const a = built.buildings.find((b) => b.facilityCode === 'CS-BTD-DU')!;
		db.insert(conditionSurveys)
			.values([
				{ buildingId: c.id, surveyedOn: '2026-01-10', surveyor: 'KS', dangerLevel: 'B' },
				{ buildingId: a.id, surveyedOn: '2026-01-10', surveyor: 'KS', dangerLevel: 'D' }
			])
			.run();
		const again = buildInstance(db, bt);
		expect(roomNamed(again, 'CS-BTT-DU', 'A', 'Ủy ban Kiểm tra 1').usable).toBe(true);
		expect(roomNamed(again, 'CS-BTD-DU', 'A', 'Văn phòng Đảng ủy 1')).toMatchObject({
			usable: false,
			reason: 'danger'
		});
	});

	it('carries the weights given, defaults otherwise', () => {
		expect(built.instance.weights).toEqual({ unplaced: 1000, buildingsPerUnit: 10, moved: 1 });
		expect(buildInstance(db, bt, { moved: 5 }).instance.weights).toEqual({
			unplaced: 1000,
			buildingsPerUnit: 10,
			moved: 5
		});
	});
});

describe('solving the sample ward', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	let result: AllocationResult;
	beforeAll(async () => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		built = buildInstance(db, bt);
		result = await solveAllocation(built.instance, { timeLimitS: 20 });
	}, 60_000);

	it('returns a feasible plan that places everyone or reports who is unplaced', () => {
		expect(['optimal', 'time-limit']).toContain(result.status);
		const check = checkAllocation(built.instance, result.assignments);
		expect(check.violations).toEqual([]);
		const placed = result.assignments.reduce((s, a) => s + a.persons, 0);
		const unplaced = result.unplaced.reduce((s, u) => s + u.persons, 0);
		expect(placed + unplaced).toBe(119);
		// The old facilities cannot seat everybody at the norms: an upper bound on the people
		// placed is Σ over usable rooms of ⌊area / smallest m²/person⌋.
		const minM2 = Math.min(...built.units.map((u) => u.areaPerPersonM2));
		const bound = built.rooms
			.filter((r) => r.usable)
			.reduce((s, r) => s + Math.floor(r.areaM2 / minM2 + 1e-9), 0);
		expect(placed).toBeLessThanOrEqual(bound);
		expect(unplaced).toBeGreaterThan(0);
		const m = planMetrics(built, result.assignments);
		expect(m.placed).toBe(placed);
		expect(m.unplaced).toBe(unplaced);
		for (const e of result.unplaced) {
			expect(m.units.find((u) => u.key === e.unitId)!.unplaced).toBe(e.persons);
		}
		// The ground-floor rule holds for TTPVHCC, whose 20 people fit on level 1 (610 m²).
		const tt = unitCoded(built, 'TTPVHCC');
		const ttRows = result.assignments.filter((a) => a.unitId === tt.key);
		expect(ttRows.every((a) => built.rooms.find((r) => r.key === a.roomId)!.level === 1)).toBe(
			true
		);
		expect(ttRows.every((a) => built.rooms.find((r) => r.key === a.roomId)!.usable)).toBe(true);
		// The objective is 1000 · unplaced + 10 · buildings used + 1 · moved.
		const buildingsUsed = Object.values(result.buildingsByUnit).reduce((s, b) => s + b.length, 0);
		expect(result.objective).toBe(1000 * unplaced + 10 * buildingsUsed + m.moved);
	});

	it('stores the scenario with its assignments and lists it with its figures', () => {
		const id = saveScenario(db, ACTOR, bt, 'PA 1', built, result);
		const detail = getScenario(db, bt, id)!;
		expect(detail.status).toBe(result.status);
		expect(detail.objective).toBe(result.objective);
		expect(detail.optimum).toBe(result.objective);
		expect(detail.plan.every((a) => !a.manual)).toBe(true);
		expect(detail.plan.reduce((s, a) => s + a.persons, 0)).toBe(
			result.assignments.reduce((s, a) => s + a.persons, 0)
		);
		expect(detail.check.feasible).toBe(true);
		const list = listScenarios(db, bt);
		expect(list.map((s) => s.name)).toContain('PA 1');
		const api = scenariosForApi(db, bt).find((s) => s.id === id)!;
		expect(api.metrics.unplaced).toBe(detail.metrics.unplaced);
		const one = scenarioForApi(db, bt, id)!;
		expect(
			one.assignments.every((a) => Number.isInteger(a.unitId) && Number.isInteger(a.roomId))
		).toBe(true);
		expect(one.moves.length).toBe(detail.moves.length);
	});
});

describe('solveScenario', () => {
	it('does not store a plan when the inventory changed while HiGHS worked, and says so', async () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		const room = built0(db, bt).rooms.find((r) => r.usable)!;
		const scenariosBefore = listScenarios(db, bt).length;
		const auditsBefore = auditCount(db);
		const input = { name: 'PA cũ', weights: {}, timeLimitS: 20 };
		const solving = solveScenario(db, ACTOR, bt, input);
		// Another request, served while the worker thread solves: the room is re-measured smaller.
		db.update(rooms)
			.set({ areaM2: 12 })
			.where(eq(rooms.id, dbId(room.key)))
			.run();
		await expect(solving).rejects.toMatchObject({ code: 'stale' });
		expect(listScenarios(db, bt).length).toBe(scenariosBefore);
		expect(auditCount(db)).toBe(auditsBefore);
		// Solved again, on the current data, the plan is stored.
		const id = await solveScenario(db, ACTOR, bt, { ...input, name: 'PA mới' });
		const stored = getScenario(db, bt, id)!;
		expect(stored.built.rooms.find((r) => r.key === room.key)!.areaM2).toBe(12);
		expect(listScenarios(db, bt).length).toBe(scenariosBefore + 1);
	}, 120_000);
});

/** The sample ward's instance as built now. */
const built0 = (db: Db, ward: number) => buildInstance(db, ward);

describe('scenarios: editing, applying, exports and ward scoping', () => {
	let db: Db;
	let bt: number;
	let ak: number;
	let built: BuiltInstance;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = wardId(db, 'binh-trung');
		ak = wardId(db, 'an-khanh');
		built = buildInstance(db, bt);
	});

	it('validates a manual edit with the solver rules, in Vietnamese, and flags it manual', () => {
		const id = scenarioWithPlan(db, bt, built, []);
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const room = roomNamed(built, 'NVH-01', 'A', 'Phòng 2.02'); // 26 m²
		// 3 people × 264/17 m² = 46,6 m² > 26 m².
		const check = editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: room.id, persons: 3 });
		expect(check.feasible).toBe(false);
		expect(check.violations.map((v) => v.kind)).toEqual(['capacity']);
		const d = getScenario(db, bt, id)!;
		expect(d.status).toBe('edited');
		expect(d.plan).toEqual([{ unitId: vp.key, roomId: room.key, persons: 3, manual: true }]);
		expect(d.violations[0]).toContain(
			'vượt sức chứa: cần 46,6 m² theo định mức nhưng chỉ có 26 m²'
		);
		expect(d.objective).toBe(check.objective);

		// One person fits (15,5 m² ≤ 26 m²).
		expect(
			editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: room.id, persons: 1 }).feasible
		).toBe(true);

		const wc = roomNamed(built, 'TS-01', 'A', 'WC tầng 1');
		editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: wc.id, persons: 1 });
		expect(getScenario(db, bt, id)!.violations.join(' ')).toContain(
			'(Vệ sinh) không dùng làm chỗ làm việc'
		);
		editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: wc.id, persons: 0 });

		const tt = unitCoded(built, 'TTPVHCC');
		const upstairs = roomNamed(built, 'TS-01', 'A', 'Phòng Kinh tế - Hạ tầng 2.03'); // 36 m²
		editAssignment(db, ACTOR, bt, id, { unitId: tt.id, roomId: upstairs.id, persons: 1 });
		const d2 = getScenario(db, bt, id)!;
		expect(d2.check.violations.map((v) => v.kind)).toEqual(['ground-floor']);
		expect(d2.violations[0]).toMatch(/phải ở tầng 1.*\(tầng 2\)/);
		editAssignment(db, ACTOR, bt, id, { unitId: tt.id, roomId: upstairs.id, persons: 0 });

		const hdnd = unitCoded(built, 'HDND');
		const hall = roomNamed(built, 'CS-BTD-UB', 'A', 'Điểm tiếp nhận hồ sơ số 2'); // 60 m²
		editAssignment(db, ACTOR, bt, id, { unitId: hdnd.id, roomId: hall.id, persons: 5 });
		const d3 = getScenario(db, bt, id)!;
		expect(d3.check.violations.map((v) => v.kind).sort()).toEqual(['capacity', 'headcount']);
		expect(d3.violations.join(' ')).toContain('được xếp 5 người, vượt biên chế 4 người');

		// Restoring the solver's plan (empty here) removes every manual row.
		resetScenario(db, ACTOR, bt, id);
		const d4 = getScenario(db, bt, id)!;
		expect(d4.plan).toEqual([]);
		expect(d4.status).toBe('optimal');
	});

	it('applies a plan: rewrites the occupancy of the ward in one audited transaction', () => {
		const tt = unitCoded(built, 'TTPVHCC');
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const onestop = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa'); // 96 m²
		const r104 = roomNamed(built, 'TS-01', 'A', 'Phòng làm việc 1.04'); // 30 m²
		const plan = [
			{ unitId: tt.key, roomId: onestop.key, persons: 6 }, // 90,9 m²
			{ unitId: vp.key, roomId: r104.key, persons: 1 },
			{ unitId: tt.key, roomId: r104.key, persons: 0 }
		];
		const id = scenarioWithPlan(
			db,
			bt,
			built,
			plan.filter((a) => a.persons > 0)
		);
		const akBefore = db.$client
			.prepare(
				`select r.id, r.org_unit_id, r.occupants from rooms r join buildings b on b.id = r.building_id
				 join facilities f on f.id = b.facility_id where f.ward_id = ? order by r.id`
			)
			.all(ak);
		const occupiedBefore = built.rooms.filter((r) => r.orgUnitId !== null || r.occupants > 0);
		const auditBefore = auditCount(db);

		const { changedRooms } = applyScenario(db, ACTOR, bt, id);

		// The two planned rooms change (8 → 6 and 2 → 1 people) and every other occupied room
		// (including the archive VP-HDND-UBND holds with 0 people) is vacated.
		expect(changedRooms).toBe(occupiedBefore.length);
		const after = (rid: number) => db.select().from(rooms).where(eq(rooms.id, rid)).get()!;
		expect(after(onestop.id)).toMatchObject({ orgUnitId: tt.id, occupants: 6 });
		expect(after(r104.id)).toMatchObject({ orgUnitId: vp.id, occupants: 1 });
		const stillOccupied = db.$client
			.prepare(
				`select count(*) as n, coalesce(sum(r.occupants), 0) as people from rooms r
				 join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id
				 where f.ward_id = ? and (r.org_unit_id is not null or r.occupants > 0)`
			)
			.get(bt) as { n: number; people: number };
		expect(stillOccupied).toEqual({ n: 2, people: 7 });
		// Other wards are untouched.
		expect(
			db.$client
				.prepare(
					`select r.id, r.org_unit_id, r.occupants from rooms r join buildings b on b.id = r.building_id
					 join facilities f on f.id = b.facility_id where f.ward_id = ? order by r.id`
				)
				.all(ak)
		).toEqual(akBefore);
		// One audit row per changed room and one 'apply' row.
		expect(auditCount(db) - auditBefore).toBe(changedRooms + 1);
		const roomAudits = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'room'), eq(auditLog.action, 'update')))
			.all();
		expect(roomAudits).toHaveLength(changedRooms);
		const oneAudit = roomAudits.find((a) => a.entityId === String(r104.id))!;
		expect(JSON.parse(oneAudit.beforeJson!)).toMatchObject({ occupants: 2, orgUnitId: vp.id });
		expect(JSON.parse(oneAudit.afterJson!)).toMatchObject({ occupants: 1, orgUnitId: vp.id });
		const applyRows = db.select().from(auditLog).where(eq(auditLog.action, 'apply')).all();
		expect(applyRows).toHaveLength(1);
		expect(applyRows[0]).toMatchObject({ entity: 'scenario', entityId: String(id), wardId: bt });
		expect(getScenario(db, bt, id)!.appliedAt).toBeTypeOf('number');

		// Applying again changes nothing but is still recorded.
		expect(applyScenario(db, ACTOR, bt, id).changedRooms).toBe(0);
	});

	it('gives a shared room to the unit with most people and counts everybody', () => {
		const a = unitCoded(built, 'HDND');
		const b = unitCoded(built, 'MTTQ');
		const room = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng họp 2.04'); // 48 m²
		const id = scenarioWithPlan(db, bt, built, [
			{ unitId: a.key, roomId: room.key, persons: 1 }, // 18 m²
			{ unitId: b.key, roomId: room.key, persons: 1 } // 16,8 m²
		]);
		applyScenario(db, ACTOR, bt, id);
		// A tie: the first unit in unit order keeps the room.
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toMatchObject({
			orgUnitId: a.id,
			occupants: 2
		});
	});

	it('leaves nothing changed when the transaction fails part-way', () => {
		const tt = unitCoded(built, 'TTPVHCC');
		const onestop = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		const id = scenarioWithPlan(db, bt, built, [
			{ unitId: tt.key, roomId: onestop.key, persons: 6 }
		]);
		// The 'apply' audit row is written last, after every room update.
		db.$client.exec(`create trigger fail_apply before insert on audit_log when new.action = 'apply'
			begin select raise(abort, 'forced failure'); end`);
		const before = roomSnapshot(db);
		const auditBefore = auditCount(db);
		expect(() => applyScenario(db, ACTOR, bt, id)).toThrow(/forced failure/);
		expect(roomSnapshot(db)).toEqual(before);
		expect(auditCount(db)).toBe(auditBefore);
		expect(db.select().from(scenarios).where(eq(scenarios.id, id)).get()!.appliedAt).toBeNull();
	});

	it('refuses to apply an infeasible edited plan and changes nothing', () => {
		const id = scenarioWithPlan(db, bt, built, []);
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const c = roomNamed(built, 'CS-BTT-DU', 'A', 'Phòng 1.03'); // in a C building
		editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: c.id, persons: 1 });
		const before = roomSnapshot(db);
		const auditBefore = auditCount(db);
		let err: unknown;
		try {
			applyScenario(db, ACTOR, bt, id);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(PlansError);
		expect((err as PlansError).code).toBe('infeasible');
		expect((err as PlansError).violations.join(' ')).toContain('thuộc nhà cấp nguy hiểm C/D');
		expect(roomSnapshot(db)).toEqual(before);
		expect(auditCount(db)).toBe(auditBefore);
	});

	it('refuses a plan that became infeasible because the inventory changed since the solve', () => {
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const room = roomNamed(built, 'CS-BTD-DU', 'A', 'Văn phòng Đảng ủy 1');
		const id = scenarioWithPlan(db, bt, built, [{ unitId: vp.key, roomId: room.key, persons: 2 }]);
		const b = built.buildings.find((x) => x.key === room.buildingKey)!;
		db.insert(conditionSurveys)
			.values({ buildingId: b.id, surveyedOn: '2026-02-01', surveyor: 'KS', dangerLevel: 'C' })
			.run();
		expect(() => applyScenario(db, ACTOR, bt, id)).toThrow(PlansError);
	});

	it('never finds or edits another ward’s scenario, unit or room', () => {
		const id = scenarioWithPlan(db, bt, built, []);
		expect(getScenario(db, ak, id)).toBeUndefined();
		expect(scenarioForApi(db, ak, id)).toBeNull();
		expect(listScenarios(db, ak)).toEqual([]);
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const room = roomNamed(built, 'NVH-01', 'A', 'Phòng 2.02');
		const codeOf = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				return e instanceof PlansError ? e.code : String(e);
			}
			return 'ok';
		};
		expect(
			codeOf(() =>
				editAssignment(db, ACTOR, ak, id, { unitId: vp.id, roomId: room.id, persons: 1 })
			)
		).toBe('not-found');
		const akBuilt = buildInstance(db, ak);
		const akRoom = akBuilt.rooms.find((r) => r.usable)!;
		const akUnit = akBuilt.units[0];
		expect(
			codeOf(() =>
				editAssignment(db, ACTOR, bt, id, { unitId: vp.id, roomId: akRoom.id, persons: 1 })
			)
		).toBe('invalid-room');
		expect(
			codeOf(() =>
				editAssignment(db, ACTOR, bt, id, { unitId: akUnit.id, roomId: room.id, persons: 1 })
			)
		).toBe('invalid-unit');
		expect(codeOf(() => applyScenario(db, ACTOR, ak, id))).toBe('not-found');
		expect(codeOf(() => deleteScenario(db, ACTOR, ak, id))).toBe('not-found');
		expect(getScenario(db, bt, id)!.plan).toEqual([]);
		deleteScenario(db, ACTOR, bt, id);
		expect(getScenario(db, bt, id)).toBeUndefined();
		expect(
			db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entity, 'scenario'), eq(auditLog.action, 'delete')))
				.all()
		).toHaveLength(1);
	});

	it('exports the move list as XLSX and PDF', async () => {
		const tt = unitCoded(built, 'TTPVHCC');
		const vp = unitCoded(built, 'VP-HDND-UBND');
		const r202 = roomNamed(built, 'NVH-01', 'A', 'Phòng 2.02');
		const r101 = roomNamed(built, 'NVH-01', 'A', 'Phòng sinh hoạt 1');
		const onestop = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
		const id = scenarioWithPlan(db, bt, built, [
			{ unitId: tt.key, roomId: onestop.key, persons: 6 }, // not a move: a current room
			{ unitId: tt.key, roomId: r101.key, persons: 1 },
			{ unitId: vp.key, roomId: r202.key, persons: 1 }
		]);
		const detail = getScenario(db, bt, id)!;
		expect(detail.moves.map((m) => [m.unitId, m.toRoomId, m.persons])).toEqual([
			[vp.key, r202.key, 1],
			[tt.key, r101.key, 1]
		]);
		const table = moveRows(detail, 'vi');
		expect(table.head).toEqual(['Đơn vị', 'Từ phòng (hiện tại)', 'Đến phòng', 'Số người']);

		const xlsx = await exportMovesXlsx(
			detail,
			'Phường Bình Trưng',
			'vi',
			new Date('2026-03-05T03:00:00Z')
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
		const ws = wb.worksheets[0];
		expect(String(ws.getCell('A1').value)).toBe('Danh sách di chuyển: Thử nghiệm');
		expect(String(ws.getCell('A2').value)).toBe('Phường Bình Trưng — 05/03/2026');
		expect(ws.getRow(4).values).toEqual([undefined, ...table.head]);
		expect(ws.getRow(5).values).toEqual([
			undefined,
			'Văn phòng HĐND và UBND',
			table.rows[0][1],
			'NVH-01/A 2.02 — Phòng 2.02',
			1
		]);
		expect(String(ws.getCell('C6').value)).toBe('NVH-01/A 1.02 — Phòng sinh hoạt 1');
		expect(ws.getCell('D7').value).toBe(2); // total

		const pdf = await exportMovesPdf(detail, 'Phường Bình Trưng', 'vi');
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(2000);
	});
});

describe('planMetrics and stackPlan', () => {
	// The doc example of the solver: unit U (3 people × 10 m², in R20), rooms R20 and R15 of A.
	const built: BuiltInstance = {
		instance: {
			units: [{ id: 'u1', headcount: 3, areaPerPersonM2: 10, currentRoomIds: ['r20'] }],
			rooms: [
				{ id: 'r20', buildingId: 'b1', level: 1, areaM2: 20, usable: true },
				{ id: 'r15', buildingId: 'b1', level: 2, areaM2: 15, usable: true },
				{ id: 'r5', buildingId: 'b1', level: 2, areaM2: 5, usable: false }
			],
			weights: { unplaced: 1000, buildingsPerUnit: 10, moved: 1 }
		},
		units: [
			{
				key: 'u1',
				id: 1,
				code: 'U',
				name: 'Đơn vị U',
				publicFacing: false,
				headcount: 3,
				areaPerPersonM2: 10,
				currentRoomKeys: ['r20'],
				currentOccupants: 3
			}
		],
		buildings: [
			{
				key: 'b1',
				id: 1,
				code: 'A',
				name: 'Nhà A',
				facilityId: 1,
				facilityCode: 'F',
				facilityName: 'Cơ sở F',
				levels: 2,
				dangerLevel: 'A'
			}
		],
		rooms: [
			['r20', 20, 1, true],
			['r15', 15, 2, true],
			['r5', 5, 2, false]
		].map(([key, areaM2, level, usable]) => ({
			key: key as string,
			id: dbId(key as string),
			buildingKey: 'b1',
			code: key as string,
			name: `Phòng ${key}`,
			level: level as number,
			type: 'office' as const,
			areaM2: areaM2 as number,
			usable: usable as boolean,
			reason: usable ? null : ('room-type' as const),
			orgUnitId: null,
			occupants: 0
		})),
		normSetName: '155/2025',
		builtAt: 0
	};

	it('counts placed, moved, buildings and area per person against the norm', () => {
		const m = planMetrics(built, [
			{ unitId: 'u1', roomId: 'r20', persons: 2 },
			{ unitId: 'u1', roomId: 'r15', persons: 1 }
		]);
		expect(m).toMatchObject({
			headcount: 3,
			placed: 3,
			unplaced: 0,
			moved: 1,
			buildingsPerUnit: 1
		});
		expect(m.areaPerPersonM2).toBeCloseTo(35 / 3, 10);
		expect(m.units[0].shortOfNorm).toBe(false);
		// Three people squeezed into 20 m² fall short of 10 m² each.
		const squeezed = planMetrics(built, [{ unitId: 'u1', roomId: 'r20', persons: 3 }]);
		expect(squeezed.units[0].areaPerPersonM2).toBeCloseTo(20 / 3, 10);
		expect(squeezed.units[0].shortOfNorm).toBe(true);
		const none = planMetrics(built, []);
		expect(none).toMatchObject({
			placed: 0,
			unplaced: 3,
			areaPerPersonM2: null,
			buildingsPerUnit: 0
		});
	});

	it('draws levels top first with widths proportional to area', () => {
		const [b] = stackPlan(built, [
			{ unitId: 'u1', roomId: 'r20', persons: 2 },
			{ unitId: 'u1', roomId: 'r20', persons: 1 }
		]);
		expect(b.levels.map((l) => l.level)).toEqual([2, 1]);
		expect(b.levels[1].rooms[0]).toMatchObject({ widthPct: 100, persons: 3 });
		expect(b.levels[0].rooms.map((r) => [r.key, r.widthPct, r.usable])).toEqual([
			['r15', 75, true],
			['r5', 25, false]
		]);
		expect(b.levels[1].rooms[0].segments).toEqual([{ unitKey: 'u1', persons: 3 }]);
	});
});

describe('buildInstance input edge cases', () => {
	it('gives a unit without positions headcount 0 and the specialist norm', () => {
		const db = createTestDb();
		seedSample(db);
		const bt = wardId(db, 'binh-trung');
		db.$client
			.prepare(
				`insert into org_units (ward_id, code, name, kind) values (?, 'EMPTY', 'Trống', 'other')`
			)
			.run(bt);
		const u = unitCoded(buildInstance(db, bt), 'EMPTY');
		expect(u).toMatchObject({ headcount: 0, areaPerPersonM2: 15, currentRoomKeys: [] });
	});
});
