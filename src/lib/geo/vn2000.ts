/**
 * VN-2000 (Vietnam's national datum, hệ tọa độ quốc gia VN-2000) ⇄ WGS84, with proj4.
 *
 * Plane coordinates are Transverse Mercator on the WGS84 ellipsoid: 3° zones (TM-3, k = 0.9999,
 * used by cadastral and planning maps; HCMC's central meridian is 105°45′) or 6° zones
 * (k = 0.9996), false easting 500,000 m. The datum shift is the 7-parameter transformation
 * published with Decision 05/2007/QĐ-BTNMT, written as proj4's `+towgs84` (position-vector
 * rotation signs, as EPSG transformation 6960 "VN-2000 to WGS 84 (2)" exports it).
 */
import proj4 from 'proj4';
import { GeoInputError, assertLatLng } from './errors';
import type { LatLng } from './types';

/**
 * The seven VN-2000 → WGS84 parameters of Decision 05/2007/QĐ-BTNMT in proj4 `+towgs84` form:
 * dX, dY, dZ (m), rX, rY, rZ (arc-seconds, position-vector convention), scale (ppm). Public code
 * copies the rotation signs both ways; these signs reproduce EPSG:6960 as published by
 * epsg.io (see vn2000.spec.ts), and the other signs move points by about 0.7 m.
 *
 * @example
 * VN2000_TOWGS84.join(','); // '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278'
 */
export const VN2000_TOWGS84 = Object.freeze([
	-191.90441429, -39.30318279, -111.45032835, -0.00928836, 0.01975479, -0.00427372, 0.252906278
] as const);

/**
 * HCMC's VN-2000 central meridian, 105°45′ (Circular 973/2001/TT-TCĐC).
 *
 * @example
 * vn2000ToWgs84({ x: 1194750, y: 608321 }, { centralMeridian: HCMC_CENTRAL_MERIDIAN });
 */
export const HCMC_CENTRAL_MERIDIAN = 105.75;

/** Order of the two numbers a user typed: cadastral files usually list northing (X) first. */
export type AxisOrder = 'northing-easting' | 'easting-northing';

/** Options of the VN-2000 conversions. */
export interface Vn2000Options {
	/** Central meridian in degrees; default 105.75 (105°45′, Ho Chi Minh City). */
	centralMeridian?: number;
	/** 3° zone (k = 0.9999, default) or 6° zone (k = 0.9996). */
	zoneWidth?: 3 | 6;
	/**
	 * Meaning of `{ x, y }`: 'northing-easting' (default; Vietnamese survey convention, X is
	 * northing) or 'easting-northing' (GIS convention, x is easting).
	 */
	order?: AxisOrder;
}

/** A VN-2000 plane coordinate pair, read according to {@link Vn2000Options.order}. */
export interface Vn2000Point {
	x: number;
	y: number;
}

/** Result of {@link wgs84ToVn2000}: `x`/`y` in the requested order, plus named axes. */
export interface Vn2000Result extends Vn2000Point {
	northing: number;
	easting: number;
}

interface ResolvedOptions {
	centralMeridian: number;
	zoneWidth: 3 | 6;
	order: AxisOrder;
}

function resolveOptions(options: Vn2000Options): ResolvedOptions {
	const centralMeridian = options.centralMeridian ?? HCMC_CENTRAL_MERIDIAN;
	const zoneWidth = options.zoneWidth ?? 3;
	const order = options.order ?? 'northing-easting';
	if (
		typeof centralMeridian !== 'number' ||
		!Number.isFinite(centralMeridian) ||
		Math.abs(centralMeridian) > 180
	) {
		throw new GeoInputError(
			'centralMeridian',
			`centralMeridian must be a longitude in [-180, 180], got ${String(centralMeridian)}`
		);
	}
	if (zoneWidth !== 3 && zoneWidth !== 6) {
		throw new GeoInputError('zoneWidth', `zoneWidth must be 3 or 6, got ${String(zoneWidth)}`);
	}
	if (order !== 'northing-easting' && order !== 'easting-northing') {
		throw new GeoInputError(
			'order',
			`order must be 'northing-easting' or 'easting-northing', got ${String(order)}`
		);
	}
	return { centralMeridian, zoneWidth, order };
}

