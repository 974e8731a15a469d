import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, normSets, orgUnits, rooms, specialisedRooms } from '../db/schema';
import type { Db } from '../db';
import {
	NeedsError,
	STAFFING_GAP_COLUMNS,
	createSpecialisedRoom,
	exportStaffingGaps,
	deleteSpecialisedRoom,
	justificationForWard,
	needsForWard,
	vacanciesByPosition,
	staffingGapsForWard,
	updateSpecialisedRoom,
	workAreaByBuilding
} from './';
import { createPosition } from '../org';
import { parseTable } from '../io/table';
import { roundM2 } from '../../norms';
import { sampleDb } from '../../../../tests/helpers/sample';

const actor = { userId: null, username: 'test' };
let db: Db;
let bt: number;
let ak: number;

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
	({ db, bt, ak } = sampleDb());
});

describe('needsForWard on the Bình Trưng sample, Decree 155/2025 (30/20/18/15 m², ranks 20)', () => {
	it('prices each post at the highest norm of its title, rank and concurrent titles', () => {
		const n = needsForWard(db, bt);
		const row = (code: string) => n.units.find((u) => u.code === code)!;
		// TT-LD: Bí thư kiêm Chủ tịch HĐND 1 × max(30, 20) = 30; Phó Bí thư Thường trực 20;
		// Phó Bí thư kiêm Chủ tịch UBND 20 (counted once); Phó Chủ tịch UBND kiêm Giám đốc TTPVHCC
		// max(20, 18) = 20; Phó Chủ tịch UBND 2 × 20; Phó Chủ tịch HĐND 20 → 30 + 6 × 20 = 150, 7 posts.
		expect(row('TT-LD')).toMatchObject({ headcount: 7, workAreaM2: 150 });
		// VP-DU: Chánh Văn phòng (Trưởng phòng 18, ngạch chuyên viên chính 20) → 20; Phó Chánh 18;
		// chuyên viên chính 20; 3 chuyên viên × 15; kế toán 15 → 20 + 18 + 20 + 45 + 15 = 118.
		expect(row('VP-DU')).toMatchObject({ headcount: 7, workAreaM2: 118 });
		// VP-HDND-UBND: 20 + 2 × 18 + 20 + (5 + 2 + 3 + 2 + 1) × 15 = 20 + 36 + 20 + 195 = 271.
		expect(row('VP-HDND-UBND')).toMatchObject({ headcount: 17, workAreaM2: 271 });
		// MTTQ (heads of the socio-political organisations are its Phó Chủ tịch):
		// 1 × 20 + (2 + 4) × 18 + 3 × 15 = 20 + 108 + 45 = 173.
		expect(row('MTTQ')).toMatchObject({ headcount: 10, workAreaM2: 173 });
		const governed = n.pricedPositions.filter((p) => p.governedBy !== 'title');
		// 8 rows of ngạch chuyên viên chính are priced by their rank (20 m²): 5 heads of division
		// (title 18) and 3 specialists (title 15). No concurrent title beats its holder's title.
		expect(governed.map((p) => [p.unitId, p.governingKey])).toEqual([
			['VP-DU', 'rank-principal-specialist'],
			['VP-DU', 'rank-principal-specialist'],
			['BXDD', 'rank-principal-specialist'],
			['VP-HDND-UBND', 'rank-principal-specialist'],
			['VP-HDND-UBND', 'rank-principal-specialist'],
			['P-KTHTDT', 'rank-principal-specialist'],
			['P-KTHTDT', 'rank-principal-specialist'],
			['P-VHXH', 'rank-principal-specialist']
		]);
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
			'MTTQ'
		]);
		expect(n.normSet.items.map((i) => i.titleKey)).not.toContain('non-professional');
	});

	it('compares offices with the working norm, and other rooms with their own allowances', () => {
		const n = needsForWard(db, bt);
		const row = (code: string) => n.units.find((u) => u.code === code)!;
		// VP-HDND-UBND holds offices 30 (TS-01 1.04) + 26 (TS-01 B 2.01) = 56 m² of working rooms;
		// its citizen reception 24 and archive 30 are specialised (54), not working area.
		expect(row('VP-HDND-UBND')).toMatchObject({ occupiedAreaM2: 56, gapM2: 56 - 271 });
		expect(row('VP-HDND-UBND').lines.specialised).toEqual({
			inUseM2: 54,
			allowanceM2: null,
			gapM2: null,
			ratio: null
		});
		// TTPVHCC: office 24; one-stop 96 + 60 + 54 = 210 is specialised.
		expect(row('TTPVHCC')).toMatchObject({ occupiedAreaM2: 24, workAreaM2: 303, gapM2: -279 });
		expect(row('TTPVHCC').lines.specialised.inUseM2).toBe(210);
		// Common-use allowance of a unit = 0.7 × its working norm: P-KTHTDT 0.7 × 331 = 231.7.
		expect(roundM2(row('P-KTHTDT').lines.common.allowanceM2!)).toBe(231.7);
		expect(n.occupiedRoomTypes).toEqual(['office']);
		expect(n.roomClasses.filter((r) => r.class === 'specialised').map((r) => r.type)).toEqual([
			'reception',
			'one-stop',
			'archive',
			'it'
		]);
	});

	it('gives the three like-for-like lines in total and the headline ratio under 70 %', () => {
		const n = needsForWard(db, bt);
		// Working norm: TT-LD 150 + VP-DU 118 + BXDD (20 + 2 × 18 + 5 × 15 =) 131 + UBKT (2 × 18 +
		// 4 × 15 =) 96 + HDND (4 × 18 =) 72 + VP-HDND-UBND 271 + P-KTHTDT (20 + 2 × 18 + 20 +
		// (5 + 5 + 3 + 2 + 2) × 15 =) 331 + P-VHXH (20 + 36 + 9 × 15 =) 191 + TTPVHCC (18 +
		// 19 × 15 =) 303 + MTTQ 173 = 1,836 m² for 112 posts.
		expect(n.result.workAreaM2).toBe(1836);
		expect(n.units.reduce((s, u) => s + u.headcount, 0)).toBe(112);
		// Working rooms held: TT-LD 24 + 18 + 18 + 30 + 20 = 110; VP-DU 56; BXDD 34 + 26 = 60;
		// UBKT 50; HDND 60; VP-HDND-UBND 56; P-KTHTDT 36 + 36 + 26 + 30 + 30 = 158; P-VHXH 108;
		// TTPVHCC 24; MTTQ 24 + 24 + 28 = 76 → 758 m².
		expect(n.result.occupiedWorkAreaM2).toBe(758);
		// Headline: 758 / 1,836 = 41.3 % < 70 %.
		expect(n.result.ratioToNorm).toBeCloseTo(758 / 1836, 12);
		expect(n.result.lines.working).toEqual({
			inUseM2: 758,
			allowanceM2: 1836,
			gapM2: 758 - 1836,
			ratio: 758 / 1836
		});
		// Common-use on the 5 sites in use (meeting rooms, halls < 100 m², stores, toilets,
		// corridors): TS-01 296 + CS-BTD-UB 248 + CS-BTD-DU 114 + CS-BTT-DU 106 + CS-AP-UB 346
		// = 1,110 m², against 0.7 × 1,836 = 1,285.2.
		expect(n.result.lines.common.inUseM2).toBe(1110);
		expect(roundM2(n.result.lines.common.allowanceM2!)).toBe(1285.2);
		// Specialised in use: TS-01 one-stop 96 + reception 24 + hall 120 + archive 30 + IT 12 = 282;
		// CS-BTD-UB 60 + 30 + 36 = 126; CS-BTD-DU reception 20; CS-AP-UB one-stop 54 → 482,
		// against the programme 12 counters × 12 + 24 + 150 + 60 + 20 = 398.
		expect(n.result.lines.specialised).toMatchObject({ inUseM2: 482, allowanceM2: 398, gapM2: 84 });
		// Offices on the sites in use that no unit holds: TS-01 B 20; CS-BTD-UB 30 + 20 + 20;
		// CS-BTD-DU 0; CS-BTT-DU 18 + 26; CS-AP-UB 30 + 30 + 12 + 16 → 222.
		expect(n.unassignedWorkingM2).toBe(222);
		expect(roundM2(n.result.totalUsableM2)).toBe(roundM2(1836 * 1.7 + 398));
		expect(n.justification).toMatchObject({
			justified: true,
			reasons: ['below-70-percent', 'unsafe-building', 'scattered'],
			ratioToNorm: 758 / 1836,
			threshold: 0.7,
			worstDangerLevel: 'D', // NP-01 / A, latest survey D (not in use)
			siteCount: 5
		});
		expect(n.normSet).toMatchObject({
			key: 'nd-155-2025',
			version: 1,
			isCurrent: true,
			commonAreaRatioVerify: true,
			effectiveFrom: '2025-07-01'
		});
		expect(n.unknownTitles).toEqual([]);
		expect(n.result.trace[0]).toMatchObject({ step: "Working area of unit 'TT-LD'", valueM2: 150 });
		expect(n.result.trace.at(-1)!.valueM2).toBe(758);
	});

	it('computes with Decree 152/2017 (15/12/10/10/5 m², ranks at 10) when asked by id', () => {
		const n = needsForWard(db, bt, normId('nd-152-2017'));
		// TT-LD 15 + 6 × 12 = 87; VP-DU 70; BXDD 80; UBKT 60; HDND 40; VP-HDND-UBND 170;
		// P-KTHTDT 210; P-VHXH 120; TTPVHCC 200; MTTQ 12 + 9 × 10 = 102. Σ = 1,139.
		expect(n.result.workAreaM2).toBe(1139);
		expect(n.units.find((u) => u.code === 'TT-LD')!.workAreaM2).toBe(87);
		// 758 / 1,139 = 66.5 % < 70 %.
		expect(n.justification.reasons).toEqual(['below-70-percent', 'unsafe-building', 'scattered']);
		expect(n.normSet.key).toBe('nd-152-2017');
		expect(n.normSet.items.map((i) => i.titleKey)).toContain('non-professional');
	});

	it('refuses an unknown norm set id', () => {
		expect(() => needsForWard(db, bt, 9999)).toThrow(NeedsError);
	});

	it('keeps a ward to its own rooms and units (An Khánh)', () => {
		const n = needsForWard(db, ak);
		// VP 1 × 20 + 6 × 15 = 110; KT 18 + 4 × 15 = 78; VHXH 4 × 15 = 60; TTPVHCC 6 × 15 = 90: 338.
		expect(n.result.workAreaM2).toBe(338);
		// Offices held: VP 24 + 30 + KT 30 + VHXH 26 = 110 (the one-stop 70 is specialised).
		expect(n.result.occupiedWorkAreaM2).toBe(110);
		expect(n.justification).toMatchObject({
			reasons: ['below-70-percent', 'scattered'],
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
		// 331 + 2 × 15 = 361; total working 1,836 + 30 = 1,866.
		expect(n.units.find((u) => u.code === 'P-KTHTDT')!.workAreaM2).toBe(361);
		expect(n.result.workAreaM2).toBe(1866);
		// A hall (TS-01 A, 120 m² ≥ 100: specialised) given to a unit is not working area.
		const hall = db.select().from(rooms).where(eq(rooms.type, 'hall')).get()!;
		db.update(rooms)
			.set({ orgUnitId: unitId(bt, 'MTTQ') })
			.where(eq(rooms.id, hall.id))
			.run();
		const after = needsForWard(db, bt);
		expect(after.result.occupiedWorkAreaM2).toBe(758);
		expect(after.units.find((u) => u.code === 'MTTQ')!.lines.specialised.inUseM2).toBe(120);
	});
});

