import { listNormSets } from '$lib/server/needs/norm-sets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ sets: listNormSets(locals.db) });
