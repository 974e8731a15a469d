import { json } from '@sveltejs/kit';
import { sitesGeoJson } from '$lib/server/sites/scoring';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/sites — a GeoJSON FeatureCollection of the ward's candidate sites. */
export const GET: RequestHandler = ({ locals }) =>
	json(sitesGeoJson(locals.db, wardOf(locals).id), {
		headers: { 'content-type': 'application/geo+json; charset=utf-8' }
	});
