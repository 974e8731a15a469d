import { json } from '@sveltejs/kit';
import { scenariosForApi } from '$lib/server/plans';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/plans: the ward's reallocation scenarios with their figures. */
export const GET: RequestHandler = ({ locals, params }) =>
	json({ ward: params.code, scenarios: scenariosForApi(locals.db, wardOf(locals).id) });
