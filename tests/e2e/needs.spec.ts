import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

const UNIT = 'Phòng Kinh tế - Hạ tầng và Đô thị';

test.describe('space needs against the norms', () => {
	test('an editor sees the shortfall, adds a position, compares norm sets and exports the staffing gaps', async ({
		page
	}) => {
		test.slow(); // a long flow over four pages and a download
		await login(page, 'binhtrung.editor', '/w/binh-trung/needs');
		await expect(
			page.getByRole('heading', { name: 'Nhu cầu diện tích theo định mức', level: 1 })
		).toBeVisible();

		// Sample, Decree 155/2025: occupied 1,022 m² of 1,921 m² entitled = 53.2 % < 70 %.
		await expect(page.getByTestId('ratio')).toHaveText('53,2% định mức');
		await expect(page.getByText('Dưới ngưỡng 70%: thiếu diện tích làm việc.')).toBeVisible();
		await expect(page.getByText('Có cơ sở đề xuất đầu tư trụ sở mới:')).toBeVisible();
		// 1,921 + 0.7 × 1,921 + 398 = 3,663.7 m².
		await expect(page.getByTestId('total-usable')).toHaveText('3.663,7');
		const unitsTable = page.getByRole('region', { name: 'Nhu cầu theo đơn vị' });
		await expect(unitsTable.getByRole('row', { name: new RegExp(UNIT) })).toContainText('-166');
		const chart = page.locator('figure', {
			hasText: 'Diện tích theo định mức và đang sử dụng theo đơn vị'
		});
		// The table of the chart's numbers is rendered when its disclosure opens, and before printing.
		await expect(chart.locator('table')).toHaveCount(0);
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('324');
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.locator('table')).toHaveCount(0);
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('324');

		// Add a position of 2 land specialists (2 × 15 m²) to the unit.
		await page.getByRole('link', { name: 'Tổ chức bộ máy và biên chế' }).click();
		await expect(
			page.getByRole('heading', { name: 'Tổ chức bộ máy và biên chế', level: 1 })
		).toBeVisible();
		const unit = page.getByRole('region', { name: UNIT });
		const add = unit.locator('details', {
			has: page.locator('summary', { hasText: 'Thêm vị trí' })
		});
		await add.locator('summary').click();
		await add.getByLabel('Chức danh / vị trí').fill('Chuyên viên đất đai (bổ sung)');
		await add.getByLabel('Nhóm định mức').selectOption('specialist');
		await add.getByLabel('Lĩnh vực').fill('land');
		await add.getByLabel('Được giao').fill('-1');
		await add.getByLabel('Hiện có').fill('0');
		await add.getByLabel('Kế hoạch năm sau').fill('2');
		await add.getByRole('button', { name: 'Thêm vị trí' }).click();
		await expect(page.getByText('Phải lớn hơn hoặc bằng 0.')).toBeVisible();
		await expect(add.getByLabel('Chức danh / vị trí')).toHaveValue('Chuyên viên đất đai (bổ sung)');
		await add.getByLabel('Được giao').fill('2');
		await add.getByRole('button', { name: 'Thêm vị trí' }).click();
		await expect(unit.getByRole('cell', { name: 'Chuyên viên đất đai (bổ sung)' })).toBeVisible();

		// The totals and the chart data follow: 1,951 × 1.7 + 398 = 3,714.7; the unit 324 + 30 = 354.
		await page.getByRole('link', { name: '← Nhu cầu theo định mức' }).click();
		await expect(page.getByTestId('total-usable')).toHaveText('3.714,7');
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('354');

		// Decree 152/2017 for comparison: 1,201 m² entitled, 1,201 × 1.7 + 398 = 2,439.7; 85.1 %.
		await page.getByLabel('Chọn bộ định mức').selectOption({
			label: 'Nghị định 152/2017/NĐ-CP (đã thay thế) — phiên bản 1'
		});
		await page.getByRole('button', { name: 'Áp dụng' }).click();
		await expect(page).toHaveURL(/\?norm=\d+/);
		await expect(page.getByTestId('norm-name')).toHaveText(
			'Nghị định 152/2017/NĐ-CP (đã thay thế)'
		);
		await expect(page.getByTestId('total-usable')).toHaveText('2.439,7');
		await expect(page.getByTestId('ratio')).toHaveText('85,1% định mức');
		await expect(page.getByText('Đạt từ 70% định mức trở lên.')).toBeVisible();

		// Staffing gaps by field, exported as CSV: land is now 14 approved, 7 filled, 7 vacant.
		const staffing = page.getByRole('region', { name: 'Biên chế thiếu theo lĩnh vực' });
		await expect(staffing.getByRole('row', { name: /Đất đai/ })).toContainText('14');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			staffing.getByRole('link', { name: 'Xuất CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('binh-trung-staffing-gaps.csv');
		const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
		const lines = text.trim().split(/\r\n/);
		expect(lines[0]).toBe(
			'field,field_label,approved,filled,vacant,surplus,planned_next_year,positions'
		);
		expect(lines[1]).toBe('land,Đất đai,14,7,7,0,14,3');
		expect(lines.at(-1)).toBe('total,Tổng cộng,121,91,30,0,121,47');
	});

	test('a viewer reads the needs but cannot change them', async ({ page }) => {
		await login(page, 'binhtrung.viewer', '/w/binh-trung/needs');
		await expect(page.getByTestId('total-usable')).toBeVisible();
		await expect(page.getByText('Thêm phòng chuyên dùng')).toHaveCount(0);
		const res = await page.request.get('/api/v1/wards/binh-trung/needs');
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect(body.normSet.key).toBe('nd-155-2025');
		expect(body.result.workAreaM2).toBeGreaterThan(0);
		const gaps = await page.request.get('/api/v1/wards/binh-trung/staffing-gaps');
		expect((await gaps.json()).totals.approved).toBeGreaterThan(0);
	});

	test('an admin edits a norm set: a new version becomes current, the old one is still cited', async ({
		page
	}) => {
		await login(page, 'admin', '/admin/norms');
		await expect(
			page.getByRole('heading', { name: 'Bộ định mức diện tích', level: 1 })
		).toBeVisible();
		await page.getByRole('link', { name: 'Nghị định 155/2025/NĐ-CP', exact: true }).click();
		await page.getByText('Sửa (tạo phiên bản mới)').click();
		await page.getByLabel('m²/người (specialist)').fill('16,5');
		await page.getByLabel('Lý do thay đổi').fill('Thử nghiệm');
		await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
		await expect(page.getByText('Đã tạo phiên bản 2; phiên bản trước vẫn được lưu.')).toBeVisible();
		await expect(page.getByRole('cell', { name: '16,5' })).toBeVisible();
		const oldHref = await page.getByRole('link', { name: 'Phiên bản 1' }).getAttribute('href');
		const oldId = /\/admin\/norms\/(\d+)/.exec(oldHref!)![1];

		await page.goto('/w/binh-trung/needs');
		await expect(page.getByTestId('norm-version')).toHaveText('phiên bản 2');
		await page.goto(`/w/binh-trung/needs?norm=${oldId}`);
		await expect(page.getByTestId('norm-version')).toHaveText('phiên bản 1');
		await expect(page.getByText('phiên bản cũ', { exact: true })).toBeVisible();
		const api = await page.request.get(`/api/v1/wards/binh-trung/needs?norm=${oldId}`);
		const body = await api.json();
		expect(body.normSet).toMatchObject({ version: 1, isCurrent: false });
		expect(
			body.normSet.items.find((i: { titleKey: string }) => i.titleKey === 'specialist').m2PerPerson
		).toBe(15);
	});
});
