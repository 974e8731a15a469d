/**
 * A quick page-only benchmark (no engines, no JavaScript): on the same database as
 * `npm run bench` (sample wards, the synthetic city, the big ward),
 *   npx tsx scripts/bench/pages-quick.ts [path …]
 * measures each given path for BENCH_PAGE_S seconds (default 5), right after the trivial page of
 * the same ward (half as long), and prints requests per second and the ratio. A path starting with "/" is used as
 * is; `{city}` and `{big}` in it become the typical city ward's and the big ward's codes, and
 * `{facility}`, `{building}`, `{room}`, `{site}`, `{scenario}`, `{run}`, `{proposal}` their ids (of the big ward when
 * the path has `{big}`). A path without "/" is a ward page of the big ward
 * (e.g. `facilities`, `plans/{scenario}`); `/review/proposals/{proposal}#{big}` is the review
 * page of the big ward's proposal. Port: BENCH_PORT (default 4392).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from '../build-if-needed.js';
import { ensureProductionBuild } from './build-mode';
import { measure } from './http';
import { loginCookie } from '../lib/http';
import { seedBenchDatabase, settleSolverWarmUp, startServer } from './setup';
import { pageVerdict } from './verdict';

process.chdir(path.resolve(import.meta.dirname, '..', '..'));
const port = Number(process.env.BENCH_PORT || 4392);
const seconds = Number(process.env.BENCH_PAGE_S || 5);
const build = ensureProductionBuild(process.env.TRUSO_BUILD_DIR || 'build', (force) =>
	buildIfNeeded({ force })
);
console.log(`${build.mode} build`);
const data = await seedBenchDatabase();
const server = await startServer(data, port);
try {
	const cookie = await loginCookie(server.base, 'admin');
	await settleSolverWarmUp(server.base, cookie, data.city.code);
	const expand = (raw: string) => {
		const p = raw.startsWith('/') ? raw : `/w/{big}/${raw}`;
		const w = p.includes('{big}') ? data.big : data.city;
		return p
			.replaceAll('{city}', data.city.code)
			.replaceAll('{big}', data.big.code)
			.replaceAll('{facility}', String(w.facility))
			.replaceAll('{building}', String(w.building))
			.replaceAll('{room}', String(w.room))
			.replaceAll('{site}', String(w.site))
			.replaceAll('{scenario}', String(w.scenario))
			.replaceAll('{run}', String(w.scoringRun))
			.replaceAll('{proposal}', String(w.proposal));
	};
	const paths = process.argv.slice(2).length
		? process.argv.slice(2).map(expand)
		: [`/w/${data.big.code}/facilities`, `/w/${data.big.code}/facilities/${data.big.facility}`];
	const trivial = await measure(`${server.base}/w/${data.city.code}/trivial`, cookie, {
		durationS: seconds
	});
	console.log('trivial', trivial.requestsPerSec, trivial.p50Ms);
	for (const p of paths) {
		// The trivial page of the same ward just before (the machine may be shared).
		const ward = p.startsWith(`/w/${data.big.code}/`) ? data.big.code : data.city.code;
		const ref = await measure(`${server.base}/w/${ward}/trivial`, cookie, {
			durationS: Math.max(1, Math.round(seconds / 2))
		});
		const r = await measure(`${server.base}${p}`, p === '/login' ? '' : cookie, {
			durationS: seconds
		});
		// The throughput verdict (CPU time is not measured here): a 0 reference is an ERROR.
		const v = pageVerdict(
			[{ trivial: { ...ref, cpuMsPerRequest: 0 }, page: { ...r, cpuMsPerRequest: 0 } }],
			'throughput',
			0.25
		);
		console.log(
			p,
			r.requestsPerSec,
			r.p50Ms,
			'trivial',
			ref.requestsPerSec,
			'ratio',
			v.ratio?.toFixed(3) ?? '–',
			'non2xx',
			r.non2xx,
			v.result,
			v.reason ?? ''
		);
	}
} finally {
	server.stop();
	fs.rmSync(data.dir, { recursive: true, force: true });
}