describe('justificationForWard', () => {
	it('gives each criterion with its evidence (Bình Trưng)', () => {
		const j = justificationForWard(db, bt);
		// (a) TS-01 alone: offices held 24 + 30 + 18 + 18 + 36 + 36 (A) + 28 + 28 + 26 + 26 (B)
		// = 270 m² → 270 / 1,836 = 14.7 %; all five sites 758 / 1,836 = 41.3 %: met.
		expect(j.workingArea.met).toBe(true);
		expect(j.workingArea.headquarters).toMatchObject({ code: 'TS-01', inUseM2: 270, below: true });
		expect(j.workingArea.headquarters!.ratio).toBeCloseTo(270 / 1836, 12);
		expect(j.workingArea.allSites).toMatchObject({ inUseM2: 758, normM2: 1836, below: true });
		// (b) C or D: CS-BTD-UB / B (C, no room held), CS-BTT-DU / A (C, held by UBKT and BXDD),
		// NP-01 / A (D, not in use): met because CS-BTT-DU / A is in use.
		expect(j.unsafeBuildings.met).toBe(true);
		expect(
			j.unsafeBuildings.buildings.map((b) => [
				b.facilityCode,
				b.buildingCode,
				b.dangerLevel,
				b.inUse
			])
		).toEqual([
			['CS-BTD-UB', 'B', 'C', false],
			['CS-BTT-DU', 'A', 'C', true],
			['NP-01', 'A', 'D', false]
		]);
		// (c) 5 sites in use (NVH-01 and NP-01 hold no unit). CS-BTT-DU is 338.8 m from TS-01
		// (Δlat 0.00261°, Δlng 0.0016°); the farthest pair is CS-AP-UB – CS-BTD-UB, ≈ 2,534 m.
		expect(j.dispersion).toMatchObject({ met: true, siteCount: 5, minSites: 2, minDistanceM: 500 });
		expect(j.dispersion.farthestPair).toEqual(['CS-AP-UB', 'CS-BTD-UB']);
		expect(Math.round(j.dispersion.maxDistanceM)).toBe(2534);
		expect(
			Math.round(j.dispersion.fromHeadquarters.find((s) => s.code === 'CS-BTT-DU')!.distanceM)
		).toBe(339);
		expect(j.justified).toBe(true);
	});
});

