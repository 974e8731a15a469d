import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb } from './db/test-db';
import { seedSample } from './db/seed/index';
import { auditLog, normSets, orgUnits, rooms, specialisedRooms, wards } from './db/schema';
import type { Db } from './db';
import {
	NeedsError,
	STAFFING_GAP_COLUMNS,
	createSpecialisedRoom,
	exportStaffingGaps,
	deleteSpecialisedRoom,
	needsForWard,
	staffingGapsForWard,
	updateSpecialisedRoom,
	workAreaByBuilding
} from './needs';
import { createPosition } from './org';
import { parseTable } from './io/table';
import { roundM2 } from '../norms';

const actor = { userId: null, username: 'test' };
let db: Db;
let bt: number;
let ak: number;

const wardId = (code: string) => db.select().from(wards).where(eq(wards.code, code)).get()!.id;
const normId = (key: string) =>
	db
		.select()
		.from(normSets)
		.where(and(eq(normSets.key, key), eq(normSets.isCurrent, true)))
		.get()!.id;
const unitId = (ward: number, code: string) =>
	db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.wardId, ward), eq(orgUnits.code, code)))
		.get()!.id;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	bt = wardId('binh-trung');
	ak = wardId('an-khanh');
});

describe('needsForWard on the Bình Trưng sample, Decree 155/2025 (30/20/18/15/15 m²)', () => {
	it('computes the working area of every unit from its approved posts', () => {
		const n = needsForWard(db, bt);
		const row = (code: string) => n.units.find((u) => u.code === code)!;
		// TT-LD: Bí thư 1 × 30 + (Phó Bí thư 2 + Chủ tịch 1 + Phó Chủ tịch UBND 3 + Phó Chủ tịch HĐND 1) × 20
		//      = 30 + 7 × 20 = 170 m², 8 posts.
		expect(row('TT-LD')).toMatchObject({ headcount: 8, workAreaM2: 170 });
		// VP-HDND-UBND: 3 division heads × 18 + (6 + 2 + 3 + 2 + 1) specialists × 15 = 54 + 210 = 264.
		expect(row('VP-HDND-UBND')).toMatchObject({ headcount: 17, workAreaM2: 264 });
		// DOAN-THE: 4 × 18 + 6 non-professional × 15 = 72 + 90 = 162.
		expect(row('DOAN-THE')).toMatchObject({ headcount: 10, workAreaM2: 162 });
		// MTTQ: 1 × 20 + 2 × 18 + 3 × 15 = 101.
		expect(row('MTTQ').workAreaM2).toBe(101);
		expect(n.units.map((u) => u.code)).toEqual([
			'TT-LD',
			'VP-DU',
			'BXDD',
			'UBKT',
			'HDND',
			'VP-HDND-UBND',
			'P-KTHTDT',
			'P-VHXH',
			'TTPVHCC',
			'MTTQ',
			'DOAN-THE'
		]);
	});

	it('counts occupied area of office, meeting, reception, one-stop, archive and IT rooms only', () => {
		const n = needsForWard(db, bt);
		const row = (code: string) => n.units.find((u) => u.code === code)!;
		// VP-HDND-UBND uses offices 26 + 30 (= 56), the reception room 24 and the archive 30: 110.
		expect(row('VP-HDND-UBND')).toMatchObject({ occupiedAreaM2: 110, gapM2: 110 - 264 });
		// TTPVHCC: one-stop 96 + 60 + 54 = 210, office 24: 234; gap 234 − 303 = −69.
		expect(row('TTPVHCC')).toMatchObject({ occupiedAreaM2: 234, workAreaM2: 303, gapM2: -69 });
		expect(n.occupiedRoomTypes).toEqual([
			'office',
			'meeting',
			'reception',
			'one-stop',
			'archive',
			'it'
		]);
	});

	it('gives the totals, the common-use and specialised areas and a ratio under 70 %', () => {
		const n = needsForWard(db, bt);
		// Working: 170 + 111 + 129 + 96 + 72 + 264 + 324 + 189 + 303 + 101 + 162 = 1,921 m² (119 posts).
		expect(n.result.workAreaM2).toBe(1921);
		expect(n.units.reduce((s, u) => s + u.headcount, 0)).toBe(119);
		// Common-use: 0.7 × 1,921 = 1,344.7.
		expect(roundM2(n.result.commonAreaM2)).toBe(1344.7);
		// Specialised (seeded per ward): 12 counters × 12 + 24 + 150 + 60 + 20 = 398.
		expect(n.result.specialisedAreaM2).toBe(398);
		// Total usable: 1,921 + 1,344.7 + 398 = 3,663.7.
		expect(roundM2(n.result.totalUsableM2)).toBe(3663.7);
		// Occupied: 110 + 56 + 60 + 50 + 60 + 110 + 158 + 108 + 234 + 48 + 28 = 1,022.
		expect(n.result.occupiedWorkAreaM2).toBe(1022);
		// 1,022 / 1,921 = 0.532 < 0.7.
		expect(n.result.ratioToNorm).toBeCloseTo(1022 / 1921, 12);
		expect(n.justification).toEqual({
			justified: true,
			reasons: ['below-70-percent', 'unsafe-building', 'scattered'],
			ratioToNorm: 1022 / 1921,
			threshold: 0.7,
			worstDangerLevel: 'D', // NP-01 / A, latest survey D
			siteCount: 7
		});
		expect(n.normSet).toMatchObject({
			key: 'nd-155-2025',
			version: 1,
			isCurrent: true,
			commonAreaRatioVerify: true,
			effectiveFrom: '2025-07-01'
		});
		expect(n.unitNames['P-KTHTDT']).toBe('Phòng Kinh tế - Hạ tầng và Đô thị');
		expect(n.unknownTitles).toEqual([]);
		// The trace names each unit and ends with the occupied area.
		expect(n.result.trace[0]).toMatchObject({ step: "Working area of unit 'TT-LD'", valueM2: 170 });
		expect(n.result.trace.at(-1)!.valueM2).toBe(1022);
	});

	it('computes with Decree 152/2017 (15/12/10/10/5 m²) when asked by id', () => {
		const n = needsForWard(db, bt, normId('nd-152-2017'));
		// TT-LD 15 + 7 × 12 = 99; VP-DU 7 × 10 = 70; BXDD 80; UBKT 60; HDND 40; VP-HDND-UBND 170;
		// P-KTHTDT 210; P-VHXH 120; TTPVHCC 200; MTTQ 12 + 5 × 10 = 62; DOAN-THE 4 × 10 + 6 × 5 = 70.
		// Σ = 1,181; ratio 1,022 / 1,181 = 0.865 ≥ 0.7.
		expect(n.result.workAreaM2).toBe(1181);
		expect(n.units.find((u) => u.code === 'TT-LD')!.workAreaM2).toBe(99);
		expect(n.units.find((u) => u.code === 'DOAN-THE')!.workAreaM2).toBe(70);
		expect(roundM2(n.result.totalUsableM2)).toBe(roundM2(1181 * 1.7 + 398));
		expect(n.justification.reasons).toEqual(['unsafe-building', 'scattered']);
		expect(n.normSet.key).toBe('nd-152-2017');
	});

	it('refuses an unknown norm set id', () => {
		expect(() => needsForWard(db, bt, 9999)).toThrow(NeedsError);
	});

	it('keeps a ward to its own rooms and units (An Khánh)', () => {
		const n = needsForWard(db, ak);
		// VP 1 × 20 + 6 × 15 = 110; KT 18 + 4 × 15 = 78; VHXH 4 × 15 = 60; TTPVHCC 6 × 15 = 90: 338.
		expect(n.result.workAreaM2).toBe(338);
		// Occupied: VP 54 + KT 30 + VHXH 26 + TTPVHCC 70 = 180.
		expect(n.result.occupiedWorkAreaM2).toBe(180);
		expect(n.justification).toMatchObject({
			reasons: ['below-70-percent'],
			worstDangerLevel: 'B',
			siteCount: 2
		});
	});

	it('follows a new position and a room assigned to a unit', () => {
		createPosition(db, actor, bt, {
			orgUnitId: unitId(bt, 'P-KTHTDT'),
			title: 'Chuyên viên đất đai',
			titleKey: 'specialist',
			field: 'land',
			approved: 2,
			filled: 0,
			plannedNextYear: 2
		});
		const n = needsForWard(db, bt);
		// 324 + 2 × 15 = 354; total working 1,921 + 30 = 1,951.
		expect(n.units.find((u) => u.code === 'P-KTHTDT')!.workAreaM2).toBe(354);
		expect(n.result.workAreaM2).toBe(1951);
		// A hall given to a unit does not count as working area.
		const hall = db.select().from(rooms).where(eq(rooms.type, 'hall')).get()!;
		db.update(rooms)
			.set({ orgUnitId: unitId(bt, 'MTTQ') })
			.where(eq(rooms.id, hall.id))
			.run();
		expect(needsForWard(db, bt).result.occupiedWorkAreaM2).toBe(1022);
	});
});

