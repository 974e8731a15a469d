import { error } from '@sveltejs/kit';
import { cached } from '$lib/server/cache';
import { getScoringRun } from '$lib/server/scoring';
import type { PageServerLoad } from './$types';

/** SMAA rows and ranks the page shows (its table: the first 50 sites, ranks 1-5). */
const SMAA_ROWS = 50;
const SMAA_RANKS = 5;

export const load: PageServerLoad = ({ locals, params }) => {
	const id = Number(params.id);
	const wardId = locals.ward!.id;
	// A stored run never changes; parsing it (hundreds of KB with 200 sites) and trimming it to
	// what the page shows is reused while the database is unchanged (see $lib/server/cache).
	const run = Number.isInteger(id)
		? cached(locals.db, `scoring-run-page:${wardId}:${id}`, () => {
				const r = getScoringRun(locals.db, wardId, id);
				if (!r) return undefined;
				// The page does not show the decision matrix, the contributions or the central
				// weights; the full run stays available as JSON (API) and in the packet.
				const smaa = r.result.smaa;
				return {
					...r,
					result: {
						...r.result,
						matrix: [],
						contributions: [],
						smaa: smaa && {
							...smaa,
							rankAcceptability: smaa.rankAcceptability
								.slice(0, SMAA_ROWS)
								.map((row) => row.slice(0, SMAA_RANKS)),
							centralWeights: []
						}
					}
				};
			})
		: undefined;
	if (!run) error(404, 'Not found');
	return { run };
};
