import { json } from '@sveltejs/kit';
import { facilitiesForApi } from '$lib/server/inventory/facilities-api';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/facilities?page=N&pageSize=M */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const size = Math.min(
		200,
		Math.max(1, Number.parseInt(url.searchParams.get('pageSize') ?? '50', 10) || 50)
	);
	return json({ ward: params.code, ...facilitiesForApi(locals.db, locals.ward!.id, page, size) });
};
