/**
 * The read-only connections worker threads keep to the server's database file (scoring, packet
 * assembly): one per file and thread, opened on first use.
 *
 * A restore (`npm run db:restore`, or `restoreDatabase` in the process) writes the checked copy
 * beside the database and renames it over the path: the path then names a new file (a new
 * inode) while a connection opened before still reads the old one. So every job asks for its
 * connection again: the file's identity (device and inode) is compared with the one the
 * connection was opened on, and a replaced file is opened afresh (the old handle closed). One
 * `stat` per job; no job reads a restored-over database.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from './connection';
import * as schema from './schema';

interface Held {
	db: Db;
	identity: string;
}

const held = new Map<string, Held>();

/** The file's identity: device and inode (a rename over the path changes it). */
function identityOf(file: string): string {
	const s = fs.statSync(file);
	return `${s.dev}:${s.ino}`;
}

/**
 * A read-only connection to `file` for this thread, reopened when the file at that path is no
 * longer the one the connection was opened on (a restore replaced it).
 */
export function readOnlyDb(file: string): Db {
	const identity = identityOf(file);
	const cur = held.get(file);
	if (cur && cur.identity === identity) return cur.db;
	if (cur) {
		held.delete(file);
		try {
			cur.db.$client.close();
		} catch {
			// a handle that cannot be closed is dropped anyway
		}
	}
	const sqlite = new Database(file, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as unknown as Db;
	held.set(file, { db, identity });
	return db;
}

/** The file a worker can open for `db`, or null for an in-memory database. */
export function databaseFile(db: Db): string | null {
	const sqlite = db.$client as { name?: string; memory?: boolean } | undefined;
	return !sqlite || sqlite.memory || !sqlite.name || sqlite.name === ':memory:'
		? null
		: sqlite.name;
}
