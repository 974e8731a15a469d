import { auditCsv, parseAuditFilters } from '$lib/server/audit/audit-query';
import { download } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /review/audit/export.csv — the proposals' audit rows with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	download(
		auditCsv(locals.db, { proposals: true }, parseAuditFilters(url.searchParams)),
		'csv',
		'proposals-audit'
	);
