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

		// Sample, Decree 155/2025: offices held by the units 758 m² of the titles' 1,836 m² norm
		// (112 posts; ranks and concurrent titles applied) = 41.3 % < 70 %.
		await expect(page.getByTestId('ratio')).toHaveText('41,3% định mức');
		await expect(page.getByTestId('ratio-formula')).toHaveText('758,0 m² ÷ 1.836,0 m² = 41,3 %');
		await expect(page.getByText('Dưới ngưỡng 70%: thiếu diện tích làm việc.')).toBeVisible();
		await expect(page.getByTestId('justified')).toHaveText('Có cơ sở đề xuất đầu tư trụ sở mới:');
		// (a) the main headquarters alone: offices 270 m² of 1,836 = 14.7 %; all sites 41.3 %.
		await expect(page.getByTestId('crit-a-hq')).toHaveText('270,0 m² ÷ 1.836,0 m² = 14,7 %');
		await expect(page.getByTestId('criterion-a')).toContainText('Đạt');
		// (b) CS-BTT-DU / A is level C and in use.
		await expect(page.getByTestId('criterion-b')).toContainText(
			'CS-BTT-DU / A (Nhà làm việc 2 tầng): cấp C, đang sử dụng'
		);
		// (c) 5 sites in use, the farthest pair ≈ 2,534 m apart.
		await expect(page.getByTestId('crit-c-text')).toHaveText(
			'5 cơ sở đang sử dụng; hai cơ sở xa nhau nhất (CS-AP-UB – CS-BTD-UB) cách 2.534 m.'
		);
		// The three lines: common-use 1,110 m² in use against 0.7 × 1,836 = 1,285.2; specialised
		// 482 m² against the ward programme 398.
		await expect(page.getByTestId('line-common')).toContainText('1.285,2');
		await expect(page.getByTestId('line-common')).toContainText('1.110');
		await expect(page.getByTestId('line-specialised')).toContainText('482');
		await expect(page.getByTestId('line-specialised')).toContainText('398');
		// 1,836 + 0.7 × 1,836 + 398 = 3,519.2 m².
		await expect(page.getByTestId('total-usable')).toHaveText('3.519,2');
		// The condition index is not part of the needs (the danger level is, criterion b).
		await expect(page.getByText(/chỉ số tình trạng/i)).toHaveCount(0);
		// P-KTHTDT: offices 158 m² against 331 m² → −173.
		await expect(page.getByTestId('unit-P-KTHTDT')).toContainText('-173');
		const chart = page.locator('figure', {
			hasText: 'Diện tích theo định mức và đang sử dụng theo đơn vị'
		});
		// The table of the chart's numbers is rendered when its disclosure opens, and before printing.
		await expect(chart.locator('table')).toHaveCount(0);
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('331');
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.locator('table')).toHaveCount(0);
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('331');

		// Add a position of 2 land specialists of rank chuyên viên chính (2 × 20 m², not 15).
		await page.getByRole('link', { name: 'Tổ chức bộ máy và biên chế' }).click();
		await expect(
			page.getByRole('heading', { name: 'Tổ chức bộ máy và biên chế', level: 1 })
		).toBeVisible();
		// One unit at a time: the list of units, then the unit chosen with its positions.
		await expect(
			page.getByTestId('units').getByRole('row', { name: new RegExp(UNIT) })
		).toBeVisible();
		await page.getByTestId('units').getByRole('link', { name: UNIT, exact: true }).click();
		const unit = page.getByRole('region', { name: UNIT });
		const add = unit.locator('details', {
			has: page.locator('summary', { hasText: 'Thêm vị trí' })
		});
		await add.locator('summary').click();
		await add.getByLabel('Chức danh / vị trí').fill('Chuyên viên đất đai (bổ sung)');
		await add.getByLabel('Nhóm định mức').selectOption('specialist');
		await add.getByLabel('Ngạch').selectOption('principal-specialist');
		await add.getByLabel('Lĩnh vực').fill('land');
		await add.getByLabel('Được giao').fill('-1');
		await add.getByLabel('Hiện có').fill('0');
		await add.getByLabel('Kế hoạch năm sau').fill('2');
		await add.getByRole('button', { name: 'Thêm vị trí' }).click();
		await expect(page.getByText('Phải lớn hơn hoặc bằng 0.')).toBeVisible();
		await expect(add.getByLabel('Chức danh / vị trí')).toHaveValue('Chuyên viên đất đai (bổ sung)');
		await expect(add.getByLabel('Ngạch')).toHaveValue('principal-specialist');
		await add.getByLabel('Được giao').fill('2');
		await add.getByRole('button', { name: 'Thêm vị trí' }).click();
		const added = unit.getByRole('row', { name: /Chuyên viên đất đai \(bổ sung\)/ });
		await expect(added).toContainText('Chuyên viên chính');

		// The totals and the chart data follow: (1,836 + 40) × 1.7 + 398 = 3,587.2; the unit
		// 331 + 2 × 20 = 371.
		await page.getByRole('link', { name: '← Nhu cầu theo định mức' }).click();
		await expect(page.getByTestId('total-usable')).toHaveText('3.587,2');
		await chart.getByText('Xem dạng bảng').click();
		await expect(chart.getByRole('row', { name: new RegExp(UNIT) })).toContainText('371');

		// Decree 152/2017 for comparison: 1,139 + 2 × 10 = 1,159 m² (ranks at the civil-servant
		// value), 1,159 × 1.7 + 398 = 2,368.3; 758 / 1,159 = 65.4 %.
		await page.getByLabel('Chọn bộ định mức').selectOption({
			label: 'Nghị định 152/2017/NĐ-CP (đã thay thế) — phiên bản 1'
		});
		await page.getByRole('button', { name: 'Áp dụng' }).click();
		await expect(page).toHaveURL(/\?norm=\d+/);
		await expect(page.getByTestId('norm-name')).toHaveText(
			'Nghị định 152/2017/NĐ-CP (đã thay thế)'
		);
		await expect(page.getByTestId('total-usable')).toHaveText('2.368,3');
		await expect(page.getByTestId('ratio')).toHaveText('65,4% định mức');

		// Vacancies under the city's fields, exported as CSV: land now 14 approved, 7 filled,
		// 7 missing; leaders without a field are grouped as leadership (4 missing).
		const staffing = page.getByRole('region', { name: 'Biên chế thiếu theo lĩnh vực' });
		await expect(staffing.getByTestId('vac-land')).toContainText('14');
		await expect(staffing.getByTestId('vac-leadership')).toContainText('Lãnh đạo, quản lý');
		await expect(staffing.getByTestId('vac-total-missing')).toHaveText('29');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			staffing.getByRole('link', { name: 'Xuất CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('binh-trung-staffing-gaps.csv');
		const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
		const lines = text.trim().split(/\r\n/);
		expect(lines[0]).toBe(
			'field_group,field_group_label,unit_code,unit_name,title,title_key,rank,approved,filled,missing'
		);
		expect(lines[1]).toBe(
			'land,Đất đai,P-KTHTDT,Phòng Kinh tế - Hạ tầng và Đô thị,Chuyên viên chính địa chính - đất đai,specialist,Chuyên viên chính,1,1,0'
		);
		// 112 + 2 approved, 85 filled, 27 + 2 missing
		expect(lines.at(-1)).toBe('total,Tổng cộng,,,,,,114,85,29');

		// The list by position (to print and send the city) is its own page, with the same sums.
		await staffing.getByRole('link', { name: 'Danh sách theo từng vị trí' }).click();
		const list = page.getByRole('region', { name: 'Vị trí còn thiếu theo lĩnh vực' });
		await expect(list.getByTestId('vac-land').locator('tr.group')).toContainText('14');
		await expect(
			list
				.getByTestId('vac-land')
				.getByRole('row', { name: /Chuyên viên chính địa chính - đất đai/ })
		).toContainText('Chuyên viên chính');
		await expect(list.getByTestId('vac-total-missing')).toHaveText('29');
		await expect(list.getByRole('button', { name: 'In danh sách' })).toBeVisible();
		await expect(list.getByRole('link', { name: 'Xuất XLSX' })).toHaveAttribute(
			'href',
			'/w/binh-trung/needs/staffing-gaps.xlsx'
		);
	});

	test('a viewer reads the needs but cannot change them', async ({ page }) => {
		await login(page, 'binhtrung.viewer', '/w/binh-trung/needs');
		await expect(page.getByTestId('total-usable')).toBeVisible();
		await expect(page.getByText('Thêm phòng chuyên dùng')).toHaveCount(0);
		const res = await page.request.get('/api/v1/wards/binh-trung/needs');
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect(body.normSet.key).toBe('nd-155-2025');
		// Like for like (these figures do not depend on positions another test adds): offices
		// held 758 m²; common-use rooms on the 5 sites in use 1,110 m² against 0.7 × the working
		// norm; specialised 482 m² against the programme 398 m².
		const lines = body.result.lines;
		expect(lines.working.inUseM2).toBe(758);
		expect(lines.working.allowanceM2).toBe(body.result.workAreaM2);
		expect(lines.common.inUseM2).toBe(1110);
		expect(lines.common.allowanceM2).toBeCloseTo(0.7 * body.result.workAreaM2, 9);
		expect(lines.specialised).toMatchObject({ inUseM2: 482, allowanceM2: 398, gapM2: 84 });
		expect(body.justification.criteria.dispersion).toMatchObject({ siteCount: 5, met: true });
		expect(body.justification.criteria.workingArea.headquarters).toMatchObject({
			code: 'TS-01',
			inUseM2: 270
		});
		// The details page: every site's distance from the headquarters as the API gives it, the
		// C/D buildings, and the computation with the specialised programme of 398 m².
		await page.getByRole('link', { name: 'Chi tiết tính toán và căn cứ' }).click();
		await expect(
			page.getByRole('heading', { name: 'Chi tiết tính toán và căn cứ', level: 1 })
		).toBeVisible();
		const fromHq = body.justification.criteria.dispersion.fromHeadquarters as {
			code: string;
			name: string;
			distanceM: number;
		}[];
		expect(fromHq.length).toBeGreaterThan(0);
		await expect(page.getByTestId('distances').locator('li')).toHaveCount(fromHq.length);
		for (const s of fromHq) {
			const m = new Intl.NumberFormat('vi-VN').format(Math.round(s.distanceM));
			await expect(page.getByTestId('distances')).toContainText(`${s.code} (${s.name}): ${m} m`);
		}
		// The sample's three C/D buildings, one of them in use.
		await expect(page.getByTestId('unsafe-buildings').locator('li')).toHaveCount(3);
		await expect(page.getByTestId('unsafe-buildings')).toContainText(
			'CS-BTT-DU / A (Nhà làm việc 2 tầng): cấp C, đang sử dụng'
		);
		await expect(page.getByRole('table', { name: 'Cách tính (từng bước)' })).toContainText('398');
		const gaps = await page.request.get('/api/v1/wards/binh-trung/staffing-gaps');
		const g = await gaps.json();
		expect(g.totals.approved).toBeGreaterThan(0);
		expect(g.byPosition.groups.map((x: { key: string }) => x.key).slice(0, 6)).toEqual([
			'land',
			'construction',
			'finance',
			'accounting',
			'foreign-affairs',
			'leadership'
		]);
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
