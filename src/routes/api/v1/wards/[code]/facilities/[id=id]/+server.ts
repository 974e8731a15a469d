import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { facilityForApi } from '$lib/server/inventory/facilities-api';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/facilities/{id} */
export const GET: RequestHandler = ({ locals, params }) => {
	const id = Number(params.id);
	const facility = Number.isInteger(id) ? facilityForApi(locals.db, locals.ward!.id, id) : null;
	if (!facility) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	// The version as an entity tag, for a client to send back as If-Match with a change.
	return json(facility, { headers: { etag: `"${facility.version}"` } });
};
