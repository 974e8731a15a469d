import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
	GeoInputError,
	METRO_STATIONS,
	VN2000_TOWGS84,
	distanceM,
	guessAxisOrder,
	vn2000ProjDefinition,
	vn2000ToWgs84,
	wgs84ToVn2000
} from './index';

describe('VN-2000 ⇄ WGS84: published control point', () => {
	/*
	 * Source: epsg.io, page for EPSG:3406 "VN-2000 / UTM zone 49N" with transformation
	 * EPSG:6960 "VN-2000 to WGS 84 (2)" (Coordinate Frame rotation; information source
	 * Department of Survey and Mapping, i.e. the parameters of Decision 05/2007/QĐ-BTNMT),
	 * https://epsg.io/3406 (as stored in the public documentation corpus, 2025-26):
	 *   WGS84 bounds 102.14, 8.33 – 109.53, 23.4 (Viet Nam onshore)
	 *   Center coordinates (VN-2000 / UTM 49N, easting northing): -53816.15 1760953.98
	 * i.e. the WGS84 point (lat 15.865, lng 105.835), the centre of the bounds, projected by PROJ
	 * through EPSG:6960 onto VN-2000 / UTM zone 49N (6° zone, central meridian 111°, k 0.9996).
	 * PROJ is an independent implementation; with the rotation signs flipped the easting moves
	 * by 0.62 m and the northing by 0.20 m, without the datum shift by 193 m and 116 m, so a
	 * 5 cm tolerance checks both the translation and the rotation-sign convention.
	 */
	const PUBLISHED = { easting: -53816.15, northing: 1760953.98, lat: 15.865, lng: 105.835 };
	const UTM49 = { centralMeridian: 111, zoneWidth: 6 } as const;

	it('WGS84 → VN-2000 reproduces the published coordinates within 5 cm', () => {
		const r = wgs84ToVn2000({ lat: PUBLISHED.lat, lng: PUBLISHED.lng }, UTM49);
		expect(Math.abs(r.easting - PUBLISHED.easting)).toBeLessThan(0.05);
		expect(Math.abs(r.northing - PUBLISHED.northing)).toBeLessThan(0.05);
	});

	it('VN-2000 → WGS84 reproduces the published point within 5 cm', () => {
		const p = vn2000ToWgs84({ x: PUBLISHED.northing, y: PUBLISHED.easting }, UTM49);
		expect(distanceM(p, { lat: PUBLISHED.lat, lng: PUBLISHED.lng })).toBeLessThan(0.05);
	});

	it('uses the 2007 parameters with the EPSG sign convention', () => {
		expect([...VN2000_TOWGS84]).toEqual([
			-191.90441429, -39.30318279, -111.45032835, -0.00928836, 0.01975479, -0.00427372, 0.252906278
		]);
		expect(vn2000ProjDefinition(105.75, 3)).toBe(
			'+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
				'+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 ' +
				'+units=m +no_defs'
		);
		expect(vn2000ProjDefinition(111, 6)).toContain('+k=0.9996');
	});
});

