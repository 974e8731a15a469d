import { auditCsv, parseAuditFilters } from '$lib/server/audit/audit-query';
import type { RequestHandler } from './$types';

/** GET /review/audit/export.csv — the proposals' audit rows with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	new Response(auditCsv(locals.db, { proposals: true }, parseAuditFilters(url.searchParams)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="proposals-audit.csv"',
			'cache-control': 'no-store'
		}
	});
