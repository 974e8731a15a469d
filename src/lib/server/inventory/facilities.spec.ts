import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { auditLog, facilities, rooms, wards } from '../db/schema';
import type { Db } from '../db';
import {
	createBuilding,
	createFacility,
	createRoom,
	createSurvey,
	deleteFacility,
	getFacilityDetail,
	getRoom,
	InventoryError,
	inventoryErrorField,
	listFacilities,
	roomPlausibilityIssue,
	updateBuilding,
	updateRoom
} from './facilities';
import { inventoryStats } from './inventory-stats';
import {
	facilitySchema,
	roomSchema,
	surveySchema,
	type SurveyInput
} from '../../schemas/inventory';

const actor = { userId: null, username: 'test' };

/** A visual screening with nothing rated and no override (each test sets what it needs). */
const surveyInput: SurveyInput = {
	surveyedOn: '2026-11-29',
	surveyor: 'KS',
	assessmentKind: 'visual',
	assessorOrg: null,
	assessorQualification: null,
	reportNumber: null,
	foundation: null,
	structure: null,
	roof: null,
	wallsFinishes: null,
	electrical: null,
	waterSanitation: null,
	fireSafety: null,
	accessibility: null,
	dangerLevelOverride: null,
	overrideReason: null,
	notes: null
};
let db: Db;
let bt: number;
let ak: number;

const wardId = (code: string) => db.select().from(wards).where(eq(wards.code, code)).get()!.id;
const count = (table: typeof rooms | typeof auditLog | typeof facilities) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	bt = wardId('binh-trung');
	ak = wardId('an-khanh');
});

describe('the sample ward', () => {
	it('has the facilities, buildings and rooms the foundation issue asks for', () => {
		const list = listFacilities(db, bt, { pageSize: 100 });
		expect(list.total).toBeGreaterThanOrEqual(5);
		const buildings = list.rows.reduce((s, r) => s + r.buildingCount, 0);
		const roomCount = list.rows.reduce((s, r) => s + r.roomCount, 0);
		expect(buildings).toBeGreaterThanOrEqual(10);
		expect(roomCount).toBeGreaterThanOrEqual(120);
		for (const f of list.rows) {
			expect(f.lat).toBeGreaterThanOrEqual(10.77);
			expect(f.lat).toBeLessThanOrEqual(10.81);
			expect(f.lng).toBeGreaterThanOrEqual(106.74);
			expect(f.lng).toBeLessThanOrEqual(106.79);
		}
	});

	it('reports the worst latest danger level of each facility', () => {
		const rows = listFacilities(db, bt, { pageSize: 100 }).rows;
		const annex = rows.find((r) => r.code === 'NP-01')!;
		expect(annex.worstDangerLevel).toBe('D');
		const btd = rows.find((r) => r.code === 'CS-BTD-UB')!;
		// Building A is graded A and building B is graded C: the facility shows C.
		expect(btd.worstDangerLevel).toBe('C');
	});

	it('searches and paginates', () => {
		const page1 = listFacilities(db, bt, { pageSize: 3, page: 1 });
		const page3 = listFacilities(db, bt, { pageSize: 3, page: 3 });
		expect(page1.rows).toHaveLength(3);
		expect(page3.rows.length).toBe(page1.total - 6);
		const found = listFacilities(db, bt, { q: 'An Phú' });
		expect(found.rows.map((r) => r.code)).toEqual(['CS-AP-UB']);
		// Sorting by room area puts the largest first.
		const byArea = listFacilities(db, bt, { sort: 'area', pageSize: 100 }).rows;
		for (let i = 1; i < byArea.length; i++) {
			expect(byArea[i - 1].roomAreaM2).toBeGreaterThanOrEqual(byArea[i].roomAreaM2);
		}
	});
});

