/**
 * On a phone (390 px, issue 18): no page scrolls sideways, and every wide table and the stack
 * plan scroll inside their own box (an ancestor with overflow-x auto or scroll that fits the
 * screen). Covers every page with a wide table, for the ward's editor and the city's reviewer;
 * a screenshot of each page is saved under test-results.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { firstHref, login, WARD, WIDE_WARD_PAGES } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

/**
 * What overflows on the page: the document itself, or a table / the stack plan whose width
 * passes the screen without a scrolling box of its own.
 */
async function overflows(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const vw = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > vw) {
			// Name the widest elements that pass the screen (those with no wider child).
			const culprits = Array.from(document.querySelectorAll<HTMLElement>('body *'))
				.filter((e) => e.getBoundingClientRect().right > vw + 1)
				.filter(
					(e) => !Array.from(e.children).some((c) => c.getBoundingClientRect().right > vw + 1)
				)
				.slice(0, 3)
				.map(
					(e) =>
						`${e.tagName.toLowerCase()}.${String(e.className).split(' ').join('.')} «${(e.textContent ?? '').trim().slice(0, 40)}»`
				);
			out.push(
				`page ${document.documentElement.scrollWidth} px > ${vw} px: ${culprits.join('; ')}`
			);
		}
		const boxes = Array.from(document.querySelectorAll<HTMLElement>('main table, main .stack'));
		for (const el of boxes) {
			if (el.getClientRects().length === 0) continue; // hidden (closed details)
			const wide = el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().width > vw;
			if (!wide) continue;
			// The nearest ancestor (or itself) that scrolls sideways, and fits the screen.
			let box: HTMLElement | null = el;
			while (box && box !== document.body) {
				const o = getComputedStyle(box).overflowX;
				if (o === 'auto' || o === 'scroll') break;
				box = box.parentElement;
			}
			const name = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`;
			if (!box || box === document.body) out.push(`${name}: no scrolling box`);
			else if (box.getBoundingClientRect().right > vw + 1) {
				out.push(`${name}: its box ends at ${Math.round(box.getBoundingClientRect().right)} px`);
			}
		}
		return out;
	});
}

async function check(page: Page, info: TestInfo, paths: string[]): Promise<string[]> {
	const found: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		for (const o of await overflows(page)) found.push(`${path}: ${o}`);
		await page.screenshot({
			path: info.outputPath(`phone-390-${path.replace(/[^a-z0-9]+/gi, '-')}.png`),
			fullPage: false
		});
	}
	return found;
}

test('the ward’s pages: wide tables and the stack plan scroll in their own box', async ({
	page
}, info) => {
	test.setTimeout(180_000);
	await login(page, 'binhtrung.editor', `${WARD}/facilities`);
	const paths = [...WIDE_WARD_PAGES, `${WARD}/sites/criteria`, `${WARD}/facilities/io`];
	await page.goto(`${WARD}/facilities`);
	const facility = await firstHref(page, /\/facilities\/\d+$/);
	expect(facility).not.toBe('');
	await page.goto(facility);
	const building = await firstHref(page, /\/buildings\/\d+$/);
	await page.goto(`${WARD}/plans`);
	const plan = await firstHref(page, /\/plans\/\d+$/);
	expect(plan).not.toBe('');
	await page.goto(`${WARD}/proposals`);
	const proposal = await firstHref(page, /\/proposals\/\d+$/);
	await page.goto(`${WARD}/sites/results`);
	const run = await firstHref(page, /\/runs\/\d+$/);
	paths.push(facility, plan, ...[building, proposal, run].filter(Boolean));

	// The stack plan is on the plan page and wider than a phone when a floor has many rooms.
	await page.goto(plan);
	await expect(page.locator('.stack').first()).toBeVisible();

	expect(await check(page, info, paths)).toEqual([]);
});

test('the city’s pages: review queue, proposal, portfolio, staffing', async ({ page }, info) => {
	test.setTimeout(120_000);
	await login(page, 'city.reviewer', '/review');
	const reviewed = await firstHref(page, /\/review\/proposals\/\d+$/);
	const paths = ['/review', '/review/portfolio', '/review/staffing', '/review/audit'];
	if (reviewed) paths.push(reviewed);
	expect(await check(page, info, paths)).toEqual([]);
});
