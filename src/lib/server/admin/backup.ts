/**
 * Backups and restores of the SQLite database.
 *
 * - A backup uses SQLite's online backup API (`db.$client.backup(file)`): the server keeps
 *   serving while the copy is made, and the copy is a consistent snapshot.
 * - A restore checks the file before it touches anything: `PRAGMA integrity_check` must say
 *   "ok", and the backup's `__drizzle_migrations` must be a prefix of the migrations in
 *   `drizzle/` (same count or fewer, same hashes in order). A backup made by a NEWER version
 *   of Trụ sở, or with a migration this version does not know, is refused. A backup made by an
 *   OLDER version is upgraded: the pending migrations are applied to the restored copy before
 *   it replaces the database (the same thing the server would do at start).
 * - The backup's schema (every table, index, trigger and view in sqlite_master, with its SQL)
 *   must equal the schema the same migrations give a fresh database: anything added or changed
 *   (a trigger that makes a viewer an admin, an extra column, a dropped index) is refused with
 *   the difference named. Checked before the pending migrations run and again after.
 * - The replacement is atomic: the checked copy is written beside DATABASE_PATH, then renamed
 *   over it, and the old database's stale -wal/-shm files are removed. The server must be
 *   restarted afterwards (stop it before restoring: it holds the old file open).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { DomainError } from '../core/errors';
import path from 'node:path';
import * as schema from '../db/schema';

/** Something the admin must know: the file is not usable as a backup of this version. */
type BackupCode =
	| 'missing'
	| 'corrupt'
	| 'no-migrations'
	| 'unknown-migration'
	| 'newer-schema'
	| 'schema-mismatch'
	| 'same-file';

export class BackupError extends DomainError<BackupCode> {
	constructor(code: BackupCode, message: string) {
		super(code);
		// Said to the admin on the command line (English, with the file's details).
		this.message = message;
	}
}

/** Writes a consistent copy of an open database to `file` (online; readers and writers go on). */
export async function backupDatabase(client: Database.Database, file: string): Promise<number> {
	const target = path.resolve(file);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const tmp = `${target}.${randomBytes(4).toString('hex')}.part`;
	try {
		await client.backup(tmp);
		// A self-contained file: no -wal beside it, whatever the source's journal mode.
		const copy = new Database(tmp);
		try {
			copy.pragma('journal_mode = DELETE');
		} finally {
			copy.close();
		}
		fs.renameSync(tmp, target);
	} catch (e) {
		fs.rmSync(tmp, { force: true });
		throw e;
	}
	return fs.statSync(target).size;
}

/** Opens the database file at `file` and backs it up to `dest` (used by `npm run db:backup`). */
export async function backupFile(file: string, dest: string): Promise<number> {
	if (!fs.existsSync(file)) throw new BackupError('missing', `Database not found: ${file}`);
	if (path.resolve(file) === path.resolve(dest)) {
		throw new BackupError('same-file', 'The backup file must differ from the database file.');
	}
	const client = new Database(file, { fileMustExist: true });
	try {
		client.pragma('busy_timeout = 5000');
		return await backupDatabase(client, dest);
	} finally {
		client.close();
	}
}

export interface MigrationRef {
	hash: string;
	createdAt: number;
}

/** The migrations this version of the app ships (drizzle/), in order. */
export function shippedMigrations(migrationsFolder: string): MigrationRef[] {
	return readMigrationFiles({ migrationsFolder }).map((m) => ({
		hash: m.hash,
		createdAt: m.folderMillis
	}));
}

export interface BackupInspection {
	/** Migrations recorded in the backup. */
	applied: number;
	/** Migrations shipped with this version. */
	shipped: number;
	/** Migrations to apply to bring the backup up to date. */
	pending: number;
	lastHash: string | null;
}

function integrityOk(client: Database.Database): string | null {
	try {
		const rows = client.pragma('integrity_check') as { integrity_check: string }[];
		const msgs = rows.map((r) => r.integrity_check);
		return msgs.length === 1 && msgs[0] === 'ok' ? null : msgs.slice(0, 5).join('; ');
	} catch (e) {
		return (e as Error).message;
	}
}

