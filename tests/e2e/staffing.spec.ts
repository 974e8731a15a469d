import { expect, test, type Page } from '@playwright/test';
import { login, uniq } from './helpers';

async function as(page: Page, username: string, next: string) {
	await page.context().clearCookies();
	await login(page, username, next);
}

test.describe.configure({ timeout: 120_000 });

test.describe('the city staffing board', () => {
	test('a reviewer sees the sample ward’s vacancies by field, assigns and ends support; the ward sees it', async ({
		page
	}) => {
		await as(page, 'city.reviewer', '/review/staffing?ward=binh-trung');
		await expect(
			page.getByRole('heading', { name: 'Bảng điều phối hỗ trợ nhân sự', level: 1 })
		).toBeVisible();
		const coverage = page.getByRole('region', { name: 'Theo phường và lĩnh vực' });
		// Land in the sample: (6 − 3) + (6 − 4) = 5 vacant posts (more when another test added
		// land posts), two sample officers, so vacant − 2 uncovered.
		const land = coverage.getByRole('row').filter({ hasText: 'Đất đai' });
		await expect(land.getByRole('cell')).toHaveCount(5);
		const cells = await land.getByRole('cell').allTextContents();
		expect(cells.slice(0, 2)).toEqual(['Phường Bình Trưng', 'Đất đai']);
		const [vacant, assigned, uncovered] = cells.slice(2).map((c) => Number(c.trim()));
		expect(vacant).toBeGreaterThanOrEqual(5);
		expect(assigned).toBe(2);
		expect(uncovered).toBe(vacant - 2);
		await expect(coverage.getByRole('row').filter({ hasText: 'Xây dựng' })).toBeVisible();
		await expect(coverage.getByRole('row').filter({ hasText: 'Kế toán' })).toBeVisible();
		const vacancies = page.getByRole('region', { name: 'Vị trí còn thiếu' });
		await expect(vacancies.getByText('Chuyên viên địa chính - đất đai')).toBeVisible();
		await expect(page.getByRole('cell', { name: 'Nguyễn Văn An', exact: true })).toBeVisible();

		// Filter by field.
		await page.getByRole('combobox', { name: 'Lĩnh vực' }).first().selectOption('construction');
		await page.getByRole('button', { name: 'Lọc' }).click();
		await expect(page).toHaveURL(/field=construction/);
		await expect(coverage.getByRole('row').filter({ hasText: 'Đất đai' })).toHaveCount(0);

		// Assign an IT officer, then end the assignment (both audited).
		const name = uniq('Cán bộ CNTT');
		const form = page.locator('form', {
			has: page.getByRole('heading', { name: 'Cử cán bộ hỗ trợ' })
		});
		await form.getByLabel('Phường').selectOption('binh-trung');
		await form.getByLabel('Cán bộ').fill(name);
		await form.getByLabel('Lĩnh vực').selectOption('it');
		await form
			.getByLabel('Tổ công tác')
			.fill('Tổ công tác chuyển đổi số (Sở Khoa học và Công nghệ)');
		await form.getByRole('button', { name: 'Cử cán bộ hỗ trợ' }).click();
		const row = page.getByRole('row').filter({ hasText: name });
		await expect(row).toContainText('Đang hỗ trợ');
		await row.getByRole('button', { name: /Kết thúc hỗ trợ/ }).click();
		await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Đã kết thúc');

		// CSV export and the JSON API.
		const csv = await page.request.get('/review/staffing/board.csv?ward=binh-trung&field=land');
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text).toContain('Phường,Lĩnh vực,Vị trí');
		expect(text).toContain('Phường Bình Trưng,Đất đai');
		const api = (await (
			await page.request.get('/api/v1/staffing-board?ward=binh-trung')
		).json()) as {
			coverage: { field: string | null; vacant: number; assigned: number; uncovered: number }[];
		};
		const landApi = api.coverage.find((c) => c.field === 'land')!;
		expect(landApi).toMatchObject({ vacant, assigned: 2, uncovered: vacant - 2 });

		// The ward sees who is assigned to it; the city-wide API is not the ward's.
		await as(page, 'binhtrung.viewer', '/w/binh-trung/needs');
		const support = page.getByRole('region', { name: 'Cán bộ Thành phố cử hỗ trợ phường' });
		await expect(support.getByRole('cell', { name: 'Nguyễn Văn An', exact: true })).toBeVisible();
		await expect(
			support.getByText('Tổ công tác hỗ trợ đất đai (Sở Nông nghiệp và Môi trường)').first()
		).toBeVisible();
		expect((await page.request.get('/api/v1/staffing-board')).status()).toBe(404);
		expect((await page.request.get('/review/staffing')).status()).toBe(404);
	});
});
