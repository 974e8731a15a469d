/**
 * Candidate sites of a ward: list (searched, paginated), read, create, edit (versioned), delete,
 * photos. Every function takes `db` and the ward's id; writes run in one transaction with their
 * audit row.
 */
import { and, asc, desc, eq, like, or } from 'drizzle-orm';
import type { SiteLegalOption } from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { pagedQuery, sortOrder, type Paged } from '../core/paged';
import type { Db, DbLike } from '../db';
import { isUniqueViolation } from '../db/errors';
import { photos, sites } from '../db/schema';
import type { StoredPhoto } from '../inventory/facilities';
import { SiteError } from './errors';
import type { SiteValues } from './geometry';

export type Site = Omit<typeof sites.$inferSelect, 'legalStatus'> & {
	legalStatus: SiteLegalOption;
};
export type SitePhoto = typeof photos.$inferSelect;

// ---------------------------------------------------------------- reading

export interface SiteListOptions {
	q?: string;
	page?: number;
	pageSize?: number;
	sort?: 'code' | 'name' | 'area';
	/** Direction of the sort column (ascending by default); ties go by id, ascending. */
	dir?: 'asc' | 'desc';
}

/** Sites of a ward, searched, sorted by code, name or land area (either way) and paginated. */
export function listSites(db: Db, wardId: number, options: SiteListOptions = {}): Paged<Site> {
	const q = options.q?.trim();
	const where = and(
		eq(sites.wardId, wardId),
		q
			? or(like(sites.name, `%${q}%`), like(sites.code, `%${q}%`), like(sites.currentUse, `%${q}%`))
			: undefined
	);
	const by = options.dir === 'desc' ? desc : asc;
	const sorts = { code: by(sites.code), name: by(sites.name), area: by(sites.landAreaM2) };
	const query = db.select().from(sites).where(where).$dynamic();
	return pagedQuery(
		db,
		query,
		sortOrder(sorts, options.sort, asc(sites.id)),
		options
	) as Paged<Site>;
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
/** The values as the sites table takes them. */
export const toRow = (v: SiteValues): SiteRowValues => v as unknown as SiteRowValues;

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