/**
 * The proj4 definition of a VN-2000 Transverse Mercator zone.
 *
 * @example
 * vn2000ProjDefinition(105.75, 3);
 * // '+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84
 * //  +towgs84=-191.90441429,…,0.252906278 +units=m +no_defs'
 */
export function vn2000ProjDefinition(centralMeridian: number, zoneWidth: 3 | 6 = 3): string {
	const { centralMeridian: lon0, zoneWidth: width } = resolveOptions({
		centralMeridian,
		zoneWidth
	});
	const k = width === 3 ? 0.9999 : 0.9996;
	return (
		`+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=500000 +y_0=0 +ellps=WGS84 ` +
		`+towgs84=${VN2000_TOWGS84.join(',')} +units=m +no_defs`
	);
}

const makeConverter = (definition: string) => proj4(definition, 'WGS84');
type Converter = ReturnType<typeof makeConverter>;
const converters = new Map<string, Converter>();

function converterFor(centralMeridian: number, zoneWidth: 3 | 6): Converter {
	const definition = vn2000ProjDefinition(centralMeridian, zoneWidth);
	let converter = converters.get(definition);
	if (!converter) {
		converter = makeConverter(definition);
		converters.set(definition, converter);
	}
	return converter;
}

function assertFinite(value: unknown, path: string): asserts value is number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new GeoInputError(path, `${path} must be a finite number, got ${String(value)}`);
	}
}

/**
 * Converts VN-2000 plane coordinates to WGS84 latitude/longitude (degrees). By default `x` is
 * the northing and `y` the easting (Vietnamese convention), on HCMC's 3° zone (central
 * meridian 105°45′, k = 0.9999). Accuracy is that of the 2007 parameters (about a metre).
 *
 * @example
 * // An Phú metro station, northing 1,194,750.0 m, easting 608,321.1 m (HCMC TM-3)
 * vn2000ToWgs84({ x: 1194750.0, y: 608321.1 }); // ≈ { lat: 10.80215, lng: 106.74234 }
 * vn2000ToWgs84({ x: 608321.1, y: 1194750.0 }, { order: 'easting-northing' }); // same point
 */
export function vn2000ToWgs84(point: Vn2000Point, options: Vn2000Options = {}): LatLng {
	const { centralMeridian, zoneWidth, order } = resolveOptions(options);
	if (point === null || typeof point !== 'object') {
		throw new GeoInputError('point', 'point must be an object { x, y }');
	}
	assertFinite(point.x, 'point.x');
	assertFinite(point.y, 'point.y');
	const northing = order === 'northing-easting' ? point.x : point.y;
	const easting = order === 'northing-easting' ? point.y : point.x;
	const [lng, lat] = converterFor(centralMeridian, zoneWidth).forward([easting, northing]);
	if (!Number.isFinite(lat) || !Number.isFinite(lng)) {
		throw new GeoInputError(
			'point',
			`VN-2000 point (N ${northing}, E ${easting}) could not be converted`
		);
	}
	return { lat, lng };
}

/**
 * Converts WGS84 latitude/longitude to VN-2000 plane coordinates; `x`/`y` follow `order`
 * (default northing first), and `northing`/`easting` are given by name as well.
 *
 * @example
 * wgs84ToVn2000({ lat: 10.80215, lng: 106.74234 });
 * // ≈ { x: 1194750.0, y: 608321.1, northing: 1194750.0, easting: 608321.1 }
 */
