import { cached } from '$lib/server/core/cache';
import { notFound, wardOf } from '$lib/server/http';
import { getScoringRun } from '$lib/server/sites/scoring';
import { pageParam, runPage, runView } from '$lib/server/sites/scoring-run-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const id = Number(params.id);
	const wardId = wardOf(locals).id;
	// A stored run never changes: parsing it (hundreds of KB with 200 sites) into the compact,
	// rounded view the page reads is reused while the database is unchanged (see
	// $lib/server/cache). Each request then sends only the rows it shows: the first rankings and
	// one page of values, everything with ?all=1; the full run stays in the JSON API.
	const view = cached(locals.db, `scoring-run-view:${wardId}:${id}`, () => {
		const run = getScoringRun(locals.db, wardId, id);
		return run ? runView(run) : undefined;
	});
	if (!view) notFound(locals.locale);
	return {
		run: runPage(view, { all: url.searchParams.get('all') === '1', page: pageParam(url) })
	};
};
