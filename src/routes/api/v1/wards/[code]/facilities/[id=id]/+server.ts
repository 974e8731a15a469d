import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/core/api';
import { facilityForApi } from '$lib/server/inventory/facilities-api';
import { translate } from '$lib/i18n';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/facilities/{id} */
export const GET: RequestHandler = ({ locals, params }) => {
	// The [id=id] matcher has checked the id.
	const facility = facilityForApi(locals.db, wardOf(locals).id, Number(params.id));
	if (!facility) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	// The version as an entity tag, for a client to send back as If-Match with a change.
	return json(facility, { headers: { etag: `"${facility.version}"` } });
};
