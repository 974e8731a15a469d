import { adminCounts } from '$lib/server/admin/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ counts: adminCounts(locals.db) });
