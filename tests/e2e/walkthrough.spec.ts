import { expect, test, type Page } from '@playwright/test';
import { firstHref, login, WARD, WIDE_WARD_PAGES } from './helpers';

/** Collects console errors and uncaught page errors while a test runs. */
function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
	return errors;
}

test.describe('what a clerk and a reviewer stumbled on', () => {
	test('each role lands where its work is; a viewer is refused pages that only change data', async ({
		page,
		browser
	}) => {
		await login(page, 'city.reviewer', '/');
		await expect(page).toHaveURL(/\/review$/);

		const viewer = await (await browser.newContext()).newPage();
		await login(viewer, 'binhtrung.viewer', '/');
		await expect(viewer).toHaveURL(new RegExp(`${WARD}/facilities$`));
		for (const path of [`${WARD}/facilities/new`, `${WARD}/sites/new`, `${WARD}/sites/import`]) {
			const res = await viewer.goto(path);
			expect(res?.status(), path).toBe(403);
			await expect(viewer.getByText('Bạn không có quyền', { exact: false }).first()).toBeVisible();
		}
		// …and the sites page does not offer them.
		await viewer.goto(`${WARD}/sites`);
		await expect(viewer.getByRole('link', { name: 'Thêm khu đất' })).toHaveCount(0);
		await viewer.context().close();
	});

	test('the sites map has a legend for its colours and labelled markers with facts', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await login(page, 'binhtrung.editor', `${WARD}/sites`);
		const legend = page.getByRole('list', { name: 'Chú giải bản đồ' });
		for (const item of [
			'Ga metro',
			'Bán kính 500 m',
			'Vùng TOD 1.000 m',
			'Phạm vi làm việc (ước tính)',
			'Trụ sở hiện hữu (chấm lớn)'
		]) {
			await expect(legend.getByText(item, { exact: true })).toBeVisible();
		}
		// Scored or not, every colour the markers use is in the legend: the score scale (4) or the
		// one colour of unscored sites, the current headquarters, stations, future stations, both
		// rings and the working extent.
		await expect(legend.getByRole('listitem')).toHaveCount(
			(await legend.getByText('Điểm cao nhất').count()) ? 10 : 7
		);
		// Markers carry their code as a permanent label once the map has drawn.
		await expect(page.locator('.map .map-label').first()).toBeVisible();
		const codes = await page.locator('.map .map-label').allTextContents();
		expect(codes.length).toBeGreaterThan(1);
		expect(codes.every((c) => /^[A-Z0-9-]+/.test(c.trim()))).toBe(true);
		expect(errors).toEqual([]);
	});

	test('SMAA with 10,000 samples shows its progress and ends on its own result', async ({
		page
	}) => {
		const errors = watchErrors(page);
		// New weights make a decision whose full SMAA nobody computed yet.
		await login(page, 'binhtrung.editor', `${WARD}/sites/weights`);
		const first = page.locator('input[name^="w:"]').first();
		await first.fill(String(20 + Math.floor(Math.random() * 60)));
		await page.getByRole('button', { name: 'Lưu và dùng trọng số này' }).click();
		await expect(page.getByText('Đã lưu trọng số trực tiếp.')).toBeVisible();
		await page.goto(`${WARD}/sites/results`);
		await expect(page.getByText(/ước tính nhanh với 1\.?000 mẫu/)).toBeVisible();
		await page.getByRole('button', { name: 'Chạy SMAA 10.000 mẫu' }).click();
		await expect(page.getByText(/Đã tính xong SMAA 10\.000 mẫu/)).toBeVisible({ timeout: 60_000 });
		await expect(page.getByText(/ước tính nhanh/)).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Chạy SMAA 10.000 mẫu' })).toHaveCount(0);
		expect(errors).toEqual([]);
		// Leave the default weights for the other tests.
		await page.goto(`${WARD}/sites/weights`);
		await page.getByRole('button', { name: 'Dùng trọng số mặc định' }).click();
		await expect(page.getByRole('heading', { name: /Đang dùng: Trọng số mặc định/ })).toBeVisible();
	});
});

test.describe('on a phone (390 px)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('no page scrolls sideways; the header folds behind a menu', async ({ page }, info) => {
		await login(page, 'binhtrung.editor', `${WARD}/facilities`);
		const header = await page.locator('header.site').boundingBox();
		expect(header!.height).toBeLessThan(60);
		await page.getByText('Menu', { exact: true }).click();
		await expect(page.locator('#site-nav').getByRole('link', { name: 'Hướng dẫn' })).toBeVisible();

		const paths = [...WIDE_WARD_PAGES];
		await page.goto(`${WARD}/facilities`);
		const facility = await firstHref(page, /\/facilities\/\d+$/);
		if (facility) paths.push(facility);
		await page.goto(`${WARD}/plans`);
		const plan = await firstHref(page, /\/plans\/\d+$/);
		if (plan) paths.push(plan);
		await page.goto(`${WARD}/proposals`);
		const proposal = await firstHref(page, /\/proposals\/\d+$/);
		if (proposal) paths.push(proposal);

		const wide: string[] = [];
		for (const path of paths) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const { scroll, client } = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			if (scroll > client) wide.push(`${path}: ${scroll} px > ${client} px`);
			await page.screenshot({
				path: info.outputPath(`phone-${path.replace(/[^a-z0-9]+/gi, '-')}.png`),
				fullPage: false
			});
		}
		expect(wide).toEqual([]);
	});
});
