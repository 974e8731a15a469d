import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, sites } from '../db/schema';
import type { Db } from '../db';
import {
	createSite,
	deleteSite,
	getSite,
	importSites,
	listSites,
	parseSitesGeoJson,
	parseSitesTable,
	resolveGeometry,
	SiteError,
	siteValues,
	updateSite
} from './';
import { distanceM, nearestStation, METRO_STATIONS, polygonAreaM2, wgs84ToVn2000 } from '../../geo';
import { siteFormSchema } from '../../schemas/sites';
import { rowCount, sampleDb } from '../../../../tests/helpers/sample';

const actor = { userId: null, username: 'test' };
let db: Db;
let bt: number;
let ak: number;

const count = (table: typeof sites | typeof auditLog) => rowCount(db, table);

const form = (over: Record<string, string> = {}) =>
	siteFormSchema.parse({
		code: 'T1',
		name: 'Khu đất thử',
		legalStatus: 'state-ready',
		floodRisk: '2',
		planFit: '4',
		roadAccess: '3',
		landCostVnd: '1,5',
		clearanceCostVnd: '',
		c1: '10,79',
		c2: '106,76',
		...over
	});

beforeEach(() => {
	({ db, bt, ak } = sampleDb());
});

describe('the site form', () => {
	it('stores a typed WGS84 point with costs in VND and audits the creation', () => {
		const input = form();
		const site = createSite(db, actor, bt, siteValues(input, resolveGeometry(input)));
		expect(site).toMatchObject({
			lat: 10.79,
			lng: 106.76,
			landCostVnd: 1_500_000_000,
			polygonGeojson: null
		});
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'site')).all();
		expect(audit.map((a) => a.action)).toEqual(['create']);
		expect(JSON.parse(audit[0].afterJson!).code).toBe('T1');
	});

	it('converts a VN-2000 point typed northing first back to the same WGS84 position', () => {
		const p = wgs84ToVn2000({ lat: 10.79, lng: 106.76 });
		const g = resolveGeometry(
			form({
				crs: 'vn2000',
				axisOrder: 'northing-easting',
				c1: String(p.northing),
				c2: String(p.easting)
			})
		);
		expect(g.lat).toBeCloseTo(10.79, 6);
		expect(g.lng).toBeCloseTo(106.76, 6);
	});

	it('refuses a VN-2000 pair that looks swapped, naming the problem', () => {
		const p = wgs84ToVn2000({ lat: 10.79, lng: 106.76 });
		const input = form({
			crs: 'vn2000',
			axisOrder: 'northing-easting',
			c1: String(p.easting),
			c2: String(p.northing)
		});
		expect(() => resolveGeometry(input)).toThrowError(SiteError);
		try {
			resolveGeometry(input);
		} catch (e) {
			expect((e as SiteError).detail?.key).toBe('sites.geom.swapped');
		}
	});

	it('computes the land area from a drawn polygon and refuses a self-intersecting one', () => {
		const ring = [
			[106.76, 10.79],
			[106.761, 10.79],
			[106.761, 10.791],
			[106.76, 10.791],
			[106.76, 10.79]
		];
		const g = resolveGeometry(
			form({ polygonGeojson: JSON.stringify({ type: 'Polygon', coordinates: [ring] }) })
		);
		expect(g.areaM2).toBeCloseTo(polygonAreaM2({ type: 'Polygon', coordinates: [ring] }), 0);
		expect(g.areaM2!).toBeGreaterThan(12_000);
		expect(g.areaM2!).toBeLessThan(12_400);
		const bow = [ring[0], ring[2], ring[1], ring[3], ring[0]];
		expect(() =>
			resolveGeometry(
				form({ polygonGeojson: JSON.stringify({ type: 'Polygon', coordinates: [bow] }) })
			)
		).toThrowError(/geometry: sites.geom.selfIntersection/);
	});

	it('reads typed vertices with decimal commas and closes the ring', () => {
		const g = resolveGeometry(
			form({ vertices: '10,79 106,76\n10,79 106,761\n10,791 106,761\n', c1: '', c2: '' })
		);
		expect(g.polygon!.coordinates[0]).toHaveLength(4);
		expect(g.areaM2!).toBeGreaterThan(5_000);
	});

	it('refuses out-of-range coordinates', () => {
		expect(() => resolveGeometry(form({ c1: '123' }))).toThrowError(/sites.geom.outOfRange/);
	});
});

