/**
 * Wards (phường / xã) as an admin manages them: list, create, edit, and the boundary imported
 * as GeoJSON. Every change is audited in its transaction.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { validatePolygon } from '../../geo';
import { writeAudit, type Actor } from '../audit';
import type { Db, DbLike } from '../db';
import { criteria, facilities, specialisedRooms, users, wards } from '../db/schema';
import { CRITERIA_SEEDS, SPECIALISED_ROOM_SEEDS } from '../db/seed/reference-data';
import { isUniqueViolation } from '../db/errors';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { DomainError } from '../core/errors';

export type Ward = typeof wards.$inferSelect;

type WardCode = 'duplicate-code' | 'not-found' | 'bad-extent';

export class WardError extends DomainError<WardCode> {
	constructor(code: WardCode, field?: string) {
		super(
			code,
			field ?? (code === 'duplicate-code' ? 'code' : code === 'bad-extent' ? 'south' : undefined),
			code === 'duplicate-code'
				? 'err.duplicateCode'
				: code === 'bad-extent'
					? 'ward.err.extent'
					: 'err.notFound'
		);
	}
}

export interface WardListRow {
	id: number;
	code: string;
	name: string;
	adminCode: string | null;
	centreLat: number;
	centreLng: number;
	isSample: boolean;
	hasBoundary: boolean;
	userCount: number;
	facilityCount: number;
}

export function listWards(db: DbLike): WardListRow[] {
	// The counts come from one grouped pass over users and facilities each (a correlated
	// count(*) per ward scanned the users table once per ward: 170 wards × every user).
	const userCounts = db
		.select({ wardId: users.wardId, n: sql<number>`count(*)`.as('user_n') })
		.from(users)
		.groupBy(users.wardId)
		.as('user_counts');
	const facilityCounts = db
		.select({ wardId: facilities.wardId, n: sql<number>`count(*)`.as('facility_n') })
		.from(facilities)
		.groupBy(facilities.wardId)
		.as('facility_counts');
	return db
		.select({
			id: wards.id,
			code: wards.code,
			name: wards.name,
			adminCode: wards.adminCode,
			centreLat: wards.centreLat,
			centreLng: wards.centreLng,
			isSample: wards.isSample,
			hasBoundary: sql<boolean>`${wards.boundaryGeojson} is not null`.mapWith(Boolean),
			userCount: sql<number>`coalesce(${userCounts.n}, 0)`.mapWith(Number),
			facilityCount: sql<number>`coalesce(${facilityCounts.n}, 0)`.mapWith(Number)
		})
		.from(wards)
		.leftJoin(userCounts, eq(userCounts.wardId, wards.id))
		.leftJoin(facilityCounts, eq(facilityCounts.wardId, wards.id))
		.orderBy(asc(wards.name))
		.all();
}

export interface WardOption {
	id: number;
	name: string;
}

/** Id and name of every ward, by name: what a ward drop-down needs (no counts, no geometry). */
export function wardOptions(db: DbLike): WardOption[] {
	return db.select({ id: wards.id, name: wards.name }).from(wards).orderBy(asc(wards.name)).all();
}

export function getWard(db: DbLike, id: number): Ward | undefined {
	return db.select().from(wards).where(eq(wards.id, id)).get();
}

/** The ward `id`, or WardError 'not-found' (the 404 of the ward's admin page). */
export function requireWard(db: DbLike, id: number): Ward {
	const ward = getWard(db, id);
	if (!ward) throw new WardError('not-found');
	return ward;
}

export function getWardByCode(db: DbLike, code: string): Ward | undefined {
	return db.select().from(wards).where(eq(wards.code, code)).get();
}

/** [south, west, north, east] */
export type Extent = [number, number, number, number];

export interface WardInput {
	code: string;
	name: string;
	adminCode: string | null;
	centreLat: number;
	centreLng: number;
	extent: Extent | null;
	populationCount: number | null;
}

function checkExtent(input: WardInput): void {
	if (!input.extent) return;
	const [s, w, n, e] = input.extent;
	if (!(s < n && w < e)) throw new WardError('bad-extent', 'south');
	const { centreLat: lat, centreLng: lng } = input;
	if (lat < s || lat > n || lng < w || lng > e) throw new WardError('bad-extent', 'centreLat');
}

/** What the audit trail keeps of a ward (the boundary only as a size, not its coordinates). */
function auditView(w: Ward) {
	return {
		code: w.code,
		name: w.name,
		adminCode: w.adminCode,
		centreLat: w.centreLat,
		centreLng: w.centreLng,
		extent: w.extentJson ? (JSON.parse(w.extentJson) as Extent) : null,
		populationCount: w.populationCount,
		boundary: w.boundaryGeojson ? `${w.boundaryGeojson.length} bytes` : null
	};
}

