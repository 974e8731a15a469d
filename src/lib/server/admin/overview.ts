/** The administration home page: how many users, wards and API tokens there are. */
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../db';
import { apiTokens, users, wards } from '../db/schema';

export interface AdminCounts {
	users: number;
	wards: number;
	/** Every token issued, revoked ones included. */
	tokens: number;
}

function count(db: DbLike, table: SQLiteTable): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()?.n ?? 0
	);
}

export function adminCounts(db: DbLike): AdminCounts {
	return { users: count(db, users), wards: count(db, wards), tokens: count(db, apiTokens) };
}
