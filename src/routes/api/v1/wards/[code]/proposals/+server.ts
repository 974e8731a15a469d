import { json } from '@sveltejs/kit';
import { proposalsForApi } from '$lib/server/proposals';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/proposals — the ward's proposals and their versions. */
export const GET: RequestHandler = ({ locals, params }) => {
	const p = locals.principal;
	// The city sees a proposal once submitted: drafts only for the ward's own users and admins.
	const includeDrafts =
		p?.kind === 'user' ? p.user.role !== 'city_reviewer' : p?.kind === 'token' && p.wardId !== null;
	return json({
		ward: params.code,
		proposals: proposalsForApi(locals.db, locals.ward!.id, includeDrafts)
	});
};
