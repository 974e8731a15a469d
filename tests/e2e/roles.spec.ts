import { expect, test, type Page } from '@playwright/test';
import { login, uniq } from './helpers';

/** Opens a page and returns its HTTP status. */
async function statusOf(page: Page, url: string): Promise<number> {
	const res = await page.goto(url);
	return res?.status() ?? 0;
}

const addFacility = (page: Page) => page.getByRole('link', { name: 'Thêm cơ sở' });

test.describe('what each role may see', () => {
	test('a ward editor edits their ward only', async ({ page }) => {
		await login(page, 'binhtrung.editor', '/w/binh-trung/facilities');
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();
		await expect(addFacility(page)).toBeVisible();
		await expect(page.getByText('Bạn chỉ có quyền xem.')).toHaveCount(0);
		await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
		await expect(page.getByRole('heading', { name: 'Nhật ký thay đổi', level: 1 })).toBeVisible();
		expect(await statusOf(page, '/w/an-khanh/facilities')).toBe(404);
		expect(await statusOf(page, '/admin')).toBe(404);
		expect(await statusOf(page, '/review/audit')).toBe(404);
		await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
	});

	test('a ward viewer reads but cannot add', async ({ page }) => {
		await login(page, 'binhtrung.viewer', '/w/binh-trung/facilities');
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();
		await expect(page.getByText('Bạn chỉ có quyền xem.')).toBeVisible();
		await expect(addFacility(page)).toHaveCount(0);
		expect(await statusOf(page, '/w/binh-trung/audit')).toBe(200);
		await expect(page.getByRole('heading', { name: 'Nhật ký thay đổi', level: 1 })).toBeVisible();
		expect(await statusOf(page, '/w/an-khanh/facilities')).toBe(404);
		expect(await statusOf(page, '/admin/users')).toBe(404);
	});

	test('another ward’s editor gets 404 on Bình Trưng and edits An Khánh', async ({ page }) => {
		await login(page, 'ankhanh.editor', '/w/an-khanh/facilities');
		await expect(addFacility(page)).toBeVisible();
		expect(await statusOf(page, '/w/binh-trung/facilities')).toBe(404);
		await expect(page.getByRole('heading', { name: 'Lỗi 404', level: 1 })).toBeVisible();
		expect(await statusOf(page, '/w/binh-trung/audit')).toBe(404);
		expect(await statusOf(page, '/w/binh-trung/audit/export.csv')).toBe(404);
	});

	test('a city reviewer reads both wards, and the review pages, not the admin', async ({
		page
	}) => {
		await login(page, 'city.reviewer', '/');
		await expect(page.getByRole('link', { name: 'Thẩm định (Thành phố)' })).toBeVisible();
		for (const ward of ['binh-trung', 'an-khanh']) {
			expect(await statusOf(page, `/w/${ward}/facilities`)).toBe(200);
			await expect(page.getByText('Bạn chỉ có quyền xem.')).toBeVisible();
			await expect(addFacility(page)).toHaveCount(0);
		}
		expect(await statusOf(page, '/review/audit')).toBe(200);
		await expect(
			page.getByRole('heading', { name: 'Nhật ký hồ sơ đề xuất', level: 1 })
		).toBeVisible();
		expect(await statusOf(page, '/admin')).toBe(404);
	});

	test('an admin creates a user whose one-time password works, and sees it audited', async ({
		page,
		browser
	}) => {
		await login(page, 'admin', '/admin');
		await expect(page.getByRole('heading', { name: 'Quản trị', level: 1 })).toBeVisible();
		await page.getByRole('link', { name: 'Thêm người dùng' }).first().click();
		const username = uniq('lan').toLowerCase();

		// A ward role without a ward is refused, and what was typed is kept.
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Họ tên hiển thị').fill('Nguyễn Thị Lan');
		await page.getByLabel('Vai trò').selectOption({ label: 'Cán bộ phường (chỉnh sửa)' });
		await page.getByRole('button', { name: 'Thêm người dùng' }).click();
		await expect(page.getByText('Vai trò này cần chọn một phường.')).toBeVisible();
		await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(username);

		await page.getByLabel('Phường', { exact: true }).selectOption({ label: 'Phường Bình Trưng' });
		await page.getByRole('button', { name: 'Thêm người dùng' }).click();
		const secret = page.getByTestId('one-time-password');
		await expect(secret).toBeVisible();
		const password = (await secret.textContent())!.trim();
		expect(password).toHaveLength(16);
		// Shown once: reloading the page does not show it again.
		await page.goto('/admin/users/new');
		await expect(page.getByTestId('one-time-password')).toHaveCount(0);

		// The new user logs in with it (in a separate browser context).
		const other = await browser.newContext();
		const p2 = await other.newPage();
		await p2.goto('/login?next=/w/binh-trung/facilities');
		await p2.getByLabel(/Tên đăng nhập/).fill(username);
		await p2.getByLabel(/Mật khẩu/).fill(password);
		await p2.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(p2.getByRole('link', { name: 'Thêm cơ sở' })).toBeVisible();

		// The admin finds the user, resets the password: the other session ends.
		await page.goto(`/admin/users?q=${username}`);
		await page.getByRole('link', { name: username }).click();
		await page.getByText('Đặt lại mật khẩu', { exact: true }).first().click();
		await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
		await expect(page.getByTestId('one-time-password')).toBeVisible();
		await p2.goto('/w/binh-trung/facilities');
		await expect(p2).toHaveURL(/\/login/);
		await other.close();

		// Both changes are in Bình Trưng's audit trail, filtered by record type.
		await page.goto('/w/binh-trung/audit?entity=user');
		const rows = page.getByRole('row').filter({ hasText: 'admin' });
		await expect(rows.filter({ hasText: 'Tạo mới' }).filter({ hasText: username })).toHaveCount(1);
		// The audit log speaks Vietnamese: the field and the record kind in words, not keys.
		await expect(rows.filter({ hasText: 'Đặt lại mật khẩu' })).not.toHaveCount(0);
		await expect(rows.filter({ hasText: 'passwordReset' })).toHaveCount(0);
		await expect(rows.filter({ hasText: 'Người dùng' })).not.toHaveCount(0);
	});

	test('an admin issues a read-only ward token that the API accepts once shown', async ({
		page,
		request
	}) => {
		await login(page, 'admin', '/admin/tokens');
		await page.getByLabel('Tên / mục đích').fill('GIS Bình Trưng');
		await page.getByLabel('Phạm vi').selectOption({ label: 'Phường Bình Trưng' });
		await page.getByRole('button', { name: 'Cấp mã' }).click();
		const token = (await page.getByTestId('one-time-token').textContent())!.trim();
		expect(token).toMatch(/^truso_/);
		const headers = { authorization: `Bearer ${token}` };
		expect((await request.get('/api/v1/wards/binh-trung/facilities', { headers })).status()).toBe(
			200
		);
		expect((await request.get('/api/v1/wards/an-khanh/facilities', { headers })).status()).toBe(
			404
		);
		await page.goto('/admin/tokens');
		await page.getByRole('button', { name: 'Thu hồi GIS Bình Trưng' }).first().click();
		await expect(page.getByText('Đã thu hồi mã.')).toBeVisible();
		expect((await request.get('/api/v1/wards/binh-trung/facilities', { headers })).status()).toBe(
			401
		);
	});
});
