import { exportPositions } from '$lib/server/org';
import { download, notFound, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /w/{ward}/needs/organisation/positions.csv | .xlsx: the positions in the import format. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(locals.locale);
	const ward = wardOf(locals);
	const body = await exportPositions(locals.db, ward.id, format);
	return download(body, format, `${ward.code}-positions`);
};
