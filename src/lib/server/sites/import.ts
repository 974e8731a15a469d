/**
 * Import of candidate sites from a GeoJSON FeatureCollection or a table (CSV or XLSX): every row
 * is read and checked first (attributes, geometry in the file's system, duplicate codes); then
 * all of them are written in one transaction, or none.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Position } from '../../geo';
import { parseLocaleNumber } from '../../schemas/fields';
import {
	siteImportAttributesSchema,
	type SiteImportAttributes,
	type SiteImportOptions
} from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { sites } from '../db/schema';
import { SiteError, type SiteMessage } from './errors';
import {
	checkPolygon,
	geomError,
	resolveGeometry,
	siteValues,
	toWgs84,
	type ResolvedGeometry,
	type SiteValues
} from './geometry';
import { getSite, toRow } from './records';

/** One problem of an import, by feature or row number (1-based as the user counts). */
export interface SiteImportIssue {
	row: number;
	field: string;
	message: SiteMessage;
}

export type SiteImportRow = SiteValues;

export type SiteImportParse =
	{ ok: true; rows: SiteImportRow[] } | { ok: false; issues: SiteImportIssue[] };

/** Property / column names accepted for each attribute (camelCase, snake_case, Vietnamese). */
const ALIASES: Record<keyof SiteImportAttributes, string[]> = {
	code: ['code', 'ma', 'mã'],
	name: ['name', 'ten', 'tên'],
	landAreaM2: ['landAreaM2', 'land_area_m2', 'area_m2', 'dien_tich'],
	legalStatus: ['legalStatus', 'legal_status', 'phap_ly'],
	currentUse: ['currentUse', 'current_use', 'hien_trang'],
	householdsToRelocate: ['householdsToRelocate', 'households_to_relocate', 'households', 'so_ho'],
	landCostVnd: ['landCostVnd', 'land_cost_vnd'],
	clearanceCostVnd: ['clearanceCostVnd', 'clearance_cost_vnd'],
	floodRisk: ['floodRisk', 'flood_risk'],
	planFit: ['planFit', 'plan_fit'],
	roadAccess: ['roadAccess', 'road_access'],
	isCurrentHeadquarters: ['isCurrentHeadquarters', 'is_current_headquarters', 'current_hq'],
	notes: ['notes', 'ghi_chu']
};

/** The CSV columns written in the template and documented on the import page. */
export const SITE_CSV_COLUMNS = [
	'code',
	'name',
	'c1',
	'c2',
	'polygon',
	'land_area_m2',
	'legal_status',
	'current_use',
	'households_to_relocate',
	'land_cost_vnd',
	'clearance_cost_vnd',
	'flood_risk',
	'plan_fit',
	'road_access',
	'is_current_headquarters',
	'notes'
];

function pick(props: Record<string, unknown>, names: string[]): unknown {
	const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
	for (const n of names) {
		const k = lower.get(n.toLowerCase());
		if (k !== undefined && props[k] !== null && props[k] !== undefined) return props[k];
	}
	return undefined;
}

function readAttributes(
	props: Record<string, unknown>,
	row: number,
	issues: SiteImportIssue[]
): SiteImportAttributes | null {
	const raw: Record<string, unknown> = {};
	for (const [field, names] of Object.entries(ALIASES)) {
		const v = pick(props, names);
		raw[field] =
			v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : '') : String(v as string);
	}
	const parsed = siteImportAttributesSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const seen = new Set<string>();
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '_');
		if (seen.has(field)) continue;
		seen.add(field);
		issues.push({
			row,
			field,
			message: { key: 'sites.import.badValue', params: { value: String(raw[field] ?? '') } }
		});
	}
	return null;
}

function geometryIssue(e: unknown, row: number, issues: SiteImportIssue[]): void {
	if (e instanceof SiteError && e.detail) {
		issues.push({ row, field: 'geometry', message: e.detail });
		return;
	}
	throw e;
}