export function wgs84ToVn2000(point: LatLng, options: Vn2000Options = {}): Vn2000Result {
	const { centralMeridian, zoneWidth, order } = resolveOptions(options);
	assertLatLng(point, 'point');
	const [easting, northing] = converterFor(centralMeridian, zoneWidth).inverse([
		point.lng,
		point.lat
	]);
	if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
		throw new GeoInputError(
			'point',
			`WGS84 point (${point.lat}, ${point.lng}) could not be converted`
		);
	}
	return order === 'northing-easting'
		? { x: northing, y: easting, northing, easting }
		: { x: easting, y: northing, northing, easting };
}

/**
 * Plausible ranges of VN-2000 plane coordinates over Viet Nam (8.3°-23.4° N), in metres.
 *
 * @example
 * VN2000_RANGES.hcmcNorthing.min; // 1,100,000
 */
export const VN2000_RANGES = Object.freeze({
	northing: Object.freeze({ min: 900_000, max: 2_700_000 }),
	easting: Object.freeze({ min: 100_000, max: 900_000 }),
	/** Ho Chi Minh City on its TM-3 zone (105°45′): northing ~1.1-1.25 M, easting ~0.5-0.7 M. */
	hcmcNorthing: Object.freeze({ min: 1_100_000, max: 1_250_000 }),
	hcmcEasting: Object.freeze({ min: 500_000, max: 700_000 })
});

/** Result of {@link guessAxisOrder}. */
export interface AxisOrderGuess {
	/** Which order the pair was typed in, or 'unknown' when neither reading is plausible. */
	order: AxisOrder | 'unknown';
	northing: number | null;
	easting: number | null;
	/** Whether the pair falls in Ho Chi Minh City's range on its TM-3 zone. */
	inHcmcRange: boolean;
	/** One sentence the UI can show. */
	message: string;
}

const inRange = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;

/**
 * Guesses whether a VN-2000 pair was typed northing first (cadastral X, Y) or easting first,
 * from magnitudes: over Viet Nam a northing is 900,000-2,700,000 m and an easting
 * 100,000-900,000 m (for HCMC, ~1,1xx,xxx and ~5xx,xxx-6xx,xxx). The two ranges do not overlap,
 * so at most one reading fits.
 *
 * @example
 * guessAxisOrder(1194750.0, 608321.1).order; // 'northing-easting'
 * guessAxisOrder(608321.1, 1194750.0).order; // 'easting-northing'
 * guessAxisOrder(10.8, 106.7).order; // 'unknown' (these look like degrees)
 */
export function guessAxisOrder(x: number, y: number): AxisOrderGuess {
	if (!Number.isFinite(x) || !Number.isFinite(y)) {
		return {
			order: 'unknown',
			northing: null,
			easting: null,
			inHcmcRange: false,
			message: 'Both coordinates must be numbers.'
		};
	}
	const guess = (order: AxisOrder, northing: number, easting: number): AxisOrderGuess => {
		const inHcmcRange =
			inRange(northing, VN2000_RANGES.hcmcNorthing) && inRange(easting, VN2000_RANGES.hcmcEasting);
		const typed =
			order === 'northing-easting'
				? 'The first number looks like a northing (X) and the second like an easting (Y).'
				: 'The first number looks like an easting (Y) and the second like a northing (X): the pair seems swapped.';
		return {
			order,
			northing,
			easting,
			inHcmcRange,
			message: inHcmcRange ? `${typed} Both fall within Ho Chi Minh City.` : typed
		};
	};
	const { northing: n, easting: e } = VN2000_RANGES;
	if (inRange(x, n) && inRange(y, e)) return guess('northing-easting', x, y);
	if (inRange(x, e) && inRange(y, n)) return guess('easting-northing', y, x);
	const looksLikeDegrees = Math.abs(x) <= 180 && Math.abs(y) <= 180;
	return {
		order: 'unknown',
		northing: null,
		easting: null,
		inHcmcRange: false,
		message: looksLikeDegrees
			? 'These look like degrees (latitude, longitude), not VN-2000 metres.'
			: 'Neither order gives a plausible VN-2000 northing (0.9-2.7 million m) and easting (0.1-0.9 million m).'
	};
}
