import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { scenarioForApi } from '$lib/server/plans';
import { translate } from '$lib/i18n';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/plans/{id}: one scenario with its plan, moves and figures. */
export const GET: RequestHandler = ({ locals, params }) => {
	// The [id=id] matcher has checked the id.
	const scenario = scenarioForApi(locals.db, wardOf(locals).id, Number(params.id), locals.locale);
	if (!scenario) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return json(scenario);
};
