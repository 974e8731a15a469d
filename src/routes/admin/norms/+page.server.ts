import { listNormSets } from '$lib/server/norm-sets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ sets: listNormSets(locals.db) });
