/** Polygons of sites and boundaries: area, centroid, containment, validation, circles. */
import {
	area as turfArea,
	booleanPointInPolygon,
	centroid as turfCentroid,
	circle as turfCircle,
	kinks
} from '@turf/turf';
import { GeoInputError, assertLatLng } from './errors';
import type {
	BBox,
	GeoJsonPolygon,
	GeoJsonPolygonFeature,
	LatLng,
	PolygonInput,
	Position,
	Ring
} from './types';

function ringName(ringIndex: number): string {
	return ringIndex === 0 ? 'outer ring' : `hole ${ringIndex}`;
}

function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

function isFeature(input: PolygonInput): input is GeoJsonPolygonFeature {
	return !Array.isArray(input) && input.type === 'Feature';
}

/**
 * Normalises any accepted polygon input to a Polygon with closed rings (copied, never mutated).
 * Throws {@link GeoInputError} when a ring has fewer than 3 distinct positions or a position
 * is not a pair of finite numbers in range.
 */
function toPolygon(input: PolygonInput, path = 'polygon'): GeoJsonPolygon {
	let rings: Ring[];
	if (Array.isArray(input)) {
		rings = [input];
	} else if (isFeature(input)) {
		if (!input.geometry || input.geometry.type !== 'Polygon') {
			throw new GeoInputError(path, `${path} must be a Polygon feature`);
		}
		rings = input.geometry.coordinates;
	} else if (input && input.type === 'Polygon') {
		rings = input.coordinates;
	} else {
		throw new GeoInputError(path, `${path} must be a ring, a Polygon or a Polygon feature`);
	}
	if (!Array.isArray(rings) || rings.length === 0) {
		throw new GeoInputError(path, `${path} has no rings`);
	}
	const closed = rings.map((ring, r) => {
		if (!Array.isArray(ring)) {
			throw new GeoInputError(path, `${path}: ${ringName(r)} is not an array of positions`);
		}
		ring.forEach((p, i) => {
			if (
				!Array.isArray(p) ||
				p.length < 2 ||
				typeof p[0] !== 'number' ||
				typeof p[1] !== 'number' ||
				!Number.isFinite(p[0]) ||
				!Number.isFinite(p[1]) ||
				Math.abs(p[0]) > 180 ||
				Math.abs(p[1]) > 90
			) {
				throw new GeoInputError(
					path,
					`${path}: ${ringName(r)} position ${i} must be [longitude, latitude] in range, got ${JSON.stringify(p)}`
				);
			}
		});
		const copy = ring.map((p) => [p[0], p[1]]);
		if (copy.length > 0 && !samePosition(copy[0], copy[copy.length - 1])) copy.push([...copy[0]]);
		if (copy.length < 4) {
			throw new GeoInputError(
				path,
				`${path}: ${ringName(r)} needs at least 3 distinct positions, got ${Math.max(0, copy.length - 1)}`
			);
		}
		return copy;
	});
	return { type: 'Polygon', coordinates: closed };
}

/**
 * Area in square metres of a polygon (holes subtracted), computed by Turf's `area` on a sphere
 * of radius 6,371,008.8 m. Accepts a bare outer ring of [lng, lat] positions (closed
 * automatically), a GeoJSON Polygon or a Feature of one.
 *
 * @example
 * // a 0.001° × 0.001° square at the equator: (6,371,008.8 × π / 180 × 0.001)² ≈ 12,364 m²
 * polygonAreaM2([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001]]); // ≈ 12,364
 */
export function polygonAreaM2(polygon: PolygonInput): number {
	return turfArea(toPolygon(polygon));
}

/**
 * Centroid of a polygon as the mean of its vertices (Turf `centroid`; the closing vertex is
 * not double counted). Good enough for labels and distances on a site-sized polygon; it may
 * fall outside a strongly concave shape.
 *
 * @example
 * centroid([[106.75, 10.79], [106.76, 10.79], [106.76, 10.80], [106.75, 10.80]]);
 * // { lat: 10.795, lng: 106.755 }
 */
