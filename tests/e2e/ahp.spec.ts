import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const WEIGHTS = '/w/binh-trung/sites/weights';
const PAIR = 'Diện tích khu đất so với Tình trạng pháp lý đất';

/** Deletes one participant's judgements from the weights page (asks first). */
async function removeParticipant(page: Page, name: string) {
	// The judgements table's row (the invitations table lists the name too, without a delete).
	const rows = () =>
		page
			.getByRole('row', { name: new RegExp(name) })
			.filter({ has: page.locator('summary', { hasText: 'Xóa đánh giá' }) });
	const row = rows().first();
	await row.locator('summary', { hasText: 'Xóa đánh giá' }).click();
	await row.getByRole('button', { name: 'Xóa đánh giá' }).click();
	await expect(rows()).toHaveCount(0);
}

test.describe('group AHP as a session', () => {
	test('an invited person and a leader answer their own comparisons; the group is their geometric mean', async ({
		page,
		browser
	}) => {
		// The editor invites someone without an account: a one-time link, shown once.
		await login(page, 'binhtrung.editor', WEIGHTS);
		await page.getByLabel('Tên và chức vụ người được mời').fill('Bà Lê Thị B — Chủ tịch UBMTTQ');
		await page.getByRole('button', { name: 'Tạo đường dẫn' }).click();
		const link = (await page.locator('code.link').textContent())!.trim();
		expect(link).toMatch(/\/ahp\/[A-Za-z0-9_-]{40,}$/);
		await expect(page.getByRole('row', { name: /Bà Lê Thị B.*Đang chờ trả lời/ })).toBeVisible();

		// The invited person answers without signing in: 2 on the pair, with the verbal choice.
		const guest = await browser.newContext();
		const guestPage = await guest.newPage();
		await guestPage.goto(new URL(link).pathname);
		await expect(guestPage.getByText(/Kính gửi Bà Lê Thị B — Chủ tịch UBMTTQ/)).toBeVisible();
		await guestPage.getByLabel(PAIR, { exact: true }).selectOption('2');
		await guestPage.getByRole('button', { name: 'Gửi đánh giá' }).click();
		await expect(guestPage.getByText(/Đã nhận đánh giá của ông\/bà/)).toBeVisible();
		// The link works once.
		await guestPage.goto(new URL(link).pathname);
		await expect(guestPage.getByText('Đường dẫn này đã được dùng để gửi đánh giá.')).toBeVisible();
		await guest.close();

		// A leader with a viewer account answers for themself: 8 on the pair, with the slider.
		const leader = await browser.newContext();
		const leaderPage = await leader.newPage();
		await login(leaderPage, 'binhtrung.viewer', WEIGHTS);
		await leaderPage.getByRole('link', { name: 'Nhập đánh giá của tôi' }).click();
		await expect(
			leaderPage.getByRole('heading', { name: 'Đánh giá của tôi', level: 1 })
		).toBeVisible();
		// A new participant starts from "equal" on every pair.
		await expect(leaderPage.getByLabel(PAIR, { exact: true })).toHaveValue('1');
		const slider = leaderPage.getByRole('slider', { name: `Thanh trượt: ${PAIR}` });
		await slider.focus();
		for (let k = 0; k < 7; k++) await slider.press('ArrowRight');
		await expect(leaderPage.getByLabel(PAIR, { exact: true })).toHaveValue('8');
		await leaderPage.getByRole('button', { name: 'Lưu đánh giá' }).click();
		await expect(leaderPage.getByText(/Đã lưu đánh giá của .*CR = /)).toBeVisible();
		await leader.close();

		// The editor sees both, and the pair they disagree on most: 2 and 8, group value
		// sqrt(2 · 8) = 4, six steps apart on the Saaty scale.
		await page.goto(WEIGHTS);
		await expect(page.getByRole('row', { name: /Bà Lê Thị B.*Đã trả lời/ })).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Các cặp nhóm còn khác ý nhiều nhất' })
		).toBeVisible();
		const worst = page.getByRole('table', { name: 'Các cặp nhóm còn khác ý nhiều nhất' });
		await expect(worst.getByRole('row').nth(1)).toContainText(PAIR);
		await expect(worst.getByRole('row').nth(1).getByRole('cell')).toHaveText([
			PAIR,
			'2',
			'8',
			'4,00',
			'6'
		]);

		// The editor types a paper form in: a new name starts from "equal", not from anyone's
		// answers; an existing person's name loads theirs.
		await page.getByLabel('Người đánh giá', { exact: true }).fill('Ông Trần Văn C');
		await expect(page.getByText('Người mới: các cặp bắt đầu từ mức “ngang nhau”.')).toBeVisible();
		await expect(page.getByLabel(PAIR, { exact: true })).toHaveValue('1');

		// Leave the ward as the other tests expect it: no judgements, the default weights.
		await removeParticipant(page, 'Bà Lê Thị B');
		await page.goto(WEIGHTS);
		const others = page
			.getByRole('row')
			.filter({ has: page.locator('summary', { hasText: 'Xóa đánh giá' }) });
		while ((await others.count()) > 0) {
			const name = (await others.first().getByRole('cell').first().textContent())!.trim();
			await removeParticipant(page, name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		}
		const useDefault = page.getByRole('button', { name: 'Dùng trọng số mặc định' });
		if (await useDefault.count()) await useDefault.click();
		await expect(page.getByRole('heading', { name: /Đang dùng: Trọng số mặc định/ })).toBeVisible();
	});
});
