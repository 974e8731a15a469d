import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import JSZip from 'jszip';
import { WARD, login, uniq } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function as(page: Page, username: string, next: string) {
	await page.context().clearCookies();
	await login(page, username, next);
}

/** A POST of a form action as the browser would send it (same origin). */
async function postAction(page: Page, url: string, form: Record<string, string> = {}) {
	const origin = new URL(page.url()).origin;
	return page.request.post(url, { form, headers: { origin }, maxRedirects: 0 });
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.describe('proposal packet and the city review', () => {
	const title = uniq('Đề xuất trụ sở');
	let proposalUrl = '';
	let reviewUrl = '';
	/** The sample proposal (versions 1 and 2, a changed narrative sentence). */
	let sampleReviewUrl = '';

	test('the ward editor assembles the proposal, downloads the packet and submits it', async ({
		page
	}) => {
		await as(page, 'binhtrung.editor', '/w/binh-trung/proposals');
		await expect(
			page.getByRole('heading', { name: 'Đề xuất gửi Thành phố', level: 1 })
		).toBeVisible();
		// The sample proposal is listed, under review: one live proposal per ward, so a new one
		// is refused with a message and nothing is created.
		await expect(page.getByRole('cell', { name: 'Đang xem xét' }).first()).toBeVisible();
		const before = await page.locator('tbody tr').count();
		await page.getByLabel('Tên đề xuất').fill(title);
		await page.getByRole('button', { name: 'Lập đề xuất' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Phường đang có hồ sơ chờ Thành phố xem xét'
		);
		await page.goto('/w/binh-trung/proposals');
		await expect(page.locator('tbody tr')).toHaveCount(before);

		// The city returns the sample proposal; the ward's new proposal then replaces it.
		const sample = (await (
			await page.request.get('/api/v1/wards/binh-trung/proposals')
		).json()) as {
			proposals: { id: number; status: string }[];
		};
		const live = sample.proposals.find((p) => p.status === 'in-review' || p.status === 'submitted');
		if (live) {
			sampleReviewUrl = `/review/proposals/${live.id}`;
			await as(page, 'city.reviewer', `/review/proposals/${live.id}`);
			await page.getByLabel('Trả lại để bổ sung').check();
			await page.getByLabel('Ghi chú quyết định').fill('Trả lại để phường lập hồ sơ mới.');
			await page.getByRole('button', { name: 'Ghi quyết định' }).click();
			await expect(page.locator('.badge', { hasText: 'Trả lại' })).toBeVisible();
			await as(page, 'binhtrung.editor', '/w/binh-trung/proposals');
		}
		await expect(page.getByText(/Lập hồ sơ mới sẽ thay thế hồ sơ/)).toBeVisible();
		await page.getByLabel('Tên đề xuất').fill(title);
		await page.getByRole('button', { name: 'Lập đề xuất' }).click();
		await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
		proposalUrl = new URL(page.url()).pathname;
		const id = proposalUrl.split('/').pop();
		reviewUrl = `/review/proposals/${id}`;
		await expect(
			page.getByRole('heading', { name: /^Sự cần thiết đầu tư/, level: 2 })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: /tổng mức đầu tư$/, level: 2 }).first()
		).toBeVisible();

		// Download the packet and check the manifest's hashes.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Bộ hồ sơ (ZIP)' }).click()
		]);
		const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
		const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
			files: { name: string; sha256: string }[];
		};
		expect(manifest.files.map((f) => f.name)).toEqual(
			expect.arrayContaining([
				'to-trinh.docx',
				'bao-cao.docx',
				'ho-so.pdf',
				'phu-luc.xlsx',
				'dia-diem.geojson'
			])
		);
		for (const f of manifest.files) {
			expect(sha(await zip.file(f.name)!.async('uint8array'))).toBe(f.sha256);
		}

		// Submitting needs the confirmation. Without it (no JavaScript, a bare POST) the server
		// sends the user to the confirm page and nothing is submitted.
		// (A request that is not a browser's gets the action's answer as JSON: a redirect.)
		const bare = await postAction(page, `${proposalUrl}?/submit`);
		expect(await bare.text()).toContain('/submit?unconfirmed=1');
		await page.goto(`${proposalUrl}/submit`);
		await expect(page.getByRole('heading', { name: 'Xác nhận gửi Thành phố' })).toBeVisible();
		await expect(page.getByText(/Bản chụp số liệu/)).toBeVisible();
		await expect(page.getByRole('checkbox', { name: /không sửa được/ })).toHaveAttribute(
			'required',
			''
		);
		await page.goto(proposalUrl);
		await expect(page.locator('.badge', { hasText: 'Dự thảo' })).toBeVisible();

		// With JavaScript the button opens a dialog naming what becomes immutable; cancel closes it.
		await page.getByRole('button', { name: 'Gửi Thành phố' }).click();
		const dialog = page.getByRole('dialog', { name: 'Xác nhận gửi Thành phố' });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('phiên bản 1 được khóa');
		await expect(dialog).toContainText('Bản chụp số liệu');
		await expect(dialog).toContainText('Các văn bản');
		await expect(dialog).toContainText('Các số liệu đã gửi không thay đổi');
		await dialog.getByRole('button', { name: 'Hủy' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.locator('.badge', { hasText: 'Dự thảo' })).toBeVisible();
		// A double click on the confirmation sends one submission (disabled while the packet is made).
		await page.getByRole('button', { name: 'Gửi Thành phố' }).click();
		await dialog.getByRole('button', { name: 'Xác nhận và gửi' }).dblclick();
		await expect(page.locator('.badge', { hasText: 'Đã gửi' })).toBeVisible({ timeout: 30_000 });
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Các phiên bản đã gửi' })).toBeVisible();
		await expect(page.locator('code').filter({ hasText: /^[0-9a-f]{64}$/ })).toHaveCount(1);
		// A submitted version cannot be edited.
		await expect(page.getByRole('button', { name: 'Lưu dự thảo' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Gửi Thành phố' })).toHaveCount(0);
	});

	test('the city reviewer comments on a section and returns it', async ({ page }) => {
		await as(page, 'city.reviewer', '/review');
		await expect(
			page.getByRole('heading', { name: 'Hồ sơ đề xuất của các phường', level: 1 })
		).toBeVisible();
		await page.getByRole('link', { name: title }).click();
		await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
		await page.getByRole('button', { name: 'Nhận xem xét' }).click();
		await expect(page.locator('.badge', { hasText: 'Đang xem xét' })).toBeVisible();

		await page.getByLabel('Mục', { exact: true }).selectOption('facilities');
		await page
			.getByRole('textbox', { name: 'Ý kiến', exact: true })
			.fill('Bổ sung diện tích phòng của nhà làm việc.');
		await page.getByRole('button', { name: 'Thêm ý kiến' }).click();
		await expect(page.getByText('Bổ sung diện tích phòng của nhà làm việc.')).toBeVisible();
		// A second thread, answered and resolved by the reviewer: it is then collapsed.
		await page.getByLabel('Mục', { exact: true }).selectOption('estimate');
		await page
			.getByRole('textbox', { name: 'Ý kiến', exact: true })
			.fill('Ghi rõ năm của suất vốn.');
		await page.getByRole('button', { name: 'Thêm ý kiến' }).click();
		const threads = page.getByRole('region', { name: 'Ý kiến thẩm định' });
		const second = threads.locator('details').filter({ hasText: 'Ghi rõ năm của suất vốn.' });
		await second.getByLabel('Nội dung trả lời').fill('Thành phố sẽ gửi bảng suất vốn.');
		await second.getByRole('button', { name: 'Gửi trả lời' }).click();
		await expect(second.getByText('Thành phố sẽ gửi bảng suất vốn.')).toBeVisible();
		await second.getByRole('button', { name: 'Đánh dấu đã giải quyết' }).click();
		await expect(second.locator('summary')).toContainText('Đã giải quyết');
		await expect(second).not.toHaveAttribute('open', '');
		await expect(second.getByText(/Đã giải quyết bởi Chuyên viên Sở Xây dựng/)).toBeAttached();
		// The review page has the sites map of the submitted version; its layer is fetched once
		// the page shows (./map.json), the sites then listed for screen readers.
		const sitesMap = page.getByRole('region', { name: 'Bản đồ các phương án địa điểm' }).first();
		await expect(sitesMap).toBeVisible();
		await expect(
			sitesMap.getByRole('listitem').filter({ hasText: 'địa điểm đề xuất' })
		).toHaveCount(1);

		await page.getByLabel('Trả lại để bổ sung').check();
		await page.getByLabel('Ghi chú quyết định').fill('Đề nghị cập nhật số liệu hiện trạng.');
		await page.getByRole('button', { name: 'Ghi quyết định' }).click();
		await expect(page.locator('.badge', { hasText: 'Trả lại' })).toBeVisible();
	});

	test('the editor changes a room area, sees the recompute warning and resubmits', async ({
		page
	}) => {
		await as(page, 'binhtrung.editor', proposalUrl);
		await expect(page.getByText('Bổ sung diện tích phòng của nhà làm việc.')).toBeVisible();
		// The ward sees the threads and replies to the open one (the resolved one is collapsed).
		const threads = page.getByRole('region', { name: 'Ý kiến thẩm định' });
		const open = threads.locator('details').filter({ hasText: 'Bổ sung diện tích phòng' });
		await open.getByLabel('Nội dung trả lời').fill('Phường đã bổ sung diện tích phòng.');
		await open.getByRole('button', { name: 'Gửi trả lời' }).click();
		await expect(open.getByText('Phường đã bổ sung diện tích phòng.')).toBeVisible();
		await expect(threads.locator('details').filter({ hasText: 'Ghi rõ năm' })).not.toHaveAttribute(
			'open',
			''
		);
		await expect(page.getByText('Đề nghị cập nhật số liệu hiện trạng.')).toBeVisible();
		// The decision list names the outcome, the version and who decided.
		const decided = page.getByRole('region', { name: 'Quyết định' });
		await expect(decided.getByRole('listitem')).toHaveCount(1);
		await expect(decided.getByRole('listitem')).toContainText(
			/^Trả lại \(Phiên bản 1, .+, Chuyên viên Sở Xây dựng\): Đề nghị cập nhật số liệu hiện trạng\.$/
		);

		// Change a room area at its source (the inventory).
		const list = (await (await page.request.get('/api/v1/wards/binh-trung/facilities')).json()) as {
			facilities: {
				id: number;
				buildings: { id: number; rooms: { id: number; areaM2: number }[] }[];
			}[];
		};
		const fac = list.facilities.find((f) => f.buildings.some((x) => x.rooms.length > 0))!;
		const b = fac.buildings.find((x) => x.rooms.length > 0)!;
		const room = b.rooms[0];
		await page.goto(`/w/binh-trung/facilities/${fac.id}/buildings/${b.id}/rooms/${room.id}`);
		await page.getByLabel('Diện tích (m²)').fill(String(room.areaM2 + 25).replace('.', ','));
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();
		await expect(page).not.toHaveURL(/rooms\/\d+$/);

		await page.goto(proposalUrl);
		const warning = page.getByRole('status').filter({ hasText: 'Số liệu nguồn đã thay đổi' });
		await expect(warning).toBeVisible();
		await expect(warning.getByText(/Tổng diện tích phòng/)).toBeVisible();
		await page.getByRole('button', { name: 'Cập nhật số liệu' }).click();
		await expect(page.getByText('Số liệu nguồn đã thay đổi')).toHaveCount(0);
		await page.getByRole('button', { name: 'Gửi lại Thành phố' }).click();
		const dialog = page.getByRole('dialog', { name: 'Xác nhận gửi Thành phố' });
		await expect(dialog).toContainText('phiên bản 2 được khóa');
		await dialog.getByRole('button', { name: 'Xác nhận và gửi' }).click();
		await expect(page.locator('.badge', { hasText: 'Đã gửi' })).toBeVisible({ timeout: 30_000 });
		await expect(page.locator('code').filter({ hasText: /^[0-9a-f]{64}$/ })).toHaveCount(2);
		// The versions table: a row per version, numbered, with its checksum and files.
		const versions = page.getByRole('table', { name: 'Các phiên bản đã gửi' });
		await expect(versions.getByRole('row')).toHaveCount(3);
		const second = versions.getByRole('row').nth(2);
		await expect(second.getByRole('cell').first()).toHaveText('2');
		await expect(second.getByRole('link', { name: 'PDF' })).toHaveAttribute(
			'href',
			/\/api\/v1\/proposals\/\d+\/versions\/2\/packet\.pdf$/
		);
	});

	test('the reviewer sees the difference and approves', async ({ page }) => {
		await as(page, 'city.reviewer', reviewUrl);
		const diff = page.getByRole('region', { name: 'Thay đổi so với phiên bản trước' });
		await expect(diff).toBeVisible();
		await expect(diff.getByRole('cell', { name: 'Tổng diện tích phòng' })).toBeVisible();
		await expect(diff).not.toContainText('narrative');
		await expect(diff).not.toContainText(/\bsite\b/);
		await page.getByLabel('Phê duyệt', { exact: true }).check();
		await page.getByLabel('Ghi chú quyết định').fill('Đồng ý chủ trương đầu tư.');
		await page.getByRole('button', { name: 'Ghi quyết định' }).click();
		await expect(page.locator('.badge', { hasText: 'Đã phê duyệt' })).toBeVisible();

		// The version files are at stable URLs.
		const id = reviewUrl.split('/').pop();
		const pdf = await page.request.get(`/api/v1/proposals/${id}/versions/2/packet.pdf`);
		expect(pdf.status()).toBe(200);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
		const snap = await page.request.get(`/api/v1/proposals/${id}/versions/1`);
		expect(((await snap.json()) as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);

		// The sample's version 2 changed a sentence of the necessity narrative: word by word.
		if (sampleReviewUrl) {
			await page.goto(sampleReviewUrl);
			const sampleDiff = page.getByRole('region', { name: 'Thay đổi so với phiên bản trước' });
			await expect(sampleDiff).toContainText('Thuyết minh: nội dung sửa đổi');
			await expect(sampleDiff.locator('del').filter({ hasText: 'nhiều' }).first()).toBeVisible();
			await expect(
				sampleDiff.locator('ins').filter({ hasText: 'cách nhau đến 3 km.' }).first()
			).toBeVisible();
		}

		// The portfolio shows the ward with its proposal.
		await page.goto('/review/portfolio');
		await expect(
			page.getByRole('heading', { name: 'Tổng hợp đề xuất các phường', level: 1 })
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Phường Bình Trưng' })).toBeVisible();
	});

	test('long section tables show their first rows, all of them on demand and in print', async ({
		page
	}) => {
		await as(page, 'binhtrung.viewer', proposalUrl);
		// Bình Trưng has 11 units: the units table of the necessity section shows the first 5.
		const necessity = page.getByRole('region', { name: /^Sự cần thiết đầu tư/ });
		const shown = necessity.getByText(/^Đang hiện 5\/\d+ dòng\./);
		await expect(shown).toHaveCount(1);
		const total = Number(/5\/(\d+)/.exec((await shown.textContent()) ?? '')![1]);
		await necessity.getByText(/Nhu cầu diện tích làm việc theo đơn vị/).click();
		await necessity.getByRole('link', { name: 'Hiện tất cả' }).click();
		await expect(page).toHaveURL(/[?&]all=necessity/);
		const units = page
			.getByRole('region', { name: /^Sự cần thiết đầu tư/ })
			.locator('details')
			.filter({ hasText: 'Nhu cầu diện tích làm việc theo đơn vị' });
		await expect(units).toHaveAttribute('open', '');
		await expect(units.locator('tbody tr')).toHaveCount(total);
		await expect(units.getByText(/Đang hiện/)).toHaveCount(0);
		// The full print version opens every table with every row.
		await page.goto(proposalUrl);
		await page.getByRole('link', { name: 'Bản in đầy đủ' }).click();
		await expect(page).toHaveURL(/print=1/);
		await expect(page.getByText(/Đang hiện \d+\/\d+ dòng/)).toHaveCount(0);
		await expect(page.locator('section.card details:not([open])')).toHaveCount(0);
		await expect(page.locator('section.card details[open]').first()).toBeVisible();
		// The review page has the same links.
		await as(page, 'city.reviewer', reviewUrl);
		await expect(page.getByRole('link', { name: 'Bản in đầy đủ' })).toBeVisible();
		// (In a closed table; after the earlier tests the page may show two versions of it.)
		await expect(page.getByText(/Đang hiện 5\/\d+ dòng\./).first()).toBeAttached();
	});

	test('the packet is sent once with the page, kept by hydration and loaded on navigation', async ({
		page
	}) => {
		await as(page, 'binhtrung.viewer', `${WARD}/proposals`);
		const raw = await (await page.request.get(proposalUrl)).text();
		// The page's data script does not repeat the packet's markup (server-html.ts).
		const data = /<script[^>]*>\s*\{\s*__sveltekit_[\s\S]*?<\/script>/.exec(raw)?.[0] ?? '';
		expect(data).toContain('proposal:');
		expect(data).not.toContain('sec-necessity');
		const sections = raw.match(/<section class="card" aria-labelledby="sec-/g)?.length ?? 0;
		expect(sections).toBeGreaterThan(5);
		// A full load: after hydration every section the server rendered is still there.
		await page.goto(proposalUrl);
		await page.waitForLoadState('networkidle');
		const necessity = page.getByRole('region', { name: /^Sự cần thiết đầu tư/ });
		await expect(necessity.getByText(/^Đang hiện 5\/\d+ dòng\./)).toHaveCount(1);
		await expect(page.locator('.packet section.card')).toHaveCount(sections);
		// A navigation inside the app loads the page's data as JSON, markup included.
		await page.goto(`${WARD}/proposals`);
		await page.waitForLoadState('networkidle');
		const json = page.waitForResponse((r) => r.url().includes('__data.json'));
		await page.locator(`a[href$="${proposalUrl}"]`).first().click();
		await json;
		await expect(page).toHaveURL(new RegExp(`${proposalUrl}$`));
		await expect(page.locator('.packet section.card')).toHaveCount(sections);
		await expect(necessity.getByText(/^Đang hiện 5\/\d+ dòng\./)).toHaveCount(1);
	});

	test('a viewer and another ward’s editor can do none of it', async ({ page }) => {
		const id = reviewUrl.split('/').pop();
		await as(page, 'binhtrung.viewer', proposalUrl);
		await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
		await expect(
			page.getByRole('button', { name: /Gửi|Cập nhật số liệu|Lưu dự thảo/ })
		).toHaveCount(0);
		expect((await postAction(page, `${proposalUrl}?/submit`)).status()).toBe(403);
		expect(
			(await postAction(page, '/w/binh-trung/proposals?/create', { title: 'x' })).status()
		).toBe(403);
		expect((await page.request.get(reviewUrl)).status()).toBe(404);
		expect(
			(await postAction(page, `${reviewUrl}?/decide`, { outcome: 'approved', note: 'x' })).status()
		).toBe(404);

		await as(page, 'ankhanh.editor', '/w/an-khanh/proposals');
		expect((await page.request.get(proposalUrl)).status()).toBe(404);
		expect((await postAction(page, `${proposalUrl}?/submit`)).status()).toBe(404);
		expect((await page.request.get(`/api/v1/proposals/${id}/versions/1`)).status()).toBe(404);
		expect((await page.request.get(`/api/v1/proposals/${id}/versions/1/packet.zip`)).status()).toBe(
			404
		);
		expect(
			(
				await postAction(page, `${reviewUrl}?/comment`, { section: 'necessity', body: 'x' })
			).status()
		).toBe(404);
	});
});
