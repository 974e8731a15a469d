/**
 * Geography for siting a ward headquarters: distances and TOD zones around metro stations,
 * polygon area/containment/validation (Turf), VN-2000 ⇄ WGS84 (proj4) and coordinate parsing.
 *
 * @example
 * import { METRO_STATIONS, nearestStation, todZone, parseCoordinate } from '$lib/geo';
 * const site = parseCoordinate('10.795, 106.745');
 * const near = nearestStation(site, METRO_STATIONS); // An Phú, ≈ 846.5 m
 * todZone(near!.distanceM); // 'transition'
 */
export { GeoInputError, assertLatLng } from './errors';
export {
	EARTH_RADIUS_M,
	TOD_CORE_RADIUS_M,
	TOD_RADIUS_M,
	distanceM,
	insideTod,
	nearestStation,
	todZone,
	type TodZone
} from './distance';
export { BINH_TRUNG_WORKING_EXTENT, METRO_STATIONS, type MetroStation } from './stations';
export {
	bboxContains,
	centroid,
	circlePolygon,
	pointInPolygon,
	polygonAreaM2,
	validatePolygon,
	type PolygonProblem
} from './polygon';
export {
	HCMC_CENTRAL_MERIDIAN,
	VN2000_RANGES,
	VN2000_TOWGS84,
	guessAxisOrder,
	vn2000ProjDefinition,
	vn2000ToWgs84,
	wgs84ToVn2000,
	type AxisOrder,
	type AxisOrderGuess,
	type Vn2000Options,
	type Vn2000Point,
	type Vn2000Result
} from './vn2000';
export { parseCoordinate, tryParseCoordinate, type ParsedCoordinate } from './parse';
export type {
	BBox,
	GeoJsonPolygon,
	GeoJsonPolygonFeature,
	LatLng,
	PolygonInput,
	Position,
	Ring,
	ScoreMapSite
} from './types';
