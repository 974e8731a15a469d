/**
 * What the scoring reads about a ward besides its sites and criteria: settings (the ward's value
 * first, then the global one), the ward's context for the computed criteria and the screening
 * (population centre, current headquarters, old facilities, extent, boundary) and the land a
 * new headquarters needs.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { round1, type RequiredLand, type SiteContext } from '../../scoring';
import type { DbLike } from '../db';
import { facilities, normSets, orgUnits, positions, settings, wards } from '../db/schema';
import { needsForWard } from '../needs';
import { allSites, type Site } from './records';

/** Floors assumed for the new headquarters when converting floor area to land area. */
export const DEFAULT_ASSUMED_FLOORS = 3;
/** Gross / usable floor area when the setting is missing (same as the seeded setting). */
export const DEFAULT_GROSS_TO_USABLE = 1.35;

/** Reads a setting: the ward's value first, then the global one. */
export function readSetting<T>(db: DbLike, wardId: number, key: string): T | undefined {
	const rows = db
		.select({ wardId: settings.wardId, valueJson: settings.valueJson })
		.from(settings)
		.where(eq(settings.key, key))
		.all();
	const row = rows.find((r) => r.wardId === wardId) ?? rows.find((r) => r.wardId === null);
	if (!row) return undefined;
	try {
		return JSON.parse(row.valueJson) as T;
	} catch {
		return undefined;
	}
}

/**
 * The ward's population centre, current headquarters (the inventory facility of kind
 * 'headquarters', else the site marked as the current headquarters), old facilities (every other
 * facility of the inventory), working extent and imported boundary.
 */
export function siteContext(db: DbLike, wardId: number, siteRows?: Site[]): SiteContext {
	const w = db.select().from(wards).where(eq(wards.id, wardId)).get();
	const fs = db
		.select({ kind: facilities.kind, lat: facilities.lat, lng: facilities.lng })
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all();
	const hqFacility = fs.find((f) => f.kind === 'headquarters');
	const hqSite = (siteRows ?? allSites(db, wardId)).find((s) => s.isCurrentHeadquarters);
	let boundary: GeoJSON.Geometry | null = null;
	if (w?.boundaryGeojson) {
		try {
			const b = JSON.parse(w.boundaryGeojson) as GeoJSON.GeoJsonObject;
			boundary = b.type === 'Feature' ? (b as GeoJSON.Feature).geometry : (b as GeoJSON.Geometry);
		} catch {
			boundary = null;
		}
	}
	return {
		populationCentre:
			w?.populationCentreLat != null && w.populationCentreLng != null
				? { lat: w.populationCentreLat, lng: w.populationCentreLng }
				: null,
		headquarters: hqFacility
			? { lat: hqFacility.lat, lng: hqFacility.lng }
			: hqSite
				? { lat: hqSite.lat, lng: hqSite.lng }
				: null,
		oldFacilities: fs
			.filter((f) => f.kind !== 'headquarters')
			.map((f) => ({ lat: f.lat, lng: f.lng })),
		extent: w?.extentJson ? (JSON.parse(w.extentJson) as [number, number, number, number]) : null,
		boundary
	};
}

/**
 * The land a new headquarters needs. A ward setting `sites.requiredLandAreaM2` wins when set.
 * Otherwise: total usable area from computeSpaceNeeds (approved positions of the ward, the
 * current norm set — setting `needs.normSetKey`, default Decree 155/2025 — and the ward's
 * specialised rooms), × gross/usable (setting 'investment.grossToUsableRatio', default 1.35)
 * ÷ an assumed number of floors (setting 'sites.assumedFloors', default 3): the building
 * footprint, taken as the minimum land area (setbacks, parking and green space are not added:
 * a lower bound, the product's assumption).
 */
export function requiredLand(db: DbLike, wardId: number): RequiredLand {
	const grossToUsable =
		readSetting<number>(db, wardId, 'investment.grossToUsableRatio') ?? DEFAULT_GROSS_TO_USABLE;
	const floors = readSetting<number>(db, wardId, 'sites.assumedFloors') ?? DEFAULT_ASSUMED_FLOORS;
	const fixed = readSetting<number>(db, wardId, 'sites.requiredLandAreaM2');
	const base = { grossToUsable, floors, normSetName: null, headcount: 0, usableM2: null };
	if (typeof fixed === 'number' && Number.isFinite(fixed) && fixed > 0) {
		return { ...base, areaM2: fixed, source: 'setting' };
	}
	const key = readSetting<string>(db, wardId, 'needs.normSetKey') ?? 'nd-155-2025';
	const set = db
		.select()
		.from(normSets)
		.where(and(eq(normSets.key, key), eq(normSets.isCurrent, true)))
		.orderBy(desc(normSets.version))
		.get();
	const ps = db
		.select({
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			count: positions.approved
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.all();
	if (!set || ps.length === 0) return { ...base, areaM2: null, source: 'none' };
	try {
		// The needs page's figure: positions priced with their rank and concurrent titles.
		const needs = needsForWard(db, wardId, set.id).result;
		const usable = needs.totalUsableM2;
		return {
			grossToUsable,
			floors,
			normSetName: set.name,
			headcount: ps.reduce((s, p) => s + p.count, 0),
			usableM2: round1(usable),
			areaM2: round1((usable * grossToUsable) / floors),
			source: 'needs'
		};
	} catch {
		return { ...base, areaM2: null, source: 'none' };
	}
}
