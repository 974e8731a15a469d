import { json } from '@sveltejs/kit';
import { proposalsForApi } from '$lib/server/proposals';
import { maySeeProposal } from '$lib/server/core/visibility';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/proposals — the ward's proposals and their versions. */
export const GET: RequestHandler = ({ locals, params }) => {
	// The city sees a proposal once submitted; drafts only for the ward's own users and admins
	// (see visibility.ts).
	return json({
		ward: params.code,
		proposals: proposalsForApi(locals.db, wardOf(locals).id, true).filter((p) =>
			maySeeProposal(locals.principal, { versions: p.versions.length })
		)
	});
};
