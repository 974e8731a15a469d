/**
 * The sites map of a proposal's submitted version (GET, JSON): the ward's centre, extent and
 * boundary and a marker (with its polygon when drawn) per site, the recommended one flagged.
 * The review page's map fetches it once the page shows, so the layer (tens of KB on a large
 * ward) is neither embedded in the page nor serialised for every view of it.
 */
import { json } from '@sveltejs/kit';
import { cached } from '$lib/server/core/cache';
import { notFound } from '$lib/server/http';
import { reviewProposalView } from '$lib/server/proposals/review-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const id = Number(params.id);
	// The page's own view of the proposal (the same entry as its load: computed once).
	const view = cached(locals.db, `review-proposal:${id}`, () => reviewProposalView(locals.db, id));
	// The city never sees a ward's draft.
	if (!view?.map) notFound(locals.locale);
	return json(view.map);
};
