/**
 * `npm run bench`: starts the production build on a temporary database holding the sample
 * wards, a synthetic city (168 wards, 20,000 rooms, 2,000 sites) and a big synthetic ward
 * (5,000 rooms, 200 sites), then measures in one run:
 *
 * - every page (every +page.svelte under src/routes, parameters filled with real ids): its
 *   throughput relative to the trivial page in the same layout (budget ≥ 0.25) on a typical
 *   city ward and on the big ward, and the JavaScript a browser loads for it (gzip; budget:
 *   the app's own code under 150 KB, Leaflet and Chart.js counted apart, loaded only where used).
 *   The machine may be shared, so each page's ratio uses the trivial page of the same ward
 *   measured just before it (half the page's duration, at least 1 s), and the server's CPU time
 *   per request (from /proc, which other processes barely disturb) gives a second ratio,
 *   cpuRatio = CPU ms per trivial request / CPU ms per page request. The verdict uses the
 *   throughput ratio on a quiet machine and cpuRatio when the load average at the start exceeds
 *   the number of CPUs (`verdictBasis` in the JSON);
 * - the event-loop delay of the server while one user runs each heavy action on the big ward
 *   (budget p99 < 50 ms, max < 200 ms; BENCH_SKIP_LOOP=1 skips it);
 * - the engines: the 10,000-row CSV import, MCDA, allocation, the sample ward's plan, the packet.
 *
 * Environment: BENCH_PAGE_S (default 3) seconds per page for the broad sweep, BENCH_DURATION_S
 * (default 10) for the trivial page and the pages with a size budget on the big ward,
 * BENCH_PORT (default 4390), BENCH_SKIP_ENGINES=1, BENCH_SKIP_JS=1, BENCH_SKIP_LOOP=1,
 * BENCH_ONLY=<regex on the route id>, BENCH_PAGES=<substring>[,…] of the route id, BENCH_OUT=<folder>.
 * A full run writes bench-results/latest.json and bench-results/latest.md (a table for the
 * README); a partial run (any of the skips or filters) writes to BENCH_OUT or a temporary folder,
 * never over bench-results/ (options.ts). A summary is printed.
 *
 * Only a production build is measured (build-mode.ts: rebuilt once otherwise, then refused); its
 * mode is printed and recorded. A page without a usable measurement of itself or of the trivial
 * page (0 requests, socket errors) is an ERROR row, never a pass (verdict.ts); so is a page whose
 * JavaScript could not be measured (js-meter.ts), and the run carries on with the next page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from '../build-if-needed.js';
import { loginCookie } from '../lib/http';
import { ensureProductionBuild } from './build-mode';
import { LOOP_BUDGET, type LoopFigures } from './event-loop';
import { measure, type HttpFigures } from './http';
import { jsMeter, type JsMeter, type JsResult } from './js-meter';
import { benchOptions } from './options';
import {
	BIG,
	BIG_WARD,
	CITY,
	fillRoute,
	needsEditableProposal,
	pageRoutes,
	returnProposalsForChanges,
	seedBenchDatabase,
	settleSolverWarmUp,
	startServer,
	type BenchData
} from './setup';
import { pageVerdict, roundValue, unusableTrivial, type Basis, type Round } from './verdict';

const root = path.resolve(import.meta.dirname, '..', '..');
process.chdir(root);
const durationS = Number(process.env.BENCH_DURATION_S || 10);
const pageS = Number(process.env.BENCH_PAGE_S || 3);
const port = Number(process.env.BENCH_PORT || 4390);
const options = benchOptions(process.env, root);
const buildDir = process.env.TRUSO_BUILD_DIR || 'build';

/** Budgets from the issues. */
const BUDGETS = { ratioToTrivial: 0.25, appJsGzipKb: 150 } as const;

/** Pages with a budget about size: measured longer, on the big ward. */
const LONG = new Set([
	'/w/[ward]/trivial',
	'/w/[ward]/facilities',
	'/w/[ward]/facilities/[id]',
	'/w/[ward]/needs',
	'/w/[ward]/sites',
	'/w/[ward]/sites/results'
]);
/** A page whose first round is below this ratio is measured a second time (see below). */
const NEAR_BUDGET = 0.32;

