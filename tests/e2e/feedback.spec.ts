/**
 * Feedback comes after the event it describes (issue 18): an upload states its limit as a hint
 * and calls a file too large only once such a file is chosen; a "saved" notice is shown after
 * the save and not again on reload; slow actions (packet downloads, solving a plan) show a busy
 * state with text, a disabled control and a live region, and end on what they computed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { firstHref, login, WARD } from './helpers';

test.describe('messages after their event', () => {
	test('the positions import states its limit, and refuses a too-large file once chosen', async ({
		page
	}) => {
		await login(page, 'binhtrung.editor', `${WARD}/needs/organisation`);
		const form = page.locator('form[action="?/importPositions"]');
		await expect(form.getByText('Tối đa 20 MB.')).toBeVisible();
		await expect(page.getByText(/quá lớn/)).toHaveCount(0);
		await expect(form.getByRole('alert')).toHaveCount(0);

		// 20 MB + 1 byte: one byte over the limit.
		const input = page.locator('#import-file');
		await input.setInputFiles({
			name: 'positions.csv',
			mimeType: 'text/csv',
			buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)
		});
		await expect(form.getByRole('alert')).toHaveText(
			'Tệp “positions.csv” quá lớn (20 MB; tối đa 20 MB). Hãy chọn tệp khác.'
		);
		expect(await input.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
		// A file within the limit clears the message.
		await input.setInputFiles({
			name: 'positions.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('ma_don_vi\n')
		});
		await expect(form.getByRole('alert')).toHaveCount(0);
		expect(await input.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
	});

	test('the other upload forms state their limits before any file is chosen', async ({ page }) => {
		await login(page, 'binhtrung.editor', `${WARD}/facilities/io`);
		await expect(page.getByText(/Tối đa 20 MB\./)).toBeVisible();
		await expect(page.getByText(/quá lớn/)).toHaveCount(0);
		await page.goto(`${WARD}/sites/import`);
		await expect(page.getByText('Tối đa 20 MB.')).toBeVisible();
		await expect(page.getByText(/quá lớn/)).toHaveCount(0);
		await page.goto(`${WARD}/sites`);
		const site = await firstHref(page, /\/sites\/\d+$/);
		await page.goto(site);
		await expect(page.getByText('Tối đa 10 MB mỗi tệp.').first()).toBeVisible();
		await expect(page.getByText(/quá lớn/)).toHaveCount(0);
	});

	test('"saved" shows after the save and not again on reload', async ({ page }) => {
		await login(page, 'binhtrung.editor', `${WARD}/facilities`);
		await page.getByRole('link', { name: /Nguyên trụ sở UBND phường An Phú/ }).click();
		await page.waitForLoadState('networkidle');
		await expect(page.getByText('Đã lưu.')).toHaveCount(0);
		const edit = page.locator('details').filter({ hasText: 'Sửa thông tin cơ sở' });
		await edit.getByText('Sửa thông tin cơ sở', { exact: true }).click();
		await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
		await expect(page.getByText('Đã lưu.')).toBeVisible();
		// The flag has left the address: a reload does not claim a new save.
		await expect(page).not.toHaveURL(/saved/);
		await page.reload();
		await page.waitForLoadState('networkidle');
		await expect(page.getByText('Đã lưu.')).toHaveCount(0);
	});
});

/** The editor on the ward's first proposal, loaded. */
async function openFirstProposal(page: Page): Promise<void> {
	await login(page, 'binhtrung.editor', `${WARD}/proposals`);
	await page.goto(await firstHref(page, /\/proposals\/\d+$/));
	await page.waitForLoadState('networkidle');
}

/** A packet download link and its box (which holds the status line). */
function packetDownload(page: Page, name: string): { link: Locator; box: Locator } {
	const link = page.getByRole('link', { name });
	return { link, box: page.locator('.download').filter({ has: link }) };
}

test.describe('progress on slow actions', () => {
	test('a packet download shows a busy state, then the file it made', async ({ page }) => {
		await openFirstProposal(page);
		const { link, box } = packetDownload(page, 'Văn bản (PDF)');
		const downloaded = page.waitForEvent('download');
		await link.click();
		// While the server renders (about 2 s for the sample), the link is disabled and says so.
		await expect(link).toHaveAttribute('aria-disabled', 'true');
		await expect(box.getByRole('status')).toContainText('Đang tạo Văn bản (PDF)…');
		const download = await downloaded;
		expect(download.suggestedFilename()).toMatch(/\.pdf$/);
		await expect(box.getByRole('status')).toContainText(/Đã tải xong .*\.pdf/);
		await expect(link).not.toHaveAttribute('aria-disabled', 'true');
	});

	test('a download the server queues shows the queue’s message, then the file', async ({
		page
	}) => {
		await openFirstProposal(page);
		// The server's job queue answers "busy" once (as src/lib/server/export/respond.ts does),
		// then hands the file over.
		let asked = 0;
		await page.route('**/packet.docx', async (route) => {
			asked++;
			if (asked === 1) {
				await route.fulfill({
					status: 503,
					headers: { 'retry-after': '1', 'content-type': 'text/html; charset=utf-8' },
					body: '<!doctype html><title>x</title><p role="status">Máy chủ đang bận, vị trí 2 trong hàng đợi.</p><p><a href="">Tải lại</a></p>'
				});
			} else await route.continue();
		});
		const { link, box } = packetDownload(page, 'Văn bản (DOCX)');
		const downloaded = page.waitForEvent('download');
		await link.click();
		await expect(box.getByRole('status')).toContainText(
			'Máy chủ đang bận, vị trí 2 trong hàng đợi.'
		);
		await expect(link).toHaveAttribute('aria-disabled', 'true');
		expect((await downloaded).suggestedFilename()).toMatch(/\.docx$/);
		await expect(box.getByRole('status')).toContainText(/Đã tải xong/);
		expect(asked).toBe(2);
	});

	test('solving a plan again shows a busy state until the plan is shown', async ({ page }) => {
		await login(page, 'binhtrung.editor', `${WARD}/plans`);
		// A scenario of its own: the sample's default scenario stays unsolved for plans.spec.
		await page.getByLabel('Tên phương án').fill('Phương án thử trạng thái bận');
		await page.getByRole('button', { name: 'Tạo phương án' }).click();
		await page.waitForURL(/\/plans\/\d+/);
		await page.waitForLoadState('networkidle');
		const form = page.locator('form[action="?/solve"]');
		await form.getByLabel('Thời gian giải tối đa (giây)').fill('3');
		const button = form.getByRole('button', { name: 'Giải' });
		await button.click();
		await expect(button).toBeDisabled();
		await expect(form.getByTestId('run-progress')).toContainText(/Đang giải… \d+ giây/);
		// It ends on the result: the busy state goes, the plan's status is shown.
		await expect(form.getByTestId('run-progress')).toHaveText('', { timeout: 60_000 });
		await expect(page.locator('.status').first()).not.toHaveText('Chưa giải');
	});
});
