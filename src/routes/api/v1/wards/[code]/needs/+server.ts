import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { NeedsError, needsForWard } from '$lib/server/needs';
import { recordId, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/wards/{code}/needs[?norm=<id>]: the space needs against the norm set version
 * (default: the current Decree 155/2025 set), with the version cited.
 */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const raw = url.searchParams.get('norm');
	const normSetId = raw === null || raw === '' ? undefined : recordId(raw);
	if (normSetId === null) {
		return apiError(400, 'bad_request', 'norm must be a positive integer (a norm set id)');
	}
	try {
		const needs = needsForWard(locals.db, wardOf(locals).id, normSetId);
		return json({ ward: params.code, ...needs });
	} catch (e) {
		if (e instanceof NeedsError) return apiError(404, 'not_found', `No norm set ${raw}`);
		throw e;
	}
};
