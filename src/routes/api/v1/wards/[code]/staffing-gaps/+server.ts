import { json } from '@sveltejs/kit';
import { staffingGapsForWard } from '$lib/server/needs';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/staffing-gaps: approved, filled, vacant and planned posts by field. */
export const GET: RequestHandler = ({ locals, params }) =>
	json({ ward: params.code, ...staffingGapsForWard(locals.db, locals.ward!.id) });