/** One schema object as sqlite_master describes it (internal sqlite_* objects left out). */
interface SchemaObject {
	type: string;
	name: string;
	table: string;
	sql: string;
}

function schemaOf(client: Database.Database): Map<string, SchemaObject> {
	const rows = client
		.prepare(
			`select type, name, tbl_name as "table", coalesce(sql, '') as sql from sqlite_master
			 where name not like 'sqlite\\_%' escape '\\' and name <> '__drizzle_migrations'`
		)
		.all() as SchemaObject[];
	return new Map(
		rows.map((r) => [`${r.type} ${r.name}`, { ...r, sql: r.sql.replace(/\s+/g, ' ').trim() }])
	);
}

const expectedSchemas = new Map<string, Map<string, SchemaObject>>();

/** The schema a fresh database gets from the first `count` migrations of the folder. */
export function expectedSchema(migrationsFolder: string, count: number): Map<string, SchemaObject> {
	const key = `${path.resolve(migrationsFolder)}#${count}`;
	let schema = expectedSchemas.get(key);
	if (!schema) {
		const fresh = new Database(':memory:');
		try {
			for (const m of readMigrationFiles({ migrationsFolder }).slice(0, count)) {
				for (const statement of m.sql) if (statement.trim()) fresh.exec(statement);
			}
			schema = schemaOf(fresh);
		} finally {
			fresh.close();
		}
		expectedSchemas.set(key, schema);
	}
	return schema;
}

/** The first differences between a database's schema and the expected one, or null. */
export function schemaDifference(
	client: Database.Database,
	expected: Map<string, SchemaObject>
): string | null {
	const actual = schemaOf(client);
	const on = (o: SchemaObject) =>
		o.type === 'index' || o.type === 'trigger' ? ` on ${o.table}` : '';
	const diffs: string[] = [];
	for (const [key, o] of actual) {
		const want = expected.get(key);
		if (!want) diffs.push(`extra ${o.type} "${o.name}"${on(o)}`);
		else if (want.sql !== o.sql || want.table !== o.table) {
			diffs.push(`${o.type} "${o.name}" differs`);
		}
	}
	for (const [key, o] of expected) {
		if (!actual.has(key)) diffs.push(`missing ${o.type} "${o.name}"${on(o)}`);
	}
	if (diffs.length === 0) return null;
	return diffs.length > 5
		? `${diffs.slice(0, 5).join('; ')}; … ${diffs.length} in all`
		: diffs.join('; ');
}

function schemaError(diff: string): BackupError {
	return new BackupError(
		'schema-mismatch',
		`The backup's schema differs from this version's (${diff}); refusing to restore.`
	);
}

/**
 * Checks an open copy of a backup: integrity, and its migrations against the shipped ones.
 * Throws BackupError when the copy cannot be restored.
 */
export function inspectBackupClient(
	client: Database.Database,
	migrationsFolder: string
): BackupInspection {
	const problem = integrityOk(client);
	if (problem) {
		throw new BackupError('corrupt', `The backup is damaged (integrity check: ${problem}).`);
	}
	const hasTable = client
		.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
		.get();
	if (!hasTable) {
		throw new BackupError(
			'no-migrations',
			'The file is not a Trụ sở backup (it has no __drizzle_migrations table).'
		);
	}
	const applied = client
		.prepare(
			'select hash, created_at as createdAt from __drizzle_migrations order by created_at, rowid'
		)
		.all() as MigrationRef[];
	const shipped = shippedMigrations(migrationsFolder);
	for (let i = 0; i < applied.length; i++) {
		if (i >= shipped.length) {
			throw new BackupError(
				'newer-schema',
				`The backup was made by a newer version of Trụ sở (${applied.length} migrations; this version has ${shipped.length}). Upgrade the app first.`
			);
		}
		if (applied[i].hash !== shipped[i].hash) {
			throw new BackupError(
				'unknown-migration',
				`The backup's migration ${i + 1} (${applied[i].hash.slice(0, 12)}…) is not one of this version's migrations; refusing to restore.`
			);
		}
	}
	const diff = schemaDifference(client, expectedSchema(migrationsFolder, applied.length));
	if (diff) throw schemaError(diff);
	return {
		applied: applied.length,
		shipped: shipped.length,
		pending: shipped.length - applied.length,
		lastHash: applied.at(-1)?.hash ?? null
	};
}

