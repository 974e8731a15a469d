import { getProposal, getVersion, listVersions } from '$lib/server/proposals';
import { maySeeProposal } from '$lib/server/core/visibility';
import { packetResponse, parsePacketExt, packetLocale } from '$lib/server/export/respond';
import { wardOf, notFound } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The packet of the draft as assembled (or of version ?v=n): ZIP, DOCX, PDF or XLSX. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ext = parsePacketExt(params.ext);
	const id = Number(params.id);
	const p = Number.isInteger(id) ? getProposal(locals.db, wardOf(locals).id, id) : undefined;
	if (!p || !ext) notFound(locals.locale);
	// The city never sees a ward's draft (see visibility.ts).
	if (!maySeeProposal(locals.principal, { versions: listVersions(locals.db, p.id).length })) {
		notFound(locals.locale);
	}
	const n = Number(url.searchParams.get('v'));
	const version = n ? getVersion(locals.db, p.id, n) : undefined;
	if (n && !version) notFound(locals.locale);
	const snapshot = version?.snapshot ?? p.state.assembled;
	if (!snapshot) notFound(locals.locale);
	return packetResponse(snapshot, ext, packetLocale(url), {
		wardId: wardOf(locals).id,
		proposalId: p.id,
		version,
		baseName: version ? `de-xuat-${p.id}-v${version.number}` : `de-xuat-${p.id}-du-thao`
	});
};
