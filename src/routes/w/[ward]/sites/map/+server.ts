import { json } from '@sveltejs/kit';
import { wardOf } from '$lib/server/http';
import { siteMapLayerOffThread } from '$lib/server/sites/scoring-worker';
import type { RequestHandler } from './$types';

/**
 * The sites list's map layer (every site with its point, polygon and the latest run's score),
 * read by the page's map after the page shows rather than embedded in it: 200 sites with their
 * polygons were 40 KB of page data. Computed on a scoring worker, reused while the database is
 * unchanged (see siteMapLayerOffThread).
 */
export const GET: RequestHandler = async ({ locals }) => {
	const layer = await siteMapLayerOffThread(locals.db, wardOf(locals).id);
	return json(layer, { headers: { 'cache-control': 'private, no-cache' } });
};