describe('vacanciesByPosition', () => {
	it("groups each position's vacancy under the city's fields first, leadership included", () => {
		const v = vacanciesByPosition(db, bt);
		expect(v.groups.map((g) => [g.key, g.approved, g.filled, g.missing])).toEqual([
			// land: P-KTHTDT 1 / 1 + 5 / 2, TTPVHCC 6 / 4 → 12 / 7, missing 3 + 2 = 5
			['land', 12, 7, 5],
			// construction: P-KTHTDT 5 / 2, TTPVHCC 3 / 2 → 8 / 4, missing 4
			['construction', 8, 4, 4],
			// finance: HĐND Trưởng Ban Kinh tế - Ngân sách 1 / 1, P-KTHTDT 3 / 1 → missing 2
			['finance', 4, 2, 2],
			// accounting: VP-DU 1 / 0, VP-HDND-UBND 3 / 1 → missing 1 + 2 = 3
			['accounting', 4, 1, 3],
			['foreign-affairs', 1, 0, 1],
			// leaders without a field: Phó Chủ tịch UBND 2 / 1, Phó Trưởng ban BXDD 2 / 1,
			// Phó Trưởng ban HĐND 2 / 1, Phó Trưởng phòng VHXH 2 / 1 → missing 4 of 33
			['leadership', 33, 29, 4],
			['it', 2, 1, 1],
			['legal', 13, 11, 2],
			['general', 22, 18, 4],
			['environment', 2, 2, 0],
			['economy', 2, 2, 0],
			['culture', 3, 3, 0],
			['social', 4, 3, 1],
			['education-health', 2, 2, 0]
		]);
		expect(v.totals).toEqual({ approved: 112, filled: 85, missing: 27, positions: 49 });
		const leaders = v.groups.find((g) => g.key === 'leadership')!;
		expect(leaders.rows.find((r) => r.title === 'Phó Chủ tịch UBND')).toMatchObject({
			unitCode: 'TT-LD',
			titleKey: 'chair-deputy',
			rank: null,
			approved: 2,
			filled: 1,
			missing: 1,
			leadership: true
		});
		expect(v.groups.find((g) => g.key === 'land')!.rows[1]).toMatchObject({
			title: 'Chuyên viên địa chính - đất đai',
			rank: 'specialist',
			missing: 3
		});
		expect(v.groups.some((g) => g.key === 'unspecified')).toBe(false);
	});
});

