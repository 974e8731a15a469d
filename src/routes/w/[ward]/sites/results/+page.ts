import type { ScoreMapSite } from '$lib/geo/types';
import { layerAfterPage } from '../map-layer';
import type { PageLoad } from './$types';

/**
 * The analysis from the server; the score map's sites (every site with its polygon, score and
 * rank by the method shown) read from ./map by the browser after the page shows.
 */
export const load: PageLoad = ({ data, fetch, params }) => ({
	...data,
	mapSites: layerAfterPage(
		fetch,
		`/w/${params.ward}/sites/results/map?method=${encodeURIComponent(data.method)}`,
		{ sites: [] as ScoreMapSite[] }
	).then((layer) => layer.sites)
});