describe('writes', () => {
	it('creates a facility, a building and a room, each with an audit row', () => {
		const before = count(auditLog);
		const input = facilitySchema.parse({
			code: 'NEW-1',
			name: 'Cơ sở mới',
			kind: 'annex',
			lat: '10,79',
			lng: '106.76',
			legalStatus: 'unknown',
			landAreaM2: '1.234,5'
		});
		expect(input.lat).toBeCloseTo(10.79);
		expect(input.landAreaM2).toBeCloseTo(1234.5);
		const f = createFacility(db, actor, bt, input);
		const b = createBuilding(db, actor, bt, f.id, {
			code: 'A',
			name: 'Nhà A',
			levelsAboveGround: 2,
			yearBuilt: null,
			structure: null,
			grossFloorAreaM2: null,
			notes: null
		});
		const r = createRoom(
			db,
			actor,
			bt,
			b.id,
			roomSchema.parse({
				code: '1.01',
				name: 'P1',
				level: '1',
				type: 'office',
				areaM2: '20,5',
				occupants: '2'
			})
		);
		expect(r.areaM2).toBe(20.5);
		expect(count(auditLog) - before).toBe(3);
		const detail = getFacilityDetail(db, bt, f.id)!;
		expect(detail.buildings[0].rooms[0].code).toBe('1.01');
	});

	it('refuses a duplicate code without writing anything', () => {
		const before = [count(facilities), count(auditLog)];
		const input = facilitySchema.parse({
			code: 'TS-01',
			name: 'x',
			kind: 'other',
			lat: 10.78,
			lng: 106.75,
			legalStatus: 'unknown'
		});
		expect(() => createFacility(db, actor, bt, input)).toThrow(InventoryError);
		expect([count(facilities), count(auditLog)]).toEqual(before);
		// The same code is fine in another ward.
		const other = facilitySchema.parse({
			code: 'CS-AP-UB',
			name: 'x',
			kind: 'other',
			lat: 10.78,
			lng: 106.72,
			legalStatus: 'unknown'
		});
		expect(createFacility(db, actor, ak, other).code).toBe('CS-AP-UB');
	});

	it('never reaches another ward’s records', () => {
		const akFacility = listFacilities(db, ak).rows[0];
		expect(getFacilityDetail(db, bt, akFacility.id)).toBeUndefined();
		expect(() => deleteFacility(db, actor, bt, akFacility.id)).toThrow(InventoryError);
		const akRoom = db
			.select({ id: rooms.id })
			.from(rooms)
			.all()
			.find((r) => getRoom(db, ak, r.id))!;
		expect(getRoom(db, bt, akRoom.id)).toBeUndefined();
		// A unit of another ward cannot occupy a room.
		const btRoom = db
			.select({ id: rooms.id })
			.from(rooms)
			.all()
			.find((r) => getRoom(db, bt, r.id))!;
		const akUnit = db.$client.prepare('select id from org_units where ward_id = ?').get(ak) as {
			id: number;
		};
		expect(() =>
			updateRoom(
				db,
				actor,
				bt,
				btRoom.id,
				roomSchema.parse({
					code: 'X1',
					name: 'x',
					level: 1,
					type: 'office',
					areaM2: 10,
					occupants: 1,
					orgUnitId: String(akUnit.id)
				})
			)
		).toThrow(InventoryError);
	});

	it('deletes a facility with its buildings, rooms and surveys in one audited change', () => {
		const f = listFacilities(db, bt, { q: 'NP-01' }).rows[0];
		const roomsBefore = count(rooms);
		deleteFacility(db, actor, bt, f.id);
		expect(count(rooms)).toBe(roomsBefore - f.roomCount);
		const last = db.select().from(auditLog).all().at(-1)!;
		expect(last).toMatchObject({ entity: 'facility', action: 'delete', entityId: String(f.id) });
		expect(JSON.parse(last.beforeJson!).code).toBe('NP-01');
	});

	it('records a survey with its photos and rolls back both when the audit write fails', () => {
		const b = getFacilityDetail(db, bt, listFacilities(db, bt).rows[0].id)!.buildings[0];
		const input = {
			...surveyInput,
			structure: 3,
			roof: 2,
			wallsFinishes: null,
			electrical: null,
			waterSanitation: null,
			fireSafety: null,
			accessibility: null
		};
		const photo = {
			path: '1/a.jpg',
			thumbPath: '1/a.thumb.jpg',
			contentType: 'image/jpeg',
			sizeBytes: 10,
			width: 1,
			height: 1,
			originalName: 'a.jpg'
		};
		createSurvey(db, actor, bt, b.id, input, [photo]);
		const photosAfter = db.$client.prepare('select count(*) as n from photos').get() as {
			n: number;
		};
		expect(photosAfter.n).toBe(1);
		db.$client.exec(
			`create trigger fail_audit before insert on audit_log begin select raise(abort, 'audit down'); end`
		);
		expect(() => createSurvey(db, actor, bt, b.id, input, [photo])).toThrow(/audit down/);
		const photosFinal = db.$client.prepare('select count(*) as n from photos').get() as {
			n: number;
		};
		expect(photosFinal.n).toBe(1);
	});
});

