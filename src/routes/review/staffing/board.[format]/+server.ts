import { exportBoard, staffingBoard } from '$lib/server/needs/staffing-support';
import { download, notFound } from '$lib/server/http';
import { boardFilter } from '../filter';
import type { RequestHandler } from './$types';

/** GET /review/staffing/board.csv | .xlsx: the board's vacancies with their coverage (filtered). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(locals.locale);
	const board = staffingBoard(locals.db, boardFilter(url));
	const body = await exportBoard(board, format, locals.locale);
	return download(body, format, `ho-tro-nhan-su-${board.day}`);
};
