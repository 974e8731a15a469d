import { json } from '@sveltejs/kit';
import { staffingGapsForWard, vacanciesByPosition } from '$lib/server/needs';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/wards/{code}/staffing-gaps: approved, filled, vacant and planned posts by field
 * (`rows`, `totals`, as before) and the vacancies per position (`byPosition`: groups under the
 * city's fields first, then leadership, the other fields and posts without a field; each row
 * with unit, title, rank, field, approved, filled, missing).
 */
export const GET: RequestHandler = ({ locals, params }) => {
	const ward = wardOf(locals);
	return json({
		ward: params.code,
		...staffingGapsForWard(locals.db, ward.id),
		byPosition: vacanciesByPosition(locals.db, ward.id)
	});
};
