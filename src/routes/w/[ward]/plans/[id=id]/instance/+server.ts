import { notFound, orBusy, wardOf } from '$lib/server/http';
import { scenarioInstanceOffThread } from '$lib/server/plans';
import type { RequestHandler } from './$types';

/**
 * The allocation instance of a scenario (units, rooms, settings, weights in instance keys), for
 * the move form's live check in the browser. Fetched when the form is first used rather than
 * sent with every page: on a ward of 5,000 rooms it is 0.4 MB. Written as JSON on the worker
 * thread that keeps the scenario's view (see $lib/server/plans/view-worker).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const body = await orBusy(
		scenarioInstanceOffThread(locals.db, wardOf(locals).id, Number(params.id), locals.locale),
		locals.locale
	);
	if (body === null) notFound(locals.locale);
	return new Response(body, {
		headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' }
	});
};
