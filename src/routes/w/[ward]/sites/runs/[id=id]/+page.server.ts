import { notFound, wardOf } from '$lib/server/http';
import { pageParam, runPage, runViewOf } from '$lib/server/sites/scoring-run-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	// A stored run never changes: parsing it (hundreds of KB with 200 sites) into the compact,
	// rounded view the page reads is done once per run (runViewOf). Each request then sends only
	// the rows it shows: the first rankings and one page of values, everything with ?all=1; the
	// full run stays in the JSON API.
	const view = runViewOf(locals.db, wardOf(locals).id, Number(params.id));
	if (!view) notFound(locals.locale);
	return {
		run: runPage(view, { all: url.searchParams.get('all') === '1', page: pageParam(url) })
	};
};
