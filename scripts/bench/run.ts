/**
 * `npm run bench`: starts the production build on a temporary database holding the sample
 * wards and a synthetic ward (5,000 rooms, 200 sites), then measures in one run:
 * page throughput and latency against a trivial page in the same layout, the 10,000-row CSV
 * import, the JavaScript shipped on first load, and the engines (MCDA, allocation, …).
 * Results go to bench-results/latest.json and a summary is printed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { buildIfNeeded } from '../build-if-needed.js';
import { measure, type HttpFigures } from './http';

const root = path.resolve(import.meta.dirname, '..', '..');
process.chdir(root);
const durationS = Number(process.env.BENCH_DURATION_S || 10);
const port = Number(process.env.BENCH_PORT || 4390);
const base = `http://127.0.0.1:${port}`;
const SYNTHETIC = 'synthetic';

type Results = Record<string, unknown>;

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
	const start = Date.now();
	while (Date.now() - start < timeoutMs) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`server did not answer ${url}`);
}

async function login(username: string): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password: 'truso-demo' }),
		redirect: 'manual'
	});
	const cookie = r.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`login failed for ${username}: ${r.status}`);
	return cookie;
}

/**
 * The JavaScript a browser loads for a page, measured in Debian's Chromium: every script
 * response until the network is idle, gzip-compressed, split into the map (Leaflet) and chart
 * (Chart.js) libraries and the rest.
 */
async function firstLoadJs(url: string, cookie: string) {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	try {
		const context = await browser.newContext();
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url: base }]);
		const page = await context.newPage();
		const bodies: Promise<Buffer>[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') bodies.push(r.body());
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		let appGzip = 0;
		let leafletGzip = 0;
		let chartGzip = 0;
		for (const body of await Promise.all(bodies)) {
			const size = gzipSync(body).length;
			const text = body.toString('utf8');
			if (/n\.leaflet=|leaflet-container/.test(text) && text.length > 30_000) leafletGzip += size;
			else if (/BarController|chartjs-/.test(text) && text.length > 30_000) chartGzip += size;
			else appGzip += size;
		}
		const kb = (n: number) => Math.round(n / 102.4) / 10;
		return {
			scripts: bodies.length,
			appGzipKb: kb(appGzip),
			leafletGzipKb: kb(leafletGzip),
			chartJsGzipKb: kb(chartGzip),
			totalGzipKb: kb(appGzip + leafletGzip + chartGzip)
		};
	} finally {
		await browser.close();
	}
}

async function optional<T>(name: string, fn: () => Promise<T>): Promise<T | { skipped: string }> {
	try {
		return await fn();
	} catch (e) {
		console.warn(`[bench] ${name} skipped: ${(e as Error).message}`);
		return { skipped: (e as Error).message };
	}
}

async function main() {
	buildIfNeeded();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-bench-'));
	const dbPath = path.join(dir, 'bench.sqlite');
	console.log(
		'[bench] seeding the sample wards and a synthetic ward of 5,000 rooms and 200 sites…'
	);
	const db = openDatabase(dbPath);
	seedSample(db);
	await seedDemoAccounts(db);
	seedSynthetic(db, { code: SYNTHETIC, rooms: 5000, sites: 200 });
	const facilityId = (
		db.$client
			.prepare(
				`select f.id from facilities f join wards w on w.id = f.ward_id where w.code = ? order by f.code limit 1`
			)
			.get(SYNTHETIC) as { id: number }
	).id;
	db.$client.close();

	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: dbPath,
			UPLOAD_DIR: path.join(dir, 'uploads'),
			TILE_URL: 'none'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const results: Results = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.cpus().length,
		durationS
	};
	try {
		await waitFor(`${base}/health`);
		const cookie = await login('admin');
		const ward = `${base}/w/${SYNTHETIC}`;
		const pages: Record<string, string> = {
			trivial: `${ward}/trivial`,
			facilities: `${ward}/facilities`,
			facility: `${ward}/facilities/${facilityId}`
		};
		const http: Record<string, HttpFigures & { ratioToTrivial?: number }> = {};
		for (const [name, url] of Object.entries(pages)) {
			const check = await fetch(url, { headers: { cookie } });
			if (check.status !== 200) throw new Error(`${url} answered ${check.status}`);
			console.log(`[bench] ${name}: ${url}`);
			http[name] = await measure(url, cookie, { durationS });
		}
		const ctx = { baseUrl: base, cookie, wardCode: SYNTHETIC };
		const { benchNeeds } = await import('./needs');
		const { benchSitesPage } = await import('./sites');
		results.needsPage = await optional('needs', () => benchNeeds(ctx));
		results.sitesResultsPage = await optional('sites', () => benchSitesPage(ctx));
		const trivial = http.trivial.requestsPerSec;
		for (const h of Object.values(http))
			h.ratioToTrivial = Math.round((h.requestsPerSec / trivial) * 1000) / 1000;
		results.pages = http;
		results.firstLoadJs = {
			facilities: await firstLoadJs(pages.facilities, cookie),
			trivial: await firstLoadJs(pages.trivial, cookie)
		};
	} finally {
		server.kill('SIGTERM');
	}

	const { benchImport } = await import('./import');
	results.import10k = await optional('import', () => benchImport());
	const { benchMcda } = await import('./mcda');
	results.mcda = await optional('mcda', () => benchMcda());
	const { benchAllocation } = await import('./allocation');
	results.allocation = await optional('allocation', () => benchAllocation());
	const { benchPlans } = await import('./plans');
	results.sampleWardAllocation = await optional('plans', () => benchPlans());
	if (fs.existsSync(path.join(import.meta.dirname, 'packet.ts'))) {
		const { benchPacket } = await import('./packet');
		results.packet = await optional('packet', () => benchPacket());
	}
	fs.mkdirSync('bench-results', { recursive: true });
	fs.writeFileSync('bench-results/latest.json', JSON.stringify(results, null, '\t') + '\n');
	fs.rmSync(dir, { recursive: true, force: true });
	console.log(JSON.stringify(results, null, 2));
	console.log('[bench] written to bench-results/latest.json');
}

await main();
