/**
 * Crashes: the server is killed (SIGKILL) while it writes a large import, then restarted. The
 * database must pass integrity_check and hold all or none of the interrupted change, with an
 * audit trail that matches the data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { hashPassword } from '../../src/lib/server/auth/password';
import { loginCookie, startServer } from '../support/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-faults-'));
const dbPath = path.join(dir, 'faults.sqlite');
const uploadDir = path.join(dir, 'uploads');
const port = 4480 + Math.floor(Math.random() * 100);
const ROWS = 10_000;

let csvBody = '';

beforeAll(async () => {
	buildIfNeeded();
	const db = openDatabase(dbPath);
	seedSample(db);
	await seedDemoAccounts(db);
	const wardId = seedSynthetic(db, { code: 'crash', rooms: 200 });
	db.$client
		.prepare(
			"insert into users (username, display_name, password_hash, role, ward_id) values ('crash.editor', 'Crash', ?, 'ward_editor', ?)"
		)
		.run(await hashPassword('truso-demo'), wardId);
	const buildings = db.$client
		.prepare(
			'select f.code as f, b.code as b from buildings b join facilities f on f.id = b.facility_id where f.ward_id = ?'
		)
		.all(wardId) as { f: string; b: string }[];
	db.$client.close();
	const lines = [
		'facility_code,building_code,room_code,room_name,level,room_type,area_m2,unit_code,occupants,notes'
	];
	for (let i = 0; i < ROWS; i++) {
		const b = buildings[i % buildings.length];
		lines.push(`${b.f},${b.b},K${i},Phòng crash ${i},${1 + (i % 5)},office,${10 + (i % 40)},,0,`);
	}
	csvBody = lines.join('\n');
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function importState() {
	const db = new Database(dbPath, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	const rooms = (
		db.prepare("select count(*) as n from rooms where name like 'Phòng crash %'").get() as {
			n: number;
		}
	).n;
	const audits = (
		db
			.prepare(
				"select count(*) as n from audit_log a join rooms r on cast(r.id as text) = a.entity_id where a.entity = 'room' and a.action = 'create' and r.name like 'Phòng crash %'"
			)
			.get() as { n: number }
	).n;
	const summaries = (
		db.prepare("select count(*) as n from audit_log where entity = 'import'").get() as { n: number }
	).n;
	db.close();
	return { integrity, rooms, audits, summaries };
}

describe('killing the server during a large import', () => {
	it('leaves all or none of the import, with a matching audit trail', async () => {
		const outcomes: number[] = [];
		/** Runs whose confirm request got no answer before the kill: the crash hit the request. */
		let interrupted = 0;
		for (const delayMs of [30, 150, 400]) {
			const server = await startServer({ port, databasePath: dbPath, uploadDir });
			const cookie = await loginCookie(server.base, 'crash.editor');
			const form = new FormData();
			form.set('kind', 'rooms');
			form.set('file', new Blob([csvBody], { type: 'text/csv' }), 'rooms.csv');
			const preview = await fetch(`${server.base}/w/crash/facilities/io?/preview`, {
				method: 'POST',
				headers: { cookie, origin: server.base, accept: 'text/html' },
				body: form
			});
			const html = await preview.text();
			const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
			expect(token, 'the preview gives a confirmation token').toBeTruthy();
			const confirm = fetch(`${server.base}/w/crash/facilities/io?/confirm`, {
				method: 'POST',
				headers: {
					cookie,
					origin: server.base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ kind: 'rooms', token: token! })
			}).catch(() => null);
			let answered = false;
			void confirm.then((r) => (answered = r !== null));
			await new Promise((r) => setTimeout(r, delayMs));
			await server.stop('SIGKILL');
			await confirm;
			if (!answered) interrupted++;
			// Restart on the same file (recovery of the WAL happens on open), then stop cleanly.
			const again = await startServer({ port, databasePath: dbPath, uploadDir });
			await again.stop();
			const state = importState();
			expect(state.integrity).toBe('ok');
			expect([0, ROWS]).toContain(state.rooms);
			expect(state.audits).toBe(state.rooms);
			expect(state.summaries).toBe(state.rooms === ROWS ? 1 : 0);
			outcomes.push(state.rooms);
			if (state.rooms === ROWS) break;
		}
		// At least one kill landed while the confirm request was being handled (otherwise the test
		// would only have checked imports that finished or never started), and every run ended
		// with all or none of the rows (checked above).
		expect(interrupted, `outcomes ${outcomes.join(', ')}`).toBeGreaterThan(0);
		expect(outcomes.every((n) => n === 0 || n === ROWS)).toBe(true);
	}, 300_000);
});
