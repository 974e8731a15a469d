import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { NeedsError, needsForWard } from '$lib/server/needs';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/wards/{code}/needs[?norm=<id>]: the space needs against the norm set version
 * (default: the current Decree 155/2025 set), with the version cited.
 */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const raw = url.searchParams.get('norm');
	let normSetId: number | undefined;
	if (raw !== null && raw !== '') {
		normSetId = Number(raw);
		if (!Number.isInteger(normSetId) || normSetId < 1) {
			return apiError(400, 'bad_request', 'norm must be a positive integer (a norm set id)');
		}
	}
	try {
		const needs = needsForWard(locals.db, locals.ward!.id, normSetId);
		return json({ ward: params.code, ...needs });
	} catch (e) {
		if (e instanceof NeedsError) return apiError(404, 'not_found', `No norm set ${raw}`);
		throw e;
	}
};
