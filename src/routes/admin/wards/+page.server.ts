import { cached } from '$lib/server/core/cache';
import { listWards } from '$lib/server/admin/wards';
// Lower case without diacritics, so "binh trung" finds "Phường Bình Trưng".
import { foldVi as fold } from '$lib/text/fold';
import { listQuery, pageWithin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** Wards per page (a city has about 170). */
const PAGE_SIZE = 50;

export const load: PageServerLoad = ({ locals, url }) => {
	const query = listQuery(url, ['name']);
	const q = query.q;
	// The list with its user and facility counts is reused while the database is unchanged.
	const all = cached(locals.db, 'admin-wards', () =>
		listWards(locals.db).map((w) => ({
			id: w.id,
			code: w.code,
			name: w.name,
			adminCode: w.adminCode,
			isSample: w.isSample,
			hasBoundary: w.hasBoundary,
			userCount: w.userCount,
			facilityCount: w.facilityCount,
			folded: fold(`${w.name} ${w.code} ${w.adminCode ?? ''}`)
		}))
	);
	const needle = fold(q);
	const matching = needle ? all.filter((w) => w.folded.includes(needle)) : all;
	const page = pageWithin(query.page, matching.length, PAGE_SIZE);
	return {
		list: {
			rows: matching
				.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
				.map(({ folded: _f, ...w }) => w),
			total: matching.length,
			page,
			pageSize: PAGE_SIZE
		},
		any: all.length > 0,
		q
	};
};
