import { wardOf } from '$lib/server/http';
import { sitesGeoJsonOffThread } from '$lib/server/sites/scoring-worker';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/wards/{code}/sites — a GeoJSON FeatureCollection of the ward's candidate sites,
 * read, computed and serialised on a scoring worker thread (it grows with the ward's sites).
 */
export const GET: RequestHandler = async ({ locals }) =>
	new Response(await sitesGeoJsonOffThread(locals.db, wardOf(locals).id), {
		headers: { 'content-type': 'application/geo+json; charset=utf-8' }
	});