describe('inventory statistics', () => {
	it('adds up areas and counts buildings by their latest danger level', () => {
		const stats = inventoryStats(db, bt);
		const total = db.$client
			.prepare(
				'select sum(r.area_m2) as a, count(*) as n from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?'
			)
			.get(bt) as { a: number; n: number };
		expect(stats.totals.rooms).toBe(total.n);
		expect(stats.areaRows.reduce((s, r) => s + r.areaM2, 0)).toBeCloseTo(total.a, 6);
		const { A, B, C, D, none } = stats.dangerCounts;
		expect(A + B + C + D + none).toBe(stats.totals.buildings);
		expect(C).toBe(2);
		expect(D).toBe(1);
	});

	it('computes the norm per person of a unit from its approved positions', () => {
		const stats = inventoryStats(db, bt);
		// TTPVHCC: 1 division head (18 m²) and 19 specialists (15 m²): (18 + 19 × 15) / 20 = 15.15.
		const centre = stats.unitRows.find((u) => u.unit.startsWith('Trung tâm Phục vụ'))!;
		expect(centre.normM2PerPerson).toBeCloseTo((18 + 19 * 15) / 20, 9);
	});
});

describe('TCVN 9381 grading of a survey', () => {
	const building = () =>
		getFacilityDetail(db, bt, listFacilities(db, bt, { q: 'TS-01' }).rows[0].id)!.buildings[0];

	it('stores the derived level (worst load-bearing part) with no override', () => {
		const s = createSurvey(db, actor, bt, building().id, {
			...surveyInput,
			foundation: 4,
			structure: 2,
			roof: 5,
			electrical: 5
		});
		expect(s).toMatchObject({
			dangerLevel: 'C',
			derivedDangerLevel: 'C',
			overrideReason: null,
			assessmentKind: 'visual'
		});
		// The building's governing level is now C: the facility list shows it, not a mean.
		const f = listFacilities(db, bt, { q: 'TS-01' }).rows[0];
		expect(f.worstDangerLevel).toBe('C');
	});

	it('stores an override with its reason and the derived level next to it', () => {
		const s = createSurvey(db, actor, bt, building().id, {
			...surveyInput,
			assessmentKind: 'assessed',
			assessorOrg: 'Trung tâm Kiểm định (mẫu)',
			assessorQualification: 'Chứng chỉ năng lực hạng I',
			reportNumber: '12/2026/KĐ',
			structure: 3,
			dangerLevelOverride: 'D',
			overrideReason: 'Báo cáo kiểm định 12/2026/KĐ: móng lún lệch'
		});
		expect(s).toMatchObject({
			dangerLevel: 'D',
			derivedDangerLevel: 'B',
			overrideReason: 'Báo cáo kiểm định 12/2026/KĐ: móng lún lệch',
			reportNumber: '12/2026/KĐ'
		});
	});

	it('refuses a survey with no level and an override without a reason; writes nothing', () => {
		const before = db.$client.prepare('select count(*) as n from condition_surveys').get();
		expect(() => createSurvey(db, actor, bt, building().id, { ...surveyInput, roof: 2 })).toThrow(
			/err.levelUndetermined/
		);
		expect(() =>
			createSurvey(db, actor, bt, building().id, {
				...surveyInput,
				structure: 4,
				dangerLevelOverride: 'C',
				overrideReason: 'vì sao'
			})
		).toThrow(/err.overrideReason/);
		expect(db.$client.prepare('select count(*) as n from condition_surveys').get()).toEqual(before);
	});

	it('the form has no default grade, refuses a future date and names the missing report', () => {
		const form = { surveyedOn: '2026-01-10', surveyor: 'KS', assessmentKind: 'visual' };
		const keyOf = (r: ReturnType<typeof surveySchema.safeParse>, field: string) =>
			r.success
				? null
				: (r.error.issues.find((i) => i.path[0] === field) as { params?: { key?: string } })?.params
						?.key;
		expect(keyOf(surveySchema.safeParse(form), 'dangerLevelOverride')).toBe(
			'err.levelUndetermined'
		);
		expect(surveySchema.parse({ ...form, structure: '4' })).toMatchObject({
			assessmentKind: 'visual',
			structure: 4,
			dangerLevelOverride: null
		});
		expect(
			keyOf(
				surveySchema.safeParse({ ...form, structure: '4', surveyedOn: '2999-01-01' }),
				'surveyedOn'
			)
		).toBe('err.dateInFuture');
		const assessed = surveySchema.safeParse({
			...form,
			structure: '4',
			assessmentKind: 'assessed'
		});
		expect(keyOf(assessed, 'assessorOrg')).toBe('err.assessorRequired');
		expect(keyOf(assessed, 'reportNumber')).toBe('err.reportRequired');
	});
});

