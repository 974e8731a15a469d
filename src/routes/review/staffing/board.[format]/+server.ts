import { error } from '@sveltejs/kit';
import { download, notFound } from '$lib/server/http';
import { QueueFullError, queueFullMessage } from '$lib/server/jobs';
import { vnToday } from '$lib/server/needs/staffing-support';
import { staffingFileOffThread } from '$lib/server/needs/staffing-worker';
import { boardFilter } from '../filter';
import type { RequestHandler } from './$types';

/**
 * GET /review/staffing/board.csv | .xlsx: the board's vacancies with their coverage (filtered),
 * computed and written on a worker thread (reused while the database is unchanged); 503 with the
 * busy message when the queue is full.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(locals.locale);
	const day = vnToday();
	try {
		const body = await staffingFileOffThread(
			locals.db,
			boardFilter(url),
			format,
			locals.locale,
			day
		);
		return download(body, format, `ho-tro-nhan-su-${day}`);
	} catch (e) {
		if (e instanceof QueueFullError) {
			error(503, { message: queueFullMessage(e, locals.locale), code: 'busy' });
		}
		throw e;
	}
};
