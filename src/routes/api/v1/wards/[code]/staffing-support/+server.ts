import { json } from '@sveltejs/kit';
import { boardForApi, staffingBoard } from '$lib/server/needs/staffing-support';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/staffing-support: the ward's vacancies, support and uncovered posts. */
export const GET: RequestHandler = ({ locals }) => {
	const { code } = wardOf(locals);
	return json({ ward: code, ...boardForApi(staffingBoard(locals.db, { ward: code })) });
};
