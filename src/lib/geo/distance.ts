/** Great-circle distances and transit-oriented development (TOD) zones around metro stations. */
import { GeoInputError, assertLatLng } from './errors';
import type { LatLng } from './types';

/**
 * Mean Earth radius (IUGG R1, the value Turf uses), in metres.
 *
 * @example
 * (EARTH_RADIUS_M * Math.PI) / 180; // ≈ 111,195.08 m per degree of latitude
 */
export const EARTH_RADIUS_M = 6371008.8;

/**
 * Outer edge of the TOD core zone (vùng lõi), in metres: Decision 4836/QĐ-UBND (2024) uses a
 * 400-500 m core; the product takes the outer value.
 *
 * @example
 * todZone(TOD_CORE_RADIUS_M); // 'core'
 */
export const TOD_CORE_RADIUS_M = 500;

/**
 * Outer edge of the TOD area, in metres: Resolution 188/2025/QH15 (Art. 6(1)) and HCMC People's
 * Council Resolution 38/2025 define the TOD area as land within 1,000 m of a station;
 * Decision 4836/QĐ-UBND calls 500-1,000 m the transition zone (vùng chuyển tiếp).
 *
 * @example
 * insideTod(site, METRO_STATIONS, TOD_RADIUS_M); // the default radius
 */
export const TOD_RADIUS_M = 1000;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres between two WGS84 points (haversine formula on a sphere of
 * radius {@link EARTH_RADIUS_M} = 6,371,008.8 m; within 0.5 % of the ellipsoidal distance).
 *
 * @example
 * distanceM({ lat: 0, lng: 0 }, { lat: 1, lng: 0 }); // 6,371,008.8 × π / 180 ≈ 111,195.08
 * distanceM({ lat: 10.80215, lng: 106.74234 }, { lat: 10.80854, lng: 106.75529 }); // ≈ 1,582.9 (An Phú → Rạch Chiếc)
 */
export function distanceM(a: LatLng, b: LatLng): number {
	assertLatLng(a, 'a');
	assertLatLng(b, 'b');
	const dLat = toRad(b.lat - a.lat);
	const dLng = toRad(b.lng - a.lng);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The station nearest to `point` and its distance in metres, or `null` for an empty list.
 * Ties go to the station listed first.
 *
 * @example
 * nearestStation({ lat: 10.795, lng: 106.745 }, METRO_STATIONS);
 * // { station: (An Phú), distanceM: ≈ 846.5 }
 */
export function nearestStation<S extends LatLng>(
	point: LatLng,
	stations: readonly S[]
): { station: S; distanceM: number } | null {
	assertLatLng(point, 'point');
	let best: { station: S; distanceM: number } | null = null;
	for (let i = 0; i < stations.length; i++) {
		const station = stations[i];
		assertLatLng(station, `stations[${i}]`);
		const d = distanceM(point, station);
		if (best === null || d < best.distanceM) best = { station, distanceM: d };
	}
	return best;
}

/** TOD zone of a distance from a station. */
export type TodZone = 'core' | 'transition' | 'outside';

/**
 * TOD zone for a distance to the nearest station: 'core' up to 500 m, 'transition' up to
 * 1,000 m (Decision 4836/QĐ-UBND, 2024; Resolution 188/2025/QH15 takes 1,000 m as the TOD
 * area), otherwise 'outside'. Both edges are inclusive.
 *
 * @example
 * todZone(500); // 'core'
 * todZone(962.9); // 'transition' (An Phú → Thảo Điền)
 * todZone(1582.9); // 'outside'
 */
export function todZone(distanceM: number): TodZone {
	if (typeof distanceM !== 'number' || !Number.isFinite(distanceM) || distanceM < 0) {
		throw new GeoInputError(
			'distanceM',
			`distanceM must be a finite number ≥ 0, got ${String(distanceM)}`
		);
	}
	if (distanceM <= TOD_CORE_RADIUS_M) return 'core';
	if (distanceM <= TOD_RADIUS_M) return 'transition';
	return 'outside';
}

/**
 * Whether `point` lies within `radiusM` (default 1,000 m, the TOD area of Resolution
 * 188/2025/QH15) of any station. Pass only operating stations if future ones should not count:
 * `METRO_STATIONS.filter((s) => !s.future)`.
 *
 * @example
 * insideTod({ lat: 10.795, lng: 106.745 }, METRO_STATIONS); // true (≈ 846.5 m from An Phú)
 * insideTod({ lat: 10.795, lng: 106.745 }, METRO_STATIONS, 500); // false
 */
export function insideTod(
	point: LatLng,
	stations: readonly LatLng[],
	radiusM: number = TOD_RADIUS_M
): boolean {
	if (typeof radiusM !== 'number' || !Number.isFinite(radiusM) || radiusM < 0) {
		throw new GeoInputError(
			'radiusM',
			`radiusM must be a finite number ≥ 0, got ${String(radiusM)}`
		);
	}
	const nearest = nearestStation(point, stations);
	return nearest !== null && nearest.distanceM <= radiusM;
}
