import { notFound } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/**
 * The benchmark baseline: a server-rendered page in the ward layout that prints only a heading.
 * `npm run bench` compares every page's throughput with this one, measured in the same run.
 * It exists only on a server the bench started (TRUSO_BENCH=1); elsewhere it is not found.
 */
export const load: PageServerLoad = () => {
	if (process.env.TRUSO_BENCH !== '1') notFound();
	return {};
};
