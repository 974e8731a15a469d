import { error } from '@sveltejs/kit';
import { exportStaffingGaps } from '$lib/server/needs';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/**
 * GET /w/{ward}/needs/staffing-gaps.csv | .xlsx: vacancies by position, grouped by field (the
 * city's five fields first, leadership on its own), with a total row.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') error(404, 'Not found');
	const ward = locals.ward!;
	const body = await exportStaffingGaps(locals.db, ward.id, format, locals.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${ward.code}-staffing-gaps.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
