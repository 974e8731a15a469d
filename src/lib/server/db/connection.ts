/**
 * Opening the SQLite file: WAL, foreign keys, busy timeout, and the real migrations.
 * Fails fast with a clear message when the path is missing or cannot be created. An existing
 * file that is not writable (permissions, read-only mount) is opened read-only instead: pages
 * are served and every change gets a clear error page (see handleError in hooks.server.ts),
 * rather than the server exiting and being restarted over and over. TRUSO_DB_READONLY=1 opens
 * an existing file read-only in the same way (a maintenance window, or a test of that state
 * when it runs as root, whom file modes do not stop).
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
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
	if (!sqlite.readonly) sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	if (!sqlite.readonly) sqlite.pragma('synchronous = NORMAL');
	// Test and operations knob: cap the file at N pages (SQLite keeps it at least the current
	// size), so a write that needs more space fails with SQLITE_FULL as on a full disk.
	const maxPages = Number(process.env.TRUSO_DB_MAX_PAGES);
	if (Number.isInteger(maxPages) && maxPages > 0) sqlite.pragma(`max_page_count = ${maxPages}`);
}

function writable(p: string): boolean {
	try {
		fs.accessSync(p, fs.constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/** Migrations of the folder not yet recorded in the database (read without writing). */
function pendingMigrations(sqlite: Database.Database): number {
	const all = readMigrationFiles({ migrationsFolder: migrationsFolder() });
	const table = sqlite
		.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
		.get();
	const last = table
		? (
				sqlite.prepare('select max(created_at) as t from __drizzle_migrations').get() as {
					t: number | null;
				}
			).t
		: null;
	return all.filter((m) => last === null || Number(last) < m.folderMillis).length;
}

/**
 * Opens (creating when needed) the database file and applies pending migrations. An existing
 * file that cannot be written (nor its folder, nor its -wal/-shm files) is opened read-only,
 * with a warning; it must then need no migration.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
	let readonly = false;
	if (file !== ':memory:') {
		const dir = path.dirname(path.resolve(file));
		try {
			ensureDir(dir);
			if (fs.existsSync(file)) {
				fs.accessSync(file, fs.constants.R_OK);
				readonly =
					process.env.TRUSO_DB_READONLY === '1' ||
					!writable(file) ||
					(!writable(dir) && ['-wal', '-shm'].some((x) => !writable(file + x)));
			} else fs.accessSync(dir, fs.constants.W_OK);
		} catch (e) {
			throw new DatabaseStartError(
				`DATABASE_PATH "${file}" cannot be used: ${(e as Error).message}. ` +
					'Set DATABASE_PATH to a writable file path (default data/truso.sqlite).'
			);
		}
	}
	let sqlite: Database.Database;
	try {
		sqlite = new Database(file, { readonly });
		configure(sqlite);
	} catch (e) {
		throw new DatabaseStartError(
			`Cannot open the database "${file}": ${(e as Error).message}. Check DATABASE_PATH.`
		);
	}
	const db = drizzle(sqlite, { schema }) as Db;
	if (readonly) {
		let pending: number;
		try {
			pending = pendingMigrations(sqlite);
		} catch (e) {
			throw new DatabaseStartError(
				`Cannot read the database "${file}" (read-only): ${(e as Error).message}. ` +
					'Make the file, its -wal/-shm files and its folder writable.'
			);
		}
		if (pending > 0 && options.migrate !== false) {
			throw new DatabaseStartError(
				`The database "${file}" is read-only and needs ${pending} migration(s). ` +
					'Make the file and its folder writable (check permissions and free disk space).'
			);
		}
		console.warn(
			`[truso] the database "${file}" is read-only: pages are shown, every change is ` +
				'refused until the file and its folder are writable again.'
		);
	} else if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}
