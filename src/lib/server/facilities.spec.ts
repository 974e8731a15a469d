import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from './db/test-db';
import { seedSample } from './db/seed/index';
import { auditLog, facilities, rooms, wards } from './db/schema';
import type { Db } from './db';
import {
	createBuilding,
	createFacility,
	createRoom,
	createSurvey,
	deleteFacility,
	getFacilityDetail,
	getRoom,
	InventoryError,
	listFacilities,
	updateRoom
} from './facilities';
import { inventoryStats } from './inventory-stats';
import { facilitySchema, roomSchema } from '../schemas/inventory';

const actor = { userId: null, username: 'test' };
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
		for (let i = 1; i < byArea.length; i++)
			expect(byArea[i - 1].roomAreaM2).toBeGreaterThanOrEqual(byArea[i].roomAreaM2);
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
			surveyedOn: '2026-11-29',
			surveyor: 'KS',
			dangerLevel: 'B' as const,
			structure: 3,
			roof: 2,
			wallsFinishes: null,
			electrical: null,
			waterSanitation: null,
			fireSafety: null,
			accessibility: null,
			notes: null
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
