import { listWards } from '$lib/server/wards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ wards: listWards(locals.db) });
