/**
 * The facility page lists its buildings with their totals (no room rows: each building's rooms
 * are on the building page), and the building page sends its rooms as the table shows them.
 * Hand example: a new building "Z" of 3 levels with rooms of 24.5 m² (3 people, level 1),
 * 30.04 m² (4 people, level 2) and 10 m² (0 people, level 2): 3 rooms, 64.54 m² shown 64.5 m²,
 * 7 people.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { clearCache } from '../../src/lib/server/core/cache';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedSample } from '../../src/lib/server/db/seed';
import type { Db } from '../../src/lib/server/db';
import { buildings, facilities, rooms, wards } from '../../src/lib/server/db/schema';
import { load as facilityLoad } from '../../src/routes/w/[ward]/facilities/[id=id]/+page.server';
import { load as buildingLoad } from '../../src/routes/w/[ward]/facilities/[id=id]/buildings/[bid=id]/+page.server';

let db: Db;
let facilityId: number;
let buildingId: number;

const locals = () => {
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	return { db, locale: 'vi', ward: { id: ward.id, code: ward.code }, canEdit: true };
};

beforeAll(() => {
	db = createTestDb();
	seedSample(db);
	clearCache();
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	facilityId = db.select().from(facilities).where(eq(facilities.wardId, ward.id)).get()!.id;
	buildingId = db
		.insert(buildings)
		.values({ facilityId, code: 'Z', name: 'Nhà thử Z', levelsAboveGround: 3 })
		.returning()
		.get().id;
	for (const [code, level, areaM2, occupants] of [
		['Z.101', 1, 24.5, 3],
		['Z.201', 2, 30.04, 4],
		['Z.202', 2, 10, 0]
	] as const) {
		db.insert(rooms)
			.values({ buildingId, code, name: `Phòng ${code}`, level, type: 'office', areaM2, occupants })
			.run();
	}
});

describe('the facility page', () => {
	it('lists each building with its rooms, area and people, without the rooms themselves', async () => {
		const data = (await facilityLoad({
			locals: locals(),
			params: { ward: 'binh-trung', id: String(facilityId) }
		} as never)) as { facility: { buildings: Record<string, unknown>[] } };
		const z = data.facility.buildings.find((b) => b.code === 'Z');
		expect(z).toEqual({
			id: buildingId,
			code: 'Z',
			name: 'Nhà thử Z',
			levelsAboveGround: 3,
			rooms: 3,
			areaM2: 64.5,
			occupants: 7,
			danger: null
		});
		// Every building is listed, none carries its room rows.
		const count = db.select().from(buildings).where(eq(buildings.facilityId, facilityId)).all();
		expect(data.facility.buildings).toHaveLength(count.length);
		expect(JSON.stringify(data.facility)).not.toContain('Z.101');
	});
});

describe('the building page', () => {
	it('sends the rooms as its table shows them, by level and code', async () => {
		const data = (await buildingLoad({
			locals: locals(),
			params: { ward: 'binh-trung', id: String(facilityId), bid: String(buildingId) }
		} as never)) as { building: { rooms: Record<string, unknown>[]; version: number } };
		const first = db
			.select()
			.from(rooms)
			.where(and(eq(rooms.buildingId, buildingId), eq(rooms.code, 'Z.101')))
			.get()!;
		expect(data.building.rooms).toEqual([
			{
				id: first.id,
				code: 'Z.101',
				name: 'Phòng Z.101',
				level: 1,
				type: 'office',
				areaM2: 24.5,
				unitName: null,
				occupants: 3
			},
			expect.objectContaining({ code: 'Z.201', level: 2, areaM2: 30.04, occupants: 4 }),
			expect.objectContaining({ code: 'Z.202', level: 2, areaM2: 10, occupants: 0 })
		]);
		// The building's own fields stay for its edit form (with the version it sends back).
		expect(data.building.version).toBeTypeOf('number');
	});

	it('is 404 for a building of another facility', async () => {
		const other = db
			.select()
			.from(facilities)
			.where(and(eq(facilities.wardId, locals().ward.id)))
			.all()
			.find((f) => f.id !== facilityId)!;
		await expect(
			Promise.resolve().then(() =>
				buildingLoad({
					locals: locals(),
					params: { ward: 'binh-trung', id: String(other.id), bid: String(buildingId) }
				} as never)
			)
		).rejects.toMatchObject({ status: 404 });
	});
});
