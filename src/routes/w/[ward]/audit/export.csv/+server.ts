import { auditCsv, parseAuditFilters } from '$lib/server/audit/audit-query';
import { isCityViewer } from '$lib/server/core/visibility';
import type { RequestHandler } from './$types';

/** GET /w/{ward}/audit/export.csv?user=&entity=&action=&from=&to= — the same filters as the page. */
export const GET: RequestHandler = ({ locals, url }) => {
	const ward = locals.ward!;
	// The city never sees a ward's draft (see visibility.ts).
	const scope = { wardId: ward.id, cityView: isCityViewer(locals.principal) };
	const csv = auditCsv(locals.db, scope, parseAuditFilters(url.searchParams));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${ward.code}-audit.csv"`,
			'cache-control': 'no-store'
		}
	});
};
