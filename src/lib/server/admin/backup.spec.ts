import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, migrationsFolder, type Db } from '../db/connection';
import { seedSample } from '../db/seed';
import { facilities } from '../db/schema';
import { createFacility } from '../inventory/facilities';
import {
	BackupError,
	backupDatabase,
	backupFile,
	databaseFingerprint,
	inspectBackup,
	restoreDatabase,
	shippedMigrations
} from './backup';

let dir: string;
let dbFile: string;
let db: Db;
const migrations = migrationsFolder();
const actor = { userId: null, username: 'test' };
const facility = (code: string) => ({
	code,
	name: `Cơ sở ${code}`,
	kind: 'other' as const,
	originWard: null,
	address: null,
	lat: 10.79,
	lng: 106.76,
	landAreaM2: null,
	legalStatus: 'unknown' as const,
	yearBuilt: null,
	notes: null
});

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-backup-test-'));
	dbFile = path.join(dir, 'truso.sqlite');
	db = openDatabase(dbFile);
	seedSample(db);
});
afterEach(() => {
	if (db.$client.open) db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const fingerprintOf = (file: string) => {
	const c = new Database(file, { readonly: true });
	try {
		return databaseFingerprint(c);
	} finally {
		c.close();
	}
};
const refusal = async (p: Promise<unknown> | (() => unknown)) => {
	try {
		await (typeof p === 'function' ? p() : p);
	} catch (e) {
		return e instanceof BackupError ? e.code : `other: ${(e as Error).message}`;
	}
	return 'accepted';
};

describe('backup then restore', () => {
	it('gives identical data: every table, row counts and checksums', async () => {
		const bak = path.join(dir, 'bak', 'b1.sqlite');
		const size = await backupDatabase(db.$client, bak);
		expect(size).toBeGreaterThan(100_000);
		expect(fs.existsSync(`${bak}-wal`)).toBe(false);
		const atBackup = databaseFingerprint(db.$client);
		expect(Object.keys(atBackup)).toEqual(
			expect.arrayContaining(['facilities', 'rooms', 'audit_log', '__drizzle_migrations'])
		);
		expect(atBackup.rooms.rows).toBeGreaterThanOrEqual(132);
		expect(fingerprintOf(bak)).toEqual(atBackup);

		// A change after the backup, then the restore brings the backup's state back.
		createFacility(db, actor, 1, facility('AFTER-BACKUP'));
		expect(databaseFingerprint(db.$client).facilities).not.toEqual(atBackup.facilities);
		db.$client.close();
		fs.writeFileSync(`${dbFile}-shm`, 'stale');
		const r = await restoreDatabase(bak, dbFile, {
			migrationsFolder: migrations,
			now: new Date('2026-03-10T01:02:03Z')
		});
		expect(r).toMatchObject({ pending: 0, applied: r.shipped });
		expect(fs.existsSync(`${dbFile}-shm`)).toBe(false);
		expect(fingerprintOf(dbFile)).toEqual(atBackup);
		// The replaced database was kept and still has the later change.
		expect(r.previous).toBe(path.join(dir, 'truso.before-restore-2026-03-10T01-02-03-000Z.sqlite'));
		expect(fingerprintOf(r.previous!).facilities.rows).toBe(atBackup.facilities.rows + 1);
		// The server opens it normally.
		db = openDatabase(dbFile);
		expect(db.select().from(facilities).all()).toHaveLength(atBackup.facilities.rows);
		expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
	});

	it('backs up a database file from the command-line helper, refusing to overwrite itself', async () => {
		const out = path.join(dir, 'cli.sqlite');
		await backupFile(dbFile, out);
		expect(fingerprintOf(out)).toEqual(databaseFingerprint(db.$client));
		expect(await refusal(backupFile(dbFile, dbFile))).toBe('same-file');
		expect(await refusal(backupFile(path.join(dir, 'none.sqlite'), out))).toBe('missing');
	});
});

describe('restore refuses what it cannot trust, and changes nothing then', () => {
	let bak: string;
	let before: ReturnType<typeof databaseFingerprint>;
	beforeEach(async () => {
		bak = path.join(dir, 'good.sqlite');
		await backupDatabase(db.$client, bak);
		before = databaseFingerprint(db.$client);
		db.$client.close();
	});
	const restore = (file: string, folder = migrations) =>
		restoreDatabase(file, dbFile, { migrationsFolder: folder });

	it('a corrupt file (garbage, or damaged pages)', async () => {
		const garbage = path.join(dir, 'garbage.sqlite');
		fs.writeFileSync(garbage, Buffer.alloc(50_000, 0x5a));
		expect(await refusal(restore(garbage))).toBe('corrupt');
		const damaged = path.join(dir, 'damaged.sqlite');
		const bytes = fs.readFileSync(bak);
		const pageSize = bytes.readUInt16BE(16);
		// Overwrite pages 2–9 (b-tree pages of the first tables) with junk.
		bytes.fill(0xa5, pageSize, pageSize * 9);
		fs.writeFileSync(damaged, bytes);
		expect(await refusal(restore(damaged))).toBe('corrupt');
		expect(await refusal(() => inspectBackup(damaged, migrations))).toBe('corrupt');
		expect(fingerprintOf(dbFile)).toEqual(before);
	});

	it('a file with an unknown migration, or from a newer version', async () => {
		const unknown = path.join(dir, 'unknown.sqlite');
		fs.copyFileSync(bak, unknown);
		const c = new Database(unknown);
		c.prepare('update __drizzle_migrations set hash = ? where rowid = 1').run('f'.repeat(64));
		c.close();
		expect(await refusal(restore(unknown))).toBe('unknown-migration');

		const newer = path.join(dir, 'newer.sqlite');
		fs.copyFileSync(bak, newer);
		const n = new Database(newer);
		n.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
			'e'.repeat(64),
			Date.now()
		);
		n.close();
		expect(await refusal(restore(newer))).toBe('newer-schema');

		const plain = path.join(dir, 'plain.sqlite');
		const p = new Database(plain);
		p.exec('create table t (x)');
		p.close();
		expect(await refusal(restore(plain))).toBe('no-migrations');
		expect(fingerprintOf(dbFile)).toEqual(before);
		expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
	});

	it('a file whose schema differs (an added trigger, index, view or column), naming the difference', async () => {
		const crafted = (name: string, sql: string) => {
			const f = path.join(dir, `${name}.sqlite`);
			fs.copyFileSync(bak, f);
			const c = new Database(f);
			c.exec(sql);
			c.close();
			return f;
		};
		// The attack from the review: a viewer becomes an admin at the next login.
		const trigger = crafted(
			'trigger',
			`create trigger promote after insert on sessions begin
			   update users set role = 'admin' where id = new.user_id; end`
		);
		const message = async (p: Promise<unknown> | (() => unknown)) => {
			try {
				await (typeof p === 'function' ? p() : p);
			} catch (e) {
				return e instanceof BackupError ? `${e.code}: ${e.message}` : String(e);
			}
			return 'accepted';
		};
		expect(await message(restore(trigger))).toBe(
			'schema-mismatch: The backup\'s schema differs from this version\'s (extra trigger "promote" on sessions); refusing to restore.'
		);
		expect(await refusal(() => inspectBackup(trigger, migrations))).toBe('schema-mismatch');
		expect(
			await message(
				restore(crafted('index', 'create index users_evil_idx on users (display_name)'))
			)
		).toContain('(extra index "users_evil_idx" on users)');
		expect(
			await message(restore(crafted('view', 'create view v_users as select * from users')))
		).toContain('(extra view "v_users")');
		expect(
			await message(restore(crafted('column', 'alter table users add column evil text')))
		).toContain('(table "users" differs)');
		expect(
			await message(restore(crafted('dropped', 'drop index login_attempts_ip_idx')))
		).toContain('(missing index "login_attempts_ip_idx" on login_attempts)');
		expect(fingerprintOf(dbFile)).toEqual(before);
		// The untouched backup is accepted.
		expect(await refusal(restore(bak))).toBe('accepted');
	});

	it('an older backup is upgraded with the pending migrations', async () => {
		// A "next version" of the app: the shipped migrations plus one more.
		const next = path.join(dir, 'drizzle-next');
		fs.cpSync(migrations, next, { recursive: true });
		fs.writeFileSync(
			path.join(next, '9999_extra.sql'),
			'CREATE TABLE `extra_test` (`id` integer);'
		);
		const journalFile = path.join(next, 'meta', '_journal.json');
		const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
		journal.entries.push({
			idx: journal.entries.length,
			version: '6',
			when: Date.now() + 1000,
			tag: '9999_extra',
			breakpoints: true
		});
		fs.writeFileSync(journalFile, JSON.stringify(journal));
		expect(shippedMigrations(next)).toHaveLength(shippedMigrations(migrations).length + 1);

		expect(inspectBackup(bak, next).pending).toBe(1);
		const r = await restore(bak, next);
		expect(r.pending).toBe(1);
		const c = new Database(dbFile, { readonly: true });
		expect(c.prepare(`select count(*) as n from __drizzle_migrations`).get()).toEqual({
			n: r.shipped
		});
		expect(c.prepare(`select name from sqlite_master where name = 'extra_test'`).get()).toEqual({
			name: 'extra_test'
		});
		c.close();
	});
});
