/**
 * Opening the SQLite file: WAL, foreign keys, busy timeout, and the real migrations.
 * Fails fast with a clear message when the path is missing or unwritable.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction handle, as passed to `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: read helpers accept both. */
export type DbLike = Db | Tx;

export class DatabaseStartError extends Error {}

/** Folder of the generated migrations (drizzle/), relative to the working directory. */
export function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

/**
 * Creates a folder one level at a time. (Node 20's recursive mkdir can spin forever on some
 * special file systems such as /proc, instead of failing.)
 */
function ensureDir(dir: string): void {
	const missing: string[] = [];
	let current = dir;
	while (!fs.existsSync(current)) {
		missing.unshift(current);
		const parent = path.dirname(current);
		if (parent === current) break;
		current = parent;
	}
	if (!fs.statSync(current).isDirectory()) throw new Error(`${current} is not a folder`);
	for (const d of missing) fs.mkdirSync(d);
}

function configure(sqlite: Database.Database): void {
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
}

/** Opens (creating when needed) the database file and applies pending migrations. */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
	if (file !== ':memory:') {
		const dir = path.dirname(path.resolve(file));
		try {
			ensureDir(dir);
			fs.accessSync(dir, fs.constants.W_OK);
			if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
		} catch (e) {
			throw new DatabaseStartError(
				`DATABASE_PATH "${file}" cannot be used: ${(e as Error).message}. ` +
					'Set DATABASE_PATH to a writable file path (default data/truso.sqlite).'
			);
		}
	}
	let sqlite: Database.Database;
	try {
		sqlite = new Database(file);
		configure(sqlite);
	} catch (e) {
		throw new DatabaseStartError(
			`Cannot open the database "${file}": ${(e as Error).message}. Check DATABASE_PATH.`
		);
	}
	const db = drizzle(sqlite, { schema }) as Db;
	if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}