const values = (input: WardInput) => ({
	code: input.code.trim().toLowerCase(),
	name: input.name.trim(),
	adminCode: input.adminCode,
	centreLat: input.centreLat,
	centreLng: input.centreLng,
	extentJson: input.extent ? JSON.stringify(input.extent) : null,
	populationCount: input.populationCount
});

/**
 * Creates a (real, not sample) ward with the default specialised rooms and siting criteria,
 * so its needs and siting pages work from the first day.
 */
export function createWard(db: Db, actor: Actor, input: WardInput): Ward {
	checkExtent(input);
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(wards)
				.values({ ...values(input), isSample: false })
				.returning()
				.get();
			for (const r of SPECIALISED_ROOM_SEEDS) {
				tx.insert(specialisedRooms)
					.values({ wardId: row.id, key: r.key, areaM2: r.areaM2, count: r.count, basis: r.basis })
					.run();
			}
			CRITERIA_SEEDS.forEach((c, i) => {
				tx.insert(criteria)
					.values({ wardId: row.id, ...c, sortOrder: i })
					.run();
			});
			writeAudit(tx, {
				actor,
				wardId: row.id,
				entity: 'ward',
				entityId: row.id,
				action: 'create',
				after: auditView(row)
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new WardError('duplicate-code', 'code');
		throw e;
	}
}

/**
 * The stored values of the ward form (and the version), as a stale save shows them: the
 * extent as its four numbers, never the boundary (up to 2 MB).
 */
export function wardFormView(w: Ward) {
	const [south, west, north, east] = w.extentJson
		? (JSON.parse(w.extentJson) as Extent)
		: [null, null, null, null];
	return {
		id: w.id,
		version: w.version,
		code: w.code,
		name: w.name,
		adminCode: w.adminCode,
		centreLat: w.centreLat,
		centreLng: w.centreLng,
		south,
		west,
		north,
		east,
		populationCount: w.populationCount
	};
}

/** A number as the ward form shows it (decimal comma), '' for none. */
const formNumber = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));

/** The ward form's values as the page shows them (from {@link wardFormView}). */
export function wardFormValues(v: ReturnType<typeof wardFormView>): Record<string, string> {
	return {
		code: v.code,
		name: v.name,
		adminCode: v.adminCode ?? '',
		centreLat: formNumber(v.centreLat),
		centreLng: formNumber(v.centreLng),
		south: formNumber(v.south),
		west: formNumber(v.west),
		north: formNumber(v.north),
		east: formNumber(v.east),
		populationCount: v.populationCount === null ? '' : String(v.populationCount)
	};
}

/**
 * Edits a ward. With `expectedVersion` (the version the form was loaded with), a ward changed
 * meanwhile (its form or its boundary) is refused with a ConflictError carrying the stored
 * form values.
 */