describe('staffingGapsForWard', () => {
	it('totals approved, filled, vacant and planned posts by field, most vacant first', () => {
		const g = staffingGapsForWard(db, bt);
		expect(g.totals).toEqual({
			approved: 112,
			filled: 85,
			vacant: 27,
			surplus: 0,
			planned: 112,
			positions: 49
		});
		expect(g.rows.find((r) => r.field === 'land')).toMatchObject({
			approved: 12,
			filled: 7,
			vacant: 5
		});
		expect(g.rows.slice(0, 2).map((r) => r.field)).toEqual(['land', 'construction']);
	});
});

describe('exportStaffingGaps', () => {
	it('writes one row per position, grouped by field, and a total row, in CSV and XLSX', async () => {
		const csv = await parseTable(await exportStaffingGaps(db, bt, 'csv', 'vi'), 'g.csv');
		expect(csv.headers).toEqual([...STAFFING_GAP_COLUMNS]);
		expect(csv.rows).toHaveLength(50); // 49 positions + total
		expect(csv.rows[0]).toEqual({
			field_group: 'land',
			field_group_label: 'Đất đai',
			unit_code: 'P-KTHTDT',
			unit_name: 'Phòng Kinh tế - Hạ tầng và Đô thị',
			title: 'Chuyên viên chính địa chính - đất đai',
			title_key: 'specialist',
			rank: 'Chuyên viên chính',
			approved: '1',
			filled: '1',
			missing: '0'
		});
		expect(csv.rows.at(-1)).toMatchObject({
			field_group: 'total',
			field_group_label: 'Tổng cộng',
			approved: '112',
			missing: '27'
		});
		const xlsx = await parseTable(await exportStaffingGaps(db, bt, 'xlsx', 'en'), 'g.xlsx');
		expect(xlsx.rows[0]).toMatchObject({ field_group: 'land', field_group_label: 'Land' });
		expect(xlsx.rows[0].rank).toBe('Principal specialist');
	});
});

describe('workAreaByBuilding', () => {
	it('splits working rooms (offices) of each building into assigned and unassigned', () => {
		const rows = workAreaByBuilding(db, bt);
		expect(rows).toHaveLength(10);
		// TS-01 / A: offices 24 + 30 + 18 + 18 + 36 + 36 = 162, all held.
		expect(rows.find((r) => r.building === 'TS-01 / A')).toMatchObject({
			occupiedM2: 162,
			unassignedM2: 0,
			dangerLevel: 'B'
		});
		expect(rows.reduce((s, r) => s + r.occupiedM2, 0)).toBe(758);
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
