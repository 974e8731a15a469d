import { facilityMarkers, listFacilities } from '$lib/server/inventory/facilities';
import { inventoryStats } from '$lib/server/inventory/inventory-stats';
import { cached } from '$lib/server/core/cache';
import { listQuery, wardOf } from '$lib/server/http';
import { wardGeo } from '$lib/server/sites';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = wardOf(locals);
	const { q, sort, page } = listQuery(url, ['code', 'name', 'area', 'rooms']);
	const list = cached(locals.db, `facilities:${ward.id}:${q}:${page}:${sort}`, () =>
		listFacilities(locals.db, ward.id, { q, page, sort, pageSize: 25 })
	);
	return {
		q,
		sort,
		list,
		markers: cached(locals.db, `markers:${ward.id}`, () =>
			facilityMarkers(locals.db, ward.id).slice(0, 2000)
		),
		stats: cached(locals.db, `inventory-stats:${ward.id}`, () =>
			inventoryStats(locals.db, ward.id)
		),
		geo: wardGeo(locals.db, ward.id)
	};
};
