/** The seeded sample database most server specs start from (test code, not in $lib). */
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '$lib/server/db';
import { buildings, facilities, rooms, wards } from '$lib/server/db/schema';
import { seedSample } from '$lib/server/db/seed';
import { createTestDb } from '$lib/server/db/test-db';

/** The id of the ward with `code` (throws when the sample has none). */
export function wardIdByCode(db: Db, code: string): number {
	const ward = db.select({ id: wards.id }).from(wards).where(eq(wards.code, code)).get();
	if (!ward) throw new Error(`no ward ${code}`);
	return ward.id;
}

/** A fresh seeded sample database with the ids of Bình Trưng (`bt`) and An Khánh (`ak`). */
export function sampleDb(): { db: Db; bt: number; ak: number } {
	const db = createTestDb();
	seedSample(db);
	return { db, bt: wardIdByCode(db, 'binh-trung'), ak: wardIdByCode(db, 'an-khanh') };
}

/** How many rows `table` holds. */
export function rowCount(db: Db, table: SQLiteTable): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;
}

/** Rooms with the ward of their facility. */
const roomsWithWard = (db: Db) =>
	db
		.select({ room: rooms, wardId: facilities.wardId })
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId));

/** The id of the ward whose facility holds room `roomId`. */
export function wardOfRoom(db: Db, roomId: number): number {
	return roomsWithWard(db).where(eq(rooms.id, roomId)).get()!.wardId;
}

/** The first stored room of a ward. */
export function firstRoomOfWard(db: Db, wardId: number): typeof rooms.$inferSelect {
	return roomsWithWard(db).where(eq(facilities.wardId, wardId)).limit(1).get()!.room;
}

/** A stored room's values as its edit form sends them (updateRoom's input). */
export function roomInput(r: typeof rooms.$inferSelect) {
	return {
		code: r.code,
		name: r.name,
		level: r.level,
		type: r.type,
		areaM2: r.areaM2,
		orgUnitId: r.orgUnitId,
		occupants: r.occupants,
		notes: r.notes
	};
}
