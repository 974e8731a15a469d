import { allSites, listSites, wardGeo } from '$lib/server/sites';
import { latestRunScores } from '$lib/server/scoring';
import type { PageServerLoad } from './$types';

const SORTS = ['code', 'name', 'area'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = locals.ward!;
	const q = url.searchParams.get('q')?.slice(0, 100) ?? '';
	const sortParam = url.searchParams.get('sort');
	const sort = SORTS.find((s) => s === sortParam) ?? 'code';
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const scores = latestRunScores(locals.db, ward.id);
	return {
		q,
		sort,
		list: listSites(locals.db, ward.id, { q, page, sort, pageSize: 25 }),
		mapSites: allSites(locals.db, ward.id)
			.slice(0, 2000)
			.map((s) => ({
				id: s.id,
				code: s.code,
				name: s.name,
				lat: s.lat,
				lng: s.lng,
				polygon: s.polygonGeojson ? (JSON.parse(s.polygonGeojson) as GeoJSON.Geometry) : null,
				hq: s.isCurrentHeadquarters,
				score: scores.get(s.id) ?? null
			})),
		hasScores: scores.size > 0,
		geo: wardGeo(locals.db, ward.id)
	};
};
