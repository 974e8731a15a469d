import { facilityMarkers, listFacilities } from '$lib/server/inventory/facilities';
import { inventoryStats } from '$lib/server/inventory/inventory-stats';
import { cached } from '$lib/server/core/cache';
import { wards } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

const SORTS = ['code', 'name', 'area', 'rooms'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = locals.ward!;
	const q = url.searchParams.get('q')?.slice(0, 100) ?? '';
	const sortParam = url.searchParams.get('sort');
	const sort = SORTS.find((s) => s === sortParam) ?? 'code';
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const list = cached(locals.db, `facilities:${ward.id}:${q}:${page}:${sort}`, () =>
		listFacilities(locals.db, ward.id, { q, page, sort, pageSize: 25 })
	);
	const geo = locals.db
		.select({
			centreLat: wards.centreLat,
			centreLng: wards.centreLng,
			extentJson: wards.extentJson,
			boundaryGeojson: wards.boundaryGeojson
		})
		.from(wards)
		.where(eq(wards.id, ward.id))
		.get()!;
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
		geo: {
			centre: [geo.centreLat, geo.centreLng] as [number, number],
			extent: geo.extentJson
				? (JSON.parse(geo.extentJson) as [number, number, number, number])
				: null,
			boundary: geo.boundaryGeojson
				? (JSON.parse(geo.boundaryGeojson) as GeoJSON.GeoJsonObject)
				: null
		}
	};
};
