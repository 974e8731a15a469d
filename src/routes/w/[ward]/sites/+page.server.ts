import { cached } from '$lib/server/core/cache';
import { listQuery, wardOf } from '$lib/server/http';
import { listSites, wardGeo } from '$lib/server/sites';
import { siteMapLayerOffThread } from '$lib/server/sites/scoring-worker';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ward = wardOf(locals);
	const { q, sort, dir, page } = listQuery(url, ['code', 'name', 'area']);
	// The map layer (every site, its polygon and the latest run's score) is computed on a worker
	// thread and reused while the database is unchanged; the page says only whether the sites are
	// coloured by score. The map reads the layer itself from ./map once the page shows (+page.ts).
	const layer = await siteMapLayerOffThread(locals.db, ward.id);
	return {
		q,
		sort,
		dir,
		list: listSites(locals.db, ward.id, { q, page, sort, dir, pageSize: 25 }),
		hasScores: layer.hasScores,
		geo: cached(locals.db, `sites-geo:${ward.id}`, () => wardGeo(locals.db, ward.id))
	};
};