describe('the sites list', () => {
	/** Four sites found by the search `ZZ` (no sample site matches it); two share an area. */
	function fourSites() {
		const made: Record<string, number> = {};
		for (const [code, name, area] of [
			['ZZ1', 'ZZ Bình', '500'],
			['ZZ2', 'ZZ An', '1200'],
			['ZZ3', 'ZZ Dương', '80'],
			['ZZ4', 'ZZ Cường', '1200']
		]) {
			const input = form({ code, name, landAreaM2: area });
			made[code] = createSite(db, actor, bt, siteValues(input, resolveGeometry(input))).id;
		}
		return made;
	}
	const codes = (options: Parameters<typeof listSites>[2]) =>
		listSites(db, bt, { q: 'ZZ', ...options }).rows.map((s) => s.code);

	it('sorts the land area either way, a tie by the older site first', () => {
		fourSites();
		expect(codes({ sort: 'area' })).toEqual(['ZZ3', 'ZZ1', 'ZZ2', 'ZZ4']);
		expect(codes({ sort: 'area', dir: 'asc' })).toEqual(['ZZ3', 'ZZ1', 'ZZ2', 'ZZ4']);
		expect(codes({ sort: 'area', dir: 'desc' })).toEqual(['ZZ2', 'ZZ4', 'ZZ1', 'ZZ3']);
	});

	it('sorts code and name descending when asked, and pages the sorted list', () => {
		fourSites();
		expect(codes({ sort: 'code', dir: 'desc' })).toEqual(['ZZ4', 'ZZ3', 'ZZ2', 'ZZ1']);
		expect(codes({ sort: 'name' })).toEqual(['ZZ2', 'ZZ1', 'ZZ4', 'ZZ3']);
		expect(codes({ sort: 'name', dir: 'desc' })).toEqual(['ZZ3', 'ZZ4', 'ZZ1', 'ZZ2']);
		const second = listSites(db, bt, { q: 'ZZ', sort: 'area', dir: 'desc', page: 2, pageSize: 3 });
		expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
		expect(second.rows.map((s) => [s.code, s.landAreaM2])).toEqual([['ZZ3', 80]]);
	});
});

describe('ward scoping', () => {
	it('never finds, updates or deletes a site of another ward', () => {
		const other = db.select().from(sites).where(eq(sites.wardId, ak)).get()!;
		expect(getSite(db, bt, other.id)).toBeUndefined();
		const input = form();
		expect(() =>
			updateSite(db, actor, bt, other.id, siteValues(input, resolveGeometry(input)))
		).toThrowError(SiteError);
		expect(() => deleteSite(db, actor, bt, other.id)).toThrowError(SiteError);
		expect(getSite(db, ak, other.id)?.name).toBe(other.name);
	});

	it('refuses a duplicate code in the same ward but allows it in another', () => {
		const input = form({ code: 'P1' });
		const values = siteValues(input, resolveGeometry(input));
		expect(() => createSite(db, actor, bt, values)).toThrowError(/duplicate-code/);
		expect(createSite(db, actor, ak, { ...values, code: 'P9' }).wardId).toBe(ak);
	});
});

