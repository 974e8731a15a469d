/** Columns every table shares: creation and change times, the row version. */
import { sql } from 'drizzle-orm';
import { integer, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const createdAt = () =>
	integer('created_at', { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
export const updatedAt = () =>
	integer('updated_at', { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
/**
 * Optimistic concurrency: the row's version, 1 when created, + 1 on every update (the update
 * checks it in its WHERE clause, src/lib/server/core/concurrency.ts; a trigger bumps it for updates
 * that do not). A form carries the version it was loaded with; a stale save is refused (409).
 */
export const rowVersion = () => integer('version').notNull().default(1);
/** The primary key: an auto-incremented integer id. */
export const primaryId = () => integer('id').primaryKey({ autoIncrement: true });
/** The row version and the creation and change times, the last columns of an editable record. */
export const tracked = () => ({
	version: rowVersion(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
/**
 * The parent row a row belongs to: a required reference deleted with its parent (ON DELETE
 * CASCADE), e.g. `buildingId: ownedBy('building_id', () => buildings.id)`.
 */
export const ownedBy = (name: string, parent: () => AnySQLiteColumn) =>
	integer(name).notNull().references(parent, { onDelete: 'cascade' });
