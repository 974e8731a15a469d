/**
 * The application's database handle, opened once at server start by the `init` hook.
 */
import { openDatabase, type Db } from './connection';

export { openDatabase, DatabaseStartError, type Db, type DbLike, type Tx } from './connection';
export * as schema from './schema';

let current: Db | undefined;

export function databasePath(): string {
	return process.env.DATABASE_PATH || 'data/truso.sqlite';
}

/** Opens the configured database and applies migrations; idempotent. */
export function initDb(): Db {
	current ??= openDatabase(databasePath());
	return current;
}

/** The open database; throws if `initDb` has not run. */
export function getDb(): Db {
	return current ?? initDb();
}
