import { expect, test } from '@playwright/test';
import { login, uniq } from './helpers';

/**
 * Two editors in two browsers edit the same room. A renames it; B, on the form loaded before,
 * changes the number of people and saves: B sees the conflict panel (field by field, B's value
 * and the saved one, who saved it) with what B typed still in the form; B takes A's name for
 * that field, keeps the number of people and saves: both changes are kept.
 */
test('a stale save shows the conflict panel and nothing is lost', async ({ browser }) => {
	const ctxA = await browser.newContext();
	const ctxB = await browser.newContext();
	const a = await ctxA.newPage();
	const b = await ctxB.newPage();
	await login(a, 'binhtrung.editor', '/w/binh-trung/facilities');
	await login(b, 'binhtrung.editor', '/w/binh-trung/facilities');

	await a.getByRole('link', { name: /Nguyên trụ sở Đảng ủy phường Bình Trưng Đông/ }).click();
	await a.getByRole('link', { name: /A — Nhà làm việc Đảng ủy/ }).click();
	const roomHref = await a.locator('a[href*="/rooms/"]').first().getAttribute('href');
	expect(roomHref).toBeTruthy();

	await a.goto(roomHref!);
	await b.goto(roomHref!);
	await a.waitForLoadState('networkidle');
	await b.waitForLoadState('networkidle');
	const oldName = await b.getByLabel('Tên phòng').inputValue();
	const oldPeople = Number(await b.getByLabel('Số người').inputValue());

	// A renames the room and saves.
	const newName = uniq('Phòng họp');
	await a.getByLabel('Tên phòng').fill(newName);
	await a.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(a).not.toHaveURL(/\/rooms\//);

	// B changes the number of people on the stale form and saves.
	await b.getByLabel('Số người').fill(String(oldPeople + 2));
	await b.getByRole('button', { name: 'Lưu', exact: true }).click();
	const panel = b.getByTestId('conflict-panel');
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('Bản ghi đã được người khác sửa');
	await expect(panel).toContainText('Bản đã lưu bởi binhtrung.editor lúc');
	// Field by field, with the form's own labels: B's value and the saved one.
	const nameRow = panel.locator('tr[data-field="name"]');
	await expect(nameRow.getByRole('rowheader')).toHaveText('Tên phòng');
	await expect(nameRow.locator('td.mine')).toHaveText(oldName);
	await expect(nameRow.locator('td.theirs')).toHaveText(newName);
	const peopleRow = panel.locator('tr[data-field="occupants"]');
	await expect(peopleRow.getByRole('rowheader')).toHaveText('Số người');
	await expect(peopleRow.locator('td.mine')).toHaveText(String(oldPeople + 2));
	await expect(peopleRow.locator('td.theirs')).toHaveText(String(oldPeople));
	// Nothing B typed is lost.
	await expect(b.getByLabel('Số người')).toHaveValue(String(oldPeople + 2));
	await expect(b.getByLabel('Tên phòng')).toHaveValue(oldName);

	// B takes A's name for that field and keeps the number of people.
	await nameRow.getByRole('button', { name: 'Dùng giá trị này' }).click();
	await expect(b.getByLabel('Tên phòng')).toHaveValue(newName);
	await panel.getByRole('button', { name: 'Giữ giá trị của tôi và lưu' }).click();
	await expect(b).not.toHaveURL(/\/rooms\//);

	await b.goto(roomHref!);
	await expect(b.getByLabel('Tên phòng')).toHaveValue(newName);
	await expect(b.getByLabel('Số người')).toHaveValue(String(oldPeople + 2));
	await expect(b.getByTestId('conflict-panel')).toHaveCount(0);

	// Again, and this time B takes every saved value: the form shows the stored record.
	await a.goto(roomHref!);
	await b.goto(roomHref!);
	await a.waitForLoadState('networkidle');
	await b.waitForLoadState('networkidle');
	const notesA = uniq('ghi chú của A');
	await a.getByLabel('Ghi chú').fill(notesA);
	await a.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(a).not.toHaveURL(/\/rooms\//);
	await b.getByLabel('Số người').fill(String(oldPeople + 5));
	await b.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(b.getByTestId('conflict-panel')).toBeVisible();
	await b.getByRole('link', { name: 'Lấy toàn bộ giá trị đã lưu' }).click();
	await expect(b.getByLabel('Ghi chú')).toHaveValue(notesA);
	await expect(b.getByLabel('Số người')).toHaveValue(String(oldPeople + 2));
	await expect(b.getByLabel('Tên phòng')).toHaveValue(newName);
	await expect(b.getByRole('status').filter({ hasText: 'Đã điền giá trị đã lưu' })).toBeVisible();

	await ctxA.close();
	await ctxB.close();
});
