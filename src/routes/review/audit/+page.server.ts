import { auditPage } from '$lib/server/audit/audit-query';
import type { PageServerLoad } from './$types';

/**
 * The city's view: audit rows of every ward's proposals (entity "proposal…"), 20 entries per
 * page (each has its own diff table), the first 10 changed fields of each, values cut at 48
 * characters: the CSV export has every entry in full.
 */
export const load: PageServerLoad = ({ locals, url }) =>
	auditPage(locals.db, { proposals: true }, url.searchParams, {
		pageSize: 20,
		fields: 10,
		chars: 48
	});
