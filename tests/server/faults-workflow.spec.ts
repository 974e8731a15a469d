/**
 * Faults beyond the import (see faults.spec.ts): the server is killed (SIGKILL) while it applies
 * a reallocation scenario and while it submits a proposal, then restarted; the database must
 * pass integrity_check, hold all or none of the interrupted change (applying records an
 * arrangement and never touches the rooms), and keep an audit trail that matches the data. A read-only database file and a full disk give a clear 503 page in
 * Vietnamese while the server keeps serving pages; a corrupt upload is refused and leaves
 * nothing behind. A long solve leaves the server answering other requests.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { fillAreas } from '../../src/lib/allocation/areas';
import { checkAllocation } from '../../src/lib/allocation/evaluate';
import type { AllocationResult, PersonsEntry } from '../../src/lib/allocation/types';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { buildInstance, saveScenario } from '../../src/lib/server/plans';
import { createProposal } from '../../src/lib/server/proposals';
import { startServer, type RunningServer } from '../support/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-faults-wf-'));
const baseDb = path.join(dir, 'base.sqlite');
const port = 4700 + Math.floor(Math.random() * 100);
/** Rooms of the synthetic ward (a large instance: the apply reads and checks all of them). */
const ROOMS = 6000;

let crashWardId = 0;
let scenarioId = 0;
let proposalId = 0;
/** A second proposal, submitted without a crash to learn how long a submission takes. */
let timingProposalId = 0;
/** Session cookies made in the seeded database (so no test has to log in through the form). */
let crashCookie = '';
let btCookie = '';
/** A room of the sample ward Bình Trưng and its page. */
let room: { id: number; code: string; name: string; page: string; version: number };

/** A fresh copy of the seeded database in its own folder (so it can be made read-only). */
function copyDb(name: string): { dbPath: string; uploadDir: string; folder: string } {
	const folder = path.join(dir, name);
	fs.mkdirSync(folder);
	const dbPath = path.join(folder, 'truso.sqlite');
	fs.copyFileSync(baseDb, dbPath);
	return { dbPath, uploadDir: path.join(folder, 'uploads'), folder };
}

