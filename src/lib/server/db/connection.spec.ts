import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseStartError, openDatabase } from './connection';
import { createTestDb } from './test-db';
import { isEmpty, resetSample, seedSample } from './seed/index';
import { seedSynthetic } from './seed/synthetic';

describe('opening the database', () => {
	it('applies the real migrations and turns on foreign keys, WAL and a busy timeout', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-db-'));
		const db = openDatabase(path.join(dir, 'a.sqlite'));
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
		const tables = db.$client
			.prepare("select name from sqlite_master where type = 'table'")
			.all() as { name: string }[];
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining(['wards', 'rooms', 'audit_log', '__drizzle_migrations'])
		);
		db.$client.close();
		fs.rmSync(dir, { recursive: true });
	});

	it('fails at start with a clear message when the path cannot be written', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-db-'));
		const file = path.join(dir, 'not-a-folder');
		fs.writeFileSync(file, 'x');
		const target = path.join(file, 'db.sqlite');
		expect(() => openDatabase(target)).toThrow(DatabaseStartError);
		expect(() => openDatabase(target)).toThrow(
			/DATABASE_PATH ".*not-a-folder\/db\.sqlite" cannot be used/
		);
		expect(() => openDatabase('/proc/truso/db.sqlite')).toThrow(DatabaseStartError);
		fs.rmSync(dir, { recursive: true });
	});

	it('enforces foreign keys', () => {
		const db = createTestDb();
		expect(() =>
			db.$client
				.prepare('insert into buildings (facility_id, code, name) values (999, ?, ?)')
				.run('A', 'x')
		).toThrow(/FOREIGN KEY/);
	});
});

describe('seeding', () => {
	it('seeds an empty database once and restores the sample after changes', () => {
		const db = createTestDb();
		expect(isEmpty(db)).toBe(true);
		seedSample(db);
		expect(isEmpty(db)).toBe(false);
		const rooms = () =>
			(db.$client.prepare('select count(*) as n from rooms').get() as { n: number }).n;
		const original = rooms();
		db.$client.prepare('delete from rooms where id in (select id from rooms limit 10)').run();
		expect(rooms()).toBe(original - 10);
		resetSample(db);
		expect(rooms()).toBe(original);
		const codes = db.$client.prepare('select code from wards order by code').all() as {
			code: string;
		}[];
		expect(codes.map((w) => w.code)).toEqual(['an-khanh', 'binh-trung']);
	});

	it('generates a synthetic ward with exactly N rooms, reproducibly', () => {
		const db = createTestDb();
		seedSample(db);
		const id = seedSynthetic(db, { rooms: 1234, sites: 10, seed: 7 });
		const count = (sql: string) => (db.$client.prepare(sql).get(id) as { n: number }).n;
		expect(
			count(
				'select count(*) as n from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?'
			)
		).toBe(1234);
		expect(count('select count(*) as n from sites where ward_id = ?')).toBe(10);
		const area = count(
			'select round(sum(r.area_m2), 1) as n from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?'
		);
		// Replacing the synthetic ward with the same seed gives the same data.
		const again = seedSynthetic(db, { rooms: 1234, sites: 10, seed: 7 });
		const areaAgain = (
			db.$client
				.prepare(
					'select round(sum(r.area_m2), 1) as n from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?'
				)
				.get(again) as { n: number }
		).n;
		expect(areaAgain).toBe(area);
		expect(count('select count(*) as n from wards where id = ?')).toBe(0);
	});
});