type Results = Record<string, unknown>;

interface PageResult {
	route: string;
	ward: 'city' | 'big' | null;
	path: string;
	durationS: number;
	requestsPerSec?: number;
	p50Ms?: number;
	p99Ms?: number;
	htmlKb?: number;
	non2xx?: number;
	ratioToTrivial?: number;
	/** The trivial page measured just before this page (the ratio's reference). */
	trivialRequestsPerSec?: number;
	/** Server CPU milliseconds per request (user + system), and the trivial page's. */
	cpuMsPerRequest?: number;
	trivialCpuMsPerRequest?: number;
	cpuRatio?: number;
	/** Both rounds of a page near the budget (the figures above are their means). */
	rounds?: { ratio: number; cpuRatio: number }[];
	pass?: boolean;
	js?: JsResult;
	jsPass?: boolean;
	error?: string;
	note?: string;
}

const kb = (n: number) => Math.round(n / 102.4) / 10;

/** CPU time (user + system) of a process so far, in milliseconds, from /proc (Linux). */
function cpuMs(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// Fields 14 and 15 of stat (utime, stime), counted from the state field (3rd).
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Measures a URL and the server's CPU time per request meanwhile. */
async function measureWithCpu(pid: number, url: string, cookie: string, durationS: number) {
	const before = cpuMs(pid);
	const h = await measure(url, cookie, { durationS });
	const cpu = cpuMs(pid) - before;
	return { ...h, cpuMsPerRequest: h.requests > 0 ? Math.round((cpu / h.requests) * 100) / 100 : 0 };
}

type CpuFigures = Awaited<ReturnType<typeof measureWithCpu>>;
/** One round of a page: the trivial page of its ward, then the page (null: not measured). */
interface BenchRound extends Round {
	trivial: CpuFigures;
	page: CpuFigures | null;
}

async function optional<T>(name: string, fn: () => Promise<T>): Promise<T | { skipped: string }> {
	try {
		return await fn();
	} catch (e) {
		console.warn(`[bench] ${name} skipped: ${(e as Error).message}`);
		return { skipped: (e as Error).message };
	}
}

/** The page list: ward routes on the city ward and on the big ward, the others once. */
function pageList(data: BenchData): PageResult[] {
	const out: PageResult[] = [];
	const global = {
		normSet: data.normSet,
		user: data.user,
		investmentRate: data.investmentRate,
		legalRef: data.legalRef,
		ahpToken: data.ahpToken
	};
	for (const route of pageRoutes()) {
		if (options.only && !options.only(route)) continue;
		const wards: ('city' | 'big' | null)[] = route.startsWith('/w/[ward]')
			? ['city', 'big']
			: route.startsWith('/review/proposals/[id]')
				? ['city', 'big']
				: [null];
		for (const w of wards) {
			const filled = fillRoute(route, w === 'big' ? data.big : data.city, global);
			const long = w === 'big' && LONG.has(route);
			out.push({
				route,
				ward: w,
				path: 'path' in filled ? filled.path : '',
				durationS: long ? durationS : pageS,
				...('error' in filled ? { error: filled.error } : {})
			});
		}
	}
	return out;
}

/** A page's result: ERROR with its reason, or PASS/MISS, then the JavaScript's. */
function resultText(p: PageResult): string {
	const js = !p.js
		? ''
		: 'error' in p.js
			? `JS ERROR: ${p.js.error}`
			: p.jsPass
				? 'JS PASS'
				: 'JS MISS';
	const page = p.error ? `ERROR: ${p.error}` : p.pass ? 'PASS' : 'MISS';
	return [page, js].filter(Boolean).join(', ') + (p.note ? ` (${p.note})` : '');
}

/** Markdown table of the pages for the README. */
function markdown(results: Results, pages: PageResult[], trivial: Record<string, number>): string {
	const f1 = (x: number | undefined) =>
		x === undefined ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: 1 });
	const lines = [
		`Pages (${results.date}, Node ${results.node}, ${results.cpus} CPUs, ${(results.build as { mode: string }).mode} build${results.partial ? `, partial run: ${(results.partial as string[]).join(', ')}` : ''}; sample wards + synthetic city of ${CITY.wards} wards, ${CITY.rooms.toLocaleString('en-US')} rooms, ${CITY.sites.toLocaleString('en-US')} sites + big ward of ${BIG.rooms.toLocaleString('en-US')} rooms, ${BIG.sites} sites). ` +
			`Throughput with autocannon (10 connections, ${pageS} s per page, ${durationS} s for the trivial page and the size-budgeted pages on the big ward) relative to the trivial page of the same ward measured just before each page ` +
			`(at the start: city ${f1(trivial.city)} req/s, big ward ${f1(trivial.big)} req/s); budget ≥ ${BUDGETS.ratioToTrivial}; a page whose first round is below ${NEAR_BUDGET} is measured a second time the same way and judged on the mean of both rounds (shown in the last column). ` +
			`Also the server's CPU time per request and the ratio it implies (trivial CPU ms ÷ page CPU ms), which a busy machine barely disturbs; the verdict uses ${results.verdictBasis === 'cpu' ? `the CPU ratio (load average ${(results.load as number[])[0]} on ${results.cpus} CPUs at the start)` : 'the throughput ratio'}. ` +
			`First-load JavaScript gzip in Chromium until the network is idle; budget: app < ${BUDGETS.appJsGzipKb} KB, Leaflet and Chart.js only where used.`,
		'',
		'| Page | Ward | req/s | p50 ms | × trivial | CPU ms/req | × trivial (CPU) | App JS KB | Leaflet KB | Chart.js KB | Result |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
	];
	for (const p of pages) {
		const js = p.js && 'appGzipKb' in p.js ? p.js : undefined;
		lines.push(
			`| \`${p.route}\` | ${p.ward === 'big' ? 'big' : p.ward === 'city' ? 'city' : '–'} | ${f1(p.requestsPerSec)} | ${p.p50Ms ?? '–'} | ${p.ratioToTrivial?.toFixed(2) ?? '–'} | ${p.cpuMsPerRequest ?? '–'} | ${p.cpuRatio?.toFixed(2) ?? '–'} | ${f1(js?.appGzipKb)} | ${js?.leafletGzipKb ? f1(js.leafletGzipKb) : '–'} | ${js?.chartJsGzipKb ? f1(js.chartJsGzipKb) : '–'} | ${resultText(p).replaceAll('|', '\\|')} |`
		);
	}
	const loop = results.eventLoop as LoopFigures[] | { skipped: string } | undefined;
	if (Array.isArray(loop)) {
		lines.push(
			'',
			`Event-loop delay of the server while one user runs each heavy action on the big ward (budget p99 < ${LOOP_BUDGET.p99Ms} ms, max < ${LOOP_BUDGET.maxMs} ms):`,
			'',
			'| Action | HTTP | Wall ms | p50 ms | p99 ms | max ms | Result |',
			'| --- | ---: | ---: | ---: | ---: | ---: | --- |',
			...loop.map(
				(l) =>
					`| ${l.action} | ${l.status} | ${l.wallMs} | ${l.p50Ms} | ${l.p99Ms} | ${l.maxMs} | ${l.pass ? 'PASS' : 'MISS'} |`
			)
		);
	}
	return lines.join('\n') + '\n';
}

