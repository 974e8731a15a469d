import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { scenarioForApi } from '$lib/server/plans';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/plans/{id}: one scenario with its plan, moves and figures. */
export const GET: RequestHandler = ({ locals, params }) => {
	const id = Number(params.id);
	const scenario = Number.isInteger(id)
		? scenarioForApi(locals.db, locals.ward!.id, id, locals.locale)
		: null;
	if (!scenario) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return json(scenario);
};