export function updateWard(
	db: Db,
	actor: Actor,
	id: number,
	input: WardInput,
	expectedVersion: number | null = null
): Ward {
	checkExtent(input);
	try {
		return db.transaction((tx) => {
			const before = getWard(tx, id);
			if (!before) throw new WardError('not-found');
			checkVersion('ward', wardFormView(before), expectedVersion);
			const after = versionedUpdate(tx, wards, 'ward', id, expectedVersion, values(input));
			writeAudit(tx, {
				actor,
				wardId: id,
				entity: 'ward',
				entityId: id,
				action: 'update',
				before: auditView(before),
				after: auditView(after)
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new WardError('duplicate-code', 'code');
		throw e;
	}
}

export type BoundaryGeometry =
	| { type: 'Polygon'; coordinates: number[][][] }
	| { type: 'MultiPolygon'; coordinates: number[][][][] };

export type BoundaryParse =
	{ ok: true; geometry: BoundaryGeometry } | { ok: false; problems: string[] };

/** Largest boundary file accepted (a ward boundary is a few hundred kB at most). */
export const MAX_BOUNDARY_BYTES = 2 * 1024 * 1024;

/**
 * Parses an uploaded boundary: a Polygon or MultiPolygon, bare, as a Feature, or as a
 * FeatureCollection of exactly one feature. Every polygon is checked with `validatePolygon`.
 */
export function parseBoundary(text: string): BoundaryParse {
	if (text.length > MAX_BOUNDARY_BYTES) return { ok: false, problems: ['file too large'] };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, problems: ['not valid JSON'] };
	}
	let geometry = json as { type?: unknown; coordinates?: unknown } | null;
	if (geometry && typeof geometry === 'object' && geometry.type === 'FeatureCollection') {
		const features = (json as { features?: unknown }).features;
		if (!Array.isArray(features) || features.length !== 1) {
			return { ok: false, problems: ['a FeatureCollection must hold exactly one feature'] };
		}
		geometry = features[0] as typeof geometry;
	}
	if (geometry && typeof geometry === 'object' && geometry.type === 'Feature') {
		geometry = (geometry as { geometry?: typeof geometry }).geometry ?? null;
	}
	if (!geometry || typeof geometry !== 'object') {
		return { ok: false, problems: ['expected a GeoJSON Polygon or MultiPolygon'] };
	}
	if (geometry.type === 'Polygon') {
		const problems = validatePolygon(geometry).map((p) => p.message);
		if (problems.length) return { ok: false, problems };
		return {
			ok: true,
			geometry: { type: 'Polygon', coordinates: geometry.coordinates as number[][][] }
		};
	}
	if (geometry.type === 'MultiPolygon') {
		const parts = geometry.coordinates;
		if (!Array.isArray(parts) || parts.length === 0) {
			return { ok: false, problems: ['the MultiPolygon has no polygons'] };
		}
		const problems = parts.flatMap((coordinates, i) =>
			validatePolygon({ type: 'Polygon', coordinates }).map((p) => `polygon ${i + 1}: ${p.message}`)
		);
		if (problems.length) return { ok: false, problems };
		return { ok: true, geometry: { type: 'MultiPolygon', coordinates: parts as number[][][][] } };
	}
	return {
		ok: false,
		problems: [
			`expected a GeoJSON Polygon or MultiPolygon, got ${typeof geometry.type === 'string' ? geometry.type : 'no type'}`
		]
	};
}

/** Stores (or clears, with null) a ward's boundary. */
export function setBoundary(
	db: Db,
	actor: Actor,
	id: number,
	geometry: BoundaryGeometry | null
): void {
	db.transaction((tx) => {
		const before = getWard(tx, id);
		if (!before) throw new WardError('not-found');
		const text = geometry ? JSON.stringify(geometry) : null;
		tx.update(wards).set({ boundaryGeojson: text }).where(eq(wards.id, id)).run();
		const summary = (g: string | null) => {
			if (!g) return null;
			const parsed = JSON.parse(g) as BoundaryGeometry;
			return {
				type: parsed.type,
				polygons: parsed.type === 'Polygon' ? 1 : parsed.coordinates.length,
				bytes: g.length
			};
		};
		writeAudit(tx, {
			actor,
			wardId: id,
			entity: 'ward',
			entityId: id,
			action: geometry ? 'import' : 'update',
			before: { boundary: summary(before.boundaryGeojson) },
			after: { boundary: summary(text) }
		});
	});
}

/** The form's four optional extent numbers → an extent; null when only some are given. */
export function wardInputFromForm(form: {
	code: string;
	name: string;
	adminCode: string | null;
	centreLat: number;
	centreLng: number;
	south: number | null;
	west: number | null;
	north: number | null;
	east: number | null;
	populationCount: number | null;
}): WardInput | null {
	const parts = [form.south, form.west, form.north, form.east];
	const given = parts.filter((p) => p !== null).length;
	if (given !== 0 && given !== 4) return null;
	return {
		code: form.code,
		name: form.name,
		adminCode: form.adminCode,
		centreLat: form.centreLat,
		centreLng: form.centreLng,
		extent: given === 4 ? (parts as Extent) : null,
		populationCount: form.populationCount
	};
}

/**
 * Where a user lands after signing in: a city reviewer on the review queue, a ward's own
 * user on their ward, an admin (who sees every ward) on the list of wards (null).
 */
export function landingFor(user: { role: string; wardCode: string | null } | null): string | null {
	if (!user) return null;
	if (user.role === 'city_reviewer') return '/review';
	if ((user.role === 'ward_editor' || user.role === 'ward_viewer') && user.wardCode) {
		return `/w/${user.wardCode}`;
	}
	return null;
}

/** The wards a user may open, by name (the guard's rule: own ward, or all for the city). */
export function visibleWards(
	db: DbLike,
	user: { role: string; wardId: number | null } | null
): { code: string; name: string; isSample: boolean }[] {
	const all = db
		.select({ code: wards.code, name: wards.name, isSample: wards.isSample, id: wards.id })
		.from(wards)
		.orderBy(asc(wards.name))
		.all();
	const seesAll = user !== null && (user.role === 'admin' || user.role === 'city_reviewer');
	return all
		.filter((w) => seesAll || w.id === user?.wardId)
		.map(({ code, name, isSample }) => ({ code, name, isSample }));
}