describe('VN-2000 ⇄ WGS84: HCMC (TM-3, 105°45′)', () => {
	const anPhu = METRO_STATIONS.find((s) => s.id === 'an-phu')!;

	it('puts An Phú station at northing ~1,194,750 m, easting ~608,321 m', () => {
		const r = wgs84ToVn2000(anPhu);
		// the station lies 0.99° east of 105.75°: about 108 km east of the 500 km false easting
		expect(r.northing).toBeCloseTo(1194749.97, 1);
		expect(r.easting).toBeCloseTo(608321.11, 1);
		expect(r.x).toBe(r.northing);
		expect(r.y).toBe(r.easting);
		expect(wgs84ToVn2000(anPhu, { order: 'easting-northing' })).toMatchObject({
			x: r.easting,
			y: r.northing
		});
	});

	it('reads x/y in either order', () => {
		const a = vn2000ToWgs84({ x: 1194749.97, y: 608321.11 });
		const b = vn2000ToWgs84({ x: 608321.11, y: 1194749.97 }, { order: 'easting-northing' });
		expect(a).toEqual(b);
		expect(distanceM(a, anPhu)).toBeLessThan(0.02);
	});

	it('applies the datum shift: projecting without it ("internal VN-2000") is ~230 m off', () => {
		const r = wgs84ToVn2000(anPhu);
		const noShift = proj4(
			'+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs',
			'WGS84'
		);
		const [lng, lat] = noShift.forward([r.easting, r.northing]);
		const d = distanceM({ lat, lng }, anPhu);
		expect(d).toBeGreaterThan(150);
		expect(d).toBeLessThan(350);
	});

	it('a wrong central meridian (105°30′ instead of 105°45′) moves the point by ~27 km', () => {
		const r = wgs84ToVn2000(anPhu);
		const wrong = vn2000ToWgs84({ x: r.northing, y: r.easting }, { centralMeridian: 105.5 });
		// 0.25° of longitude at 10.8° N ≈ 111,195 × 0.25 × cos 10.8° ≈ 27.3 km
		expect(distanceM(wrong, anPhu)).toBeGreaterThan(26000);
		expect(distanceM(wrong, anPhu)).toBeLessThan(29000);
	});

	it('round trip VN-2000 → WGS84 → VN-2000 within 1 mm (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1_050_000, max: 1_250_000, noNaN: true }),
				fc.double({ min: 450_000, max: 750_000, noNaN: true }),
				fc.constantFrom(3 as const, 6 as const),
				(northing, easting, zoneWidth) => {
					const options = { centralMeridian: zoneWidth === 3 ? 105.75 : 105, zoneWidth };
					const p = vn2000ToWgs84({ x: northing, y: easting }, options);
					const back = wgs84ToVn2000(p, options);
					expect(Math.abs(back.northing - northing)).toBeLessThan(0.001);
					expect(Math.abs(back.easting - easting)).toBeLessThan(0.001);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('round trip WGS84 → VN-2000 → WGS84 within 1 mm over the ward', () => {
		for (const s of METRO_STATIONS) {
			const back = vn2000ToWgs84(wgs84ToVn2000(s));
			expect(distanceM(back, s)).toBeLessThan(0.001);
		}
	});

	it('rejects bad options and points', () => {
		expect(() => vn2000ToWgs84({ x: Number.NaN, y: 600000 })).toThrow(/point\.x/);
		expect(() => vn2000ToWgs84({ x: 1.1e6, y: 6e5 }, { zoneWidth: 4 as 3 })).toThrow(/zoneWidth/);
		expect(() => vn2000ToWgs84({ x: 1.1e6, y: 6e5 }, { centralMeridian: 200 })).toThrow(
			GeoInputError
		);
		expect(() =>
			vn2000ToWgs84({ x: 1.1e6, y: 6e5 }, { order: 'xy' as 'northing-easting' })
		).toThrow(/order/);
		expect(() => wgs84ToVn2000({ lat: 106.7, lng: 10.8 })).toThrow(/point\.lat/);
	});
});

describe('guessAxisOrder', () => {
	it.each([
		[1194749.97, 608321.11, 'northing-easting', true],
		[608321.11, 1194749.97, 'easting-northing', true],
		[1760953.98, 553816.15, 'northing-easting', false], // central Viet Nam
		[10.8021, 106.7423, 'unknown', false],
		[5_000_000, 600_000, 'unknown', false]
	] as const)('(%d, %d) → %s', (x, y, order, inHcmc) => {
		const g = guessAxisOrder(x, y);
		expect(g.order).toBe(order);
		expect(g.inHcmcRange).toBe(inHcmc);
		if (order !== 'unknown') {
			expect(g.northing).toBe(Math.max(x, y));
			expect(g.easting).toBe(Math.min(x, y));
		}
	});

	it('explains what it found', () => {
		expect(guessAxisOrder(608321.11, 1194749.97).message).toMatch(
			/seems swapped.*Ho Chi Minh City/
		);
		expect(guessAxisOrder(10.8, 106.7).message).toMatch(/degrees/);
		expect(guessAxisOrder(Number.NaN, 1).order).toBe('unknown');
	});
});
