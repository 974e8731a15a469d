/**
 * `npm run audit:lighthouse`: Lighthouse 12 (performance, accessibility, best practices) on the
 * main pages of the production build.
 *
 * Builds if needed, starts the server on a temporary database holding the sample wards
 * (TRUSO_SAMPLE=1, no map tiles), logs in through the login form as the role that uses each
 * page, and audits each page in Debian's Chromium with Lighthouse's own desktop configuration
 * (`lighthouse/core/config/desktop-config.js`: 1350×940 screen, simulated throttling with
 * 40 ms RTT, 10 Mbit/s and no CPU slowdown). Writes bench-results/lighthouse.json and prints a
 * Markdown table. LIGHTHOUSE_RUNS=3 keeps the median run of three per page.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { buildIfNeeded } from '../build-if-needed.js';
import { CHROMIUM_PATH, chromiumArgs } from '../chromium';
import { loginCookie, waitUntilUp } from '../lib/http';

const root = path.resolve(import.meta.dirname, '..', '..');
process.chdir(root);
const port = Number(process.env.LIGHTHOUSE_PORT || 4960);
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 1));
const base = `http://127.0.0.1:${port}`;
const WARD = '/w/binh-trung';

interface PageResult {
	page: string;
	url: string;
	performance: number;
	accessibility: number;
	bestPractices: number;
	/** Largest Contentful Paint, ms. */
	LCP: number;
	/** Total Blocking Time, ms. */
	TBT: number;
	/** Cumulative Layout Shift. */
	CLS: number;
	/** Accessibility and best-practice audits that failed (id: title), to fix. */
	failures: string[];
}

/** The first link on a page whose path matches `pattern`. */
async function firstLink(url: string, cookie: string, pattern: RegExp): Promise<string> {
	const html = await (await fetch(url, { headers: { cookie } })).text();
	for (const m of html.matchAll(/href="([^"]+)"/g)) if (pattern.test(m[1])) return m[1];
	throw new Error(`no link matching ${pattern} on ${url}`);
}

/** Solves a short reallocation scenario through the plans form; returns its page. */
async function createPlan(cookie: string): Promise<string> {
	const r = await fetch(`${base}${WARD}/plans?/solve`, {
		method: 'POST',
		headers: {
			origin: base,
			cookie,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			name: 'Phương án kiểm tra Lighthouse',
			weightUnplaced: '1000',
			weightBuildings: '10',
			weightMoved: '1',
			timeLimitS: '5'
		}),
		redirect: 'manual'
	});
	const location = r.headers.get('location');
	if (r.status !== 303 || !location) throw new Error(`solving a plan answered ${r.status}`);
	return location;
}

function median(results: PageResult[]): PageResult {
	const sorted = [...results].sort((a, b) => a.performance - b.performance);
	return sorted[Math.floor(sorted.length / 2)];
}

async function audit(
	port: number,
	name: string,
	pathname: string,
	cookie: string | null
): Promise<PageResult> {
	const url = base + pathname;
	const check = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	if (check.status !== 200) throw new Error(`${url} answered ${check.status}`);
	const all: PageResult[] = [];
	for (let i = 0; i < runs; i++) {
		const result = await lighthouse(
			url,
			{
				port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices'],
				extraHeaders: cookie ? { cookie } : undefined
			},
			desktopConfig
		);
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		const lhr = result.lhr;
		if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
		const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
		const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
		const failures = ['accessibility', 'best-practices']
			.flatMap((id) => lhr.categories[id]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
			.map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
		all.push({
			page: name,
			url: pathname,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			LCP: Math.round(value('largest-contentful-paint')),
			TBT: Math.round(value('total-blocking-time')),
			CLS: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
			failures
		});
	}
	return median(all);
}

function markdownTable(rows: PageResult[]): string {
	const lines = [
		'| Page | Performance | Accessibility | Best practices | LCP (ms) | TBT (ms) | CLS |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
	];
	for (const r of rows) {
		lines.push(
			`| ${r.page} (\`${r.url}\`) | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.LCP} | ${r.TBT} | ${r.CLS} |`
		);
	}
	return lines.join('\n');
}

async function main(): Promise<void> {
	buildIfNeeded();
	const loadAverage = os.loadavg()[0];
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-lighthouse-'));
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: path.join(dir, 'lighthouse.sqlite'),
			UPLOAD_DIR: path.join(dir, 'uploads'),
			TILE_URL: 'none',
			TRUSO_SAMPLE: '1'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	let chrome: chromeLauncher.LaunchedChrome | undefined;
	const rows: PageResult[] = [];
	try {
		await waitUntilUp(`${base}/health`);
		const editor = await loginCookie(base, 'binhtrung.editor');
		const reviewer = await loginCookie(base, 'city.reviewer');
		const facility = await firstLink(`${base}${WARD}/facilities`, editor, /\/facilities\/\d+$/);
		const proposal = await firstLink(`${base}${WARD}/proposals`, editor, /\/proposals\/\d+$/);
		const plan = await createPlan(editor);
		const pages: [string, string, string | null][] = [
			['Login', '/login', null],
			['Facilities', `${WARD}/facilities`, editor],
			['A facility', facility, editor],
			['Needs', `${WARD}/needs`, editor],
			['Plans', `${WARD}/plans`, editor],
			['A plan', plan, editor],
			['Sites', `${WARD}/sites`, editor],
			['Site results', `${WARD}/sites/results`, editor],
			['Proposals', `${WARD}/proposals`, editor],
			['A proposal', proposal, editor],
			['Review inbox', '/review', reviewer],
			['Portfolio', '/review/portfolio', reviewer],
			['Help', '/help', editor]
		];
		chrome = await chromeLauncher.launch({
			chromePath: CHROMIUM_PATH,
			chromeFlags: chromiumArgs('--headless=new')
		});
		for (const [name, pathname, cookie] of pages) {
			const row = await audit(chrome.port, name, pathname, cookie);
			console.log(
				`[lighthouse] ${name}: performance ${row.performance}, accessibility ${row.accessibility}, best practices ${row.bestPractices}` +
					(row.failures.length ? ` — ${row.failures.join('; ')}` : '')
			);
			rows.push(row);
		}
	} finally {
		await chrome?.kill();
		server.kill('SIGTERM');
	}
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync('bench-results', { recursive: true });
	const out = {
		date: new Date().toISOString(),
		lighthouse: '12.2.3',
		node: process.version,
		config: 'lighthouse desktop-config (simulated throttling: 40 ms RTT, 10 Mbit/s, CPU ×1)',
		runsPerPage: runs,
		/** 1-minute load average when the audit started: scores drop on a busy machine. */
		loadAverage: Math.round(loadAverage * 10) / 10,
		pages: rows.map(({ failures, ...r }) => (failures.length ? { ...r, failures } : r))
	};
	fs.writeFileSync('bench-results/lighthouse.json', JSON.stringify(out, null, '\t') + '\n');
	console.log(
		`\nLighthouse ${out.lighthouse} on Node ${process.version}, ${out.config}:\n\n${markdownTable(rows)}`
	);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
