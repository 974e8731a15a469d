/** Geometry types of the geo module (structurally compatible with GeoJSON and Turf). */

/** A WGS84 point in decimal degrees. */
export interface LatLng {
	lat: number;
	lng: number;
}

/** A GeoJSON position: [longitude, latitude] (optionally an altitude, ignored). */
export type Position = number[];

/** A linear ring of positions; closed when the last position equals the first. */
export type Ring = Position[];

/** A GeoJSON Polygon geometry: the outer ring, then holes. */
export interface GeoJsonPolygon {
	type: 'Polygon';
	coordinates: Ring[];
}

/** A GeoJSON Feature holding a Polygon. */
export interface GeoJsonPolygonFeature {
	type: 'Feature';
	geometry: GeoJsonPolygon;
	properties: Record<string, unknown> | null;
	id?: string | number;
}

/** What the polygon functions accept: a bare outer ring, a Polygon or a Feature of one. */
export type PolygonInput = Ring | GeoJsonPolygon | GeoJsonPolygonFeature;

/** A GeoJSON bounding box: [west, south, east, north] in degrees. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

/** One candidate site on the score map of the results page (/w/[ward]/sites/results/map). */
export interface ScoreMapSite {
	id: number;
	code: string;
	name: string;
	lat: number;
	lng: number;
	polygon: GeoJsonPolygon | null;
	/** The site's score scaled to [0, 1] across the eligible sites; null when screened out. */
	score: number | null;
	/** Rank by the chosen method; null when screened out. */
	rank: number | null;
}
