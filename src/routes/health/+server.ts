import { json } from '@sveltejs/kit';
import { loopDelay, startLoopMonitor } from '$lib/server/core/loop-delay';
import type { RequestHandler } from './$types';

/**
 * Liveness and database check for monitoring and the test harness. On a server the benchmark
 * started (TRUSO_BENCH=1), `?loop=1` adds the event-loop delay since the last `?loop=reset`.
 */
export const GET: RequestHandler = ({ locals, url }) => {
	const row = locals.db.$client.prepare('select count(*) as n from wards').get() as { n: number };
	const loop = process.env.TRUSO_BENCH === '1' ? url.searchParams.get('loop') : null;
	if (loop) {
		startLoopMonitor();
		return json({ ok: true, wards: row.n, loop: loopDelay(loop === 'reset') });
	}
	return json({ ok: true, wards: row.n });
};
