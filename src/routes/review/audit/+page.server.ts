import {
	AUDIT_ACTIONS,
	auditFilterOptions,
	auditFilterQuery,
	parseAuditFilters,
	queryAudit,
	withDiffs
} from '$lib/server/audit-query';
import type { PageServerLoad } from './$types';

/** The city's view: audit rows of every ward's proposals (entity "proposal…"). */
export const load: PageServerLoad = ({ locals, url }) => {
	const scope = { proposals: true } as const;
	const filters = parseAuditFilters(url.searchParams);
	const list = queryAudit(locals.db, scope, filters);
	return {
		filters,
		query: auditFilterQuery(filters),
		list: { ...list, rows: withDiffs(list.rows) },
		options: { ...auditFilterOptions(locals.db, scope), actions: AUDIT_ACTIONS }
	};
};
