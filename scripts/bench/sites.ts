/**
 * Benchmark of the siting results page (`/w/{ward}/sites/results`) on a ward with about 200
 * candidate sites (the runner seeds a synthetic ward): autocannon on loopback, 10 s, 10
 * connections, with a logged-in session. The page is server-rendered; the analysis (three
 * methods, sensitivity) and the SMAA estimate are cached by a hash of the inputs, so after the
 * first request a page view reads the sites, recomputes the criteria values and renders.
 * Also measures the sites list page and the GeoJSON API for comparison.
 */
import { measure, type HttpFigures } from './http';

export interface SitesBenchContext {
	baseUrl: string;
	cookie: string;
	wardCode: string;
}

export async function benchSitesPage(ctx: SitesBenchContext): Promise<Record<string, unknown>> {
	const durationS = Number(process.env.BENCH_DURATION_S || 10);
	const results = `${ctx.baseUrl}/w/${ctx.wardCode}/sites/results`;
	// Warm-up: the first view computes and caches the analysis for these inputs.
	const first = Date.now();
	const warm = await fetch(results, { headers: { cookie: ctx.cookie } });
	const firstViewMs = Date.now() - first;
	if (!warm.ok) throw new Error(`results page answered ${warm.status}`);
	const figures: Record<string, HttpFigures> = {
		results: await measure(results, ctx.cookie, { durationS, connections: 10 }),
		list: await measure(`${ctx.baseUrl}/w/${ctx.wardCode}/sites`, ctx.cookie, {
			durationS,
			connections: 10
		}),
		geojson: await measure(`${ctx.baseUrl}/api/v1/wards/${ctx.wardCode}/sites`, ctx.cookie, {
			durationS,
			connections: 10
		})
	};
	return {
		firstViewMs,
		resultsRequestsPerSec: figures.results.requestsPerSec,
		resultsP50Ms: figures.results.p50Ms,
		resultsP99Ms: figures.results.p99Ms,
		...figures
	};
}
