/**
 * The benchmark harness's own logic (scripts/bench): the page verdict with a 0 or missing
 * measurement, where a partial run writes, the build-mode check, the JavaScript meter surviving a
 * browser that goes away, and the submit page's proposal returned for changes by the service.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMode, DEV_MARKER, ensureProductionBuild } from '../../scripts/bench/build-mode';
import { loopPass } from '../../scripts/bench/event-loop';
import { jsFigures, jsMeter } from '../../scripts/bench/js-meter';
import { benchOptions } from '../../scripts/bench/options';
import {
	fillRoute,
	needsEditableProposal,
	pageRoutes,
	returnProposalsForChanges,
	type BenchData,
	type WardIds
} from '../../scripts/bench/setup';
import { pageVerdict, type Measured } from '../../scripts/bench/verdict';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedWardExtras } from '../../src/lib/server/db/seed/city';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { EDITABLE } from '../../src/lib/server/proposals';

const m = (requestsPerSec: number, cpuMsPerRequest: number, extra: Partial<Measured> = {}) => ({
	requestsPerSec,
	requests: Math.round(requestsPerSec * 3),
	non2xx: 0,
	errors: 0,
	cpuMsPerRequest,
	...extra
});

describe('page verdict', () => {
	it('is an ERROR, not a pass, when the trivial page measured 0 (the ratio was Infinity)', () => {
		const zero = m(0, 0, { requests: 0 });
		for (const basis of ['throughput', 'cpu'] as const) {
			const v = pageVerdict([{ trivial: zero, page: m(50, 4) }], basis, 0.25);
			expect(v.result).toBe('ERROR');
			expect(v.reason).toBe('trivial page measured 0 requests');
			expect(v.ratio).toBeUndefined();
		}
	});

	it('is an ERROR when the trivial measurement is missing or failed', () => {
		expect(pageVerdict([{ trivial: null, page: m(50, 4) }], 'throughput', 0.25)).toEqual({
			result: 'ERROR',
			reason: 'trivial page not measured'
		});
		const sockets = pageVerdict(
			[{ trivial: m(400, 1, { errors: 7 }), page: m(200, 2) }],
			'throughput',
			0.25
		);
		expect(sockets).toEqual({ result: 'ERROR', reason: 'trivial page 7 connection errors' });
		expect(pageVerdict([], 'throughput', 0.25).result).toBe('ERROR');
	});

	it('is an ERROR when the CPU counter did not tick (the CPU ratio would be 0 or Infinity)', () => {
		const noTrivialCpu = pageVerdict([{ trivial: m(400, 0), page: m(100, 4) }], 'cpu', 0.25);
		expect(noTrivialCpu).toEqual({
			result: 'ERROR',
			reason: 'trivial page no server CPU time measured'
		});
		const noPageCpu = pageVerdict([{ trivial: m(400, 1), page: m(100, 0) }], 'cpu', 0.25);
		expect(noPageCpu).toEqual({ result: 'ERROR', reason: 'page no server CPU time measured' });
		// On the throughput basis the CPU ratio is only informative: absent, the verdict stands.
		const v = pageVerdict([{ trivial: m(400, 1), page: m(100, 0) }], 'throughput', 0.25);
		expect(v).toEqual({ result: 'PASS', ratio: 0.25 });
	});

	it('is an ERROR when the page itself measured 0 requests', () => {
		const v = pageVerdict(
			[{ trivial: m(400, 1), page: m(0, 0, { requests: 0 }) }],
			'throughput',
			0.25
		);
		expect(v).toEqual({ result: 'ERROR', reason: 'page measured 0 requests' });
	});

	it('passes and misses on hand-computed ratios', () => {
		// 120 / 400 = 0.3 ≥ 0.25; CPU 2.5 / 10 = 0.25 (at the budget) passes, 2.5 / 11 misses.
		expect(pageVerdict([{ trivial: m(400, 2.5), page: m(120, 10) }], 'throughput', 0.25)).toEqual({
			result: 'PASS',
			ratio: 0.3,
			cpuRatio: 0.25
		});
		expect(pageVerdict([{ trivial: m(400, 2.5), page: m(120, 10) }], 'cpu', 0.25).result).toBe(
			'PASS'
		);
		const miss = pageVerdict([{ trivial: m(400, 2.5), page: m(120, 11) }], 'cpu', 0.25);
		expect(miss.result).toBe('MISS');
		expect(miss.cpuRatio).toBeCloseTo(2.5 / 11, 10);
	});

	it('judges two rounds on their mean', () => {
		const twoRounds = (second: Measured, trivial2 = m(400, 1)) =>
			pageVerdict(
				[
					{ trivial: m(400, 1), page: m(80, 5) },
					{ trivial: trivial2, page: second }
				],
				'throughput',
				0.25
			);
		// (80/400 + 128/400) / 2 = (0.2 + 0.32) / 2 = 0.26: pass; (0.2 + 0.28) / 2 = 0.24: miss.
		const pass = twoRounds(m(128, 5));
		expect(pass.result).toBe('PASS');
		expect(pass.ratio).toBeCloseTo(0.26, 10);
		const miss = twoRounds(m(112, 5));
		expect(miss.result).toBe('MISS');
		expect(miss.ratio).toBeCloseTo(0.24, 10);
		// A second round whose trivial page measured 0 makes the page an ERROR, not a mean.
		expect(twoRounds(m(128, 5), m(0, 0, { requests: 0 })).result).toBe('ERROR');
	});

	it('misses a fast page that answered errors', () => {
		const v = pageVerdict(
			[{ trivial: m(400, 1), page: m(400, 1, { non2xx: 12 }) }],
			'throughput',
			0.25
		);
		expect(v).toEqual({
			result: 'MISS',
			ratio: 1,
			cpuRatio: 1,
			reason: '12 answers other than 2xx'
		});
	});
});

describe('bench options', () => {
	const root = '/repo';
	it('writes a full run to bench-results/', () => {
		const o = benchOptions({}, root);
		expect(o.partial).toEqual([]);
		expect(o.only).toBeNull();
		expect(o.json).toBe('/repo/bench-results/latest.json');
		expect(o.md).toBe('/repo/bench-results/latest.md');
	});

	it('writes a partial run elsewhere and filters pages by substring', () => {
		const o = benchOptions({ BENCH_PAGES: 'submit, /review/', BENCH_SKIP_LOOP: '1' }, root);
		expect(o.partial).toEqual(['BENCH_PAGES', 'BENCH_SKIP_LOOP']);
		expect(o.skipLoop).toBe(true);
		expect(o.skipJs).toBe(false);
		expect(o.json).toBe(path.join(os.tmpdir(), 'truso-bench-partial', 'latest.json'));
		expect(o.only?.('/w/[ward]/proposals/[id]/submit')).toBe(true);
		expect(o.only?.('/review/proposals/[id]')).toBe(true);
		expect(o.only?.('/w/[ward]/proposals/[id]')).toBe(false);
		const both = benchOptions({ BENCH_ONLY: '^/w/', BENCH_PAGES: 'proposals' }, root);
		expect(both.only?.('/w/[ward]/proposals/[id]')).toBe(true);
		expect(both.only?.('/review/proposals/[id]')).toBe(false);
		expect(benchOptions({ BENCH_OUT: 'out/x' }, root).md).toBe('/repo/out/x/latest.md');
	});

	it('refuses a partial run told to write into bench-results/', () => {
		expect(() => benchOptions({ BENCH_SKIP_JS: '1', BENCH_OUT: 'bench-results' }, root)).toThrow(
			/partial run \(BENCH_SKIP_JS\) must not overwrite bench-results/
		);
		expect(() =>
			benchOptions({ BENCH_PAGES: 'x', BENCH_OUT: '/repo/bench-results/' }, root)
		).toThrow();
	});
});

describe('build mode', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
	});
	function fakeBuild(stamp: object | null, chunk = 'export const x = 1;'): string {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
		dirs.push(dir);
		fs.writeFileSync(path.join(dir, 'handler.js'), '');
		fs.mkdirSync(path.join(dir, 'server', 'chunks'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'server', 'chunks', 'page.js'), chunk);
		if (stamp) fs.writeFileSync(path.join(dir, '.truso-build-stamp'), JSON.stringify(stamp));
		return dir;
	}

	it('accepts a production build and names the others', () => {
		expect(buildMode(fakeBuild({ mode: 'production', sources: 1 }))).toEqual({
			mode: 'production',
			problem: null
		});
		expect(buildMode(fakeBuild({ sources: 1 }))).toMatchObject({ mode: 'unknown' });
		expect(buildMode(fakeBuild(null)).problem).toMatch(/not "production"/);
		expect(buildMode(fakeBuild({ mode: 'development' }))).toMatchObject({ mode: 'development' });
		const dev = buildMode(
			fakeBuild({ mode: 'production' }, `throw new Error('Component.render(...) ${DEV_MARKER}')`)
		);
		expect(dev.mode).toBe('development');
		expect(dev.problem).toMatch(/server\/chunks\/page\.js holds Svelte's development-mode code/);
	});

	it('rebuilds a development build once, and refuses one that stays so', () => {
		const dir = fakeBuild({ mode: 'development' });
		const calls: boolean[] = [];
		const fixed = ensureProductionBuild(
			dir,
			(force) => {
				calls.push(force);
				if (force) fs.writeFileSync(path.join(dir, '.truso-build-stamp'), '{"mode":"production"}');
			},
			() => {}
		);
		expect(calls).toEqual([false, true]);
		expect(fixed.mode).toBe('production');
		const stuck = fakeBuild({ sources: 1 });
		expect(() =>
			ensureProductionBuild(
				stuck,
				() => {},
				() => {}
			)
		).toThrow(/refusing to measure/);
	});

	it('finds Svelte’s development marker in a development compile only', async () => {
		const { compile } = await import('svelte/compiler');
		const code = (dev: boolean) =>
			compile('<p>{1}</p>', { generate: 'server', dev, filename: 'X.svelte' }).js.code;
		expect(code(true)).toContain(DEV_MARKER);
		expect(code(false)).not.toContain(DEV_MARKER);
	});
});

/** A fake Playwright browser: `goto` emits one script response, then resolves or fails. */
function fakeBrowser(opts: { gotoFails?: string; disconnects?: boolean; body?: Buffer }) {
	let connected = true;
	const body = opts.body ?? Buffer.from('console.log(1);'.repeat(100));
	const page = {
		handlers: [] as ((r: unknown) => void)[],
		on(_event: string, fn: (r: unknown) => void) {
			this.handlers.push(fn);
		},
		async goto() {
			const failing = opts.gotoFails;
			for (const h of this.handlers) {
				h({
					request: () => ({ resourceType: () => 'script' }),
					// A body pending when the browser goes away rejects after goto did.
					body: () =>
						failing
							? new Promise<Buffer>((_, reject) =>
									setTimeout(
										() => reject(new Error('Target page, context or browser has been closed')),
										5
									)
								)
							: Promise.resolve(body)
				});
			}
			if (failing) {
				if (opts.disconnects) connected = false;
				throw new Error(failing);
			}
		}
	};
	const browser = {
		isConnected: () => connected,
		async newContext() {
			return {
				addCookies: async () => {},
				newPage: async () => page,
				close: async () => {
					if (!connected) throw new Error('Target closed');
				}
			};
		},
		async close() {
			connected = false;
		}
	};
	return browser as unknown as Browser;
}

