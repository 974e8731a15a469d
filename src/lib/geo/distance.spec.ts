import { describe, expect, it } from 'vitest';
import {
	BINH_TRUNG_WORKING_EXTENT,
	EARTH_RADIUS_M,
	GeoInputError,
	METRO_STATIONS,
	bboxContains,
	distanceM,
	insideTod,
	nearestStation,
	todZone
} from './index';

const station = (id: string) => METRO_STATIONS.find((s) => s.id === id)!;

describe('distanceM (haversine, R = 6,371,008.8 m)', () => {
	it('one degree of latitude = R × π / 180', () => {
		// 6,371,008.8 × 3.14159265 / 180 = 111,195.0802 m
		expect(distanceM({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111195.0802, 3);
		expect(EARTH_RADIUS_M).toBe(6371008.8);
	});

	it('one degree of longitude at 60° N is half that (cos 60° = 0.5), up to the chord', () => {
		// along the parallel it would be 55,597.5 m; the great circle is slightly shorter
		const d = distanceM({ lat: 60, lng: 0 }, { lat: 60, lng: 1 });
		expect(d).toBeLessThan(55597.54);
		expect(d).toBeGreaterThan(55590);
	});

	// Expected values computed independently with the spherical law of cosines,
	// d = R · acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ), R = 6,371,008.8 m (Python, float64).
	it.each([
		['an-phu', 'rach-chiec', 1582.883],
		['an-phu', 'thao-dien', 962.889],
		['an-phu', 'phuoc-long', 2743.164],
		['an-phu', 'thu-thiem-hub', 1825.679]
	])('%s → %s ≈ %d m', (a, b, expected) => {
		expect(distanceM(station(a), station(b))).toBeCloseTo(expected, 2);
	});

	it('is symmetric and zero for the same point', () => {
		const a = station('an-phu');
		const b = station('rach-chiec');
		expect(distanceM(a, b)).toBe(distanceM(b, a));
		expect(distanceM(a, a)).toBe(0);
	});

	it('rejects out-of-range points', () => {
		expect(() => distanceM({ lat: 106.7, lng: 10.8 }, { lat: 0, lng: 0 })).toThrow(GeoInputError);
		expect(() => distanceM({ lat: 0, lng: 0 }, { lat: Number.NaN, lng: 0 })).toThrow(/b\.lat/);
	});
});

describe('stations', () => {
	it('lists the four Line 1 stations and the future Thủ Thiêm hub, all approximate', () => {
		expect(METRO_STATIONS).toHaveLength(5);
		expect(METRO_STATIONS.filter((s) => !s.future).map((s) => s.name)).toEqual([
			'An Phú',
			'Rạch Chiếc',
			'Thảo Điền',
			'Phước Long'
		]);
		expect(METRO_STATIONS.filter((s) => s.future).map((s) => s.id)).toEqual(['thu-thiem-hub']);
		for (const s of METRO_STATIONS) {
			expect(s.approximate).toBe(true);
			expect(s.source.length).toBeGreaterThan(10);
		}
		expect(station('an-phu')).toMatchObject({ lat: 10.80215, lng: 106.74234 });
		expect(station('thu-thiem-hub')).toMatchObject({ lat: 10.78583, lng: 106.74417 });
	});

	it('the working extent is [106.74, 10.77, 106.79, 10.81]', () => {
		expect(BINH_TRUNG_WORKING_EXTENT).toEqual([106.74, 10.77, 106.79, 10.81]);
		expect(bboxContains(BINH_TRUNG_WORKING_EXTENT, station('an-phu'))).toBe(true);
		expect(bboxContains(BINH_TRUNG_WORKING_EXTENT, station('phuoc-long'))).toBe(false);
	});
});

describe('nearestStation, todZone, insideTod', () => {
	// A site at 10.795, 106.745: haversine to An Phú 846.47 m, Thủ Thiêm hub 1,023.68 m,
	// Thảo Điền 1,380.91 m, Rạch Chiếc 1,878.82 m, Phước Long 3,262.77 m (computed in Python).
	const site = { lat: 10.795, lng: 106.745 };

	it('finds the nearest station', () => {
		const near = nearestStation(site, METRO_STATIONS)!;
		expect(near.station.id).toBe('an-phu');
		expect(near.distanceM).toBeCloseTo(846.469, 2);
		expect(nearestStation(site, [])).toBeNull();
	});

	it.each([
		[0, 'core'],
		[499.9, 'core'],
		[500, 'core'],
		[500.1, 'transition'],
		[846.5, 'transition'],
		[1000, 'transition'],
		[1000.1, 'outside'],
		[1582.9, 'outside']
	] as const)('todZone(%d) = %s', (d, zone) => {
		expect(todZone(d)).toBe(zone);
	});

	it('todZone rejects negative or non-finite distances', () => {
		expect(() => todZone(-1)).toThrow(GeoInputError);
		expect(() => todZone(Number.NaN)).toThrow(/distanceM/);
	});

	it('insideTod uses 1,000 m by default', () => {
		expect(insideTod(site, METRO_STATIONS)).toBe(true);
		expect(insideTod(site, METRO_STATIONS, 800)).toBe(false);
		expect(insideTod(site, [])).toBe(false);
		// only operating stations: An Phú still within 1 km
		expect(
			insideTod(
				site,
				METRO_STATIONS.filter((s) => !s.future)
			)
		).toBe(true);
		// ≈ 1,026 m south of the future hub (0.00923° of latitude), farther from every other station
		const south = { lat: 10.7766, lng: 106.7442 };
		expect(insideTod(south, METRO_STATIONS)).toBe(false);
		expect(() => insideTod(site, METRO_STATIONS, -5)).toThrow(GeoInputError);
	});
});

describe('bboxContains', () => {
	it('includes edges and handles the antimeridian', () => {
		const box = [106.74, 10.77, 106.79, 10.81] as const;
		expect(bboxContains(box, { lat: 10.77, lng: 106.74 })).toBe(true);
		expect(bboxContains(box, { lat: 10.8101, lng: 106.75 })).toBe(false);
		expect(bboxContains([170, -10, -170, 10], { lat: 0, lng: 179 })).toBe(true);
		expect(bboxContains([170, -10, -170, 10], { lat: 0, lng: 0 })).toBe(false);
		expect(() => bboxContains([0, 10, 1, 5], { lat: 0, lng: 0 })).toThrow(/south/);
	});
});