describe('staffingGapsForWard', () => {
	it('totals approved, filled, vacant and planned posts by field, most vacant first', () => {
		const g = staffingGapsForWard(db, bt);
		expect(g.totals).toEqual({
			approved: 119,
			filled: 91,
			vacant: 28,
			surplus: 0,
			planned: 119,
			positions: 46
		});
		// land: TTPVHCC 6 approved / 4 filled + P-KTHTDT 6 / 3 = 12 / 7, vacant 2 + 3 = 5.
		expect(g.rows.find((r) => r.field === 'land')).toMatchObject({
			approved: 12,
			filled: 7,
			vacant: 5
		});
		// construction: 5 / 2 + 3 / 2 = 8 / 4, vacant 4.
		expect(g.rows.find((r) => r.field === 'construction')).toMatchObject({
			approved: 8,
			filled: 4,
			vacant: 4
		});
		expect(g.rows.find((r) => r.field === 'foreign-affairs')).toMatchObject({ vacant: 1 });
		expect(g.rows.slice(0, 2).map((r) => r.field)).toEqual(['general', 'land']);
	});
});

describe('exportStaffingGaps', () => {
	it('writes one row per field, most vacant first, and a total row, in CSV and XLSX', async () => {
		const csv = await parseTable(await exportStaffingGaps(db, bt, 'csv', 'vi'), 'g.csv');
		expect(csv.headers).toEqual([...STAFFING_GAP_COLUMNS]);
		expect(csv.rows).toHaveLength(15); // 14 fields (with "not specified") + total
		expect(csv.rows[1]).toEqual({
			field: 'land',
			field_label: 'Đất đai',
			approved: '12',
			filled: '7',
			vacant: '5',
			surplus: '0',
			planned_next_year: '12',
			positions: '2'
		});
		expect(csv.rows.at(-1)).toMatchObject({
			field: 'total',
			field_label: 'Tổng cộng',
			vacant: '28'
		});
		const xlsx = await parseTable(await exportStaffingGaps(db, bt, 'xlsx', 'en'), 'g.xlsx');
		expect(xlsx.rows[1]).toMatchObject({ field: 'land', field_label: 'Land', vacant: '5' });
	});
});