describe('plausible rooms', () => {
	it('roomPlausibilityIssue: hand-computed cases', () => {
		const b = { levelsAboveGround: 3, grossFloorAreaM2: 607 };
		expect(roomPlausibilityIssue(b, { level: 9, areaM2: 20 }, 0)).toEqual({
			field: 'level',
			key: 'err.roomLevel',
			params: { level: '9', levels: '3' }
		});
		expect(roomPlausibilityIssue(b, { level: 0, areaM2: 20 }, 0)?.key).toBe('err.roomLevel');
		expect(roomPlausibilityIssue(b, { level: -1, areaM2: 20 }, 0)).toBeNull();
		expect(roomPlausibilityIssue(b, { level: 3, areaM2: 20 }, 0)).toBeNull();
		expect(roomPlausibilityIssue(b, { level: 1, areaM2: 1200 }, 0)).toEqual({
			field: 'areaM2',
			key: 'err.roomAreaAboveBuilding',
			params: { area: 1200, gross: 607 }
		});
		// 550 + 100 = 650 > 607; 550 + 57 = 607 is exactly full and accepted.
		expect(roomPlausibilityIssue(b, { level: 1, areaM2: 100 }, 550)).toEqual({
			field: 'areaM2',
			key: 'err.roomAreaSum',
			params: { sum: 650, others: 550, area: 100, gross: 607 }
		});
		expect(roomPlausibilityIssue(b, { level: 1, areaM2: 57 }, 550)).toBeNull();
		expect(
			roomPlausibilityIssue(
				{ levelsAboveGround: 3, grossFloorAreaM2: null },
				{ level: 2, areaM2: 5000 },
				9000
			)
		).toBeNull();
	});

	it('createRoom refuses level 9 of a 3-storey building and a sum above the floor area', () => {
		const f = createFacility(
			db,
			actor,
			bt,
			facilitySchema.parse({
				code: 'PL-1',
				name: 'Thử',
				kind: 'other',
				lat: '10,79',
				lng: '106,76',
				legalStatus: 'unknown'
			})
		);
		const b = createBuilding(db, actor, bt, f.id, {
			code: 'A',
			name: 'Nhà A',
			levelsAboveGround: 3,
			yearBuilt: null,
			structure: null,
			grossFloorAreaM2: 607,
			notes: null
		});
		const room = (code: string, level: string, areaM2: string) =>
			roomSchema.parse({ code, name: code, level, type: 'office', areaM2, occupants: '0' });
		const before = count(rooms);
		expect(() => createRoom(db, actor, bt, b.id, room('R9', '9', '20'))).toThrow(InventoryError);
		try {
			createRoom(db, actor, bt, b.id, room('R9', '9', '20'));
		} catch (e) {
			expect(inventoryErrorField(e, 'vi')).toEqual({
				field: 'level',
				message: 'Tầng 9 nằm ngoài số tầng của nhà: nhà có 3 tầng nổi (tầng 1 đến tầng 3).'
			});
		}
		createRoom(db, actor, bt, b.id, room('R1', '1', '550'));
		try {
			createRoom(db, actor, bt, b.id, room('R2', '2', '100'));
			expect.unreachable();
		} catch (e) {
			expect(inventoryErrorField(e, 'vi')?.message).toBe(
				'Tổng diện tích các phòng sẽ là 650 m² (550 m² các phòng khác + 100 m² phòng này), lớn hơn tổng diện tích sàn của nhà (607 m²).'
			);
		}
		// "1.000" typed as a Vietnamese writes one thousand is 1000, refused in a 607 m² building.
		expect(() => createRoom(db, actor, bt, b.id, room('R3', '1', '1.000'))).toThrow(
			/err.roomAreaAboveBuilding/
		);
		expect(count(rooms)).toBe(before + 1);
		// The building cannot shrink below its rooms.
		expect(() =>
			updateBuilding(db, actor, bt, b.id, {
				code: 'A',
				name: 'Nhà A',
				levelsAboveGround: 3,
				yearBuilt: null,
				structure: null,
				grossFloorAreaM2: 500,
				notes: null
			})
		).toThrow(/err.buildingAreaBelowRooms/);
	});
});