export function centroid(polygon: PolygonInput): LatLng {
	const [lng, lat] = turfCentroid(toPolygon(polygon)).geometry.coordinates;
	return { lat, lng };
}

/**
 * Whether a point is inside a polygon (outside its holes); a point on the boundary counts as
 * inside.
 *
 * @example
 * const square = [[106.75, 10.79], [106.76, 10.79], [106.76, 10.80], [106.75, 10.80]];
 * pointInPolygon({ lat: 10.795, lng: 106.755 }, square); // true
 * pointInPolygon({ lat: 10.805, lng: 106.755 }, square); // false
 */
export function pointInPolygon(point: LatLng, polygon: PolygonInput): boolean {
	assertLatLng(point, 'point');
	return booleanPointInPolygon([point.lng, point.lat], toPolygon(polygon));
}

/** A problem found by {@link validatePolygon}. */
export interface PolygonProblem {
	code:
		| 'not-polygon'
		| 'no-rings'
		| 'too-few-positions'
		| 'not-closed'
		| 'bad-position'
		| 'out-of-range'
		| 'self-intersection';
	message: string;
	ringIndex?: number;
	positionIndex?: number;
	/** Where edges cross, for 'self-intersection'. */
	at?: LatLng;
}

const MAX_INTERSECTIONS_REPORTED = 10;

/**
 * Checks an imported boundary or site polygon and lists its problems (an empty list means
 * valid): not a Polygon; a ring with fewer than 4 positions or not closed (last ≠ first);
 * positions that are not numbers or fall outside longitude [−180, 180] / latitude [−90, 90]
 * (the message suggests swapped axes when the pair looks like [lat, lng]); edges crossing,
 * found with Turf `kinks` (checked only when the rings are otherwise sound, at most 10 reported).
 *
 * @example
 * validatePolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
 * // [{ code: 'self-intersection', message: 'outer ring: edges cross at 0.5, 0.5 (lng, lat)', at: { lat: 0.5, lng: 0.5 } }]
 */
