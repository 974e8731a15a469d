import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { apiError } from '$lib/server/core/api';
import { getVersion } from '$lib/server/proposals';
import type { RequestHandler } from './$types';

/** GET /api/v1/proposals/{id}/versions/{n} — the frozen snapshot of a submitted version. */
export const GET: RequestHandler = ({ locals, params }) => {
	const v = getVersion(locals.db, Number(params.id), Number(params.n));
	if (!v) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return json({
		proposalId: Number(params.id),
		number: v.number,
		sha256: v.sha256,
		submittedAt: new Date(v.submittedAt).toISOString(),
		files: v.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
		snapshot: v.snapshot
	});
};
