import { json } from '@sveltejs/kit';
import { cached } from '$lib/server/core/cache';
import { notFound, wardOf } from '$lib/server/http';
import { scenarioView } from '$lib/server/plans';
import type { RequestHandler } from './$types';

/**
 * The allocation instance of a scenario (units, rooms, settings, weights in instance keys), for
 * the move form's live check in the browser. Fetched when the form is first used rather than
 * sent with every page: on a ward of 5,000 rooms it is 0.4 MB. The same cached view as the page.
 */
export const GET: RequestHandler = ({ locals, params }) => {
	const wardId = wardOf(locals).id;
	const id = Number(params.id);
	const view = cached(locals.db, `plan-page:${wardId}:${id}:${locals.locale}`, () =>
		scenarioView(locals.db, wardId, id, locals.locale)
	);
	if (!view) notFound(locals.locale);
	return json({ instance: view.instance }, { headers: { 'cache-control': 'private, no-store' } });
};
