import { exportStaffingGaps } from '$lib/server/needs';
import { download, notFound, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * GET /w/{ward}/needs/staffing-gaps.csv | .xlsx: vacancies by position, grouped by field (the
 * city's five fields first, leadership on its own), with a total row.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(locals.locale);
	const ward = wardOf(locals);
	const body = await exportStaffingGaps(locals.db, ward.id, format, locals.locale);
	return download(body, format, `${ward.code}-staffing-gaps`);
};
