/**
 * The security baseline, checked on the production build over HTTP: headers, refusals (401
 * JSON, 404 for another ward, 403 for a read-only POST, 413 for an oversized body, 403 for a
 * cross-site form), no stack trace in a 500, and the admin's backup download.
 *
 * Builds build/ when its sources changed (≈ 1 min), then starts it on a free port with a
 * temporary sample database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { xlsxBomb } from '../support/zip-bomb';
import { startSampleServer, type SampleServer } from '../helpers/server';

const PASSWORD = 'truso-demo';

let sample: SampleServer | undefined;
let base = '';
let dir = '';
let dbFile = '';

beforeAll(async () => {
	sample = await startSampleServer('security');
	({ base, dir, dbFile } = sample);
}, 600_000);

afterAll(() => sample?.close());

const form = (data: Record<string, string>, cookie?: string, origin = base): RequestInit => ({
	method: 'POST',
	redirect: 'manual',
	headers: {
		origin,
		// As a browser posts a form (with */* SvelteKit would answer the JSON of `enhance`).
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		...(cookie ? { cookie } : {})
	},
	body: new URLSearchParams(data).toString()
});

async function loginAs(username: string): Promise<string> {
	const res = await fetch(`${base}/login`, form({ username, password: PASSWORD, next: '/' }));
	expect(res.status).toBe(303);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('truso_session='));
	expect(cookie).toBeDefined();
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	return cookie!.split(';')[0];
}

/**
 * A POST with node:http, reading the answer as soon as it comes: the server refuses an
 * oversized body before reading it, which fetch() (waiting to finish the upload) never sees.
 */
function rawPost(
	p: string,
	headers: Record<string, string>,
	body: string
): Promise<{ status: number; type: string; text: string }> {
	return new Promise((resolve, reject) => {
		// A connection of its own (agent: false): it is dropped once the answer is read.
		const req = http.request(`${base}${p}`, {
			method: 'POST',
			agent: false,
			headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }
		});
		req.on('response', (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d: string) => (text += d));
			res.on('end', () => {
				resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text });
				req.destroy();
			});
		});
		// The server may answer 413 and close before the whole body is written: the write then
		// fails with EPIPE/ECONNRESET although the answer arrives. Wait for it a moment.
		req.on('error', (e: NodeJS.ErrnoException) => {
			if (e.code === 'EPIPE' || e.code === 'ECONNRESET') setTimeout(() => reject(e), 3000);
			else reject(e);
		});
		// Announce the whole body but send only its start: the limit is decided from the announced
		// length, so the answer comes before the rest would be needed (and no write races it).
		req.write(body.slice(0, 64 * 1024));
	});
}

