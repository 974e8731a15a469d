import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'truso-demo';

/** Logs in through the login form, as a person would. */
export async function login(page: Page, username: string, next = '/'): Promise<void> {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	// Typed before the page hydrated, a value can be reset by hydration: wait, then check.
	await page.waitForLoadState('networkidle');
	const name = page.getByLabel(/Tên đăng nhập|Username/);
	await name.fill(username);
	await expect(name).toHaveValue(username);
	await page.getByLabel(/Mật khẩu|Password/).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** A unique suffix so tests can run again on the same database. */
export function uniq(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** A small valid PNG (1×1 red pixel) for photo uploads. */
export const PNG_1PX = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

/** The sample ward every e2e spec works in. */
export const WARD = '/w/binh-trung';

/** The ward pages with the widest tables, visited by the phone checks (phone, walkthrough). */
export const WIDE_WARD_PAGES = [
	'facilities',
	'needs',
	'needs/organisation',
	'plans',
	'sites',
	'sites/results',
	'sites/weights',
	'proposals',
	'audit'
].map((p) => `${WARD}/${p}`);

/** The href of the first link in `main` that matches `pattern`, as written ('' when none). */
export async function firstHref(page: Page, pattern: RegExp): Promise<string> {
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.find((h) => pattern.test(h)) ?? '';
}
