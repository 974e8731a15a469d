/**
 * Candidate sites for a new headquarters: list, create, edit, delete, photos, geometry (a point
 * or a polygon, typed in WGS84 or VN-2000 or drawn on the map) and import from GeoJSON or a
 * table. Every function takes `db` and the ward's id; writes run in one transaction with their
 * audit row, and an import writes all of its sites or none.
 */
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
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
import {
	siteImportAttributesSchema,
	type SiteAttributes,
	type SiteGeometryInput,
	type SiteImportAttributes,
	type SiteImportOptions,
	type SiteLegalOption
} from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { photos, sites, wards } from '../db/schema';
import type { StoredPhoto } from '../inventory/facilities';
import { isUniqueViolation } from '../db/errors';

export type Site = Omit<typeof sites.$inferSelect, 'legalStatus'> & {
	legalStatus: SiteLegalOption;
};
export type SitePhoto = typeof photos.$inferSelect;

/** A message key of the sites catalogue with its parameters (translated by the route). */
export interface SiteMessage {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** A write refused for a reason the user can fix. */
export class SiteError extends Error {
	constructor(
		public readonly code: 'duplicate-code' | 'not-found' | 'geometry',
		public readonly field?: string,
		public readonly detail?: SiteMessage
	) {
		super(detail ? `${code}: ${detail.key}` : code);
	}
}

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

const geomError = (field: string, key: MessageKey, params?: Record<string, string | number>) =>
	new SiteError('geometry', field, { key, params });

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

// ---------------------------------------------------------------- reading

export interface SiteListOptions {
	q?: string;
	page?: number;
	pageSize?: number;
	sort?: 'code' | 'name' | 'area';
}

/** Sites of a ward, searched and paginated. */
export function listSites(
	db: Db,
	wardId: number,
	options: SiteListOptions = {}
): { rows: Site[]; total: number; page: number; pageSize: number } {
	const pageSize = Math.min(Math.max(options.pageSize ?? 25, 1), 200);
	const q = options.q?.trim();
	const where = and(
		eq(sites.wardId, wardId),
		q
			? or(like(sites.name, `%${q}%`), like(sites.code, `%${q}%`), like(sites.currentUse, `%${q}%`))
			: undefined
	);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(sites)
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(options.page ?? 1, 1), pages);
	const order =
		options.sort === 'name'
			? asc(sites.name)
			: options.sort === 'area'
				? sql`${sites.landAreaM2} desc`
				: asc(sites.code);
	const rows = db
		.select()
		.from(sites)
		.where(where)
		.orderBy(order, asc(sites.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all() as Site[];
	return { rows, total, page, pageSize };
}

/** Every site of a ward, by code (for the map and the scoring). */
export function allSites(db: DbLike, wardId: number): Site[] {
	return db
		.select()
		.from(sites)
		.where(eq(sites.wardId, wardId))
		.orderBy(asc(sites.code), asc(sites.id))
		.all() as Site[];
}

export function getSite(db: DbLike, wardId: number, id: number): Site | undefined {
	return db
		.select()
		.from(sites)
		.where(and(eq(sites.id, id), eq(sites.wardId, wardId)))
		.get() as Site | undefined;
}

/** A site with its photos. */
export function getSiteDetail(
	db: Db,
	wardId: number,
	id: number
): (Site & { photos: SitePhoto[] }) | undefined {
	const site = getSite(db, wardId, id);
	if (!site) return undefined;
	const ps = db
		.select()
		.from(photos)
		.where(and(eq(photos.siteId, id), eq(photos.wardId, wardId)))
		.orderBy(asc(photos.id))
		.all();
	return { ...site, photos: ps };
}

// ---------------------------------------------------------------- writing

type SiteRowValues = Omit<typeof sites.$inferInsert, 'id' | 'wardId'>;
const toRow = (v: SiteValues): SiteRowValues => v as unknown as SiteRowValues;

export function createSite(
	db: Db,
	actor: Actor,
	wardId: number,
	values: SiteValues,
	storedPhotos: StoredPhoto[] = []
): Site {
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(sites)
				.values({ ...toRow(values), wardId })
				.returning()
				.get() as Site;
			for (const p of storedPhotos) {
				tx.insert(photos)
					.values({ ...p, wardId, siteId: row.id })
					.run();
			}
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'site',
				entityId: row.id,
				action: 'create',
				after: { ...row, photos: storedPhotos.map((p) => p.path) }
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new SiteError('duplicate-code', 'code');
		throw e;
	}
}

export function updateSite(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	values: SiteValues,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Site {
	try {
		return db.transaction((tx) => {
			const before = getSite(tx, wardId, id);
			if (!before) throw new SiteError('not-found');
			checkVersion('site', before, expectedVersion);
			const after = versionedUpdate(tx, sites, 'site', id, expectedVersion, {
				...toRow(values),
				updatedAt: Date.now()
			}) as Site;
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'site',
				entityId: id,
				action: 'update',
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new SiteError('duplicate-code', 'code');
		throw e;
	}
}

/** Deletes a site and its photo rows; returns the photos so the caller removes their files. */
export function deleteSite(db: Db, actor: Actor, wardId: number, id: number): SitePhoto[] {
	return db.transaction((tx) => {
		const before = getSite(tx, wardId, id);
		if (!before) throw new SiteError('not-found');
		const ps = tx.select().from(photos).where(eq(photos.siteId, id)).all();
		tx.delete(sites).where(eq(sites.id, id)).run();
		writeAudit(tx, { actor, wardId, entity: 'site', entityId: id, action: 'delete', before });
		return ps;
	});
}

/** Adds (already stored) photos to a site. */
export function addSitePhotos(
	db: Db,
	actor: Actor,
	wardId: number,
	siteId: number,
	storedPhotos: StoredPhoto[]
): void {
	db.transaction((tx) => {
		if (!getSite(tx, wardId, siteId)) throw new SiteError('not-found');
		for (const p of storedPhotos) {
			tx.insert(photos)
				.values({ ...p, wardId, siteId })
				.run();
		}
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'site-photo',
			entityId: siteId,
			action: 'create',
			after: storedPhotos.map((p) => p.path)
		});
	});
}

/** Deletes one photo of a site; returns it so the caller removes its files. */
export function deleteSitePhoto(
	db: Db,
	actor: Actor,
	wardId: number,
	siteId: number,
	photoId: number
): SitePhoto {
	return db.transaction((tx) => {
		const before = tx
			.select()
			.from(photos)
			.where(and(eq(photos.id, photoId), eq(photos.siteId, siteId), eq(photos.wardId, wardId)))
			.get();
		if (!before) throw new SiteError('not-found');
		tx.delete(photos).where(eq(photos.id, photoId)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'site-photo',
			entityId: photoId,
			action: 'delete',
			before
		});
		return before;
	});
}

// ---------------------------------------------------------------- import

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
	const issues: SiteImportIssue[] = [];
	const rows: SiteImportRow[] = [];
	features.forEach((f: unknown, i) => {
		const row = i + 1;
		const feature = f as { properties?: unknown; geometry?: unknown };
		const props =
			feature?.properties && typeof feature.properties === 'object'
				? (feature.properties as Record<string, unknown>)
				: {};
		const attributes = readAttributes(props, row, issues);
		let geometry: ResolvedGeometry | null = null;
		try {
			geometry = featureGeometry(feature?.geometry, options);
		} catch (e) {
			geometryIssue(e, row, issues);
		}
		if (attributes && geometry) rows.push(siteValues(attributes, geometry));
	});
	if (issues.length === 0) duplicateCodes(rows, issues);
	return issues.length ? { ok: false, issues } : { ok: true, rows };
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
	const issues: SiteImportIssue[] = [];
	const rows: SiteImportRow[] = [];
	table.rows.forEach((cells, i) => {
		const row = table.rowNumbers?.[i] ?? i + 2;
		const attributes = readAttributes(cells, row, issues);
		let geometry: ResolvedGeometry | null = null;
		try {
			const polygon = String(pick(cells, ['polygon', 'geometry']) ?? '').trim();
			const c1 = parseLocaleNumber(String(pick(cells, ['c1', 'x', 'lat']) ?? ''));
			const c2 = parseLocaleNumber(String(pick(cells, ['c2', 'y', 'lng', 'lon']) ?? ''));
			if (polygon.startsWith('{')) {
				geometry = resolveGeometry({
					crs: 'wgs84',
					axisOrder: options.axisOrder,
					c1: null,
					c2: null,
					vertices: null,
					polygonGeojson: polygon
				});
			} else if (polygon) {
				geometry = resolveGeometry({
					...options,
					c1: null,
					c2: null,
					vertices: polygon.split(';').join('\n'),
					polygonGeojson: null
				});
			} else {
				geometry = resolveGeometry({
					...options,
					c1: typeof c1 === 'number' ? c1 : null,
					c2: typeof c2 === 'number' ? c2 : null,
					vertices: null,
					polygonGeojson: null
				});
			}
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
		for (const values of rows) {
			const id = existing.get(values.code);
			if (id === undefined) {
				const row = tx
					.insert(sites)
					.values({ ...toRow(values), wardId })
					.returning()
					.get();
				writeAudit(tx, {
					actor,
					wardId,
					entity: 'site',
					entityId: row.id,
					action: 'import',
					after: row
				});
				created++;
			} else {
				const before = getSite(tx, wardId, id);
				const after = tx
					.update(sites)
					.set({ ...toRow(values), updatedAt: Date.now() })
					.where(eq(sites.id, id))
					.returning()
					.get();
				writeAudit(tx, {
					actor,
					wardId,
					entity: 'site',
					entityId: id,
					action: 'import',
					before,
					after
				});
				updated++;
			}
		}
		return { created, updated };
	});
}

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