/** Checks a backup file without changing it (works on a temporary copy). */
export function inspectBackup(file: string, migrationsFolder: string): BackupInspection {
	if (!fs.existsSync(file)) throw new BackupError('missing', `Backup not found: ${file}`);
	const tmp = path.join(
		path.dirname(path.resolve(file)),
		`.inspect-${randomBytes(4).toString('hex')}.sqlite`
	);
	fs.copyFileSync(file, tmp);
	try {
		const client = openCopy(tmp);
		try {
			return inspectBackupClient(client, migrationsFolder);
		} finally {
			client.close();
		}
	} finally {
		removeWithSidecars(tmp);
	}
}

function openCopy(file: string): Database.Database {
	try {
		return new Database(file, { fileMustExist: true });
	} catch (e) {
		throw new BackupError('corrupt', `The backup cannot be opened: ${(e as Error).message}`);
	}
}

function removeWithSidecars(file: string): void {
	for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
		fs.rmSync(f, { force: true });
	}
}

export interface RestoreResult extends BackupInspection {
	/** Where the database that was replaced was saved, if there was one. */
	previous: string | null;
}

/**
 * Restores `backup` over `target` (DATABASE_PATH) after checking it; see the module comment.
 * With `keepPrevious` the current database is first saved beside it as
 * `<name>.before-restore-<time>.sqlite`.
 */
export async function restoreDatabase(
	backup: string,
	target: string,
	options: { migrationsFolder: string; keepPrevious?: boolean; now?: Date }
): Promise<RestoreResult> {
	if (!fs.existsSync(backup)) throw new BackupError('missing', `Backup not found: ${backup}`);
	const dest = path.resolve(target);
	if (path.resolve(backup) === dest) {
		throw new BackupError('same-file', 'The backup file must differ from DATABASE_PATH.');
	}
	fs.mkdirSync(path.dirname(dest), { recursive: true });
	const tmp = `${dest}.restore-${randomBytes(4).toString('hex')}.tmp`;
	let previous: string | null = null;
	try {
		fs.copyFileSync(backup, tmp);
		const client = openCopy(tmp);
		let inspection: BackupInspection;
		try {
			inspection = inspectBackupClient(client, options.migrationsFolder);
			if (inspection.pending > 0) {
				client.pragma('foreign_keys = ON');
				migrate(drizzle(client, { schema }), { migrationsFolder: options.migrationsFolder });
				const problem = integrityOk(client);
				if (problem) {
					throw new BackupError('corrupt', `The upgraded backup failed its check: ${problem}`);
				}
				const diff = schemaDifference(
					client,
					expectedSchema(options.migrationsFolder, inspection.shipped)
				);
				if (diff) throw schemaError(diff);
			}
			client.pragma('journal_mode = DELETE');
		} finally {
			client.close();
		}
		if (options.keepPrevious !== false && fs.existsSync(dest)) {
			const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
			previous = dest.replace(/(\.sqlite3?|\.db)?$/, `.before-restore-${stamp}.sqlite`);
			await backupFile(dest, previous);
		}
		fs.renameSync(tmp, dest);
		// The old database's WAL and shared memory must not be replayed onto the new file.
		fs.rmSync(`${dest}-wal`, { force: true });
		fs.rmSync(`${dest}-shm`, { force: true });
		return { ...inspection, previous };
	} finally {
		removeWithSidecars(tmp);
	}
}

/** Row count and SHA-256 of every table's rows (in rowid order): equal data, equal prints. */
export function databaseFingerprint(
	client: Database.Database
): Record<string, { rows: number; sha256: string }> {
	const tables = client
		.prepare(
			`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
		)
		.all() as { name: string }[];
	const out: Record<string, { rows: number; sha256: string }> = {};
	for (const { name } of tables) {
		const hash = createHash('sha256');
		let rows = 0;
		const quoted = `"${name.replace(/"/g, '""')}"`;
		for (const row of client.prepare(`select * from ${quoted} order by rowid`).iterate()) {
			hash.update(JSON.stringify(row));
			hash.update('\n');
			rows++;
		}
		out[name] = { rows, sha256: hash.digest('hex') };
	}
	return out;
}
