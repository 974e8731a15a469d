import { intParam, notFound, orBusy, wardOf } from '$lib/server/http';
import { scenarioBuildingsOffThread } from '$lib/server/plans';
import type { PageServerLoad } from './$types';

/**
 * Every building of the scenario's ward with its rooms and the persons the plan moves into it,
 * each linking the scenario's stack plan of that building: the stack plan's picker lists only
 * the buildings that matter in a ward of many (see buildingChoices). A page of 100, cut on the
 * worker thread that keeps the scenario's view (see $lib/server/plans/view-worker).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orBusy(
		scenarioBuildingsOffThread(
			locals.db,
			wardOf(locals).id,
			Number(params.id),
			locals.locale,
			intParam(url, 'page', 1, 1, 100_000)
		),
		locals.locale
	);
	if (!view) notFound(locals.locale);
	return view;
};
