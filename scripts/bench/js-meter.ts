/**
 * The bench's JavaScript meter: the JavaScript a browser loads for a page, measured in Debian's
 * Chromium (one browser, a fresh context per page): every script response until the network is
 * idle, gzip-compressed, split into the map (Leaflet) and chart (Chart.js) libraries and the rest.
 *
 * One page's failure is that page's error, never the run's: the meter never throws from
 * `measure`, reads every response body with its rejection handled (a body still pending when
 * the browser went away used to reject unhandled, and Node ended the whole run), and launches a
 * new browser when the previous one is gone (another Chromium on the machine closing took ours
 * down once), retrying that page once in it.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from '../chromium';

export interface JsFigures {
	scripts: number;
	appGzipKb: number;
	leafletGzipKb: number;
	chartJsGzipKb: number;
	totalGzipKb: number;
}

export type JsResult = JsFigures | { error: string };

const kb = (n: number) => Math.round(n / 102.4) / 10;

async function launchChromium(): Promise<Browser> {
	const { chromium } = await import('@playwright/test');
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() });
}

/** Splits script bodies into Leaflet, Chart.js and the app's own code (gzip sizes). */
export function jsFigures(bodies: readonly Buffer[]): JsFigures {
	let app = 0;
	let leaflet = 0;
	let chart = 0;
	for (const body of bodies) {
		const size = gzipSync(body).length;
		const text = body.toString('utf8');
		if (/n\.leaflet=|leaflet-container/.test(text) && text.length > 30_000) leaflet += size;
		else if (/BarController|chartjs-/.test(text) && text.length > 30_000) chart += size;
		else app += size;
	}
	return {
		scripts: bodies.length,
		appGzipKb: kb(app),
		leafletGzipKb: kb(leaflet),
		chartJsGzipKb: kb(chart),
		totalGzipKb: kb(app + leaflet + chart)
	};
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * A meter for the server at `base`; `launch` starts a browser (Chromium by default; the tests
 * pass a fake one). The browser is launched at the first page, not here.
 */
export function jsMeter(base: string, launch: () => Promise<Browser> = launchChromium) {
	let browser: Browser | null = null;

	async function connected(): Promise<Browser> {
		if (browser?.isConnected()) return browser;
		const old = browser;
		browser = null;
		await old?.close().catch(() => {});
		browser = await launch();
		return browser;
	}

	async function once(url: string, cookie: string | null): Promise<JsFigures> {
		const b = await connected();
		const context = await b.newContext();
		try {
			if (cookie) {
				const [name, value] = cookie.split('=');
				await context.addCookies([{ name, value, url: base }]);
			}
			const page = await context.newPage();
			// Each body's rejection is handled at once: if goto fails, nobody awaits them.
			const bodies: Promise<Buffer | Error>[] = [];
			page.on('response', (r) => {
				if (r.request().resourceType() === 'script') {
					bodies.push(r.body().catch((e: unknown) => new Error(message(e))));
				}
			});
			await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
			const read = await Promise.all(bodies);
			const failed = read.filter((x) => x instanceof Error);
			if (failed.length > 0) {
				throw new Error(`${failed.length} script bodies unreadable (${failed[0].message})`);
			}
			return jsFigures(read as Buffer[]);
		} finally {
			await context.close().catch(() => {});
		}
	}

	return {
		/** The page's figures, or `{ error }`: never throws. */
		async measure(url: string, cookie: string | null): Promise<JsResult> {
			try {
				return await once(url, cookie);
			} catch (first) {
				// The browser went away (closed, crashed): once more in a new one.
				if (browser?.isConnected()) return { error: message(first) };
				try {
					return await once(url, cookie);
				} catch (second) {
					return { error: `${message(first)}; again in a new browser: ${message(second)}` };
				}
			}
		},
		async close(): Promise<void> {
			await browser?.close().catch(() => {});
			browser = null;
		}
	};
}

export type JsMeter = ReturnType<typeof jsMeter>;