describe('import', () => {
	const geojson = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
	const props = (code: string) => ({
		code,
		name: `Khu ${code}`,
		legal_status: 'state-ready',
		flood_risk: 2,
		land_cost_vnd: 1_000_000_000
	});

	/** A GeoJSON feature of site `code` (the props above) with the given geometry. */
	const feature = (code: string, type: 'Point' | 'Polygon', coordinates: unknown) => ({
		type: 'Feature',
		properties: props(code),
		geometry: { type, coordinates }
	});

	it('imports a VN-2000 point (easting first as GeoJSON lists it) at the right WGS84 position', () => {
		const p = wgs84ToVn2000({ lat: 10.795, lng: 106.745 });
		const file = geojson([feature('V1', 'Point', [p.easting, p.northing])]);
		const parsed = parseSitesGeoJson(file, { crs: 'vn2000', axisOrder: 'easting-northing' });
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.rows[0].lat).toBeCloseTo(10.795, 6);
		expect(parsed.rows[0].lng).toBeCloseTo(106.745, 6);
		// The same file read with the wrong order is refused as swapped.
		const wrong = parseSitesGeoJson(file, { crs: 'vn2000', axisOrder: 'northing-easting' });
		expect(wrong.ok).toBe(false);
		if (!wrong.ok) expect(wrong.issues[0].message.key).toBe('sites.geom.swapped');
		const done = importSites(db, actor, bt, parsed.rows);
		expect(done).toEqual({ created: 1, updated: 0 });
		const row = db
			.select()
			.from(sites)
			.where(and(eq(sites.wardId, bt), eq(sites.code, 'V1')))
			.get()!;
		const near = nearestStation({ lat: row.lat, lng: row.lng }, METRO_STATIONS)!;
		expect(near.station.name).toBe('An Phú');
	});

	it('refuses a file with a self-intersecting polygon and writes nothing', () => {
		const before = { sites: count(sites), audit: count(auditLog) };
		const bow = [
			[106.76, 10.79],
			[106.761, 10.791],
			[106.761, 10.79],
			[106.76, 10.791],
			[106.76, 10.79]
		];
		const parsed = parseSitesGeoJson(
			geojson([feature('G1', 'Point', [106.77, 10.78]), feature('G2', 'Polygon', [bow])]),
			{ crs: 'wgs84', axisOrder: 'northing-easting' }
		);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.issues).toHaveLength(1);
			expect(parsed.issues[0]).toMatchObject({ row: 2, field: 'geometry' });
			expect(parsed.issues[0].message.key).toBe('sites.geom.selfIntersection');
		}
		expect({ sites: count(sites), audit: count(auditLog) }).toEqual(before);
	});

	it('imports CSV rows (point and polygon), updates an existing code and reports bad values', () => {
		const ok = parseSitesTable(
			{
				rows: [
					{
						code: 'P1',
						name: 'Trụ sở cập nhật',
						c1: '10,78712',
						c2: '106,75742',
						legal_status: 'mixed',
						land_area_m2: '3000'
					},
					{
						code: 'C2',
						name: 'Khu mới',
						polygon: '10,79 106,76; 10,79 106,761; 10,791 106,761; 10,791 106,76',
						legal_status: 'to-acquire'
					}
				]
			},
			{ crs: 'wgs84', axisOrder: 'northing-easting' }
		);
		expect(ok.ok).toBe(true);
		if (!ok.ok) return;
		expect(ok.rows[1].landAreaM2).toBeGreaterThan(12_000);
		expect(importSites(db, actor, bt, ok.rows)).toEqual({ created: 1, updated: 1 });
		expect(
			db
				.select()
				.from(sites)
				.where(and(eq(sites.wardId, bt), eq(sites.code, 'P1')))
				.get()!.name
		).toBe('Trụ sở cập nhật');
		const bad = parseSitesTable(
			{
				rows: [
					{ code: 'X', name: 'X', c1: '10,8', c2: '106,7', legal_status: 'owned', flood_risk: '7' }
				]
			},
			{ crs: 'wgs84', axisOrder: 'northing-easting' }
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(bad.issues.map((i) => i.field).sort()).toEqual(['floodRisk', 'legalStatus']);
		}
	});
});

describe('distances used by the computed criteria', () => {
	it('match the geo functions for the sample site near Rạch Chiếc', () => {
		const p2 = db
			.select()
			.from(sites)
			.where(and(eq(sites.wardId, bt), eq(sites.code, 'P2')))
			.get()!;
		const rc = METRO_STATIONS.find((s) => s.id === 'rach-chiec')!;
		expect(distanceM(p2, rc)).toBeCloseTo(510.7, 0);
	});
});
