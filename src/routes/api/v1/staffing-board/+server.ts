import { json } from '@sveltejs/kit';
import { apiError, noEndpoint } from '$lib/server/core/api';
import { QueueFullError, queueFullMessage } from '$lib/server/jobs';
import { boardForApi } from '$lib/server/needs/staffing-support';
import { staffingBoardOffThread } from '$lib/server/needs/staffing-worker';
import { boardFilter } from '../../../review/staffing/filter';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/staffing-board?ward=&field=&position=: every ward's vacancies by field and
 * position, the city's support assignments and what is uncovered. The city's (reviewers,
 * admins, tokens not bound to a ward): a ward's users see their own ward's part under
 * /api/v1/wards/{code}/staffing-support. Computed on the board's worker thread like the page
 * (reused while the database is unchanged); 503 `busy` with a retry-after when its queue is full.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const p = locals.principal;
	const city =
		(p?.kind === 'user' && (p.user.role === 'city_reviewer' || p.user.role === 'admin')) ||
		(p?.kind === 'token' && p.wardId === null);
	if (!city) return noEndpoint(locals.locale);
	try {
		return json(boardForApi(await staffingBoardOffThread(locals.db, boardFilter(url))));
	} catch (e) {
		if (!(e instanceof QueueFullError)) throw e;
		const busy = apiError(503, 'busy', queueFullMessage(e, locals.locale));
		busy.headers.set('retry-after', '30');
		return busy;
	}
};