const get = (p: string, cookie?: string) =>
	fetch(`${base}${p}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('headers', () => {
	it('pages carry the CSP (frame-ancestors none), nosniff, referrer policy, no framing', async () => {
		const res = await get('/login');
		expect(res.status).toBe(200);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('an XLSX bomb', () => {
	// That it is refused before anything is inflated is checked structurally in
	// src/lib/server/io/xlsx-limits.spec.ts (no timing here: the machine may be shared).
	it('600 MB of zeros in a file under 1 MB: refused with a message, the server keeps answering', async () => {
		const bomb = await xlsxBomb(600);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const cookie = await loginAs('binhtrung.editor');
		const body = new FormData();
		body.set('kind', 'facilities');
		body.set('file', new Blob([bomb]), 'bomb.xlsx');
		const [res, health] = await Promise.all([
			fetch(`${base}/w/binh-trung/facilities/io?/preview`, {
				method: 'POST',
				headers: { cookie, origin: base, accept: 'text/html' },
				body
			}),
			new Promise((r) => setTimeout(r, 50)).then(() => fetch(`${base}/health`))
		]);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Tệp XLSX khi giải nén quá lớn (tối đa 100 MB).');
		expect(health.status).toBe(200);
	});
});

describe('caching', () => {
	it('signed-in pages and every API answer: Cache-Control private, no-store', async () => {
		const cookie = await loginAs('binhtrung.editor');
		for (const p of [
			'/w/binh-trung/facilities',
			'/api/v1/wards/binh-trung/facilities',
			'/account'
		]) {
			const res = await get(p, cookie);
			expect(res.status, p).toBe(200);
			expect(res.headers.get('cache-control'), p).toBe('private, no-store');
		}
		const anonymousApi = await get('/api/v1/wards/binh-trung/facilities');
		expect(anonymousApi.status).toBe(401);
		expect(anonymousApi.headers.get('cache-control')).toBe('private, no-store');
	});

	it('photos: private, no-cache with an ETag; 304 on If-None-Match; still checked per ward', async () => {
		const uploads = path.join(dir, 'uploads');
		const db = new Database(dbFile);
		const ward = db.prepare(`select id from wards where code = 'binh-trung'`).get() as {
			id: number;
		};
		const png = Buffer.from(
			'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
				'1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082',
			'hex'
		);
		fs.mkdirSync(path.join(uploads, String(ward.id)), { recursive: true });
		fs.writeFileSync(path.join(uploads, `${ward.id}/cache-test.png`), png);
		fs.writeFileSync(path.join(uploads, `${ward.id}/cache-test.thumb.jpg`), png);
		const photoId = Number(
			db
				.prepare(
					`insert into photos (ward_id, path, thumb_path, content_type, size_bytes)
					 values (?, ?, ?, 'image/png', ?)`
				)
				.run(ward.id, `${ward.id}/cache-test.png`, `${ward.id}/cache-test.thumb.jpg`, png.length)
				.lastInsertRowid
		);
		db.close();
		const cookie = await loginAs('binhtrung.viewer');
		const url = `/w/binh-trung/photos/${photoId}/full`;
		const res = await get(url, cookie);
		expect(res.status).toBe(200);
		expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
		expect(res.headers.get('cache-control')).toBe('private, no-cache');
		const etag = res.headers.get('etag');
		expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		const again = await fetch(`${base}${url}`, { headers: { cookie, 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe('');
		// The thumbnail has its own tag; a stale tag gets the photo again.
		const thumb = await get(`/w/binh-trung/photos/${photoId}/thumb`, cookie);
		expect(thumb.headers.get('etag')).not.toBe(etag);
		const stale = await fetch(`${base}${url}`, { headers: { cookie, 'if-none-match': '"x"' } });
		expect(stale.status).toBe(200);
		// Another ward's user gets 404 for the photo, with or without a tag.
		const other = await loginAs('ankhanh.editor');
		const refused = await fetch(`${base}${url}`, {
			headers: { cookie: other, 'if-none-match': etag! }
		});
		expect(refused.status).toBe(404);
	});
});

describe('refusals', () => {
	it('the API without credentials: 401 JSON with WWW-Authenticate, and the headers', async () => {
		const res = await get('/api/v1/wards/binh-trung/facilities');
		expect(res.status).toBe(401);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.headers.get('www-authenticate')).toBe('Bearer');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect((await res.json()) as unknown).toMatchObject({ error: { code: 'unauthorized' } });
		const bad = await fetch(`${base}/api/v1/wards/binh-trung/facilities`, {
			headers: { authorization: 'Bearer truso_forged' }
		});
		expect(bad.status).toBe(401);
	});

	it('a page without a session redirects to the login with the page to come back to', async () => {
		const res = await get('/w/binh-trung/facilities?q=a');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(
			`/login?next=${encodeURIComponent('/w/binh-trung/facilities?q=a')}`
		);
	});

	it("another ward's page and API answer 404, not 403, and reveal nothing", async () => {
		const cookie = await loginAs('ankhanh.editor');
		const page = await get('/w/binh-trung/facilities', cookie);
		expect(page.status).toBe(404);
		const html = await page.text();
		expect(html).not.toContain('An Phú');
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		const api = await get('/api/v1/wards/binh-trung/facilities', cookie);
		expect(api.status).toBe(404);
		expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
		expect((await get('/w/an-khanh/facilities', cookie)).status).toBe(200);
		expect((await get('/admin', cookie)).status).toBe(404);
	});

	it("a viewer's POST is refused with 403 and changes nothing", async () => {
		const cookie = await loginAs('binhtrung.viewer');
		const res = await fetch(
			`${base}/w/binh-trung/facilities/new`,
			form({ code: 'VIEWER-1', name: 'x', kind: 'other', lat: '10,79', lng: '106,76' }, cookie)
		);
		expect(res.status).toBe(403);
		const db = new Database(dbFile, { readonly: true });
		expect(
			db.prepare(`select count(*) as n from facilities where code = 'VIEWER-1'`).get()
		).toEqual({ n: 0 });
		db.close();
	});

	it('a form or JSON body over 2 MB gets 413 with a clear message', async () => {
		const cookie = await loginAs('binhtrung.editor');
		const big = 'x'.repeat(3 * 1024 * 1024);
		const page = await rawPost(
			'/w/binh-trung/facilities/new',
			{
				cookie,
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			new URLSearchParams({ code: 'BIG', name: big, kind: 'other' }).toString()
		);
		expect(page.status).toBe(413);
		expect(page.text).toContain('Dữ liệu gửi lên quá lớn.');
		const api = await rawPost(
			'/api/v1/wards/binh-trung/facilities',
			{ cookie, origin: base, 'content-type': 'application/json' },
			JSON.stringify({ name: big })
		);
		expect(api.status).toBe(413);
		expect(JSON.parse(api.text)).toMatchObject({ error: { code: 'too_large' } });
		// A small form from the same editor goes through (the limit is not a blanket refusal).
		const ok = await fetch(
			`${base}/w/binh-trung/facilities/new`,
			form(
				{
					code: 'SMALL-1',
					name: 'Nhỏ',
					kind: 'other',
					legalStatus: 'unknown',
					lat: '10,79',
					lng: '106,76'
				},
				cookie
			)
		);
		expect(ok.status).toBe(303);
	});

	it('a cross-site form POST is refused (origin check)', async () => {
		const res = await fetch(
			`${base}/login`,
			form({ username: 'admin', password: PASSWORD }, undefined, 'http://evil.example')
		);
		expect(res.status).toBe(403);
		expect(res.headers.getSetCookie().some((c) => c.startsWith('truso_session='))).toBe(false);
	});
});

describe("the city never sees a ward's draft", () => {
	it('reviewer: 404 on the draft page, its downloads and the API; no row in the audit page or CSV', async () => {
		const editor = await loginAs('ankhanh.editor');
		const create = (title: string) =>
			fetch(`${base}/w/an-khanh/proposals?/create`, form({ title }, editor));
		// A first draft, then a second one that replaces it before it was ever submitted.
		const first = await create('Bản nháp bị thay thế XYZ');
		expect(first.status).toBe(303);
		const replacedId = Number(/\/proposals\/(\d+)$/.exec(first.headers.get('location')!)![1]);
		const second = await create('Bản nháp mật XYZ');
		expect(second.status).toBe(303);
		const draftId = Number(/\/proposals\/(\d+)$/.exec(second.headers.get('location')!)![1]);
		// Replaced before it was ever submitted (what creating the second one does when a ward
		// may hold one live proposal; set here so the test does not depend on that rule).
		const db = new Database(dbFile);
		db.prepare(`update proposals set status = 'superseded' where id = ?`).run(replacedId);
		// The drafts exist: in the database, on the editor's page, in the ward's API and audit.
		const rows = db
			.prepare(
				`select id, status, (select count(*) from proposal_versions v where v.proposal_id = p.id) as versions
				 from proposals p where id in (?, ?) order by id`
			)
			.all(replacedId, draftId);
		db.close();
		expect(rows).toEqual([
			{ id: replacedId, status: 'superseded', versions: 0 },
			{ id: draftId, status: 'draft', versions: 0 }
		]);
		const page = `/w/an-khanh/proposals/${draftId}`;
		// Found for the ward's editor (the page itself is another test's subject).
		expect((await get(page, editor)).status).not.toBe(404);
		expect((await get(`${page}/packet.xlsx`, editor)).status).toBe(200);
		const ownApi = (await (await get('/api/v1/wards/an-khanh/proposals', editor)).json()) as {
			proposals: { id: number }[];
		};
		expect(ownApi.proposals.map((p) => p.id)).toEqual(
			expect.arrayContaining([draftId, replacedId])
		);
		const ownCsv = await (await get('/w/an-khanh/audit/export.csv', editor)).text();
		expect(ownCsv).toContain('Bản nháp mật XYZ');

		const reviewer = await loginAs('city.reviewer');
		for (const id of [draftId, replacedId]) {
			const p = `/w/an-khanh/proposals/${id}`;
			expect((await get(p, reviewer)).status, p).toBe(404);
			for (const ext of ['zip', 'docx', 'pdf', 'xlsx']) {
				expect((await get(`${p}/packet.${ext}`, reviewer)).status, ext).toBe(404);
			}
			expect((await get(`/review/proposals/${id}`, reviewer)).status).toBe(404);
			expect((await get(`/api/v1/proposals/${id}/versions/1`, reviewer)).status).toBe(404);
		}
		const list = await get('/w/an-khanh/proposals', reviewer);
		expect(list.status).toBe(200);
		expect(await list.text()).not.toContain('XYZ');
		const api = await get('/api/v1/wards/an-khanh/proposals', reviewer);
		expect(api.status).toBe(200);
		const ids = ((await api.json()) as { proposals: { id: number }[] }).proposals.map((p) => p.id);
		expect(ids).not.toContain(draftId);
		expect(ids).not.toContain(replacedId);
		const audit = await get('/w/an-khanh/audit?entity=proposal', reviewer);
		expect(audit.status).toBe(200);
		expect(await audit.text()).not.toContain('XYZ');
		const csv = await get('/w/an-khanh/audit/export.csv', reviewer);
		expect(csv.status).toBe(200);
		const text = await csv.text();
		expect(text.split('\r\n').length).toBeGreaterThan(2);
		expect(text).not.toContain('XYZ');
	}, 60_000);
});

describe('the admin backup download', () => {
	it('streams a fresh SQLite file and leaves no temporary file', async () => {
		const cookie = await loginAs('admin');
		const res = await fetch(`${base}/admin/backup`, form({}, cookie));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="truso-backup-/);
		const body = Buffer.from(await res.arrayBuffer());
		expect(body.length).toBe(Number(res.headers.get('content-length')));
		expect(body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
		const copy = path.join(dir, 'downloaded.sqlite');
		fs.writeFileSync(copy, body);
		const db = new Database(copy, { readonly: true });
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(
			(db.prepare('select count(*) as n from rooms').get() as { n: number }).n
		).toBeGreaterThan(100);
		db.close();
		const viewer = await loginAs('city.reviewer');
		expect((await fetch(`${base}/admin/backup`, form({}, viewer))).status).toBe(404);
	});
});

describe('errors', () => {
	it('a 500 shows a plain message, never a stack trace or SQL', async () => {
		const cookie = await loginAs('binhtrung.editor');
		const db = new Database(dbFile);
		db.exec('alter table audit_log rename to audit_log_hidden');
		try {
			for (const p of ['/w/binh-trung/audit', '/w/binh-trung/audit/export.csv']) {
				const res = await get(p, cookie);
				expect(res.status, p).toBe(500);
				const body = await res.text();
				expect(body).not.toMatch(/\bat .+:\d+:\d+/);
				expect(body).not.toMatch(/SqliteError|no such table|audit_log|node_modules|\/work\//);
			}
			const page = await (await get('/w/binh-trung/audit', cookie)).text();
			expect(page).toContain('Đã xảy ra lỗi');
		} finally {
			db.exec('alter table audit_log_hidden rename to audit_log');
			db.close();
		}
		// The error was logged on the server side instead.
		expect(sample!.server.output()).toContain('[truso] GET /w/binh-trung/audit');
	});
});

// Last in the file: it leaves binhtrung.viewer throttled.
describe('the login throttle over HTTP', () => {
	it('200 wrong passwords at once: 5 are checked (400), 195 refused unchecked (429); another user from the same address still logs in', async () => {
		const attempt = (password: string) =>
			fetch(`${base}/login`, form({ username: 'binhtrung.viewer', password, next: '/' }));
		const answers = await Promise.all(
			Array.from({ length: 200 }, (_, i) => attempt(i === 100 ? PASSWORD : `wrong-${i}`))
		);
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 400)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(195);
		// The right password in the burst did not get through (no session cookie anywhere).
		expect(
			answers.some((r) => r.headers.getSetCookie().some((c) => c.startsWith('truso_session=')))
		).toBe(false);
		const throttled = await attempt(PASSWORD);
		expect(throttled.status).toBe(429);
		expect(await throttled.text()).toContain('Vui lòng thử lại sau 1 phút');
		// The same address (an office behind one NAT): the reviewer's right password works.
		await loginAs('city.reviewer');
	});
});
