import { expect, test } from '@playwright/test';
import { login, PNG_1PX, uniq } from './helpers';

test.describe('facility inventory', () => {
	test('a ward officer sees the map and table, adds a facility, a building, rooms and a survey with a photo', async ({
		page
	}) => {
		await login(page, 'binhtrung.editor', '/w/binh-trung/facilities');
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();
		await expect(page.getByText('Dữ liệu mẫu').first()).toBeVisible();
		// The map draws vector layers without tiles (TILE_URL=none): facility markers are paths.
		const map = page.getByRole('region', { name: 'Bản đồ cơ sở' });
		await expect(map.locator('.leaflet-container, .leaflet-pane').first()).toBeAttached();
		await expect(map.locator('path.leaflet-interactive').first()).toBeAttached();
		const table = page.getByRole('table').first();
		await expect(
			table.getByRole('link', { name: /Nguyên trụ sở UBND phường An Phú/ })
		).toBeVisible();

		// Add a facility; a wrong latitude is refused and what was typed is kept.
		const code = uniq('CS');
		await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
		await page.getByRole('textbox', { name: 'Mã', exact: true }).fill(code);
		await page.getByLabel('Tên cơ sở').fill('Cơ sở thử nghiệm');
		await page.getByLabel('Vĩ độ').fill('123');
		await page.getByLabel('Kinh độ').fill('106,765');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByText('Phải nhỏ hơn hoặc bằng 90.')).toBeVisible();
		await expect(page.getByLabel('Tên cơ sở')).toHaveValue('Cơ sở thử nghiệm');
		await page.getByLabel('Vĩ độ').fill('10,785');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('heading', { name: 'Cơ sở thử nghiệm', level: 1 })).toBeVisible();

		// Add a building.
		await page.getByText('Thêm nhà', { exact: true }).first().click();
		await page.getByLabel('Mã nhà').fill('A');
		await page.getByLabel('Tên nhà').fill('Nhà làm việc A');
		await page.getByLabel('Số tầng').fill('3');
		await page.getByRole('button', { name: 'Thêm nhà' }).click();
		await expect(page.getByRole('heading', { name: 'A — Nhà làm việc A', level: 1 })).toBeVisible();

		const addRoom = async (roomCode: string, level: string, area: string) => {
			await page.getByText('Thêm phòng', { exact: true }).first().click();
			await page.getByLabel('Mã phòng').fill(roomCode);
			await page.getByLabel('Tên phòng').fill(`Phòng ${roomCode}`);
			await page.getByRole('textbox', { name: 'Tầng', exact: true }).fill(level);
			await page.getByLabel('Diện tích (m²)').fill(area);
			await page.getByRole('button', { name: 'Thêm phòng' }).click();
		};
		// Add two rooms (the form opens when the building has no room yet).
		for (const [roomCode, level, area] of [
			['1.01', '1', '24,5'],
			['2.01', '2', '30']
		]) {
			await addRoom(roomCode, level, area);
			await expect(page.getByRole('cell', { name: roomCode, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('cell', { name: '24,5' })).toBeVisible();

		// "1.000" is one thousand, as Vietnamese users (and the app itself) write it.
		await addRoom('3.01', '3', '1.000');
		const big = page.getByRole('row').filter({ hasText: 'Phòng 3.01' });
		// Areas are written with one decimal (the one decimals policy).
		await expect(big.getByRole('cell', { name: '1.000,0', exact: true })).toBeVisible();
		const stored = await (
			await page.request.get('/w/binh-trung/facilities/export/rooms.csv')
		).text();
		expect(stored).toContain(`${code},A,3.01,Phòng 3.01,3,office,1000,`);

		// A room on level 9 of this 3-storey building is refused with the reason; nothing stored.
		await addRoom('9.01', '9', '20');
		await expect(
			page.getByText('Tầng 9 nằm ngoài số tầng của nhà: nhà có 3 tầng nổi (tầng 1 đến tầng 3).')
		).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Tầng', exact: true })).toHaveValue('9');
		// Letters in a number field are "not a number", not "required".
		await page.getByRole('textbox', { name: 'Tầng', exact: true }).fill('1');
		await page.getByLabel('Diện tích (m²)').fill('abc');
		await page.getByRole('button', { name: 'Thêm phòng' }).click();
		await expect(page.getByText('“abc” không phải là số.')).toBeVisible();
		await expect(page.getByRole('cell', { name: '9.01', exact: true })).toHaveCount(0);

		// Record a survey with a photo.
		// No grade is preselected: the level is derived from the load-bearing ratings.
		await page.getByLabel('Người khảo sát').fill('Kỹ sư Trần');
		await expect(page.getByLabel('Điều chỉnh cấp nguy hiểm')).toHaveValue('');
		await expect(page.getByText(/bộ phận chịu lực kém nhất quyết định/).first()).toBeVisible();
		await page.getByLabel('Nền móng').selectOption('4');
		await page.getByLabel('Kết cấu chịu lực chính').selectOption('3');
		await page.getByLabel('Mái').selectOption('2');
		// The form shows the derived level as the ratings are picked.
		await expect(
			page.locator('form.survey-form').getByText('Theo Kết cấu chịu lực chính = 3 → cấp B')
		).toBeVisible();
		await page
			.getByLabel('Ảnh hiện trường')
			.setInputFiles({ name: 'mai.png', mimeType: 'image/png', buffer: PNG_1PX });
		await page.getByRole('button', { name: 'Ghi nhận khảo sát' }).click();
		await expect(page.getByText('Kỹ sư Trần')).toBeVisible();
		const survey = page.locator('article.survey').first();
		await expect(survey.getByText('B — Nguy hiểm cục bộ cấu kiện')).toBeVisible();
		await expect(survey.getByText('Theo Kết cấu chịu lực chính = 3 → cấp B')).toBeVisible();
		await expect(survey).not.toContainText('Chỉ số');
		const thumb = page.getByRole('img', { name: /Ảnh hiện trường/ });
		await expect(thumb).toBeVisible();
		const src = await thumb.getAttribute('src');
		const photo = await page.request.get(src!);
		expect(photo.status()).toBe(200);
		expect(photo.headers()['content-type']).toBe('image/jpeg');
	});

	test('a survey photo that is not an image is refused and nothing is saved', async ({ page }) => {
		await login(page, 'binhtrung.editor', '/w/binh-trung/facilities');
		await page.getByRole('link', { name: /Nguyên trụ sở Đảng ủy phường Bình Trưng Đông/ }).click();
		await page.getByRole('link', { name: /A — Nhà làm việc Đảng ủy/ }).click();
		await expect(page.getByRole('heading', { name: 'Khảo sát hiện trạng' })).toBeVisible();
		const surveysBefore = await page.locator('article.survey').count();
		await page.getByText('Ghi nhận khảo sát', { exact: true }).first().click();
		await page.getByLabel('Người khảo sát').fill('Người thử');
		await page.getByLabel('Kết cấu chịu lực chính').selectOption('3');
		await page.getByLabel('Ảnh hiện trường').setInputFiles({
			name: 'x.png',
			mimeType: 'image/png',
			buffer: Buffer.from('<svg onload=alert(1)>')
		});
		await page.getByRole('button', { name: 'Ghi nhận khảo sát' }).click();
		await expect(page.getByText('Tệp ảnh bị hỏng hoặc không đọc được.')).toBeVisible();
		await expect(page.getByLabel('Người khảo sát')).toHaveValue('Người thử');
		await expect(page.locator('article.survey')).toHaveCount(surveysBefore);
	});

	test('a CSV import with one bad row shows the error and imports nothing', async ({ page }) => {
		await login(page, 'binhtrung.editor', '/w/binh-trung/facilities/io');
		const csv = [
			'facility_code,building_code,room_code,room_name,level,room_type,area_m2,unit_code,occupants,notes',
			'TS-01,A,9.01,Phòng nhập 1,3,office,20,,0,',
			'TS-01,A,9.02,Phòng nhập 2,3,office,abc,,0,',
			'TS-01,A,9.03,Phòng nhập 3,3,office,18,,0,'
		].join('\n');
		await page
			.getByLabel('Tệp CSV hoặc XLSX')
			.setInputFiles({ name: 'rooms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: 'Xem trước' }).click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'Có 1 lỗi; chưa có dữ liệu nào được nhập.' })
		).toBeVisible();
		const errorRow = page.getByRole('row').filter({ hasText: 'area_m2' });
		await expect(errorRow.getByRole('cell').first()).toHaveText('3');
		const exported = await page.request.get('/w/binh-trung/facilities/export/rooms.csv');
		expect(await exported.text()).not.toContain('Phòng nhập 1');

		// Fixed, it previews then imports.
		await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({
			name: 'rooms.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv.replace(',abc,', ',22,'))
		});
		await page.getByRole('button', { name: 'Xem trước' }).click();
		await expect(page.getByRole('heading', { name: 'Xem trước: 3 dòng hợp lệ' })).toBeVisible();
		await page.getByRole('button', { name: 'Nhập 3 dòng' }).click();
		await expect(page.getByText('Đã nhập 3 bản ghi mới và cập nhật 0 bản ghi.')).toBeVisible();
	});

	test('the interface switches to English and back', async ({ page }) => {
		await login(page, 'binhtrung.viewer', '/w/binh-trung/facilities');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { name: 'Facilities', level: 1 })).toBeVisible();
		await expect(page.getByText('Sample data').first()).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.getByRole('heading', { name: 'Cơ sở vật chất', level: 1 })).toBeVisible();
	});
});