function readDb<T>(dbPath: string, fn: (db: Database.Database) => T): T {
	const db = new Database(dbPath, { readonly: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number =>
	(db.prepare(sql).get(...params) as { n: number }).n;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function formHeaders(base: string, cookie: string): Record<string, string> {
	return {
		cookie,
		origin: base,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	};
}

beforeAll(async () => {
	buildIfNeeded();
	const db = openDatabase(baseDb);
	seedSample(db);
	await seedDemoAccounts(db);
	crashWardId = seedSynthetic(db, { code: 'crash', rooms: ROOMS });
	const sqlite = db.$client;
	const editor = sqlite
		.prepare(
			"insert into users (username, display_name, password_hash, role, ward_id) values ('crash.editor', 'Crash', ?, 'ward_editor', ?)"
		)
		.run(await hashPassword('truso-demo'), crashWardId);
	const actor = { userId: Number(editor.lastInsertRowid), username: 'crash.editor' };
	crashCookie = `${SESSION_COOKIE}=${createSession(db, actor.userId).token}`;
	// Today every room of the synthetic ward holds one person of its first unit: a plan that
	// seats the units in a few rooms moves almost everybody (and must leave the rooms as they are).
	const firstUnit = sqlite
		.prepare('select id from org_units where ward_id = ? order by id limit 1')
		.get(crashWardId) as { id: number };
	sqlite
		.prepare(
			`update rooms set org_unit_id = ?, occupants = 1 where building_id in
			 (select b.id from buildings b join facilities f on f.id = b.facility_id where f.ward_id = ?)`
		)
		.run(firstUnit.id, crashWardId);
	// A feasible plan: each unit whole in the first free usable room large enough for it.
	const built = buildInstance(db, crashWardId);
	const taken = new Set<string>();
	const persons: PersonsEntry[] = [];
	for (const u of built.units) {
		if (u.headcount === 0) continue;
		const r = built.rooms.find(
			(x) =>
				x.usable &&
				!taken.has(x.key) &&
				(!u.groundFloorOnly || x.level === 1) &&
				(x.lockedUnitKey === null || x.lockedUnitKey === u.key) &&
				x.areaM2 >= u.headcount * built.settings.minAreaPerPersonM2
		);
		if (!r) continue;
		taken.add(r.key);
		persons.push({ unitId: u.key, roomId: r.key, persons: u.headcount });
	}
	const plan = fillAreas(built.instance, persons);
	const check = checkAllocation(built.instance, plan);
	expect(check.feasible, 'the test plan is feasible').toBe(true);
	const result: AllocationResult = {
		status: 'optimal',
		objective: check.evaluation.objective,
		worstShortfallRatio: check.evaluation.worstShortfallRatio,
		assignments: plan,
		unseated: check.evaluation.unseated,
		terms: check.evaluation.terms,
		units: check.evaluation.units,
		solveTimeMs: 0
	};
	scenarioId = saveScenario(db, actor, crashWardId, 'Crash', built, result);

	const bt = sqlite.prepare("select id from wards where code = 'binh-trung'").get() as {
		id: number;
	};
	const btEditor = sqlite
		.prepare("select id from users where username = 'binhtrung.editor'")
		.get() as { id: number };
	btCookie = `${SESSION_COOKIE}=${createSession(db, btEditor.id).token}`;
	const btActor = { userId: btEditor.id, username: 'binhtrung.editor' };
	// One live proposal per ward: the sample's proposal under review is decided first, and the
	// first draft (superseded by the second) is made a draft again, as older data may hold two.
	sqlite
		.prepare("update proposals set status = 'approved' where ward_id = ? and status <> 'draft'")
		.run(bt.id);
	proposalId = createProposal(db, btActor, bt.id, 'Hồ sơ thử sự cố');
	timingProposalId = createProposal(db, btActor, bt.id, 'Hồ sơ đo thời gian');
	sqlite
		.prepare("update proposals set status = 'draft', superseded_by = null where id = ?")
		.run(proposalId);
	const r = sqlite
		.prepare(
			`select r.id, r.code, r.name, r.version, b.id as bid, f.id as fid from rooms r
			 join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id
			 where f.ward_id = ? order by r.id limit 1`
		)
		.get(bt.id) as {
		id: number;
		code: string;
		name: string;
		version: number;
		bid: number;
		fid: number;
	};
	room = {
		id: r.id,
		code: r.code,
		name: r.name,
		version: r.version,
		page: `/w/binh-trung/facilities/${r.fid}/buildings/${r.bid}/rooms/${r.id}`
	};
	sqlite.close();
}, 300_000);

afterAll(() => {
	// A folder made read-only by a test must be writable again before it can be removed.
	for (const d of fs.readdirSync(dir)) {
		const p = path.join(dir, d);
		if (fs.statSync(p).isDirectory()) fs.chmodSync(p, 0o755);
	}
	fs.rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------
// SIGKILL during a scenario apply
// ------------------------------------------------------------------------------------------

interface ApplyState {
	integrity: unknown;
	/** "unit:occupants" of every room of the synthetic ward, in id order. */
	occupancy: string;
	/** Arrangements recorded for the ward, and their seats ("unit:room:persons", in order). */
	arrangements: number;
	seats: string;
	applyAudits: number;
	roomUpdateAudits: number;
	appliedAt: number | null;
}

function applyState(dbPath: string): ApplyState {
	return readDb(dbPath, (db) => ({
		integrity: db.pragma('integrity_check', { simple: true }),
		occupancy: (
			db
				.prepare(
					`select r.org_unit_id as u, r.occupants as o from rooms r join buildings b on b.id = r.building_id
					 join facilities f on f.id = b.facility_id where f.ward_id = ? order by r.id`
				)
				.all(crashWardId) as { u: number | null; o: number }[]
		)
			.map((x) => `${x.u ?? '-'}:${x.o}`)
			.join(','),
		arrangements: count(
			db,
			'select count(*) as n from arrangements where ward_id = ?',
			crashWardId
		),
		seats: (
			db
				.prepare('select seats_json as s from arrangements where ward_id = ? order by id')
				.all(crashWardId) as { s: string }[]
		)
			.map((x) =>
				(JSON.parse(x.s) as { unitId: number; roomId: number; persons: number }[])
					.map((a) => `${a.unitId}:${a.roomId}:${a.persons}`)
					.join(',')
			)
			.join('|'),
		applyAudits: count(
			db,
			"select count(*) as n from audit_log where entity = 'scenario' and action = 'apply' and entity_id = ?",
			String(scenarioId)
		),
		roomUpdateAudits: count(
			db,
			"select count(*) as n from audit_log where entity = 'room' and action = 'update' and ward_id = ?",
			crashWardId
		),
		appliedAt: (
			db.prepare('select applied_at as t from scenarios where id = ?').get(scenarioId) as {
				t: number | null;
			}
		).t
	}));
}

/** Size and modification time of a file ('' when it does not exist). */
function stamp(file: string): string {
	try {
		const st = fs.statSync(file);
		return `${st.size}:${st.mtimeMs}`;
	} catch {
		return '';
	}
}

/**
 * Posts a form action and kills the server (SIGKILL) `kill` milliseconds later, or as soon as
 * the request writes to the database's WAL file (`'wal-write'`: a large transaction spills its
 * pages there before it commits), or not at (`null`). Returns the response status (null when
 * killed first) and the time taken.
 */
async function postAndMaybeKill(
	server: RunningServer,
	url: string,
	cookie: string,
	kill: number | 'wal-write' | null,
	dbPath = '',
	extra: Record<string, string> = {}
): Promise<{ status: number | null; ms: number }> {
	const t0 = performance.now();
	const wal = stamp(`${dbPath}-wal`);
	let done = false;
	const request = fetch(`${server.base}${url}`, {
		method: 'POST',
		headers: formHeaders(server.base, cookie),
		// A submission needs its confirmation (what becomes immutable); apply ignores it and
		// needs the scenario's version instead (`extra`).
		body: new URLSearchParams({ confirm: '1', ...extra }),
		redirect: 'manual'
	})
		.then((r) => r.status)
		.catch(() => null)
		.finally(() => (done = true));
	if (kill === null) {
		const status = await request;
		return { status, ms: performance.now() - t0 };
	}
	if (kill === 'wal-write') {
		while (!done && stamp(`${dbPath}-wal`) === wal) await sleep(2);
	} else await sleep(kill);
	await server.stop('SIGKILL');
	return { status: await request, ms: performance.now() - t0 };
}

/** The scenario's version in the file now, as its page would send it back. */
function scenarioVersionIn(dbPath: string): string {
	return readDb(dbPath, (db) =>
		String(
			(
				db.prepare('select version from scenarios where id = ?').get(scenarioId) as {
					version: number;
				}
			).version
		)
	);
}

/** Kill delays spread at random over a request that takes `ms` without a crash. */
function killDelays(ms: number, n: number): number[] {
	return Array.from({ length: n }, (_, i) => Math.round(ms * (0.1 + (i + Math.random()) / n)));
}

describe('killing the server during a scenario apply', () => {
	it('leaves no arrangement or the whole one, with an apply audit row exactly when recorded, and the rooms untouched', async () => {
		const { dbPath, uploadDir } = copyDb('apply');
		const url = `/w/crash/plans/${scenarioId}?/apply`;
		const before = applyState(dbPath);
		expect(before.integrity).toBe('ok');
		expect(before.applyAudits).toBe(0);
		expect(before.arrangements).toBe(0);
		const putBack = () => {
			// No arrangement again (without audit rows), so the next attempt is meaningful.
			const db = new Database(dbPath);
			db.prepare('delete from arrangements where ward_id = ?').run(crashWardId);
			db.prepare('update scenarios set applied_at = null where id = ?').run(scenarioId);
			db.close();
		};

		// Without a crash first: how long it takes, and the arrangement it records.
		let server = await startServer({ port, databasePath: dbPath, uploadDir });
		const clean = await postAndMaybeKill(server, url, crashCookie, null, dbPath, {
			version: scenarioVersionIn(dbPath)
		});
		expect(clean.status, 'the apply redirects').toBe(303);
		const after = applyState(dbPath);
		expect(after.occupancy, 'applying never rewrites the rooms').toBe(before.occupancy);
		expect(after.roomUpdateAudits).toBe(before.roomUpdateAudits);
		expect(after.arrangements).toBe(1);
		expect(after.seats).not.toBe('');
		expect(after.applyAudits).toBe(1);
		expect(after.appliedAt).not.toBeNull();
		putBack();

		const outcomes: string[] = [];
		// Once at the first write of the transaction, twice at random.
		for (const delayMs of ['wal-write', ...killDelays(clean.ms, 2)] as const) {
			const start = applyState(dbPath);
			expect(start.arrangements).toBe(0);
			const killed = await postAndMaybeKill(server, url, crashCookie, delayMs, dbPath, {
				version: scenarioVersionIn(dbPath)
			});
			// Restart on the same file: SQLite recovers the WAL on open.
			server = await startServer({ port, databasePath: dbPath, uploadDir });
			const state = applyState(dbPath);
			expect(state.integrity).toBe('ok');
			expect(state.occupancy).toBe(before.occupancy);
			expect(state.roomUpdateAudits).toBe(before.roomUpdateAudits);
			const applied = state.arrangements > 0;
			if (applied) {
				expect(state.arrangements).toBe(1);
				expect(state.seats).toBe(after.seats);
			}
			expect(state.applyAudits - start.applyAudits).toBe(applied ? 1 : 0);
			expect(state.appliedAt !== null).toBe(applied);
			outcomes.push(
				`${delayMs} (${Math.round(killed.ms)} of ${Math.round(clean.ms)} ms): ${applied ? 'all' : 'none'}`
			);
			if (applied) putBack();
		}
		await server.stop();
		expect(outcomes).toHaveLength(3);
	}, 150_000);
});

// ------------------------------------------------------------------------------------------
// SIGKILL during a proposal submission
// ------------------------------------------------------------------------------------------

interface SubmitState {
	integrity: unknown;
	status: string;
	versions: { id: number; number: number; sha256: string; snapshot: string; files: string }[];
	submitAudits: { entityId: string }[];
	notifications: number;
}

function submitState(dbPath: string, id: number): SubmitState {
	return readDb(dbPath, (db) => ({
		integrity: db.pragma('integrity_check', { simple: true }),
		status: (db.prepare('select status from proposals where id = ?').get(id) as { status: string })
			.status,
		versions: db
			.prepare(
				'select id, number, sha256, snapshot_json as snapshot, files_json as files from proposal_versions where proposal_id = ? order by number'
			)
			.all(id) as SubmitState['versions'],
		submitAudits: db
			.prepare(
				`select entity_id as entityId from audit_log where entity = 'proposal_version' and action = 'submit'
				 and json_extract(after_json, '$.proposalId') = ?`
			)
			.all(id) as { entityId: string }[],
		notifications: count(
			db,
			'select count(*) as n from notifications where link = ?',
			`/review/proposals/${id}`
		)
	}));
}

describe('killing the server during a proposal submission', () => {
	it('freezes a whole version with its audit row, notifications and files, or nothing', async () => {
		const { dbPath, uploadDir } = copyDb('submit');
		const reviewers = readDb(dbPath, (db) =>
			count(db, "select count(*) as n from users where role = 'city_reviewer' and disabled = 0")
		);
		expect(reviewers).toBeGreaterThan(0);
		const url = (id: number) => `/w/binh-trung/proposals/${id}?/submit`;
		let server = await startServer({ port, databasePath: dbPath, uploadDir });
		// Another proposal without a crash: how long a submission takes.
		const clean = await postAndMaybeKill(server, url(timingProposalId), btCookie, null);
		expect(clean.status, 'the submission redirects').toBe(303);
		expect(submitState(dbPath, timingProposalId).versions).toHaveLength(1);
		// The timing proposal is decided so the ward may submit the other one (one live proposal).
		const w = new Database(dbPath);
		w.prepare("update proposals set status = 'approved' where id = ?").run(timingProposalId);
		w.close();

		const outcomes: string[] = [];
		for (const delayMs of [...killDelays(clean.ms, 3), null]) {
			await postAndMaybeKill(server, url(proposalId), btCookie, delayMs);
			if (delayMs !== null) server = await startServer({ port, databasePath: dbPath, uploadDir });
			const state = submitState(dbPath, proposalId);
			expect(state.integrity).toBe('ok');
			expect(state.versions.length).toBeLessThanOrEqual(1);
			const submitted = state.versions.length === 1;
			expect(state.status).toBe(submitted ? 'submitted' : 'draft');
			// The audit row and the reviewers' notifications exist exactly with the version.
			expect(state.submitAudits.map((a) => a.entityId)).toEqual(
				state.versions.map((v) => String(v.id))
			);
			expect(state.notifications).toBe(submitted ? reviewers : 0);
			for (const v of state.versions) {
				// The frozen snapshot matches its hash, and every stored file its recorded hash.
				expect(createHash('sha256').update(v.snapshot).digest('hex')).toBe(v.sha256);
				const files = JSON.parse(v.files) as { path: string; sha256: string; size: number }[];
				expect(files.map((f) => path.basename(f.path)).sort()).toEqual([
					'packet.docx',
					'packet.pdf',
					'packet.zip'
				]);
				for (const f of files) {
					const bytes = fs.readFileSync(path.join(uploadDir, f.path));
					expect(bytes.byteLength).toBe(f.size);
					expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
				}
			}
			outcomes.push(
				`${delayMs ?? 'no kill'}/${Math.round(clean.ms)}ms: ${submitted ? 'all' : 'none'}`
			);
			if (submitted) break;
		}
		await server.stop();
		// Whatever the crashes left, the submission went through in the end (once).
		expect(outcomes.at(-1)).toMatch(/: all$/);
	}, 150_000);
});

// ------------------------------------------------------------------------------------------
// Read-only database file, full disk
// ------------------------------------------------------------------------------------------

/** The room edit form as loaded (with the room's version), with notes of `notes`. */
function roomForm(notes: string): URLSearchParams {
	return new URLSearchParams({
		code: room.code,
		name: room.name,
		level: '1',
		type: 'office',
		areaM2: '20',
		orgUnitId: '',
		occupants: '0',
		notes,
		version: String(room.version)
	});
}

async function expectStorageErrorPage(
	server: RunningServer,
	cookie: string,
	notes: string,
	text: RegExp
): Promise<void> {
	const r = await fetch(`${server.base}${room.page}?/update`, {
		method: 'POST',
		headers: formHeaders(server.base, cookie),
		body: roomForm(notes),
		redirect: 'manual'
	});
	const html = await r.text();
	expect(r.status).toBe(503);
	expect(r.headers.get('content-type')).toMatch(/text\/html/);
	expect(html).toMatch(text);
	expect(html).not.toMatch(/SQLITE_|at \w+ \(|better-sqlite3/);
}

/** The server is still up and still serves pages (no crash, so no restart loop). */
async function expectStillServing(server: RunningServer, cookie: string): Promise<void> {
	await sleep(200);
	expect(server.process.exitCode).toBeNull();
	expect(server.process.signalCode).toBeNull();
	expect((await fetch(`${server.base}/health`)).status).toBe(200);
	const page = await fetch(`${server.base}${room.page}`, { headers: { cookie } });
	expect(page.status).toBe(200);
	expect(await page.text()).toContain(room.name);
}

function roomNotes(dbPath: string): string | null {
	return readDb(
		dbPath,
		(db) =>
			(db.prepare('select notes from rooms where id = ?').get(room.id) as { notes: string | null })
				.notes
	);
}

describe('an unwritable database', () => {
	it('a read-only file: the server starts, shows pages, and answers a change with a clear 503 page', async () => {
		const { dbPath, uploadDir, folder } = copyDb('readonly');
		const cookie = btCookie;
		const notesBefore = roomNotes(dbPath);
		// Root ignores file modes, so a root run asks the server to open the file read-only
		// (TRUSO_DB_READONLY=1, the same read-only connection) instead of starting it as another
		// user, which would need every folder above the checkout to be searchable by others.
		const asRoot = process.getuid?.() === 0;
		// First the file alone is read-only (its folder is writable); then, with the -wal/-shm
		// files the first run left, those files and the folder are read-only as well.
		for (const step of ['file', 'file and folder'] as const) {
			for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
				if (fs.existsSync(f)) fs.chmodSync(f, 0o444);
			}
			fs.chmodSync(folder, step === 'file' ? 0o777 : 0o555);
			const server = await startServer({
				port,
				databasePath: dbPath,
				uploadDir,
				...(asRoot ? { extra: { TRUSO_DB_READONLY: '1' } } : {})
			});
			try {
				expect(server.process.exitCode, `the server starts (${step} read-only)`).toBeNull();
				await expectStillServing(server, cookie);
				await expectStorageErrorPage(server, cookie, 'Ghi chú mới', /chỉ đọc/);
				await expectStorageErrorPage(
					server,
					`${cookie}; truso_lang=en`,
					'New note',
					/database file is read-only/
				);
				await expectStillServing(server, cookie);
			} finally {
				await server.stop();
			}
		}
		fs.chmodSync(folder, 0o755);
		expect(fs.existsSync(`${dbPath}-wal`), 'the second run had the -wal file').toBe(true);
		expect(roomNotes(dbPath)).toBe(notesBefore);
	}, 60_000);

	it('a full disk (SQLITE_FULL): a clear 503 page, nothing half-written, the server keeps going', async () => {
		const { dbPath, uploadDir } = copyDb('full');
		const cookie = btCookie;
		// No free pages left in the file, and (below) no room to grow: like a full disk.
		const db = new Database(dbPath);
		db.exec('vacuum');
		db.close();
		const audits = () => readDb(dbPath, (d) => count(d, 'select count(*) as n from audit_log'));
		const auditsBefore = audits();
		const server = await startServer({
			port,
			databasePath: dbPath,
			uploadDir,
			extra: { TRUSO_DB_MAX_PAGES: '1' }
		});
		try {
			await expectStillServing(server, cookie);
			// 2,000 characters of 3 bytes each need new pages for the room and its audit row.
			const long = 'ệ'.repeat(2000);
			await expectStorageErrorPage(server, cookie, long, /ổ đĩa đầy/);
			await expectStorageErrorPage(server, cookie, long, /ổ đĩa đầy/);
			await expectStillServing(server, cookie);
		} finally {
			await server.stop();
		}
		expect(roomNotes(dbPath)).not.toBe('ệ'.repeat(2000));
		expect(audits()).toBe(auditsBefore);
		expect(readDb(dbPath, (d) => d.pragma('integrity_check', { simple: true }))).toBe('ok');
	}, 60_000);
});

// ------------------------------------------------------------------------------------------
// Corrupt uploads
// ------------------------------------------------------------------------------------------

/** Deterministic pseudo-random bytes. */
function garbage(n: number, seed = 7): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(n);
	let a = seed;
	for (let i = 0; i < n; i++) {
		a = (Math.imul(a, 1103515245) + 12345) >>> 0;
		out[i] = a >>> 24;
	}
	return out;
}

function filesUnder(p: string): string[] {
	if (!fs.existsSync(p)) return [];
	return fs
		.readdirSync(p, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

describe('corrupt uploads', () => {
	let server: RunningServer;
	let cookie: string;
	let dbPath: string;
	let uploadDir: string;
	let pendingDir: string;

	beforeAll(async () => {
		({ dbPath, uploadDir } = copyDb('uploads'));
		pendingDir = path.resolve(uploadDir, '..', 'pending-imports');
		server = await startServer({ port, databasePath: dbPath, uploadDir });
		cookie = btCookie;
	}, 60_000);

	afterAll(async () => {
		await server?.stop();
	});

	const surveysAndPhotos = () =>
		readDb(dbPath, (db) => ({
			surveys: count(db, 'select count(*) as n from condition_surveys'),
			photos: count(db, 'select count(*) as n from photos'),
			audits: count(db, 'select count(*) as n from audit_log')
		}));

	it('a photo that is random bytes named .jpg, or a truncated JPEG, is refused; nothing is stored', async () => {
		const jpeg = await sharp({
			create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 120, b: 200 } }
		})
			.jpeg()
			.toBuffer();
		const truncated = Uint8Array.from(jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)));
		const buildingPage = room.page.replace(/\/rooms\/\d+$/, '');
		const before = surveysAndPhotos();
		for (const [name, bytes] of [
			['anh-hong.jpg', garbage(50_000)],
			['anh-cut.jpg', truncated]
		] as const) {
			const form = new FormData();
			form.set('surveyedOn', '2025-11-01');
			form.set('surveyor', 'Kiểm tra sự cố');
			form.set('structure', '3');
			form.append('photos', new Blob([bytes], { type: 'image/jpeg' }), name);
			const r = await fetch(`${server.base}${buildingPage}?/addSurvey`, {
				method: 'POST',
				headers: { cookie, origin: server.base, accept: 'text/html' },
				body: form,
				redirect: 'manual'
			});
			expect(r.status, name).toBe(400);
			expect(await r.text(), name).toContain('Tệp ảnh bị hỏng hoặc không đọc được.');
		}
		expect(surveysAndPhotos()).toEqual(before);
		expect(filesUnder(uploadDir)).toEqual([]);
	});

	it('a corrupt XLSX or a binary CSV on the import form is refused; nothing is kept', async () => {
		const rooms = () => readDb(dbPath, (db) => count(db, 'select count(*) as n from rooms'));
		const before = { rooms: rooms(), ...surveysAndPhotos() };
		const zipHeaderThenJunk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(20_000, 3)]);
		for (const [kind, name, bytes, text] of [
			['rooms', 'phong.xlsx', garbage(30_000, 11), /Không đọc được tệp/],
			['facilities', 'co-so.xlsx', zipHeaderThenJunk, /Không đọc được tệp/],
			['rooms', 'phong.csv', garbage(30_000, 5), /không phải UTF-8/]
		] as const) {
			const form = new FormData();
			form.set('kind', kind);
			form.set('file', new Blob([bytes]), name);
			const r = await fetch(`${server.base}/w/binh-trung/facilities/io?/preview`, {
				method: 'POST',
				headers: { cookie, origin: server.base, accept: 'text/html' },
				body: form,
				redirect: 'manual'
			});
			const html = await r.text();
			expect(r.status, name).toBe(400);
			expect(html, name).toMatch(text);
			expect(html, name).not.toMatch(/name="token"/);
		}
		expect({ rooms: rooms(), ...surveysAndPhotos() }).toEqual(before);
		expect(filesUnder(pendingDir)).toEqual([]);
		expect(filesUnder(uploadDir)).toEqual([]);
		expect(server.process.exitCode).toBeNull();
	});
});

