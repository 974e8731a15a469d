import {
	AUDIT_ACTIONS,
	auditFilterOptions,
	auditFilterQuery,
	parseAuditFilters,
	queryAudit,
	withDiffs
} from '$lib/server/audit/audit-query';
import { isCityViewer } from '$lib/server/core/visibility';
import { wardOf } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	// The city never sees a ward's draft (see visibility.ts).
	const scope = { wardId: wardOf(locals).id, cityView: isCityViewer(locals.principal) };
	const filters = parseAuditFilters(url.searchParams);
	const list = queryAudit(locals.db, scope, filters);
	return {
		filters,
		query: auditFilterQuery(filters),
		list: { ...list, rows: withDiffs(list.rows) },
		options: { ...auditFilterOptions(locals.db, scope), actions: AUDIT_ACTIONS }
	};
};
