import { wardOf } from '$lib/server/http';
import {
	methodOf,
	prepareScoringView,
	scoringView,
	sensitivityPart
} from '$lib/server/sites/scoring-view';
import type { PageServerLoad } from './$types';

/**
 * The sensitivity of the method's ranking to each weight (?method=): the weights where the first
 * place changes hands, and the sweep of one criterion (?sc=) as a chart with its data table.
 * The results page says how many weights can change the first place and links here.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const wardId = wardOf(locals).id;
	const method = methodOf(url);
	// The analysis on a worker thread, then reused while the database is unchanged.
	await prepareScoringView(locals.db, wardId, method);
	const { decision, analysis } = scoringView(locals.db, wardId, method);
	return {
		method,
		hasResults: analysis !== null,
		criteria: decision.criteria.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn
		})),
		...sensitivityPart(analysis?.sensitivity ?? [], url.searchParams.get('sc'))
	};
};
