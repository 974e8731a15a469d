import type { MapSite } from '$lib/server/sites/map-layer';
import { layerAfterPage } from './map-layer';
import type { PageLoad } from './$types';

/** The list from the server; the map's sites read from ./map by the browser after the page. */
export const load: PageLoad = ({ data, fetch, params }) => ({
	...data,
	mapSites: layerAfterPage(fetch, `/w/${params.ward}/sites/map`, { sites: [] as MapSite[] }).then(
		(layer) => layer.sites
	)
});