/** Converts a GeoJSON ring from the file's system to WGS84 [lng, lat]. */
function ringToWgs84(ring: unknown, options: SiteImportOptions): Position[] {
	if (!Array.isArray(ring)) throw geomError('geometry', 'sites.geom.notPolygon');
	return ring.map((p: unknown) => {
		if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
			throw geomError('geometry', 'sites.geom.notPolygon');
		}
		if (options.crs === 'wgs84') {
			if (Math.abs(p[1]) > 90 || Math.abs(p[0]) > 180) {
				throw geomError('geometry', 'sites.geom.polygonOutOfRange');
			}
			return [p[0], p[1]];
		}
		const q = toWgs84(p[0], p[1], 'vn2000', options.axisOrder, 'geometry');
		return [q.lng, q.lat];
	});
}

/** Reads a GeoJSON geometry (Point or Polygon) in the file's system. */
function featureGeometry(geometry: unknown, options: SiteImportOptions): ResolvedGeometry {
	const g = geometry as { type?: unknown; coordinates?: unknown } | null;
	if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
		const [a, b] = g.coordinates as unknown[];
		if (typeof a !== 'number' || typeof b !== 'number') {
			throw geomError('geometry', 'sites.geom.notPolygon');
		}
		// GeoJSON positions are [longitude, latitude] in WGS84; for VN-2000 the stated order.
		const p =
			options.crs === 'wgs84'
				? toWgs84(b, a, 'wgs84', options.axisOrder, 'geometry')
				: toWgs84(a, b, 'vn2000', options.axisOrder, 'geometry');
		return { lat: p.lat, lng: p.lng, polygon: null, areaM2: null };
	}
	if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) {
		const rings = (g.coordinates as unknown[]).map((r) => ringToWgs84(r, options));
		return checkPolygon({ type: 'Polygon', coordinates: rings }, 'geometry');
	}
	throw geomError('geometry', 'sites.geom.unsupported', {
		type: typeof g?.type === 'string' ? g.type : '?'
	});
}

function duplicateCodes(rows: SiteImportRow[], issues: SiteImportIssue[]): void {
	const first = new Map<string, number>();
	rows.forEach((r, i) => {
		const key = r.code.toLowerCase();
		const other = first.get(key);
		if (other !== undefined) {
			issues.push({
				row: i + 1,
				field: 'code',
				message: { key: 'sites.import.duplicateRow', params: { other: other + 1 } }
			});
		} else first.set(key, i);
	});
}

/**
 * Reads a GeoJSON FeatureCollection of Points and Polygons with the attributes as properties.
 * Positions are [longitude, latitude] for WGS84; for VN-2000 they are read in the stated order.
 */
export function parseSitesGeoJson(text: string, options: SiteImportOptions): SiteImportParse {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return {
			ok: false,
			issues: [{ row: 0, field: 'file', message: { key: 'sites.import.notGeoJson' } }]
		};
	}
	const features = (doc as { type?: unknown; features?: unknown })?.features;
	if ((doc as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
		return {
			ok: false,
			issues: [{ row: 0, field: 'file', message: { key: 'sites.import.notGeoJson' } }]
		};
	}
	if (features.length === 0) {
		return { ok: false, issues: [{ row: 0, field: 'file', message: { key: 'io.empty' } }] };
	}
	return readRows(
		features,
		(_f, i) => i + 1,
		(f) => {
			const feature = f as { properties?: unknown } | null;
			return feature?.properties && typeof feature.properties === 'object'
				? (feature.properties as Record<string, unknown>)
				: {};
		},
		(f) => featureGeometry((f as { geometry?: unknown } | null)?.geometry, options)
	);
}

/**
 * Reads table rows (CSV or XLSX, see SITE_CSV_COLUMNS): a point as c1, c2 (latitude, longitude
 * for WGS84; the stated order for VN-2000) or lat/lng columns, or a polygon as GeoJSON text in
 * the `polygon` column (WGS84) or as vertices "c1 c2; c1 c2; …" in the file's system.
 */
