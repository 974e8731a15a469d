import { describe, expect, it } from 'vitest';
import {
	EARTH_RADIUS_M,
	GeoInputError,
	centroid,
	circlePolygon,
	distanceM,
	pointInPolygon,
	polygonAreaM2,
	validatePolygon,
	type Ring
} from './index';

/** Degrees of latitude spanning `m` metres on the sphere of radius R. */
const degLat = (m: number) => (m / EARTH_RADIUS_M) * (180 / Math.PI);

function square(lat0: number, lng0: number, dLat: number, dLng: number): Ring {
	return [
		[lng0, lat0],
		[lng0 + dLng, lat0],
		[lng0 + dLng, lat0 + dLat],
		[lng0, lat0 + dLat],
		[lng0, lat0]
	];
}

describe('polygonAreaM2', () => {
	const d = degLat(100); // 100 m of latitude = 0.000899322° on R = 6,371,008.8 m

	it('a 100 m × 100 m square at the equator is 10,000 m²', () => {
		expect(polygonAreaM2(square(0, 0, d, d))).toBeCloseTo(10000, 0);
	});

	it('at 10.8° N the same degree square shrinks by cos 10.8° = 0.98229', () => {
		// 10,000 × cos(10.8°) = 10,000 × 0.9822873 = 9,822.87 m²
		const a = polygonAreaM2(square(10.8, 106.75, d, d));
		expect(a).toBeCloseTo(9822.87, 0);
	});

	it('a square 100 m on each side at 10.8° N (Δlng = Δlat / cos 10.8°) is 10,000 m² again', () => {
		const dLng = d / Math.cos((10.8 * Math.PI) / 180);
		const ring = square(10.8, 106.75, d, dLng);
		expect(distanceM({ lat: 10.8, lng: 106.75 }, { lat: 10.8, lng: 106.75 + dLng })).toBeCloseTo(
			100,
			2
		);
		expect(polygonAreaM2(ring)).toBeCloseTo(10000, -1); // within ±5 m²
	});

	it('accepts an unclosed ring, a Polygon and a Feature, and subtracts holes', () => {
		const outer = square(0, 0, d * 2, d * 2); // 200 m × 200 m = 40,000 m²
		const hole = square(d * 0.5, d * 0.5, d, d).reverse(); // 100 m × 100 m = 10,000 m²
		expect(polygonAreaM2(outer.slice(0, 4))).toBeCloseTo(40000, -1);
		expect(polygonAreaM2({ type: 'Polygon', coordinates: [outer] })).toBeCloseTo(40000, -1);
		expect(
			polygonAreaM2({
				type: 'Feature',
				properties: null,
				geometry: { type: 'Polygon', coordinates: [outer, hole] }
			})
		).toBeCloseTo(30000, -1);
	});

	it('rejects degenerate or out-of-range input', () => {
		expect(() =>
			polygonAreaM2([
				[0, 0],
				[1, 1]
			])
		).toThrow(/at least 3 distinct positions/);
		expect(() =>
			polygonAreaM2([
				[0, 0],
				[1, 0],
				[1, 100]
			])
		).toThrow(GeoInputError);
		expect(() =>
			polygonAreaM2([
				[0, 0],
				[1, 0],
				[Number.NaN, 1]
			])
		).toThrow(/position 2/);
	});
});

describe('centroid and pointInPolygon', () => {
	const ring = square(10.79, 106.75, 0.01, 0.01);

	it('centroid of a square is its centre', () => {
		const c = centroid(ring);
		expect(c.lat).toBeCloseTo(10.795, 12);
		expect(c.lng).toBeCloseTo(106.755, 12);
	});

	it('point in polygon, with holes and the boundary', () => {
		expect(pointInPolygon({ lat: 10.795, lng: 106.755 }, ring)).toBe(true);
		expect(pointInPolygon({ lat: 10.805, lng: 106.755 }, ring)).toBe(false);
		expect(pointInPolygon({ lat: 10.79, lng: 106.755 }, ring)).toBe(true); // on the edge
		const withHole = {
			type: 'Polygon' as const,
			coordinates: [ring, square(10.794, 106.754, 0.002, 0.002)]
		};
		expect(pointInPolygon({ lat: 10.795, lng: 106.755 }, withHole)).toBe(false);
	});
});

