import { intParam, notFound, pageWithin, wardOf } from '$lib/server/http';
import { cachedScenarioView } from '$lib/server/plans';
import type { PageServerLoad } from './$types';

/** Buildings per page of the list. */
const PAGE_SIZE = 100;

/**
 * Every building of the scenario's ward with its rooms and the persons the plan moves into it,
 * each linking the scenario's stack plan of that building: the stack plan's picker lists only
 * the buildings that matter in a ward of many (see buildingChoices).
 */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const wardId = wardOf(locals).id;
	const id = Number(params.id);
	// The same view as the scenario page's (reused while the database is unchanged).
	const view = cachedScenarioView(locals.db, wardId, id, locals.locale);
	if (!view) notFound(locals.locale);
	const total = view.buildings.length;
	const page = pageWithin(intParam(url, 'page', 1, 1, 100_000), total, PAGE_SIZE);
	return {
		scenario: { id: view.scenario.id, name: view.scenario.name },
		list: {
			rows: view.buildings
				.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
				.map((b) => ({ id: b.id, label: b.label, rooms: b.rooms, movesIn: b.movesIn })),
			page,
			pageSize: PAGE_SIZE,
			total
		}
	};
};