export function validatePolygon(geojson: unknown): PolygonProblem[] {
	let geometry: unknown = geojson;
	if (
		geometry &&
		typeof geometry === 'object' &&
		(geometry as { type?: unknown }).type === 'Feature'
	) {
		geometry = (geometry as { geometry?: unknown }).geometry;
	}
	if (!geometry || typeof geometry !== 'object') {
		return [{ code: 'not-polygon', message: 'expected a GeoJSON Polygon, got nothing usable' }];
	}
	const type = (geometry as { type?: unknown }).type;
	if (type !== 'Polygon') {
		return [
			{
				code: 'not-polygon',
				message: `expected a GeoJSON Polygon, got ${typeof type === 'string' ? type : 'no type'}`
			}
		];
	}
	const rings = (geometry as { coordinates?: unknown }).coordinates;
	if (!Array.isArray(rings) || rings.length === 0) {
		return [{ code: 'no-rings', message: 'the polygon has no rings' }];
	}
	const problems: PolygonProblem[] = [];
	rings.forEach((ring: unknown, r) => {
		const name = ringName(r);
		if (!Array.isArray(ring)) {
			problems.push({ code: 'bad-position', ringIndex: r, message: `${name} is not an array` });
			return;
		}
		let positionsOk = true;
		ring.forEach((p: unknown, i) => {
			if (
				!Array.isArray(p) ||
				p.length < 2 ||
				typeof p[0] !== 'number' ||
				typeof p[1] !== 'number' ||
				!Number.isFinite(p[0]) ||
				!Number.isFinite(p[1])
			) {
				positionsOk = false;
				problems.push({
					code: 'bad-position',
					ringIndex: r,
					positionIndex: i,
					message: `${name} position ${i} is not a pair of numbers: ${JSON.stringify(p) ?? String(p)}`
				});
				return;
			}
			const [lng, lat] = p as number[];
			if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
				positionsOk = false;
				const swapped = Math.abs(lng) <= 90 && Math.abs(lat) <= 180;
				problems.push({
					code: 'out-of-range',
					ringIndex: r,
					positionIndex: i,
					message:
						`${name} position ${i} [${lng}, ${lat}] is outside longitude [-180, 180] / latitude [-90, 90]` +
						(swapped ? '; GeoJSON order is [longitude, latitude], the pair looks swapped' : '')
				});
			}
		});
		if (ring.length < 4) {
			problems.push({
				code: 'too-few-positions',
				ringIndex: r,
				message: `${name} has ${ring.length} positions; a closed ring needs at least 4 (3 corners and the first repeated)`
			});
		}
		if (positionsOk && ring.length > 0 && !samePosition(ring[0], ring[ring.length - 1])) {
			problems.push({
				code: 'not-closed',
				ringIndex: r,
				message: `${name} is not closed: its last position must repeat the first`
			});
		}
	});
	if (problems.length > 0) return problems;

	const seen = new Set<string>();
	for (const kink of kinks(geometry as GeoJsonPolygon).features) {
		const [lng, lat] = kink.geometry.coordinates;
		const key = `${lng.toFixed(9)},${lat.toFixed(9)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		if (seen.size > MAX_INTERSECTIONS_REPORTED) break;
		problems.push({
			code: 'self-intersection',
			message: `edges cross at ${+lng.toFixed(7)}, ${+lat.toFixed(7)} (lng, lat)`,
			at: { lat, lng }
		});
	}
	return problems;
}

/**
 * A circle as a GeoJSON Polygon with `steps` vertices (closed), for drawing a TOD radius or a
 * buffer: Turf `circle` on a sphere of radius 6,371,008.8 m.
 *
 * @example
 * const ring = circlePolygon({ lat: 10.80215, lng: 106.74234 }, 1000, 64); // 1 km around An Phú
 * ring.coordinates[0].length; // 65 (64 vertices + closing)
 * polygonAreaM2(ring); // ≈ π × 1000² × (1 − small polygon deficit) ≈ 3.137 million m²
 */
export function circlePolygon(center: LatLng, radiusM: number, steps = 64): GeoJsonPolygon {
	assertLatLng(center, 'center');
	if (typeof radiusM !== 'number' || !Number.isFinite(radiusM) || radiusM <= 0) {
		throw new GeoInputError(
			'radiusM',
			`radiusM must be a finite number > 0, got ${String(radiusM)}`
		);
	}
	if (!Number.isInteger(steps) || steps < 3) {
		throw new GeoInputError('steps', `steps must be an integer ≥ 3, got ${String(steps)}`);
	}
	const feature = turfCircle([center.lng, center.lat], radiusM, { units: 'meters', steps });
	return { type: 'Polygon', coordinates: feature.geometry.coordinates };
}

/**
 * Whether a bounding box [west, south, east, north] contains a point, edges included. A box
 * with west > east is taken to cross the antimeridian.
 *
 * @example
 * bboxContains([106.74, 10.77, 106.79, 10.81], { lat: 10.79, lng: 106.76 }); // true
 * bboxContains([106.74, 10.77, 106.79, 10.81], { lat: 10.82, lng: 106.76 }); // false
 */
export function bboxContains(bbox: BBox, point: LatLng): boolean {
	assertLatLng(point, 'point');
	if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => Number.isFinite(v))) {
		throw new GeoInputError('bbox', 'bbox must be [west, south, east, north] of finite numbers');
	}
	const [west, south, east, north] = bbox;
	if (south > north) {
		throw new GeoInputError('bbox', `bbox south (${south}) is greater than north (${north})`);
	}
	if (point.lat < south || point.lat > north) return false;
	return west <= east
		? point.lng >= west && point.lng <= east
		: point.lng >= west || point.lng <= east;
}
