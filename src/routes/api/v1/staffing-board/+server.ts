import { json } from '@sveltejs/kit';
import { noEndpoint } from '$lib/server/core/api';
import { boardForApi, staffingBoard } from '$lib/server/needs/staffing-support';
import { boardFilter } from '../../../review/staffing/filter';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/staffing-board?ward=&field=&position=: every ward's vacancies by field and
 * position, the city's support assignments and what is uncovered. The city's (reviewers,
 * admins, tokens not bound to a ward): a ward's users see their own ward's part under
 * /api/v1/wards/{code}/staffing-support.
 */
export const GET: RequestHandler = ({ locals, url }) => {
	const p = locals.principal;
	const city =
		(p?.kind === 'user' && (p.user.role === 'city_reviewer' || p.user.role === 'admin')) ||
		(p?.kind === 'token' && p.wardId === null);
	if (!city) return noEndpoint(locals.locale);
	return json(boardForApi(staffingBoard(locals.db, boardFilter(url))));
};
