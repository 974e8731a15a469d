/** The seeded sample database most server specs start from (test code, not in $lib). */
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '$lib/server/db';
import { wards } from '$lib/server/db/schema';
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
