import { translate } from '$lib/i18n';
import { apiError } from '$lib/server/core/api';
import { packetLocale, packetResponse, parsePacketExt } from '$lib/server/export/respond';
import { getVersion } from '$lib/server/proposals';
import type { RequestHandler } from './$types';

/** GET /api/v1/proposals/{id}/versions/{n}/packet.{zip|docx|pdf|xlsx}[?lang=en] */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ext = parsePacketExt(params.ext);
	const id = Number(params.id);
	const v = ext ? getVersion(locals.db, id, Number(params.n)) : undefined;
	if (!ext || !v) return apiError(404, 'not_found', translate(locals.locale, 'err.notFound'));
	return packetResponse(v.snapshot, ext, packetLocale(url), {
		wardId: v.snapshot.ward.id,
		answer: 'json',
		proposalId: id,
		version: v,
		baseName: `de-xuat-${id}-v${v.number}`
	});
};
