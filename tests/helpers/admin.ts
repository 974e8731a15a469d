/**
 * Test fixtures of the admin records: a new ward (Thủ Đức, with the default specialised rooms
 * and criteria of createWard), a database with the reference data, and form input parsed
 * through its schema.
 */
import type { z } from 'zod';
import type { Db } from '../../src/lib/server/db';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedReference } from '../../src/lib/server/db/seed';
import { createWard, type WardInput } from '../../src/lib/server/admin/wards';

export const SEED_ACTOR = { userId: null, username: 'seed' };

/** Thủ Đức's form input: centre inside its extent, 120,000 inhabitants. */
export const THU_DUC: WardInput = {
	code: 'thu-duc',
	name: 'Phường Thủ Đức',
	adminCode: '26800',
	centreLat: 10.85,
	centreLng: 106.76,
	extent: [10.8, 106.7, 10.9, 106.8],
	populationCount: 120000
};

/** Creates Thủ Đức (version 1) as the seed actor. */
export const newWard = (db: Db, input: WardInput = THU_DUC) => createWard(db, SEED_ACTOR, input);

/** An empty test database with the reference data (norm sets, legal references, rates). */
export function referenceDb(): Db {
	const db = createTestDb();
	db.transaction((tx) => seedReference(tx));
	return db;
}

/** The form `fields` through `schema` (the test's own input must be valid). */
export function formInput<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
	const r = schema.safeParse(fields);
	if (!r.success) throw new Error(JSON.stringify(r.error.issues));
	return r.data;
}
