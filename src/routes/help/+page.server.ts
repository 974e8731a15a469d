import { guide } from './guide';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	steps: guide(locals.locale),
	wardCode: locals.user?.wardCode ?? null
});
