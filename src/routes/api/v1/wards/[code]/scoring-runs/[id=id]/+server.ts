import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { getScoringRun } from '$lib/server/sites/scoring';
import { translate } from '$lib/i18n';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/scoring-runs/{id} — a run with everything it stored. */
export const GET: RequestHandler = ({ locals, params }) => {
	// The [id=id] matcher has checked the id.
	const run = getScoringRun(locals.db, wardOf(locals).id, Number(params.id));
	if (!run) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return json({ ward: params.code, ...run });
};
