import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { getScoringRun } from '$lib/server/sites/scoring';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/scoring-runs/{id} — a run with everything it stored. */
export const GET: RequestHandler = ({ locals, params }) => {
	const id = Number(params.id);
	const run = Number.isInteger(id) ? getScoringRun(locals.db, locals.ward!.id, id) : undefined;
	if (!run) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return json({ ward: params.code, ...run });
};
