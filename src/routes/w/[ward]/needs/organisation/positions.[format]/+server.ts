import { error } from '@sveltejs/kit';
import { exportPositions } from '$lib/server/org';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** GET /w/{ward}/needs/organisation/positions.csv | .xlsx: the positions in the import format. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') error(404, 'Not found');
	const ward = locals.ward!;
	const body = await exportPositions(locals.db, ward.id, format);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${ward.code}-positions.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
