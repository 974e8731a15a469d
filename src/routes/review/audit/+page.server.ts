import {
	AUDIT_ACTIONS,
	auditFilterOptions,
	auditFilterQuery,
	parseAuditFilters,
	queryAudit,
	withDiffs
} from '$lib/server/audit/audit-query';
import { cached } from '$lib/server/core/cache';
import type { PageServerLoad } from './$types';

/**
 * Entries per page (each has its own diff table), changed fields shown per entry and characters
 * per value: the CSV export has every entry in full.
 */
const PAGE_SIZE = 20;
const FIELDS = 10;
const CHARS = 48;
const cut = (v: string | null) => (v !== null && v.length > CHARS ? `${v.slice(0, CHARS)}…` : v);

/** The city's view: audit rows of every ward's proposals (entity "proposal…"). */
export const load: PageServerLoad = ({ locals, url }) => {
	const scope = { proposals: true } as const;
	const filters = parseAuditFilters(url.searchParams);
	const list = queryAudit(locals.db, scope, filters, PAGE_SIZE);
	return {
		filters,
		query: auditFilterQuery(filters),
		// Only the changed fields, the first FIELDS of them, long values shortened.
		list: {
			...list,
			rows: withDiffs(list.rows).map((r) => ({
				...r,
				diff: r.diff
					.slice(0, FIELDS)
					.map((d) => ({ field: d.field, before: cut(d.before), after: cut(d.after) })),
				more: Math.max(0, r.diff.length - FIELDS)
			}))
		},
		// The users and entities of the drop-downs scan the whole trail: reused while unchanged.
		options: {
			...cached(locals.db, 'review-audit-options', () => auditFilterOptions(locals.db, scope)),
			actions: AUDIT_ACTIONS
		}
	};
};
