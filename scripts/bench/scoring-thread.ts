/**
 * Main-thread time of the site-scoring actions on a big ward, without a server: the same service
 * calls the routes make (results page load, its map layer, the full SMAA, saving a scoring run),
 * each while a 1 ms timer measures how late the event loop answers (perf_hooks'
 * monitorEventLoopDelay): its max is the longest stretch the thread was held. Page rendering
 * (SvelteKit's SSR) is not included; `npm run bench` measures it over HTTP.
 *
 *   npx tsx scripts/bench/scoring-thread.ts [sites=200] [rooms=5000]
 *
 * Budget (issue 16): max < 50 ms per action.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { clearCache } from '../../src/lib/server/core/cache';
import { saveScoringRunOffThread } from '../../src/lib/server/sites/save-run';
import {
	clearScoringCaches,
	listCriteria,
	saveDirectWeights
} from '../../src/lib/server/sites/scoring';
import {
	decisionOf,
	prepareScoringView,
	scoreMap,
	scoringSmaa,
	scoringView
} from '../../src/lib/server/sites/scoring-view';
import { stopScoringWorkers } from '../../src/lib/server/sites/scoring-worker';
import { startFullSmaa } from '../../src/lib/server/sites/smaa-jobs';

const sites = Number(process.argv[2] ?? 200);
const rooms = Number(process.argv[3] ?? 5000);
// A database file, as the server has (a worker thread opens it read-only).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-scoring-'));
const db = openDatabase(path.join(dir, 'bench.db'));
seedSample(db);
const wardId = seedSynthetic(db, { code: 'synthetic', rooms, sites });
const actor = { userId: null, username: 'bench' };

let touches = 0;

async function measure(name: string, fn: () => Promise<unknown>) {
	// A fresh ward state: new direct weights (new inputs, so the workers' caches miss too) and
	// every cache of this thread forgotten.
	touches++;
	const keys = listCriteria(db, wardId)
		.filter((c) => c.active)
		.map((c) => c.key);
	saveDirectWeights(
		db,
		actor,
		wardId,
		Object.fromEntries(keys.map((k, i) => [k, 1 + ((i * 7 + touches) % 5)]))
	);
	clearScoringCaches();
	clearCache();
	await new Promise((r) => setTimeout(r, 20));
	const h = monitorEventLoopDelay({ resolution: 1 });
	h.enable();
	const elu = performance.eventLoopUtilization();
	const t = performance.now();
	await fn();
	const wall = performance.now() - t;
	await new Promise((r) => setTimeout(r, 5));
	h.disable();
	// Time the thread spent running code (not waiting) during the action, in all.
	const busy = Math.round(performance.eventLoopUtilization(elu).active);
	// The histogram counts the delay beyond the 1 ms resolution, in ns.
	const ms = (ns: number) => Math.round(ns / 1e5) / 10;
	const max = ms(h.max);
	console.log(
		`${max < 50 ? 'PASS' : 'MISS'} ${name}: longest block ${max} ms, p99 ${ms(h.percentile(99))} ms busy ${busy} ms in all (wall ${Math.round(wall)} ms)`
	);
	return max;
}

console.log(`big ward: ${sites} sites, ${rooms} rooms`);
// Round 1 starts the worker threads (their start is not the server's thread, but the first
// round also pays the loading of modules); round 2 is what a running server sees.
for (const round of [1, 2, 3]) {
	console.log(`round ${round}`);
	await measure('results page (load)', async () => {
		await prepareScoringView(db, wardId, 'promethee2');
		const { decision } = scoringView(db, wardId, 'promethee2');
		scoringSmaa(db, wardId, decision);
	});
	await measure('results map layer', async () => {
		await prepareScoringView(db, wardId, 'promethee2');
		scoreMap(db, wardId, 'promethee2');
	});
	await measure('full SMAA 10,000', async () => {
		await startFullSmaa(wardId, await decisionOf(db, wardId));
	});
	await measure('save a scoring run (PROMETHEE II)', async () => {
		await saveScoringRunOffThread(db, actor, wardId, { name: 'Bench', method: 'promethee2' });
	});
}
await stopScoringWorkers();
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
