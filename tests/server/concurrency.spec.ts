/**
 * The lost-update probe over HTTP, on the production build: two editors load the same room;
 * A renames it; B saves occupants from the stale form. B must get 409 with nothing written
 * (A's rename survives, no audit row) and B's values back in the page with the conflict panel;
 * B then takes A's name, keeps the occupants and saves with the new version: both survive.
 *
 * Builds build/ when its sources changed, then starts it with a temporary sample database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loginCookie } from '../support/server';
import { startSampleServer, type SampleServer } from '../helpers/server';

let sample: SampleServer | undefined;
let dbFile = '';
let base = '';

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

const attr = (tag: string, name: string) =>
	tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;

/** The fields of the page's form posting to `action`, as a browser would send them. */
function scrapeForm(html: string, action: string): Record<string, string> {
	const start = html.indexOf(`action="${action}"`);
	expect(start, `no form for ${action}`).toBeGreaterThan(-1);
	const form = html.slice(start, html.indexOf('</form>', start));
	const out: Record<string, string> = {};
	for (const m of form.matchAll(/<input\b[^>]*>/g)) {
		const name = attr(m[0], 'name');
		const type = attr(m[0], 'type') ?? 'text';
		if (!name || type === 'file' || type === 'submit') continue;
		if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(m[0])) continue;
		out[name] = decode(attr(m[0], 'value') ?? (type === 'checkbox' ? 'on' : ''));
	}
	for (const m of form.matchAll(/<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
		const name = attr(m[0], 'name');
		if (!name) continue;
		const options = [...m[1].matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
		const chosen = options.find((o) => /\sselected\b/.test(o)) ?? options[0];
		out[name] = decode(attr(chosen ?? '', 'value') ?? '');
	}
	for (const m of form.matchAll(/<textarea\b[^>]*>([\s\S]*?)<\/textarea>/g)) {
		const name = attr(m[0], 'name');
		if (name) out[name] = decode(m[1]);
	}
	return out;
}

async function get(url: string, cookie: string) {
	const r = await fetch(base + url, { headers: { cookie, accept: 'text/html' } });
	return { status: r.status, text: await r.text() };
}

async function post(url: string, cookie: string, fields: Record<string, string>) {
	const r = await fetch(base + url, {
		method: 'POST',
		headers: {
			cookie,
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: r.status, text: await r.text(), location: r.headers.get('location') };
}

interface RoomRow {
	id: number;
	name: string;
	occupants: number;
	version: number;
}

beforeAll(async () => {
	sample = await startSampleServer('concurrency');
	({ dbFile, base } = sample);
	// A second editor of the same ward (same password as the demo editor).
	const db = new Database(dbFile);
	db.prepare(
		`INSERT INTO users (username, display_name, password_hash, role, ward_id)
		 SELECT 'binhtrung.editor2', 'Cán bộ thứ hai', password_hash, role, ward_id
		 FROM users WHERE username = 'binhtrung.editor'`
	).run();
	db.close();
}, 600_000);

afterAll(() => sample?.close());

describe('two editors, one room', () => {
	it('the stale save is refused with 409, keeps what B typed, and B can save on the new version', async () => {
		const [room] = query<RoomRow & { bid: number; fid: number }>(
			`SELECT r.id, r.name, r.occupants, r.version, b.id AS bid, f.id AS fid
			 FROM rooms r JOIN buildings b ON b.id = r.building_id
			 JOIN facilities f ON f.id = b.facility_id JOIN wards w ON w.id = f.ward_id
			 WHERE w.code = 'binh-trung' ORDER BY r.id LIMIT 1`
		);
		const url = `/w/binh-trung/facilities/${room.fid}/buildings/${room.bid}/rooms/${room.id}`;
		const a = await loginCookie(base, 'binhtrung.editor');
		const b = await loginCookie(base, 'binhtrung.editor2');
		const readRoom = () =>
			query<RoomRow>('SELECT id, name, occupants, version FROM rooms WHERE id = ?', room.id)[0];
		const roomAudits = () =>
			query<{ n: number }>(
				`SELECT count(*) AS n FROM audit_log WHERE entity = 'room' AND entity_id = ?`,
				String(room.id)
			)[0].n;

		// Both load the form: it carries the room's version.
		const pageA = await get(url, a);
		const pageB = await get(url, b);
		expect(pageA.status).toBe(200);
		const formA = scrapeForm(pageA.text, '?/update');
		const formB = scrapeForm(pageB.text, '?/update');
		expect(formA.version).toBe(String(room.version));
		expect(formB.version).toBe(String(room.version));
		expect(formB.name).toBe(room.name);

		// A renames the room.
		const renamed = `${room.name} (đổi tên)`;
		const saveA = await post(`${url}?/update`, a, { ...formA, name: renamed });
		expect(saveA.status).toBe(303);
		expect(readRoom()).toMatchObject({ name: renamed, version: room.version + 1 });
		const auditsAfterA = roomAudits();

		// B saves occupants from the stale form: refused, nothing written.
		const occupantsB = String(room.occupants + 3);
		const saveB = await post(`${url}?/update`, b, { ...formB, occupants: occupantsB });
		expect(saveB.status).toBe(409);
		expect(readRoom()).toEqual({
			id: room.id,
			name: renamed,
			occupants: room.occupants,
			version: room.version + 1
		});
		expect(roomAudits()).toBe(auditsAfterA);

		// B's page: B's values in the form with the new version, and the conflict panel naming
		// A's value and who saved it.
		expect(saveB.text).toContain('data-testid="conflict-panel"');
		expect(saveB.text).toContain('Bản ghi đã được người khác sửa');
		expect(saveB.text).toContain('Bản đã lưu bởi binhtrung.editor lúc');
		const back = scrapeForm(saveB.text, '?/update');
		expect(back.occupants).toBe(occupantsB);
		expect(back.name).toBe(room.name);
		expect(back.version).toBe(String(room.version + 1));
		const panel = saveB.text.slice(saveB.text.indexOf('data-testid="conflict-panel"'));
		expect(panel).toMatch(/data-field="name"[\s\S]*?class="theirs"[^>]*>[^<]*\(đổi tên\)/);
		expect(panel).toMatch(
			new RegExp(`data-field="occupants"[\\s\\S]*?class="mine[^"]*"[^>]*>${occupantsB}<`)
		);

		// B takes A's name, keeps the occupants and saves on the new version: both survive.
		const again = await post(`${url}?/update`, b, { ...back, name: renamed });
		expect(again.status).toBe(303);
		expect(readRoom()).toEqual({
			id: room.id,
			name: renamed,
			occupants: room.occupants + 3,
			version: room.version + 2
		});
		expect(roomAudits()).toBe(auditsAfterA + 1);

		// The same stale form once more (A's, two versions old): refused.
		const staleA = await post(`${url}?/update`, a, { ...formA, notes: 'cũ' });
		expect(staleA.status).toBe(409);
		expect(readRoom().version).toBe(room.version + 2);
	}, 120_000);

	it('a tampered version is refused as stale, not saved unchecked', async () => {
		const [room] = query<RoomRow & { bid: number; fid: number }>(
			`SELECT r.id, r.name, r.occupants, r.version, b.id AS bid, f.id AS fid
			 FROM rooms r JOIN buildings b ON b.id = r.building_id
			 JOIN facilities f ON f.id = b.facility_id JOIN wards w ON w.id = f.ward_id
			 WHERE w.code = 'binh-trung' ORDER BY r.id DESC LIMIT 1`
		);
		const url = `/w/binh-trung/facilities/${room.fid}/buildings/${room.bid}/rooms/${room.id}`;
		const a = await loginCookie(base, 'binhtrung.editor');
		const form = scrapeForm((await get(url, a)).text, '?/update');
		const r = await post(`${url}?/update`, a, { ...form, version: 'abc', name: 'X' });
		expect(r.status).toBe(409);
		const after = query<RoomRow>('SELECT name, version FROM rooms WHERE id = ?', room.id)[0];
		expect(after).toMatchObject({ name: room.name, version: room.version });
	}, 60_000);
});
