import { auditPage } from '$lib/server/audit/audit-query';
import { isCityViewer } from '$lib/server/core/visibility';
import { wardOf } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
	// The city never sees a ward's draft (see visibility.ts).
	auditPage(
		locals.db,
		{ wardId: wardOf(locals).id, cityView: isCityViewer(locals.principal) },
		url.searchParams
	);
