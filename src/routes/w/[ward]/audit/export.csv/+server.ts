import { auditCsv, parseAuditFilters } from '$lib/server/audit/audit-query';
import { isCityViewer } from '$lib/server/core/visibility';
import { download, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /w/{ward}/audit/export.csv?user=&entity=&action=&from=&to= — the same filters as the page. */
export const GET: RequestHandler = ({ locals, url }) => {
	const ward = wardOf(locals);
	// The city never sees a ward's draft (see visibility.ts).
	const scope = { wardId: ward.id, cityView: isCityViewer(locals.principal) };
	const csv = auditCsv(locals.db, scope, parseAuditFilters(url.searchParams));
	return download(csv, 'csv', `${ward.code}-audit`);
};
