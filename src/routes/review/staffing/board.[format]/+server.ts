import { error } from '@sveltejs/kit';
import { exportBoard, staffingBoard } from '$lib/server/needs/staffing-support';
import { boardFilter } from '../filter';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** GET /review/staffing/board.csv | .xlsx: the board's vacancies with their coverage (filtered). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') error(404, 'Not found');
	const board = staffingBoard(locals.db, boardFilter(url));
	const body = await exportBoard(board, format, locals.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="ho-tro-nhan-su-${board.day}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
