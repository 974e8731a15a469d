import { vacanciesByPosition } from '$lib/server/needs';
import { cached } from '$lib/server/core/cache';
import { wardOf } from '$lib/server/http';
import { staffingTable } from '../view';
import type { PageServerLoad } from './$types';

/** The ward's vacancies by position under the city's fields (printable, with its downloads). */
export const load: PageServerLoad = ({ locals }) => {
	const ward = wardOf(locals);
	return {
		vacancies: cached(locals.db, `needs-staffing:${ward.id}`, () =>
			staffingTable(vacanciesByPosition(locals.db, ward.id))
		)
	};
};
