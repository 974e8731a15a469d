import { cached } from '$lib/server/core/cache';
import { listQuery, wardOf } from '$lib/server/http';
import { listSites, wardGeo } from '$lib/server/sites';
import { siteMapLayerOffThread } from '$lib/server/sites/scoring-worker';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ward = wardOf(locals);
	const { q, sort, page } = listQuery(url, ['code', 'name', 'area']);
	// The map layer and the latest run's scores (parsed from a large JSON) are computed on a
	// worker thread and reused while the database is unchanged.
	const layer = await siteMapLayerOffThread(locals.db, ward.id);
	return {
		q,
		sort,
		list: listSites(locals.db, ward.id, { q, page, sort, pageSize: 25 }),
		mapSites: layer.sites,
		hasScores: layer.hasScores,
		geo: cached(locals.db, `sites-geo:${ward.id}`, () => wardGeo(locals.db, ward.id))
	};
};
