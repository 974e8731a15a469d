import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, uniq } from './helpers';

/**
 * Every form is a real form (issue 17): with JavaScript off the browser posts it and the server
 * answers with the page or a redirect; with JavaScript on, `use:enhance` posts it in the
 * background and shows the pending state ("Đang lưu…", button disabled) while it runs.
 */

/** Logs in through the login form; no waiting for hydration (there is none without JS). */
async function plainLogin(page: Page, username: string, next: string): Promise<void> {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** Adds a facility through the new-facility form and waits for its page. */
async function addFacility(page: Page, name: string): Promise<void> {
	await page.goto('/w/binh-trung/facilities/new');
	await page.getByRole('textbox', { name: 'Mã', exact: true }).fill(uniq('NJ'));
	await page.getByLabel('Tên cơ sở').fill(name);
	await page.getByLabel('Vĩ độ').fill('10,786');
	await page.getByLabel('Kinh độ').fill('106,766');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('login (refused, then accepted), a facility edit, a room edit and the language switch are saved by plain POSTs', async ({
		page
	}) => {
		// A wrong password: the page answers with the message and keeps the user name.
		await page.goto('/login?next=%2Fw%2Fbinh-trung%2Ffacilities');
		await page.getByLabel('Tên đăng nhập').fill('binhtrung.editor');
		await page.getByLabel('Mật khẩu').fill('not-the-password');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('binhtrung.editor');
		await plainLogin(page, 'binhtrung.editor', '/w/binh-trung/facilities');
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();

		// A new facility, then its name edited in the facility form.
		const name = `Cơ sở không JS ${uniq('n')}`;
		await addFacility(page, name);
		const facilityUrl = page.url();
		await page.getByText('Sửa thông tin cơ sở').click();
		const renamed = `${name} (đã sửa)`;
		await page.getByLabel('Tên cơ sở').fill(renamed);
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();
		await page.goto(facilityUrl);
		await expect(page.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();

		// A building, a room, then the room renamed on its own page.
		await page.getByText('Thêm nhà', { exact: true }).first().click();
		await page.getByLabel('Mã nhà').fill('A');
		await page.getByLabel('Tên nhà').fill('Nhà A');
		await page.getByLabel('Số tầng').fill('2');
		await page.getByRole('button', { name: 'Thêm nhà' }).click();
		await expect(page.getByRole('heading', { name: 'A — Nhà A', level: 1 })).toBeVisible();
		await page.getByText('Thêm phòng', { exact: true }).first().click();
		await page.getByLabel('Mã phòng').fill('1.01');
		await page.getByLabel('Tên phòng').fill('Phòng họp');
		await page.getByRole('textbox', { name: 'Tầng', exact: true }).fill('1');
		await page.getByLabel('Diện tích (m²)').fill('24,5');
		await page.getByRole('button', { name: 'Thêm phòng' }).click();
		await expect(page.getByRole('cell', { name: '1.01', exact: true })).toBeVisible();
		await page.locator('a[href*="/rooms/"]').first().click();
		await page.getByLabel('Tên phòng').fill('Phòng họp lớn');
		await page.getByLabel('Diện tích (m²)').fill('30');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('heading', { name: 'A — Nhà A', level: 1 })).toBeVisible();
		const row = page.getByRole('row').filter({ hasText: 'Phòng họp lớn' });
		await expect(row.getByRole('cell', { name: '30,0', exact: true })).toBeVisible();

		// The language switch: English, then back to Vietnamese, on the same page.
		// The form sends the path and query (the fragment never reaches the server).
		const here = page.url().split('#')[0];
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL(here);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('button', { name: 'Tiếng Việt' })).toBeVisible();
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await expect(page.getByRole('heading', { name: 'A — Nhà A', level: 1 })).toBeVisible();
	});
});

test.describe('with JavaScript', () => {
	test('a save shows the pending state, then the saved page; the language switch loads the other catalogue', async ({
		page
	}) => {
		await page.goto('/login?next=%2Fw%2Fbinh-trung%2Ffacilities');
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Tên đăng nhập').fill('binhtrung.editor');
		await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();

		const name = `Cơ sở JS ${uniq('n')}`;
		await addFacility(page, name);
		await page.waitForLoadState('networkidle');

		// Hold the save for a moment to see the pending state.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/facilities\/\d+\?\/update/, async (route) => {
			await held;
			await route.continue();
		});
		await page.getByText('Sửa thông tin cơ sở').click();
		await page.getByLabel('Tên cơ sở').fill(`${name} (JS)`);
		await page.getByRole('button', { name: 'Lưu' }).click();
		const pending = page.getByRole('button', { name: 'Đang lưu…' });
		await expect(pending).toBeVisible();
		await expect(pending).toBeDisabled();
		release();
		await expect(page.getByRole('heading', { name: `${name} (JS)`, level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Đang lưu…' })).toHaveCount(0);

		// A refused save keeps what was typed and puts the focus on the field in error.
		await page.unroute(/\/facilities\/\d+\?\/update/);
		// (The edit panel closes after a save, as on a page loaded again.)
		if (!(await page.getByLabel('Vĩ độ').isVisible())) {
			await page.getByText('Sửa thông tin cơ sở').click();
		}
		await page.getByLabel('Vĩ độ').fill('123');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByText('Phải nhỏ hơn hoặc bằng 90.')).toBeVisible();
		await expect(page.getByLabel('Vĩ độ')).toBeFocused();
		await expect(page.getByLabel('Vĩ độ')).toHaveValue('123');

		// The language switch fetches the English messages (only them) and relabels the page.
		const messages = page.waitForResponse((r) => /\/lang\/en\?v=/.test(r.url()));
		await page.getByRole('button', { name: 'English' }).click();
		expect((await messages).status()).toBe(200);
		await expect(page.getByRole('button', { name: 'Tiếng Việt' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Help' })).toBeVisible();
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.getByRole('link', { name: 'Hướng dẫn' })).toBeVisible();
	});
});
