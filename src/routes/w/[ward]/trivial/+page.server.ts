import type { PageServerLoad } from './$types';

/**
 * The benchmark baseline: a server-rendered page in the ward layout that prints only a heading.
 * `npm run bench` compares every page's throughput with this one, measured in the same run.
 */
export const load: PageServerLoad = () => ({});
