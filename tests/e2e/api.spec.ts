import { expect, test } from '@playwright/test';
import { login } from './helpers';

test.describe('JSON API v1: facilities', () => {
	test('answers 401 JSON without a session', async ({ request }) => {
		const r = await request.get('/api/v1/wards/binh-trung/facilities');
		expect(r.status()).toBe(401);
		const body = await r.json();
		expect(body.error.code).toBe('unauthorized');
		expect(typeof body.error.message).toBe('string');
	});

	test('lists the facilities of the ward with buildings, rooms and the latest survey', async ({
		page
	}) => {
		await login(page, 'binhtrung.viewer');
		const r = await page.request.get('/api/v1/wards/binh-trung/facilities?pageSize=100');
		expect(r.status()).toBe(200);
		const body = await r.json();
		expect(body.total).toBeGreaterThanOrEqual(7);
		const annex = body.facilities.find((f: { code: string }) => f.code === 'NP-01');
		expect(annex.buildings[0].latestSurvey.dangerLevel).toBe('D');
		const rooms = body.facilities.flatMap((f: { buildings: { rooms: unknown[] }[] }) =>
			f.buildings.flatMap((b) => b.rooms)
		);
		expect(rooms.length).toBeGreaterThanOrEqual(120);

		const one = await page.request.get(`/api/v1/wards/binh-trung/facilities/${annex.id}`);
		expect((await one.json()).code).toBe('NP-01');

		const missing = await page.request.get('/api/v1/wards/binh-trung/facilities/999999');
		expect(missing.status()).toBe(404);
		expect((await missing.json()).error.code).toBe('not_found');
	});

	test('hides another ward: 404, not a hint that it exists', async ({ page }) => {
		await login(page, 'ankhanh.editor');
		const r = await page.request.get('/api/v1/wards/binh-trung/facilities');
		expect(r.status()).toBe(404);
		expect((await r.json()).error.code).toBe('not_found');
		const own = await page.request.get('/api/v1/wards/an-khanh/facilities');
		expect(own.status()).toBe(200);
	});
});