export function parseSitesTable(
	table: { rows: Record<string, string>[]; rowNumbers?: number[] },
	options: SiteImportOptions
): SiteImportParse {
	if (table.rows.length === 0) {
		return { ok: false, issues: [{ row: 0, field: 'file', message: { key: 'io.empty' } }] };
	}
	return readRows(
		table.rows,
		(_cells, i) => table.rowNumbers?.[i] ?? i + 2,
		(cells) => cells,
		(cells) => {
			const polygon = String(pick(cells, ['polygon', 'geometry']) ?? '').trim();
			const c1 = parseLocaleNumber(String(pick(cells, ['c1', 'x', 'lat']) ?? ''));
			const c2 = parseLocaleNumber(String(pick(cells, ['c2', 'y', 'lng', 'lon']) ?? ''));
			if (polygon.startsWith('{')) {
				return resolveGeometry({
					crs: 'wgs84',
					axisOrder: options.axisOrder,
					c1: null,
					c2: null,
					vertices: null,
					polygonGeojson: polygon
				});
			} else if (polygon) {
				return resolveGeometry({
					...options,
					c1: null,
					c2: null,
					vertices: polygon.split(';').join('\n'),
					polygonGeojson: null
				});
			} else {
				return resolveGeometry({
					...options,
					c1: typeof c1 === 'number' ? c1 : null,
					c2: typeof c2 === 'number' ? c2 : null,
					vertices: null,
					polygonGeojson: null
				});
			}
		}
	);
}

/**
 * Reads every item of a file as a site (its attributes and its geometry), collecting the
 * problems by row; then refuses codes given twice. All rows, or the issues.
 */
function readRows<T>(
	items: T[],
	rowOf: (item: T, index: number) => number,
	attributesOf: (item: T) => Record<string, unknown>,
	geometryOf: (item: T) => ResolvedGeometry
): SiteImportParse {
	const issues: SiteImportIssue[] = [];
	const rows: SiteImportRow[] = [];
	items.forEach((item, i) => {
		const row = rowOf(item, i);
		const attributes = readAttributes(attributesOf(item), row, issues);
		let geometry: ResolvedGeometry | null = null;
		try {
			geometry = geometryOf(item);
		} catch (e) {
			geometryIssue(e, row, issues);
		}
		if (attributes && geometry) rows.push(siteValues(attributes, geometry));
	});
	if (issues.length === 0) duplicateCodes(rows, issues);
	return issues.length ? { ok: false, issues } : { ok: true, rows };
}

/**
 * Writes imported sites in one transaction: a new code creates a site, an existing code updates
 * it; one audit row per site. Nothing is written when any row fails.
 */
export function importSites(
	db: Db,
	actor: Actor,
	wardId: number,
	rows: SiteImportRow[]
): { created: number; updated: number } {
	return db.transaction((tx) => {
		const existing = new Map(
			(rows.length
				? tx
						.select({ id: sites.id, code: sites.code })
						.from(sites)
						.where(
							and(
								eq(sites.wardId, wardId),
								inArray(
									sites.code,
									rows.map((r) => r.code)
								)
							)
						)
						.all()
				: []
			).map((r) => [r.code, r.id])
		);
		let created = 0;
		let updated = 0;
		const audit = (entityId: number, change: { before?: unknown; after: unknown }) =>
			writeAudit(tx, { actor, wardId, entity: 'site', entityId, action: 'import', ...change });
		for (const values of rows) {
			const id = existing.get(values.code);
			if (id === undefined) {
				const row = tx
					.insert(sites)
					.values({ ...toRow(values), wardId })
					.returning()
					.get();
				audit(row.id, { after: row });
				created++;
			} else {
				const before = getSite(tx, wardId, id);
				const after = tx
					.update(sites)
					.set({ ...toRow(values), updatedAt: Date.now() })
					.where(eq(sites.id, id))
					.returning()
					.get();
				audit(id, { before, after });
				updated++;
			}
		}
		return { created, updated };
	});
}
