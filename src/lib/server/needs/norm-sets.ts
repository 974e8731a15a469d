/**
 * Versioned norm sets (định mức diện tích): Decree 155/2025/NĐ-CP, 152/2017 for comparison, and
 * any version an administrator makes. A version is never changed in place: editing a set
 * writes a NEW version (items copied, changes applied), marks it current and the previous one
 * no longer current, in one audited transaction. Old versions stay, so a result computed with
 * one still cites it and can be computed again (needsForWard with its id).
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../audit';
import { versionedCatalogue } from '../admin/catalogue';
import { DomainError } from '../core/errors';
import type { Db, DbLike } from '../db';
import { normItems, normSets } from '../db/schema';
import { normItemField, type NormSetEdit } from '../../schemas/needs';
import { isRankNormKey } from '../../norms';

export type NormSetRow = typeof normSets.$inferSelect;
export type NormItemRow = typeof normItems.$inferSelect;
export type NormSetWithItems = NormSetRow & { items: NormItemRow[] };

/** The key of the norm set used when none is chosen: Decree 155/2025/NĐ-CP. */
export const DEFAULT_NORM_KEY = 'nd-155-2025';

/** A norm-set write refused for a reason the caller can report. */
export class NormSetError extends DomainError<'not-found' | 'not-current' | 'unknown-item'> {
	constructor(code: 'not-found' | 'not-current' | 'unknown-item', field?: string) {
		super(
			code,
			field ?? (code === 'not-current' ? 'name' : undefined),
			code === 'not-current' ? 'needs.admin.notCurrent' : undefined
		);
	}
}

/** Every version of every norm set: current versions first, then by key and newest version. */
export function listNormSets(db: DbLike): (NormSetRow & { itemCount: number })[] {
	return db
		.select({
			id: normSets.id,
			key: normSets.key,
			version: normSets.version,
			name: normSets.name,
			legalBasis: normSets.legalBasis,
			effectiveFrom: normSets.effectiveFrom,
			commonAreaRatio: normSets.commonAreaRatio,
			commonAreaRatioVerify: normSets.commonAreaRatioVerify,
			isCurrent: normSets.isCurrent,
			createdAt: normSets.createdAt,
			itemCount: sql<number>`(select count(*) from norm_items i where i.norm_set_id = norm_sets.id)`
		})
		.from(normSets)
		.orderBy(desc(normSets.isCurrent), asc(normSets.key), desc(normSets.version))
		.all();
}

/** The current version of each norm set, the default (155/2025) first. */
export function currentNormSets(db: DbLike): NormSetRow[] {
	const rows = db
		.select()
		.from(normSets)
		.where(eq(normSets.isCurrent, true))
		.orderBy(asc(normSets.key))
		.all();
	return rows.sort(
		(a, b) => Number(b.key === DEFAULT_NORM_KEY) - Number(a.key === DEFAULT_NORM_KEY)
	);
}

/** One version with its items (in id order, i.e. the seniority order of the seed). */
export function getNormSet(db: DbLike, id: number): NormSetWithItems | undefined {
	const set = db.select().from(normSets).where(eq(normSets.id, id)).get();
	if (!set) return undefined;
	const items = db
		.select()
		.from(normItems)
		.where(eq(normItems.normSetId, id))
		.orderBy(asc(normItems.id))
		.all();
	return { ...set, items };
}

const catalogue = versionedCatalogue({
	table: normSets,
	entity: 'norm-set',
	refuse: (code) => new NormSetError(code === 'not-current' ? 'not-current' : 'not-found')
});

/** The current version of the set with `key` (default 155/2025), or undefined. */
export function currentNormSet(
	db: DbLike,
	key: string = DEFAULT_NORM_KEY
): NormSetWithItems | undefined {
	const set = catalogue.currentOf(db, key);
	return set ? getNormSet(db, set.id) : undefined;
}

/** Every version of the set with `key`, newest first. */
export function normSetVersions(db: DbLike, key: string): NormSetRow[] {
	return catalogue.history(db, key);
}

/** A version's page: the set's version `id` with its items and all its versions (NormSetError 'not-found'). */
export function normSetPage(db: DbLike, id: number) {
	const set = getNormSet(db, id);
	if (!set) throw new NormSetError('not-found');
	return { set, versions: normSetVersions(db, set.key) };
}

