import { expect, test } from '@playwright/test';
import { login, uniq } from './helpers';

test.describe('siting a new headquarters', () => {
	test('an editor draws a site, enters AHP judgements, fixes an inconsistent pair and reads the sensitivity', async ({
		page
	}) => {
		await login(page, 'binhtrung.editor', '/w/binh-trung/sites');
		await expect(
			page.getByRole('heading', { name: 'Địa điểm trụ sở mới', level: 1 })
		).toBeVisible();
		await expect(page.getByRole('link', { name: /Khu đất công gần ga Rạch Chiếc/ })).toBeVisible();

		// Add a site by drawing it on the map.
		const code = uniq('KD');
		await page.getByRole('link', { name: 'Thêm khu đất' }).click();
		await expect(page.getByRole('heading', { name: 'Thêm khu đất', level: 1 })).toBeVisible();
		await page.getByRole('textbox', { name: 'Mã', exact: true }).fill(code);
		await page.getByLabel('Tên khu đất').fill('Khu đất vẽ trên bản đồ');
		const map = page.getByRole('region', { name: 'Bản đồ vẽ khu đất' });
		await expect(map.locator('.leaflet-pane').first()).toBeAttached();
		await page.waitForLoadState('networkidle');
		await map.scrollIntoViewIfNeeded();
		const box = (await map.boundingBox())!;
		const cx = box.x + box.width / 2;
		const cy = box.y + box.height / 2;
		for (const [dx, dy] of [
			[-60, -40],
			[60, -40],
			[60, 40]
		]) {
			await page.mouse.click(cx + dx, cy + dy);
			await page.waitForTimeout(400);
		}
		await page.mouse.dblclick(cx - 60, cy + 40);
		await expect(page.getByText(/Đã vẽ khu đất 4 đỉnh/)).toBeVisible();
		await page.getByRole('button', { name: 'Lưu' }).click();
		await expect(
			page.getByRole('heading', { name: `${code} — Khu đất vẽ trên bản đồ`, level: 1 })
		).toBeVisible();
		await expect(page.getByText('Đa giác', { exact: false }).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Giá trị tính từ vị trí' })).toBeVisible();

		// AHP judgements with one inconsistent pair: a CR warning and a suggested value.
		await page.goto('/w/binh-trung/sites/weights');
		await expect(page.getByRole('heading', { name: 'Trọng số tiêu chí', level: 1 })).toBeVisible();
		await expect(page.getByText(/giả định của sản phẩm/).first()).toBeVisible();
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Người đánh giá', { exact: true }).fill('Chủ tịch UBND phường');
		await page
			.getByLabel('Diện tích khu đất so với Tình trạng pháp lý đất', { exact: true })
			.selectOption('5');
		await page
			.getByLabel('Tình trạng pháp lý đất so với Số hộ phải di dời', { exact: true })
			.selectOption('5');
		await page
			.getByLabel('Diện tích khu đất so với Số hộ phải di dời', { exact: true })
			.selectOption('1/9');
		await expect(page.getByText(/Cảnh báo: CR = 0,168 > 0,10/)).toBeVisible();
		await expect(
			page.getByText(
				/Cặp kém nhất quán nhất: Diện tích khu đất so với Số hộ phải di dời — đang chọn 1\/9; giá trị nhất quán gợi ý: 1\./
			)
		).toBeVisible();
		await page.getByRole('button', { name: 'Dùng giá trị gợi ý' }).click();
		await expect(
			page.getByLabel('Diện tích khu đất so với Số hộ phải di dời', { exact: true })
		).toHaveValue('1');
		await expect(page.getByText('CR ≤ 0,10: mức nhất quán chấp nhận được.')).toBeVisible();
		await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
		await expect(
			page.getByText(/Đã lưu đánh giá của Chủ tịch UBND phường\. CR = 0,057/)
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: /Đang dùng: Trọng số AHP của nhóm/ })
		).toBeVisible();

		// Run the scoring: ranking by three methods, sensitivity with a first-place change.
		await page
			.getByRole('link', { name: /Kết quả chấm điểm/ })
			.first()
			.click();
		await expect(page.getByRole('heading', { name: 'Kết quả chấm điểm', level: 1 })).toBeVisible();
		await expect(page.getByRole('heading', { name: /Xếp hạng — Tổng có trọng số/ })).toBeVisible();
		// The map layer arrives after the page: every site, the eligible ones scored 0-1 with a rank.
		const layer = await (await page.request.get('/w/binh-trung/sites/results/map')).json();
		const scored = layer.sites.filter((s: { score: number | null }) => s.score !== null);
		expect(layer.sites.length).toBeGreaterThanOrEqual(scored.length);
		expect(scored.length).toBeGreaterThan(1);
		expect(scored.find((s: { rank: number }) => s.rank === 1).score).toBe(1);
		expect(Math.min(...scored.map((s: { score: number }) => s.score))).toBe(0);
		// One circle marker per site (dark outline), drawn once the layer has loaded.
		await expect(page.locator('.map path[stroke="#111827"]')).toHaveCount(layer.sites.length);
		await expect(
			page.getByText(/Trọng số AHP của nhóm \(trung bình nhân\) \(Chủ tịch UBND phường\)/)
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: /Độ nhạy: thay đổi từng trọng số/ })
		).toBeVisible();
		// The results page names the weights that can change the first place; the sensitivity page
		// says which way the weight must move, and who then takes first place from whom.
		await expect(page.getByText(/trọng số có thể làm đổi khu đất hạng nhất: /)).toBeVisible();
		await page.getByRole('link', { name: /Xem phân tích độ nhạy/ }).click();
		await expect(
			page.getByRole('heading', { name: /Độ nhạy: thay đổi từng trọng số/, level: 1 })
		).toBeVisible();
		await expect(
			page
				.getByText(
					/nếu trọng số (giảm xuống dưới|tăng lên trên) \d+(,\d)? ?%: \S+ lên hạng nhất thay \S+/
				)
				.first()
		).toBeVisible();
		await page
			.getByRole('link', { name: /Kết quả chấm điểm/ })
			.first()
			.click();
		await page.getByLabel('Tên lần chấm').fill('Lần chấm thử nghiệm');
		await page.getByRole('button', { name: 'Lưu lần chấm điểm' }).click();
		await expect(
			page.getByRole('heading', { name: 'Lần chấm điểm: Lần chấm thử nghiệm', level: 1 })
		).toBeVisible();
		await expect(page.getByText('Đã lưu lần chấm điểm.')).toBeVisible();

		// The run is readable through the API; another ward's id is a JSON 404.
		const id = page.url().match(/runs\/(\d+)/)![1];
		const api = await page.request.get(`/api/v1/wards/binh-trung/scoring-runs/${id}`);
		expect(api.status()).toBe(200);
		const body = await api.json();
		expect(body.result.smaa.samples).toBe(10000);
		expect(body.result.weights.source).toBe('ahp');
		// A short run shows every row (long runs show the first rows and "show all", see
		// src/lib/server/sites/scoring-run-view.spec.ts); the page links to the full JSON.
		await expect(page.getByRole('link', { name: /Xem tất cả|Xem bản đầy đủ/ })).toHaveCount(0);
		await expect(
			page.getByRole('link', { name: 'Toàn bộ dữ liệu của lần chấm (JSON)' })
		).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Dữ liệu đầu vào' }).getByRole('row')
		).toHaveCount(body.result.sites.length + 1);
		await expect(
			page.getByRole('table', { name: 'Tổng có trọng số' }).getByRole('row')
		).toHaveCount(body.result.results['weighted-sum'].length + 1);
		const other = await page.request.get(`/api/v1/wards/an-khanh/scoring-runs/${id}`);
		expect(other.status()).toBe(404);
		const geo = await page.request.get('/api/v1/wards/binh-trung/sites');
		const fc = await geo.json();
		expect(fc.type).toBe('FeatureCollection');
		const drawn = fc.features.find(
			(f: { properties: { code: string } }) => f.properties.code === code
		);
		expect(drawn.geometry.type).toBe('Polygon');
		expect(drawn.properties.landAreaM2).toBeGreaterThan(1000);
	});
});
