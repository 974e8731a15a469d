/**
 * The facilities API reads a page with one query per table: it must show exactly what the
 * facility detail (the facility page's reading) shows, building by building, including which
 * survey is the latest when dates tie or surveys were entered out of order.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { conditionSurveys, wards } from '../db/schema';
import type { Db } from '../db';
import { getFacilityDetail, listFacilities } from './facilities';
import { facilitiesForApi, facilityForApi } from './facilities-api';

let db: Db;
let bt: number;
let ak: number;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
	ak = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!.id;
});

/** What the API showed when it read one facility at a time (the facility detail). */
function expected(wardId: number, id: number) {
	const f = getFacilityDetail(db, wardId, id)!;
	return f.buildings.map((b) => ({
		id: b.id,
		rooms: b.rooms.map((r) => [r.id, r.code, r.unitName, r.occupants]),
		latest: b.latestSurvey?.id ?? null
	}));
}

function shown(f: NonNullable<ReturnType<typeof facilityForApi>>) {
	return f.buildings.map((b) => ({
		id: b.id,
		rooms: b.rooms.map((r) => [r.id, r.code, r.unitName, r.occupants]),
		latest: b.latestSurvey?.id ?? null
	}));
}

describe('facilities API', () => {
	it('shows every facility of the page as its detail does, in list order', () => {
		const list = listFacilities(db, bt, { page: 1, pageSize: 50 });
		const api = facilitiesForApi(db, bt, 1, 50);
		expect(api.total).toBe(list.total);
		expect(api.facilities.map((f) => f.id)).toEqual(list.rows.map((r) => r.id));
		expect(api.facilities.length).toBeGreaterThan(3);
		let rooms = 0;
		for (const f of api.facilities) {
			expect(shown(f)).toEqual(expected(bt, f.id));
			expect(facilityForApi(db, bt, f.id)).toEqual(f);
			rooms += f.buildings.reduce((n, b) => n + b.rooms.length, 0);
		}
		expect(rooms).toBeGreaterThan(50);
	});

	it('takes the latest survey by date, then by entry, as the facility page does', () => {
		const f = facilitiesForApi(db, bt, 1, 50).facilities.find((x) => x.buildings.length)!;
		const b = f.buildings[0];
		const add = (surveyedOn: string) =>
			db
				.insert(conditionSurveys)
				.values({ buildingId: b.id, surveyedOn, surveyor: 'KS', dangerLevel: 'B' })
				.returning()
				.get().id;
		// Entered later but surveyed earlier: not the latest.
		const newer = add('2030-01-02');
		add('2030-01-01');
		expect(facilityForApi(db, bt, f.id)!.buildings[0].latestSurvey!.id).toBe(newer);
		// Same date: the one entered last.
		const tie = add('2030-01-02');
		expect(facilityForApi(db, bt, f.id)!.buildings[0].latestSurvey!.id).toBe(tie);
		expect(shown(facilityForApi(db, bt, f.id)!)).toEqual(expected(bt, f.id));
	});

	it("never shows another ward's facility", () => {
		const other = facilitiesForApi(db, ak, 1, 50).facilities[0];
		expect(other).toBeDefined();
		expect(facilityForApi(db, bt, other.id)).toBeNull();
		expect(facilitiesForApi(db, bt, 1, 200).facilities.some((f) => f.id === other.id)).toBe(false);
	});
});