/**
 * The title keys a position may use: those of the current default norm set (155/2025), in
 * seniority order, with their Vietnamese and English labels. Rank items ('rank-…', the norm of
 * chuyên viên chính and cao cấp) price a position's rank, not a title, and are left out.
 */
export function positionTitleKeys(
	db: DbLike
): { titleKey: string; labelVi: string; labelEn: string; m2PerPerson: number }[] {
	const set = currentNormSet(db);
	return (set?.items ?? [])
		.filter((i) => !isRankNormKey(i.titleKey))
		.map((i) => ({
			titleKey: i.titleKey,
			labelVi: i.labelVi,
			labelEn: i.labelEn,
			m2PerPerson: i.m2PerPerson
		}));
}

/**
 * Writes a new version of the set of version `baseId` (which must be the current one): its
 * items are copied with the edits applied, it becomes current, the base stops being current.
 * One transaction with one audit row (entity 'norm-set', the base and the new version). With
 * `expected` (the version the form was loaded with), a set changed meanwhile is refused with a
 * ConflictError carrying the current version.
 */
export function createNormSetVersion(
	db: Db,
	actor: Actor,
	baseId: number,
	edit: NormSetEdit,
	expected?: number | null
): NormSetWithItems {
	const edits = new Map(edit.items.map((i) => [i.itemId, i]));
	// The edits by title key: the form names the items of the version it was loaded with, which
	// after "keep mine" on a stale form is not the current version the edit applies to.
	const byTitle = new Map<string, NormSetEdit['items'][number]>();
	return catalogue.edit(db, actor, baseId, {
		expected,
		load: getNormSet,
		check: (tx, base) => {
			const formSet = base.id === baseId ? base : getNormSet(tx, baseId)!;
			for (const [id, e] of edits) {
				const item = formSet.items.find((i) => i.id === id);
				if (!item) throw new NormSetError('unknown-item');
				byTitle.set(item.titleKey, e);
			}
		},
		values: () => ({
			name: edit.name,
			legalBasis: edit.legalBasis,
			effectiveFrom: edit.effectiveFrom,
			commonAreaRatio: edit.commonAreaRatio,
			commonAreaRatioVerify: edit.commonAreaRatioVerify
		}),
		then: (tx, row, base) => {
			const items = base.items.map((item) => {
				const e = byTitle.get(item.titleKey);
				return tx
					.insert(normItems)
					.values({
						normSetId: row.id,
						titleKey: item.titleKey,
						labelVi: e?.labelVi ?? item.labelVi,
						labelEn: e?.labelEn ?? item.labelEn,
						m2PerPerson: e?.m2PerPerson ?? item.m2PerPerson,
						legalBasis: e ? e.legalBasis : item.legalBasis,
						verify: e?.verify ?? item.verify
					})
					.returning()
					.get();
			});
			return { ...row, items };
		},
		audit: (base, _row, after) => ({
			action: 'create',
			before: base,
			after: { ...after, basedOn: base.id, reason: edit.reason }
		})
	});
}

/**
 * A norm set's values as the edit form of `formSet` names its fields (the items matched by
 * title key), e.g. the current version's values for a form loaded with an older one.
 */
export function normSetFormValues(
	set: NormSetWithItems,
	formSet: NormSetWithItems = set
): Record<string, string> {
	const out: Record<string, string> = {
		name: set.name,
		legalBasis: set.legalBasis,
		effectiveFrom: set.effectiveFrom,
		commonAreaRatio: String(set.commonAreaRatio),
		commonAreaRatioVerify: set.commonAreaRatioVerify ? 'on' : ''
	};
	const idOf = new Map(formSet.items.map((i) => [i.titleKey, i.id]));
	for (const item of set.items) {
		const id = idOf.get(item.titleKey);
		if (id === undefined) continue;
		out[normItemField.m2(id)] = String(item.m2PerPerson);
		out[normItemField.labelVi(id)] = item.labelVi;
		out[normItemField.labelEn(id)] = item.labelEn;
		out[normItemField.basis(id)] = item.legalBasis ?? '';
		out[normItemField.verify(id)] = item.verify ? 'on' : '';
	}
	return out;
}