describe('a long solve', () => {
	it('does not hold up other requests: HiGHS works on a worker thread', async () => {
		const { dbPath, uploadDir } = copyDb('solve');
		const server = await startServer({ port, databasePath: dbPath, uploadDir });
		/** Solves the sample ward, counting the /health answers that came back meanwhile. */
		const solveCounting = async (name: string) => {
			let solving = true;
			const solve = fetch(`${server.base}/w/binh-trung/plans?/solve`, {
				method: 'POST',
				headers: formHeaders(server.base, btCookie),
				body: new URLSearchParams({
					name,
					weightUnseated: '100000',
					weightWorstShortfall: '10000',
					weightShortfallM2: '1',
					weightBuildings: '10',
					weightMoved: '1',
					timeLimitS: '3'
				}),
				redirect: 'manual'
			}).finally(() => (solving = false));
			// Each /health is sent after the previous one came back.
			let answered = 0;
			while (solving) {
				const r = await fetch(`${server.base}/health`);
				expect(r.ok).toBe(true);
				if (solving) answered++;
			}
			const r = await solve;
			expect(r.status).toBe(303);
			expect(r.headers.get('location')).toMatch(/^\/w\/binh-trung\/plans\/\d+$/);
			return answered;
		};
		try {
			// The first solve also loads HiGHS (asynchronously, so requests pass meanwhile anyway).
			await solveCounting('PA 1');
			// The second one is all HiGHS (the sample ward: its 3 s limit). On the server's own thread it
			// would let at most the /health sent just before it through.
			expect(await solveCounting('PA 2')).toBeGreaterThanOrEqual(5);
			const stored = readDb(dbPath, (db) =>
				count(db, "select count(*) as n from scenarios where name in ('PA 1', 'PA 2')")
			);
			expect(stored).toBe(2);
		} finally {
			await server.stop();
		}
	}, 120_000);
});