describe('JavaScript meter', () => {
	const unhandled: unknown[] = [];
	const onUnhandled = (e: unknown) => unhandled.push(e);
	const settle = () => new Promise((r) => setTimeout(r, 30));

	it('measures a page again in a new browser when the first one went away', async () => {
		process.on('unhandledRejection', onUnhandled);
		try {
			const body = Buffer.from('export const a = 1;\n'.repeat(50));
			const browsers = [
				fakeBrowser({ gotoFails: 'page.goto: Target closed', disconnects: true }),
				fakeBrowser({ body })
			];
			let launches = 0;
			const meter = jsMeter('http://x', async () => browsers[launches++]);
			const r = await meter.measure('http://x/w/a', 'sid=1');
			await settle();
			expect(launches).toBe(2);
			expect(r).toEqual(jsFigures([body]));
			expect(r).toMatchObject({ scripts: 1, leafletGzipKb: 0, chartJsGzipKb: 0 });
			await meter.close();
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});

	it("makes a page's failure its error without throwing or leaving rejections behind", async () => {
		process.on('unhandledRejection', onUnhandled);
		try {
			// The browser stays up (a slow page): that page's error, no new browser.
			let launches = 0;
			const up = jsMeter('http://x', async () => {
				launches++;
				return fakeBrowser({ gotoFails: 'page.goto: Timeout 60000ms exceeded.' });
			});
			expect(await up.measure('http://x/slow', null)).toEqual({
				error: 'page.goto: Timeout 60000ms exceeded.'
			});
			expect(launches).toBe(1);
			// No browser can be started: an error for the page, twice tried.
			const none = jsMeter('http://x', () => Promise.reject(new Error('spawn chromium ENOENT')));
			expect(await none.measure('http://x/a', null)).toEqual({
				error: 'spawn chromium ENOENT; again in a new browser: spawn chromium ENOENT'
			});
			await none.close();
			await settle();
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});

	it('counts Leaflet apart from the app', () => {
		const leaflet = Buffer.from('n.leaflet=1;' + 'x'.repeat(40_000));
		const app = Buffer.from('export{};');
		const f = jsFigures([leaflet, app]);
		expect(f.scripts).toBe(2);
		expect(f.leafletGzipKb).toBeGreaterThan(0);
		expect(f.chartJsGzipKb).toBe(0);
		expect(f.totalGzipKb).toBeCloseTo(f.appGzipKb + f.leafletGzipKb, 1);
	});
});

describe('the submit page', () => {
	const ids = (code: string, proposal: number | null): WardIds => ({
		code,
		id: 1,
		facility: 1,
		building: 1,
		room: 1,
		site: 1,
		scenario: 1,
		scoringRun: 1,
		proposal
	});

	it('is a measured route filled with the ward’s proposal', () => {
		const route = '/w/[ward]/proposals/[id]/submit';
		expect(pageRoutes()).toContain(route);
		expect(needsEditableProposal(route)).toBe(true);
		expect(needsEditableProposal('/w/[ward]/proposals/[id]')).toBe(false);
		expect(fillRoute(route, ids('city-001', 3), { normSet: 1, user: 1 })).toEqual({
			path: '/w/city-001/proposals/3/submit'
		});
	});

	it('gets its proposal returned for changes through the review service', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-submit-'));
		try {
			const dbPath = path.join(dir, 'b.sqlite');
			const db = openDatabase(dbPath);
			seedSample(db);
			await seedDemoAccounts(db);
			const ward = db.$client.prepare('select id, code from wards order by id limit 1').get() as {
				id: number;
				code: string;
			};
			seedWardExtras(db, ward.id, { proposalStatus: 'in-review' });
			const proposal = (
				db.$client
					.prepare(`select id, status from proposals where ward_id = ? and status = 'in-review'`)
					.get(ward.id) as { id: number }
			).id;
			db.$client.close();
			const data = { dbPath, city: ids(ward.code, proposal), big: ids('none', null) } as BenchData;
			expect(returnProposalsForChanges(data)).toEqual([proposal]);
			const after = openDatabase(dbPath);
			try {
				const row = after.$client
					.prepare('select status from proposals where id = ?')
					.get(proposal) as { status: string };
				expect(row.status).toBe('returned');
				expect(EDITABLE).toContain(row.status);
				const audit = after.$client
					.prepare(
						`select count(*) as n from audit_log where entity = 'decision' and action = 'decide' and ward_id = ?`
					)
					.get(ward.id) as { n: number };
				expect(audit.n).toBe(1);
			} finally {
				after.$client.close();
			}
			// A second return is refused by the service (nothing in review any more).
			expect(() => returnProposalsForChanges(data)).toThrow();
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('event-loop verdict', () => {
	it('passes only a working action within p99 < 50 ms and max < 200 ms', () => {
		expect(loopPass(200, { p99Ms: 49, maxMs: 199 })).toBe(true);
		expect(loopPass(303, { p99Ms: 12, maxMs: 30 })).toBe(true);
		expect(loopPass(200, { p99Ms: 50, maxMs: 60 })).toBe(false);
		expect(loopPass(200, { p99Ms: 20, maxMs: 200 })).toBe(false);
		// A refused or failed action did no heavy work: its quiet loop is no pass.
		expect(loopPass(500, { p99Ms: 1, maxMs: 2 })).toBe(false);
		expect(loopPass(404, { p99Ms: 1, maxMs: 2 })).toBe(false);
		expect(loopPass(200, null)).toBe(false);
	});
});
