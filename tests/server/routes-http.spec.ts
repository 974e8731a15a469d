/**
 * The route toolkit over HTTP on the production build: numeric route parameters that are no
 * record id (`abc`, `0`, `07`, `1e3`) answer 404 before any load runs (the [id=id] matcher);
 * notFound() answers in the user's language; the JSON API's page size is bounded; the home
 * page follows the guard's ward rule.
 *
 * Builds build/ when its sources changed, then starts it on a free port with the sample data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleServer, type SampleServer } from '../helpers/server';
import { loginCookie } from '../support/server';

let sample: SampleServer | undefined;
let base = '';
let editor = '';
let admin = '';

beforeAll(async () => {
	sample = await startSampleServer('routes');
	base = sample.base;
	editor = await loginCookie(base, 'binhtrung.editor');
	admin = await loginCookie(base, 'admin');
}, 600_000);

afterAll(() => sample?.close());

const get = (p: string, cookie: string, headers: Record<string, string> = {}) =>
	fetch(`${base}${p}`, {
		headers: { cookie, accept: 'text/html', ...headers },
		redirect: 'manual'
	});

describe('route parameters and 404s', { timeout: 60_000 }, () => {
	it('answers 404 for a facility id that is no id, 200 for a real one', async () => {
		for (const id of ['abc', '0', '07', '1e3', '-1', '2.5']) {
			const r = await get(`/w/binh-trung/facilities/${id}`, editor);
			expect(r.status, id).toBe(404);
			await r.body?.cancel();
		}
		const list = await (await get('/api/v1/wards/binh-trung/facilities', editor)).json();
		const real = list.facilities[0].id as number;
		expect(real).toBeGreaterThan(0);
		const ok = await get(`/w/binh-trung/facilities/${real}`, editor);
		expect(ok.status).toBe(200);
		await ok.body?.cancel();
		const gone = await get('/w/binh-trung/facilities/999999999', editor);
		expect(gone.status).toBe(404);
		await gone.body?.cancel();
	});

	it('answers 404 for a room or building id that is no id, and for the API', async () => {
		const r = await get('/w/binh-trung/facilities/1/buildings/0', editor);
		expect(r.status).toBe(404);
		await r.body?.cancel();
		const api = await get('/api/v1/wards/binh-trung/facilities/abc', editor, {
			accept: 'application/json'
		});
		expect(api.status).toBe(404);
		await api.body?.cancel();
	});

	it("says 'not found' in the user's language (notFound)", async () => {
		// The benchmark page exists only on a server the bench started: elsewhere notFound().
		const vi = await get('/w/binh-trung/trivial', editor);
		expect(vi.status).toBe(404);
		expect(await vi.text()).toContain('Không tìm thấy trang hoặc bản ghi.');
		const en = await get('/w/binh-trung/trivial', `${editor}; truso_lang=en`);
		expect(en.status).toBe(404);
		expect(await en.text()).toContain('Page or record not found.');
	});
});

describe('API page size and the home page', { timeout: 60_000 }, () => {
	it('bounds the facilities page size at 200 and reads a bad one as the default 50', async () => {
		const big = await (
			await get('/api/v1/wards/binh-trung/facilities?pageSize=5000', editor)
		).json();
		expect(big.pageSize).toBe(200);
		const bad = await (
			await get('/api/v1/wards/binh-trung/facilities?pageSize=abc&page=-2', editor)
		).json();
		expect(bad.pageSize).toBe(50);
		expect(bad.page).toBe(1);
	});

	it("sends a ward's editor to the ward and lists every ward for the admin", async () => {
		const r = await get('/', editor);
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/w/binh-trung');
		const home = await get('/', admin);
		expect(home.status).toBe(200);
		const html = await home.text();
		expect(html).toContain('href="/w/binh-trung/facilities"');
		expect(html).toContain('href="/w/an-khanh/facilities"');
	});
});
