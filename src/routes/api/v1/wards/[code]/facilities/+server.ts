import { json } from '@sveltejs/kit';
import { facilitiesForApi } from '$lib/server/inventory/facilities-api';
import { intParam, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/facilities?page=N&pageSize=M (M at most 200, 50 when not given) */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const page = intParam(url, 'page', 1, 1, 100_000);
	const size = intParam(url, 'pageSize', 50, 1, 200);
	return json({ ward: params.code, ...facilitiesForApi(locals.db, wardOf(locals).id, page, size) });
};
