import { json } from '@sveltejs/kit';
import { wardOf } from '$lib/server/http';
import { methodOf, prepareScoringView, scoreMap } from '$lib/server/sites/scoring-view';
import type { RequestHandler } from './$types';

/**
 * The results page's map layer (every site with its score by `?method=`), loaded by the page
 * after it renders so that the page itself stays small for wards with hundreds of sites.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	// The analysis on a worker thread first (see $lib/server/scoring-view).
	const wardId = wardOf(locals).id;
	await prepareScoringView(locals.db, wardId, methodOf(url));
	const sites = scoreMap(locals.db, wardId, methodOf(url));
	return json({ sites }, { headers: { 'cache-control': 'private, no-cache' } });
};
