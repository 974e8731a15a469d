/**
 * Benchmark of the space-needs page (/w/{ward}/needs): server-side computation of the needs
 * against the current norm set (three like-for-like lines, positions priced with ranks and
 * concurrent titles, the justification criteria with the distances between sites), the
 * vacancies by position, the applied arrangement's shortfall and the per-building areas,
 * rendered to HTML.
 *
 * Measured with autocannon on loopback against the running production build (the runner
 * passes the base URL, a logged-in session cookie and the ward code): 10 s, 10 connections.
 * Returns requests per second and the p50/p99 latency in milliseconds.
 */
import { measure } from './http';

export interface NeedsBenchContext {
	baseUrl: string;
	cookie: string;
	wardCode: string;
}

/** Duration and concurrency of the measurement. */
export const NEEDS_BENCH = { durationS: 10, connections: 10 } as const;

export async function benchNeeds(ctx: NeedsBenchContext): Promise<Record<string, unknown>> {
	const url = `${ctx.baseUrl.replace(/\/$/, '')}/w/${encodeURIComponent(ctx.wardCode)}/needs`;
	// One request first: a redirect to /login or an error would make the figures meaningless.
	const probe = await fetch(url, { headers: { cookie: ctx.cookie }, redirect: 'manual' });
	if (probe.status !== 200) throw new Error(`GET ${url} answered ${probe.status}, expected 200`);
	await probe.arrayBuffer();
	const { url: _measured, ...figures } = await measure(url, ctx.cookie, NEEDS_BENCH);
	return {
		url,
		durationS: NEEDS_BENCH.durationS,
		connections: NEEDS_BENCH.connections,
		...figures
	};
}
