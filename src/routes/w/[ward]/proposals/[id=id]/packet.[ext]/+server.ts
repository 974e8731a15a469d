import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getProposal, getVersion, listVersions } from '$lib/server/proposals';
import { maySeeProposal } from '$lib/server/core/visibility';
import { packetResponse, parsePacketExt, packetLocale } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

/** The packet of the draft as assembled (or of version ?v=n): ZIP, DOCX, PDF or XLSX. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ext = parsePacketExt(params.ext);
	const id = Number(params.id);
	const p = Number.isInteger(id) ? getProposal(locals.db, locals.ward!.id, id) : undefined;
	if (!p || !ext) error(404, translate(locals.locale, 'err.notFound'));
	// The city never sees a ward's draft (see visibility.ts).
	if (!maySeeProposal(locals.principal, { versions: listVersions(locals.db, p.id).length })) {
		error(404, translate(locals.locale, 'err.notFound'));
	}
	const n = Number(url.searchParams.get('v'));
	const version = n ? getVersion(locals.db, p.id, n) : undefined;
	if (n && !version) error(404, translate(locals.locale, 'err.notFound'));
	const snapshot = version?.snapshot ?? p.state.assembled;
	if (!snapshot) error(404, translate(locals.locale, 'err.notFound'));
	return packetResponse(snapshot, ext, packetLocale(url), {
		wardId: locals.ward!.id,
		proposalId: p.id,
		version,
		baseName: version ? `de-xuat-${p.id}-v${version.number}` : `de-xuat-${p.id}-du-thao`
	});
};
