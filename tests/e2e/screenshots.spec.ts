import { test } from '@playwright/test';
import { login } from './helpers';

/**
 * Screenshots for the README and the in-app guide (/help). They are written only when
 * SCREENSHOTS=1, so a normal test run does not change tracked files.
 */
test.describe('guide screenshots', () => {
	test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh static/help/*.png');

	test('facilities pages', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await login(page, 'binhtrung.editor', '/w/binh-trung/facilities');
		await page.waitForSelector('.leaflet-interactive');
		await page.waitForTimeout(800);
		await page.screenshot({ path: 'static/help/facilities.png', fullPage: true });
		await page.goto('/w/binh-trung/facilities/1/buildings/1');
		await page.screenshot({ path: 'static/help/building.png', fullPage: true });
	});
});
