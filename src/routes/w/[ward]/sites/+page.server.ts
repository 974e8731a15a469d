import { cached } from '$lib/server/core/cache';
import { listQuery, wardOf } from '$lib/server/http';
import { allSites, listSites, wardGeo } from '$lib/server/sites';
import { latestRunScores } from '$lib/server/sites/scoring';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = wardOf(locals);
	const { q, sort, page } = listQuery(url, ['code', 'name', 'area']);
	// The map layer and the latest run's scores (parsed from a large JSON) are reused while the
	// database is unchanged (see $lib/server/cache).
	const scores = cached(locals.db, `sites-run-scores:${ward.id}`, () =>
		latestRunScores(locals.db, ward.id)
	);
	return {
		q,
		sort,
		list: listSites(locals.db, ward.id, { q, page, sort, pageSize: 25 }),
		mapSites: cached(locals.db, `sites-map:${ward.id}`, () => mapSites(locals.db, ward.id, scores)),
		hasScores: scores.size > 0,
		geo: cached(locals.db, `sites-geo:${ward.id}`, () => wardGeo(locals.db, ward.id))
	};
};

function mapSites(db: App.Locals['db'], wardId: number, scores: Map<number, number>) {
	return allSites(db, wardId)
		.slice(0, 2000)
		.map((s) => ({
			id: s.id,
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			polygon: s.polygonGeojson ? (JSON.parse(s.polygonGeojson) as GeoJSON.Geometry) : null,
			hq: s.isCurrentHeadquarters,
			landAreaM2: s.landAreaM2,
			score: scores.get(s.id) ?? null
		}));
}