describe('workAreaByBuilding', () => {
	it('splits working rooms of each building into assigned and unassigned', () => {
		const rows = workAreaByBuilding(db, bt);
		expect(rows).toHaveLength(10);
		// TS-01 / A: assigned 96 + 24 + 24 + 30 + 18 + 18 + 36 + 36 + 30 = 312; meeting 40 + IT 12 free.
		expect(rows.find((r) => r.building === 'TS-01 / A')).toMatchObject({
			occupiedM2: 312,
			unassignedM2: 52,
			dangerLevel: 'B'
		});
		expect(rows.reduce((s, r) => s + r.occupiedM2, 0)).toBe(1022);
	});
});

describe('specialised rooms', () => {
	it('creates, updates and deletes with an audit row each, and feeds the specialised area', () => {
		const room = createSpecialisedRoom(db, actor, bt, {
			key: 'citizen-reception',
			areaM2: 18,
			count: 2,
			basis: 'Quyết định mẫu'
		});
		expect(needsForWard(db, bt).result.specialisedAreaM2).toBe(398 + 36);
		updateSpecialisedRoom(db, actor, bt, room.id, {
			key: 'citizen-reception',
			areaM2: 20,
			count: 2,
			basis: null
		});
		expect(needsForWard(db, bt).result.specialisedAreaM2).toBe(398 + 40);
		deleteSpecialisedRoom(db, actor, bt, room.id);
		expect(needsForWard(db, bt).result.specialisedAreaM2).toBe(398);
		const audits = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'specialised-room'))
			.all()
			.map((a) => a.action);
		expect(audits).toEqual(['create', 'update', 'delete']);
	});

	it('rejects a room of another ward', () => {
		const other = db.select().from(specialisedRooms).where(eq(specialisedRooms.wardId, ak)).get()!;
		expect(() =>
			updateSpecialisedRoom(db, actor, bt, other.id, {
				key: 'archive',
				areaM2: 1,
				count: 1,
				basis: null
			})
		).toThrow(NeedsError);
		expect(() => deleteSpecialisedRoom(db, actor, bt, other.id)).toThrow(NeedsError);
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(specialisedRooms)
				.where(eq(specialisedRooms.id, other.id))
				.get()!.n
		).toBe(1);
	});
});