describe('validatePolygon', () => {
	const ok = { type: 'Polygon', coordinates: [square(10.79, 106.75, 0.01, 0.01)] };

	it('accepts a valid polygon and a Feature of one', () => {
		expect(validatePolygon(ok)).toEqual([]);
		expect(validatePolygon({ type: 'Feature', properties: {}, geometry: ok })).toEqual([]);
	});

	it('detects self-intersection (bow tie) with turf kinks', () => {
		const bowTie = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 1],
					[1, 0],
					[0, 1],
					[0, 0]
				]
			]
		};
		const problems = validatePolygon(bowTie);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			code: 'self-intersection',
			message: 'edges cross at 0.5, 0.5 (lng, lat)',
			at: { lat: 0.5, lng: 0.5 }
		});
	});

	it('reports an unclosed ring and too few positions', () => {
		expect(
			validatePolygon({
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1]
					]
				]
			})
		).toEqual([
			{
				code: 'not-closed',
				ringIndex: 0,
				message: 'outer ring is not closed: its last position must repeat the first'
			}
		]);
		const few = validatePolygon({
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[0, 0]
				]
			]
		});
		expect(few.map((p) => p.code)).toEqual(['too-few-positions']);
		expect(few[0].message).toMatch(/outer ring has 3 positions; a closed ring needs at least 4/);
	});

	it('reports out-of-range coordinates and suggests swapped axes', () => {
		const swapped = validatePolygon({
			type: 'Polygon',
			coordinates: [
				[
					[10.79, 106.75],
					[10.79, 106.76],
					[10.8, 106.76],
					[10.79, 106.75]
				]
			]
		});
		expect(swapped.map((p) => p.code)).toEqual([
			'out-of-range',
			'out-of-range',
			'out-of-range',
			'out-of-range'
		]);
		expect(swapped[0].message).toMatch(/position 0 \[10\.79, 106\.75\] is outside.*looks swapped/);
		const bad = validatePolygon({
			type: 'Polygon',
			coordinates: [
				square(0, 0, 1, 1),
				[
					[0.2, 0.2],
					[0.4, 0.2],
					['x', 0.4],
					[0.2, 0.2]
				]
			]
		});
		expect(bad).toEqual([
			expect.objectContaining({ code: 'bad-position', ringIndex: 1, positionIndex: 2 })
		]);
		expect(bad[0].message).toMatch(/^hole 1 position 2 is not a pair of numbers/);
	});

	it('rejects other geometry types and empty polygons', () => {
		expect(validatePolygon({ type: 'MultiPolygon', coordinates: [] })[0]).toMatchObject({
			code: 'not-polygon',
			message: 'expected a GeoJSON Polygon, got MultiPolygon'
		});
		expect(validatePolygon(null)[0].code).toBe('not-polygon');
		expect(validatePolygon({ type: 'Polygon', coordinates: [] })[0].code).toBe('no-rings');
	});
});

describe('circlePolygon', () => {
	it('draws a closed ring at the given radius', () => {
		const center = { lat: 10.80215, lng: 106.74234 };
		const circle = circlePolygon(center, 1000, 64);
		expect(circle.type).toBe('Polygon');
		expect(circle.coordinates[0]).toHaveLength(65);
		expect(circle.coordinates[0][0]).toEqual(circle.coordinates[0][64]);
		for (const [lng, lat] of circle.coordinates[0]) {
			expect(distanceM(center, { lat, lng })).toBeCloseTo(1000, 3);
		}
		// inscribed 64-gon: (64 / 2) × 1000² × sin(2π / 64) = 3,136,548 m²
		expect(polygonAreaM2(circle)).toBeCloseTo(3136548, -2);
		expect(validatePolygon(circle)).toEqual([]);
	});

	it('rejects a bad radius or step count', () => {
		expect(() => circlePolygon({ lat: 0, lng: 0 }, 0)).toThrow(GeoInputError);
		expect(() => circlePolygon({ lat: 0, lng: 0 }, 10, 2)).toThrow(/steps/);
	});
});
