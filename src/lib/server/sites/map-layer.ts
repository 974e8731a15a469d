/**
 * The sites list's map layer: every site of the ward (at most {@link MAP_SITES_MAX}) with its
 * point, polygon and the latest scoring run's score scaled to 0-1 for the colour. Reading the
 * sites, parsing their polygons and the run's JSON grows with the ward: the server computes it
 * on a scoring worker (`siteMapLayerOffThread` in ./scoring-worker).
 */
import type { DbLike } from '../db';
import { allSites } from './records';
import { latestRunScores } from './runs';

/** Sites drawn on the list's map at most. */
export const MAP_SITES_MAX = 2000;

export interface MapSite {
	id: number;
	code: string;
	name: string;
	lat: number;
	lng: number;
	polygon: GeoJSON.Geometry | null;
	hq: boolean;
	landAreaM2: number | null;
	/** The latest run's score scaled to 0-1 (null: not in the run, or no run). */
	score: number | null;
}

export interface SiteMapLayer {
	sites: MapSite[];
	/** True when the ward has a scoring run (the map colours by score). */
	hasScores: boolean;
}

export function siteMapLayer(db: DbLike, wardId: number): SiteMapLayer {
	const scores = latestRunScores(db, wardId);
	const sites = allSites(db, wardId)
		.slice(0, MAP_SITES_MAX)
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
	return { sites, hasScores: scores.size > 0 };
}
