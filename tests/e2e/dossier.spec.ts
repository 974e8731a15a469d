/**
 * The dossier's data inputs (issue 15): the admin catalogue of legal references and the
 * investment-rate table (edits make versions), and the dossier form of a ward's draft with its
 * rules (a site other than the top-ranked one needs a justification) and computed estimate.
 */
import { expect, test } from '@playwright/test';
import { login } from './helpers';

test.describe('dossier inputs', () => {
	test('the admin sees the căn cứ catalogue and edits a rate band into version 2', async ({
		page
	}) => {
		await login(page, 'admin', '/admin/legal-refs');
		await expect(
			page.getByRole('heading', { name: 'Danh mục văn bản làm căn cứ', level: 1 })
		).toBeVisible();
		await expect(
			page.getByRole('link', {
				name: 'Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024'
			})
		).toBeVisible();
		await expect(page.locator('tbody tr')).toHaveCount(5);

		await page.goto('/admin/investment-rates');
		await page.getByRole('link', { name: '11 – 15' }).click();
		await page.getByText('Sửa (tạo phiên bản mới)').click();
		await page.getByLabel(/Suất vốn \(đồng\/m² sàn\)/).fill('13.900.000');
		await page.getByRole('textbox', { name: 'Năm', exact: true }).fill('2025');
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();
		await expect(page.getByText('Đã lưu phiên bản 2.')).toBeVisible();
		await expect(page.getByRole('cell', { name: '13.900.000' })).toBeVisible();
		await expect(page.getByRole('cell', { name: '13.500.000' })).toBeVisible();
	});

	test('a ward editor fills the dossier: a second-ranked site needs a justification', async ({
		page
	}) => {
		await login(page, 'ankhanh.editor', '/w/an-khanh/proposals');
		await page
			.getByRole('link', { name: 'Đề xuất chủ trương đầu tư xây dựng trụ sở phường An Khánh' })
			.click();
		const dossier = page.locator('#dossier');
		await expect(dossier.getByRole('heading', { name: 'Số liệu hồ sơ đề xuất' })).toBeVisible();
		await dossier.locator('summary').click();

		const site = dossier.locator('select[name="recommendedSiteCode"]');
		const second = await site.locator('option', { hasText: 'xếp hạng 2' }).getAttribute('value');
		await site.selectOption(second!);
		await dossier.getByLabel('Địa chỉ địa điểm').fill('Đường số 1, phường An Khánh');
		await dossier.getByLabel('Tổng diện tích sàn xây dựng (m²)').fill('2.000');
		await dossier.getByLabel('Số tầng').fill('7');
		await dossier.getByLabel('Chi phí bồi thường, giải phóng mặt bằng (đồng)').fill('0');
		await dossier.getByLabel('Dự phòng (%)').fill('10');
		// 2 000 × 12 100 000 = 24 200 000 000; + 10 % = 26 620 000 000
		await dossier.getByLabel('Năm 1', { exact: true }).fill('2027');
		await dossier.getByLabel('Số vốn (đồng) 1', { exact: true }).fill('26.620.000.000');
		await dossier.getByRole('button', { name: 'Lưu số liệu hồ sơ' }).click();

		await expect(page.getByText(/cần nêu lý do lựa chọn bằng văn bản/)).toBeVisible();
		// What was typed is kept.
		await expect(page.getByLabel('Tổng diện tích sàn xây dựng (m²)')).toHaveValue('2.000');

		await page
			.getByLabel('Lý do chọn địa điểm không xếp hạng nhất')
			.fill('Đất sạch do phường quản lý, triển khai được ngay.');
		await page.getByRole('button', { name: 'Lưu số liệu hồ sơ' }).click();
		await expect(page.getByText('Đã lưu số liệu hồ sơ.')).toBeVisible();
		await expect(dossier.getByRole('cell', { name: '26.620.000.000' })).toBeVisible();
		await expect(dossier.getByText('Hai mươi sáu tỷ, sáu trăm hai mươi triệu đồng')).toBeVisible();
	});
});
