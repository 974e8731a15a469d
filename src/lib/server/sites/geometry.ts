/**
 * The geometry of a candidate site: a point or a polygon, typed in WGS84 or VN-2000 (either axis
 * order) or drawn on the map, checked and resolved to WGS84 with its area.
 */
import {
	centroid,
	guessAxisOrder,
	polygonAreaM2,
	validatePolygon,
	vn2000ToWgs84,
	type GeoJsonPolygon,
	type LatLng,
	type Position
} from '../../geo';
import type { MessageKey } from '../../i18n';
import { parseLocaleNumber } from '../../schemas/fields';
import type { SiteAttributes, SiteGeometryInput } from '../../schemas/sites';
import { SiteError } from './errors';

/** The geometry of a site once resolved to WGS84. */
export interface ResolvedGeometry {
	lat: number;
	lng: number;
	polygon: GeoJsonPolygon | null;
	/** Area of the polygon in m² (rounded to 0.1), null for a point. */
	areaM2: number | null;
}

/** What the database stores for a site besides its ward. */
export type SiteValues = SiteAttributes & {
	lat: number;
	lng: number;
	polygonGeojson: string | null;
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A geometry refusal on `field` with the message to show. */
export const geomError = (
	field: string,
	key: MessageKey,
	params?: Record<string, string | number>
) => new SiteError('geometry', field, { key, params });

/** Converts one typed pair to WGS84 (c1/c2 as described in siteGeometrySchema). */
export function toWgs84(
	c1: number,
	c2: number,
	crs: 'wgs84' | 'vn2000',
	axisOrder: 'northing-easting' | 'easting-northing',
	field = 'c1'
): LatLng {
	if (crs === 'wgs84') {
		if (!(Math.abs(c1) <= 90) || !(Math.abs(c2) <= 180)) {
			throw geomError(field, 'sites.geom.outOfRange', { c1, c2 });
		}
		return { lat: c1, lng: c2 };
	}
	const guess = guessAxisOrder(c1, c2);
	if (guess.order === 'unknown') throw geomError(field, 'sites.geom.notVn2000', { c1, c2 });
	if (guess.order !== axisOrder) throw geomError(field, 'sites.geom.swapped', { c1, c2 });
	const p = vn2000ToWgs84({ x: c1, y: c2 }, { order: axisOrder });
	return { lat: round(p.lat, 7), lng: round(p.lng, 7) };
}

/** Removes consecutive duplicate positions and closes the ring. */
export function cleanRing(ring: Position[]): Position[] {
	const out: Position[] = [];
	for (const p of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
	}
	if (out.length > 1) {
		const [f, l] = [out[0], out[out.length - 1]];
		if (f[0] !== l[0] || f[1] !== l[1]) out.push([f[0], f[1]]);
	}
	return out;
}

/**
 * Checks a WGS84 GeoJSON Polygon and returns it cleaned, with its area and centroid; an invalid
 * polygon (self-intersection, out of range, too few corners) is refused with a clear message.
 */
export function checkPolygon(geometry: unknown, field = 'polygonGeojson'): ResolvedGeometry {
	let g = geometry;
	if (g && typeof g === 'object' && (g as { type?: unknown }).type === 'Feature') {
		g = (g as { geometry?: unknown }).geometry;
	}
	if (
		!g ||
		typeof g !== 'object' ||
		(g as { type?: unknown }).type !== 'Polygon' ||
		!Array.isArray((g as { coordinates?: unknown }).coordinates)
	) {
		throw geomError(field, 'sites.geom.notPolygon');
	}
	const rings = (g as GeoJsonPolygon).coordinates.map((r) =>
		Array.isArray(r) ? cleanRing(r.filter((p) => Array.isArray(p))) : []
	);
	const polygon: GeoJsonPolygon = { type: 'Polygon', coordinates: rings };
	const problems = validatePolygon(polygon);
	if (problems.length > 0) {
		const p = problems[0];
		if (p.code === 'self-intersection') {
			throw geomError(field, 'sites.geom.selfIntersection', {
				lat: p.at ? round(p.at.lat, 6) : '?',
				lng: p.at ? round(p.at.lng, 6) : '?'
			});
		}
		if (p.code === 'out-of-range') throw geomError(field, 'sites.geom.polygonOutOfRange');
		if (p.code === 'too-few-positions') throw geomError(field, 'sites.geom.tooFew');
		throw geomError(field, 'sites.geom.invalid', { detail: p.message });
	}
	const c = centroid(polygon);
	return {
		lat: round(c.lat, 7),
		lng: round(c.lng, 7),
		polygon,
		areaM2: round(polygonAreaM2(polygon), 1)
	};
}

/** Parses typed vertices, one "c1 c2" pair per line (same system and order as the point). */
export function parseVertices(
	text: string,
	crs: 'wgs84' | 'vn2000',
	axisOrder: 'northing-easting' | 'easting-northing'
): Position[] {
	const ring: Position[] = [];
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	lines.forEach((line, i) => {
		let parts = line.split(/[\s;\t]+/).filter(Boolean);
		if (parts.length === 1 && (parts[0].match(/,/g) ?? []).length === 1) {
			parts = parts[0].split(',');
		}
		if (parts.length === 3 && parts[1] === ',') parts = [parts[0], parts[2]];
		const nums = parts.map((p) => parseLocaleNumber(p.replace(/,$/, '')));
		if (nums.length !== 2 || nums.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
			throw geomError('vertices', 'sites.geom.badLine', { line: i + 1 });
		}
		const p = toWgs84(nums[0] as number, nums[1] as number, crs, axisOrder, 'vertices');
		ring.push([p.lng, p.lat]);
	});
	return ring;
}

/**
 * The geometry of a form: the drawn polygon first, then typed vertices, then the typed point.
 * Throws SiteError('geometry') with the field and the message to show.
 */
export function resolveGeometry(input: SiteGeometryInput): ResolvedGeometry {
	if (input.polygonGeojson) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(input.polygonGeojson);
		} catch {
			throw geomError('polygonGeojson', 'sites.geom.notPolygon');
		}
		return checkPolygon(parsed, 'polygonGeojson');
	}
	if (input.vertices) {
		const ring = parseVertices(input.vertices, input.crs, input.axisOrder);
		return checkPolygon({ type: 'Polygon', coordinates: [ring] }, 'vertices');
	}
	if (input.c1 === null || input.c2 === null) throw geomError('c1', 'sites.geom.missing');
	const p = toWgs84(input.c1, input.c2, input.crs, input.axisOrder, 'c1');
	return { lat: p.lat, lng: p.lng, polygon: null, areaM2: null };
}

/** The row values of a site: the land area is the polygon's when there is one. */
export function siteValues(attributes: SiteAttributes, geometry: ResolvedGeometry): SiteValues {
	return {
		...attributes,
		landAreaM2: geometry.areaM2 ?? attributes.landAreaM2,
		lat: geometry.lat,
		lng: geometry.lng,
		polygonGeojson: geometry.polygon ? JSON.stringify(geometry.polygon) : null
	};
}
