/**
 * Candidate sites for a new headquarters: list, create, edit, delete, photos, geometry (a point
 * or a polygon, typed in WGS84 or VN-2000 or drawn on the map) and import from GeoJSON or a
 * table. Every function takes `db` and the ward's id; writes run in one transaction with their
 * audit row, and an import writes all of its sites or none.
 *
 * The modules: ./records (reading and writing sites), ./geometry, ./import, ./errors; the
 * scoring is ./scoring (criteria, weights, AHP, decision, runs) over `$lib/scoring`.
 */
import { eq } from 'drizzle-orm';
import type { DbLike } from '../db';
import { wards } from '../db/schema';
import type { Site } from './records';

export * from './errors';
export * from './geometry';
export * from './records';
export * from './import';

// ---------------------------------------------------------------- pages

/** The ward's map frame: centre, working extent and imported boundary. */
export function wardGeo(db: DbLike, wardId: number) {
	const w = db
		.select({
			centreLat: wards.centreLat,
			centreLng: wards.centreLng,
			extentJson: wards.extentJson,
			boundaryGeojson: wards.boundaryGeojson
		})
		.from(wards)
		.where(eq(wards.id, wardId))
		.get()!;
	return {
		centre: [w.centreLat, w.centreLng] as [number, number],
		extent: w.extentJson ? (JSON.parse(w.extentJson) as [number, number, number, number]) : null,
		boundary: w.boundaryGeojson ? (JSON.parse(w.boundaryGeojson) as GeoJSON.GeoJsonObject) : null
	};
}

/** The form values of a stored site (costs in billions of VND, point as WGS84 c1/c2). */
export function siteFormValues(site: Site): Record<string, string | number | boolean> {
	return {
		code: site.code,
		name: site.name,
		landAreaM2: site.landAreaM2 ?? '',
		legalStatus: site.legalStatus,
		currentUse: site.currentUse ?? '',
		householdsToRelocate: site.householdsToRelocate,
		landCostVnd: site.landCostVnd / 1e9,
		clearanceCostVnd: site.clearanceCostVnd / 1e9,
		floodRisk: site.floodRisk,
		planFit: site.planFit,
		roadAccess: site.roadAccess,
		isCurrentHeadquarters: site.isCurrentHeadquarters,
		notes: site.notes ?? '',
		crs: 'wgs84',
		axisOrder: 'northing-easting',
		c1: site.lat,
		c2: site.lng,
		polygonGeojson: site.polygonGeojson ?? ''
	};
}