async function main() {
	const build = ensureProductionBuild(buildDir, (force) => buildIfNeeded({ force }));
	console.log(
		`[bench] measuring the ${build.mode} build in ${buildDir} (${path.basename(fs.realpathSync(buildDir))})`
	);
	console.log(
		options.partial.length
			? `[bench] partial run (${options.partial.join(', ')}): results go to ${options.outDir}, not bench-results/`
			: `[bench] full run: results go to ${path.relative(root, options.outDir) || '.'}/`
	);
	console.log(
		`[bench] seeding the sample wards, a city of ${CITY.wards} wards (${CITY.rooms} rooms, ${CITY.sites} sites) and a ward of ${BIG.rooms} rooms and ${BIG.sites} sites…`
	);
	const data = await seedBenchDatabase();
	console.log(`[bench] seeded in ${JSON.stringify(data.seedMs)} ms`);
	const results: Results = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.cpus().length,
		load: os.loadavg().map((x) => Math.round(x * 100) / 100),
		build: { dir: buildDir, mode: build.mode },
		...(options.partial.length ? { partial: options.partial } : {}),
		durationS,
		pageS,
		budgets: BUDGETS,
		data: {
			city: { ...data.cityTotals, typicalWard: data.city.code },
			bigWard: { code: BIG_WARD, ...BIG },
			seedMs: data.seedMs
		}
	};
	const pages = pageList(data);
	const trivial: Record<string, number> = {};
	const server = await startServer(data, port);
	const pid = server.process.pid!;
	// On a shared, busy machine throughput swings with the other processes; CPU time does not.
	const verdictBasis: Basis =
		process.env.BENCH_VERDICT === 'cpu' ||
		(process.env.BENCH_VERDICT !== 'throughput' && os.loadavg()[0] > os.cpus().length)
			? 'cpu'
			: 'throughput';
	results.verdictBasis = verdictBasis;
	try {
		const base = server.base;
		const cookie = await loginCookie(base, 'admin');
		// The ward editors, for the pages an administrator may not open (answered 403) or that
		// exist only for an editor of the ward (the submit page answers 404 to anyone else).
		const editorCookie = {
			city: await loginCookie(base, data.editors.city),
			big: await loginCookie(base, data.editors.big)
		};
		await settleSolverWarmUp(base, cookie, data.city.code);
		const trivialUrl = (w: 'city' | 'big' | null) =>
			`${base}/w/${w === 'big' ? data.big.code : data.city.code}/trivial`;
		// The trivial page of both wards first (the reference at the start), then every page.
		const trivialFigures: Record<string, HttpFigures> = {};
		for (const w of ['city', 'big'] as const) {
			await (await fetch(trivialUrl(w), { headers: { cookie } })).arrayBuffer();
			trivialFigures[w] = await measure(trivialUrl(w), cookie, { durationS });
			const bad = unusableTrivial({ ...trivialFigures[w], cpuMsPerRequest: 1 }, 'throughput');
			if (bad) {
				console.log(`[bench] trivial (${w}) ${bad}: measured again`);
				trivialFigures[w] = await measure(trivialUrl(w), cookie, { durationS });
			}
			trivial[w] = trivialFigures[w].requestsPerSec;
			console.log(`[bench] trivial (${w}): ${trivial[w]} req/s`);
		}

		/** Measures one page into `p`; any failure becomes the page's error, never the run's. */
		const measurePage = async (p: PageResult, js: JsMeter | null) => {
			const url = `${base}${p.path}`;
			// /login and the AHP link are for visitors: a session would redirect the login page.
			let c = p.route === '/login' || p.route.startsWith('/ahp/') ? '' : cookie;
			let probe = await fetch(url, { headers: { cookie: c }, redirect: 'manual' });
			if (
				(probe.status === 403 || (probe.status === 404 && needsEditableProposal(p.route))) &&
				p.ward
			) {
				await probe.arrayBuffer();
				c = editorCookie[p.ward];
				probe = await fetch(url, { headers: { cookie: c }, redirect: 'manual' });
			}
			const body = await probe.arrayBuffer();
			if (probe.status !== 200) {
				p.error = `GET ${p.path} answered ${probe.status}`;
				console.log(`[bench] ${p.error}`);
				return;
			}
			p.htmlKb = kb(body.byteLength);
			const half = Math.max(1, Math.round(p.durationS / 2));
			const round = async (): Promise<BenchRound> => {
				let t = await measureWithCpu(pid, trivialUrl(p.ward), cookie, half);
				const bad = unusableTrivial(t, verdictBasis);
				if (bad) {
					// A 0 reference would make the ratio Infinity: measured again, else an ERROR.
					console.log(`[bench] trivial page ${bad} before ${p.path}: measured again`);
					t = await measureWithCpu(pid, trivialUrl(p.ward), cookie, half);
					if (unusableTrivial(t, verdictBasis)) return { trivial: t, page: null };
				}
				return { trivial: t, page: await measureWithCpu(pid, url, c, p.durationS) };
			};
			// A page near the budget is measured twice (each time right after the trivial page)
			// and judged on the mean of the two rounds: one short round can be disturbed.
			const rounds = [await round()];
			const first = roundValue(rounds[0], verdictBasis);
			if (first !== null && first < NEAR_BUDGET && rounds[0].page) rounds.push(await round());
			const verdict = pageVerdict(rounds, verdictBasis, BUDGETS.ratioToTrivial);
			const measured = rounds.filter(
				(r): r is { trivial: CpuFigures; page: CpuFigures } => !!r.trivial && !!r.page
			);
			const mean = (f: (r: (typeof measured)[number]) => number) =>
				measured.reduce((acc, r) => acc + f(r), 0) / measured.length;
			const r3 = (x: number) => Math.round(x * 1000) / 1000;
			const r2 = (x: number) => Math.round(x * 100) / 100;
			if (measured.length > 0) {
				const h = measured[measured.length - 1].page;
				Object.assign(p, {
					trivialRequestsPerSec: r2(mean((r) => r.trivial.requestsPerSec)),
					requestsPerSec: r2(mean((r) => r.page.requestsPerSec)),
					p50Ms: h.p50Ms,
					p99Ms: h.p99Ms,
					non2xx: measured.reduce((acc, r) => acc + r.page.non2xx, 0),
					cpuMsPerRequest: r2(mean((r) => r.page.cpuMsPerRequest)),
					trivialCpuMsPerRequest: r2(mean((r) => r.trivial.cpuMsPerRequest))
				});
			}
			if (verdict.ratio !== undefined) p.ratioToTrivial = r3(verdict.ratio);
			if (verdict.cpuRatio !== undefined) p.cpuRatio = r3(verdict.cpuRatio);
			if (rounds.length > 1) {
				p.rounds = rounds.map((r) => ({
					ratio: r3(roundValue(r, 'throughput') ?? NaN),
					cpuRatio: r3(roundValue(r, 'cpu') ?? NaN)
				}));
				p.note = `mean of 2 rounds: ${rounds.map((r) => r3(roundValue(r, verdictBasis) ?? NaN)).join(', ')}`;
			}
			p.pass = verdict.result === 'PASS';
			if (verdict.result === 'ERROR') p.error = verdict.reason;
			else if (verdict.reason) p.note = [p.note, verdict.reason].filter(Boolean).join('; ');
			// JavaScript once per route (the bundles do not depend on the ward).
			if (js && p.ward !== 'big') {
				p.js = await js.measure(url, c || null);
				if ('appGzipKb' in p.js) p.jsPass = p.js.appGzipKb < BUDGETS.appJsGzipKb;
			}
			const j = p.js
				? 'error' in p.js
					? ` js ERROR ${p.js.error}`
					: ` js app ${p.js.appGzipKb} KB`
				: '';
			console.log(
				`[bench] ${p.error ? `ERROR (${p.error})` : p.pass ? 'PASS' : 'MISS'} ${p.path}: ${p.requestsPerSec} req/s (${p.ratioToTrivial}×, CPU ${p.cpuRatio}×)${j}`
			);
		};
		const sweep = async (list: PageResult[]) => {
			const js = options.skipJs ? null : jsMeter(base);
			try {
				for (const p of list) {
					if (p.error) {
						console.log(`[bench] ${p.route}: ${p.error}`);
						continue;
					}
					try {
						await measurePage(p, js);
					} catch (e) {
						p.pass = false;
						p.error = `measurement failed: ${(e as Error).message}`;
						console.log(`[bench] ERROR ${p.path}: ${p.error}`);
					}
				}
			} finally {
				await js?.close();
			}
		};
		await sweep(pages.filter((p) => !needsEditableProposal(p.route)));
		// The reference again at the end: a large drift means the machine was busy meanwhile.
		const again = await measure(trivialUrl('city'), cookie, { durationS: pageS });
		results.trivial = { ...trivialFigures, cityAtEnd: again };
		// Main-thread blocking while one user runs each heavy action on the big ward.
		if (!options.skipLoop) {
			const { benchEventLoop } = await import('./event-loop');
			results.eventLoop = await optional('event loop', () => benchEventLoop(base, data));
		}
		// Last, the pages that need the proposals back in the wards' hands (see setup.ts).
		const deferred = pages.filter((p) => needsEditableProposal(p.route) && !p.error);
		if (deferred.length > 0) {
			try {
				const ids = returnProposalsForChanges(data);
				console.log(`[bench] proposals ${ids.join(', ')} returned for changes by the city`);
				await sweep(deferred);
			} catch (e) {
				for (const p of deferred) p.error = `proposal not returned: ${(e as Error).message}`;
			}
		}
		results.pages = pages;
	} finally {
		server.stop();
	}

	if (!options.skipEngines) {
		const { benchImport } = await import('./import');
		results.import10k = await optional('import', () => benchImport());
		const { benchMcda } = await import('./mcda');
		results.mcda = await optional('mcda', () => benchMcda());
		const { benchAllocation } = await import('./allocation');
		results.allocation = await optional('allocation', () => benchAllocation());
		const { benchPlans } = await import('./plans');
		results.sampleWardAllocation = await optional('plans', () => benchPlans());
		const { benchPacket } = await import('./packet');
		results.packet = await optional('packet', () => benchPacket());
	}
	fs.mkdirSync(options.outDir, { recursive: true });
	fs.writeFileSync(options.json, JSON.stringify(results, null, '\t') + '\n');
	fs.writeFileSync(options.md, markdown(results, pages, trivial));
	fs.rmSync(data.dir, { recursive: true, force: true });

	// Summary.
	const misses = pages.filter(
		(p) => p.error || !p.pass || p.jsPass === false || (p.js && 'error' in p.js)
	);
	console.log('');
	console.log(
		'route'.padEnd(48) +
			'ward'.padEnd(6) +
			'req/s'.padStart(8) +
			'ratio'.padStart(8) +
			'cpuRat'.padStart(8) +
			'appJS'.padStart(8) +
			'leaf'.padStart(7) +
			'chart'.padStart(7) +
			'  result'
	);
	for (const p of pages) {
		const js = p.js && 'appGzipKb' in p.js ? p.js : undefined;
		console.log(
			p.route.padEnd(48) +
				(p.ward ?? '-').padEnd(6) +
				String(p.requestsPerSec ?? '-').padStart(8) +
				String(p.ratioToTrivial ?? '-').padStart(8) +
				String(p.cpuRatio ?? '-').padStart(8) +
				String(js?.appGzipKb ?? '-').padStart(8) +
				String(js?.leafletGzipKb ?? '-').padStart(7) +
				String(js?.chartJsGzipKb ?? '-').padStart(7) +
				'  ' +
				resultText(p)
		);
	}
	for (const k of ['import10k', 'mcda', 'allocation', 'sampleWardAllocation', 'packet']) {
		const r = results[k] as Record<string, unknown> | undefined;
		if (!r) continue;
		const pass = r.pass ?? r.withinTarget;
		console.log(`${k}: ${JSON.stringify(pass ?? (r.skipped ? `skipped: ${r.skipped}` : ''))}`);
	}
	console.log(
		`[bench] ${build.mode} build; ${pages.length} page measurements, ${misses.length} miss or error; written to ${options.json} and ${options.md}`
	);
}

await main();
