/**
 * A versioned catalogue: rows keyed by (`key`, `version`) of which one per key is current
 * (`is_current`). An edit never changes a row: it writes version n + 1 of the same key, makes
 * it current and the previous one not current, with its audit row, in one transaction; the old
 * versions stay as history, so whatever cited one still can. Used by the legal references, the
 * investment rates and the norm sets, which differ only in their columns, their checks
 * (overlapping bands, unknown items) and what they audit.
 *
 * Optimistic concurrency: an edit names the catalogue version the form was loaded with
 * (`expected`); when the key's current version is another one (someone saved meanwhile), the
 * edit is refused with a {@link ConflictError} carrying the current row, so the page can show
 * both values and let the user keep theirs (re-submit against the current version) or take
 * the other's. Without `expected`, only the current version can be edited ('not-current').
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Actor, AuditAction } from '../audit';
import { writeAudit } from '../audit';
import { ConflictError } from '../core/concurrency';
import type { Db, DbLike } from '../db';

/** A catalogue table: an id, the key, its version and whether it is the current one. */
export type CatalogueTable = SQLiteTable & {
	id: SQLiteColumn;
	key: SQLiteColumn;
	version: SQLiteColumn;
	isCurrent: SQLiteColumn;
};

/** The columns every catalogue row has. */
export interface CatalogueRow {
	id: number;
	key: string;
	version: number;
	isCurrent: boolean;
}

export type Row<T extends CatalogueTable> = T['$inferSelect'] & CatalogueRow;
/** A row's own columns, as an insert takes them (key, version and current set by the catalogue). */
export type Values<T extends CatalogueTable> = Omit<
	T['$inferInsert'],
	'id' | 'key' | 'version' | 'isCurrent'
>;

/** Why a catalogue write is refused (each catalogue maps it to its own error class). */
export type CatalogueCode = 'not-found' | 'not-current' | 'duplicate-key' | 'full';

export interface CatalogueOptions<T extends CatalogueTable> {
	table: T;
	/** The audit entity ('legal-reference', 'investment-rate', 'norm-set'). */
	entity: string;
	/** Most current keys the catalogue holds; a create beyond it is refused ('full'). */
	max?: number;
	/** The catalogue's own error for a refusal. */
	refuse: (code: CatalogueCode) => Error;
}

/** What an edit does beyond writing the new version. */
export interface EditOptions<T extends CatalogueTable, B extends Row<T>, R> {
	/** The base as the edit sees it (default: the row by id), e.g. with its items. */
	load?: (tx: DbLike, id: number) => B | undefined;
	/** Checks on the (current) base before anything is written; throws to refuse. */
	check?: (tx: DbLike, base: B) => void;
	/** The new version's columns. */
	values: (base: B) => Values<T>;
	/** Writes what belongs to the new version (e.g. its items); its result is returned. */
	then?: (tx: DbLike, row: Row<T>, base: B) => R;
	/** The audit row's action and values (default action 'update'). */
	audit: (
		base: B,
		row: Row<T>,
		result: R
	) => { action?: AuditAction; before: unknown; after: unknown };
	/**
	 * The catalogue version the form was loaded with: when the key's current version is another,
	 * a {@link ConflictError} with the current row. Null or undefined: not checked.
	 */
	expected?: number | null;
}

export function versionedCatalogue<T extends CatalogueTable>(options: CatalogueOptions<T>) {
	const { table, entity, refuse } = options;
	const from = (db: DbLike) => db.select().from(table as SQLiteTable);
	const current = eq(table.isCurrent, true);

	/** The current version of every key (unsorted). */
	function currentRows(db: DbLike): Row<T>[] {
		return from(db).where(current).all() as Row<T>[];
	}

	/** One version by id. */
	function get(db: DbLike, id: number): Row<T> | undefined {
		return from(db).where(eq(table.id, id)).get() as Row<T> | undefined;
	}

	/** The current version of a key. */
	function currentOf(db: DbLike, key: string): Row<T> | undefined {
		return from(db)
			.where(and(eq(table.key, key), current))
			.orderBy(desc(table.version))
			.get() as Row<T> | undefined;
	}

	/** Every version of a key, newest first. */
	function history(db: DbLike, key: string): Row<T>[] {
		return from(db).where(eq(table.key, key)).orderBy(desc(table.version)).all() as Row<T>[];
	}

	/**
	 * What a version's page shows: the version `id` and every version of its key, newest
	 * first; refused 'not-found' when there is no such version.
	 */
	function versionPage(db: DbLike, id: number): { row: Row<T>; history: Row<T>[] } {
		const row = get(db, id);
		if (!row) throw refuse('not-found');
		return { row, history: history(db, row.key) };
	}

	function count(db: DbLike, currentOnly: boolean): number {
		const q = db.select({ n: sql<number>`count(*)` }).from(table as SQLiteTable);
		return (currentOnly ? q.where(current) : q).get()?.n ?? 0;
	}

	function insert(tx: DbLike, key: string, version: number, values: Values<T>): Row<T> {
		return tx
			.insert(table)
			.values({ ...values, key, version, isCurrent: true } as T['$inferInsert'])
			.returning()
			.get() as unknown as Row<T>;
	}

	/**
	 * Adds version 1 of a new key, audited ('create', `after` from `audit`); refused when the
	 * key exists ('duplicate-key') or the catalogue is full. `check` runs first (e.g. overlaps).
	 */
	function create(
		db: Db,
		actor: Actor,
		key: string,
		values: Values<T>,
		opts: { check?: (tx: DbLike) => void; after: (row: Row<T>) => unknown }
	): Row<T> {
		return db.transaction((tx) => {
			if (from(tx).where(eq(table.key, key)).get()) throw refuse('duplicate-key');
			if (options.max !== undefined && count(tx, true) >= options.max) throw refuse('full');
			opts.check?.(tx);
			const row = insert(tx, key, 1, values);
			writeAudit(tx, {
				actor,
				wardId: null,
				entity,
				entityId: row.id,
				action: 'create',
				after: opts.after(row)
			});
			return row;
		});
	}

	/**
	 * Writes the next version of the base `baseId`'s key (see the module comment): the base must
	 * be current, or with `expected` the key's current version must be `expected` (the edit then
	 * applies to the current version). One transaction with its audit row.
	 */
	function edit<B extends Row<T> = Row<T>, R = Row<T>>(
		db: Db,
		actor: Actor,
		baseId: number,
		opts: EditOptions<T, B, R>
	): R {
		const load = opts.load ?? ((tx: DbLike, id: number) => get(tx, id) as B | undefined);
		return db.transaction((tx) => {
			let base = load(tx, baseId);
			if (!base) throw refuse('not-found');
			if (!base.isCurrent) {
				if (opts.expected === null || opts.expected === undefined) throw refuse('not-current');
				const now = currentOf(tx, base.key);
				if (!now) throw refuse('not-current');
				if (now.version !== opts.expected) {
					throw new ConflictError(entity, now.id, opts.expected, now);
				}
				base = load(tx, now.id) as B;
			} else if (
				opts.expected !== null &&
				opts.expected !== undefined &&
				base.version !== opts.expected
			) {
				throw new ConflictError(entity, base.id, opts.expected, base);
			}
			opts.check?.(tx, base);
			const version =
				(tx
					.select({ v: sql<number>`max(${table.version})` })
					.from(table as SQLiteTable)
					.where(eq(table.key, base.key))
					.get()?.v ?? base.version) + 1;
			tx.update(table)
				.set({ isCurrent: false } as never)
				.where(and(eq(table.key, base.key), current))
				.run();
			const row = insert(tx, base.key, version, opts.values(base));
			const result = opts.then ? opts.then(tx, row, base) : (row as unknown as R);
			const { action = 'update', before, after } = opts.audit(base, row, result);
			writeAudit(tx, { actor, wardId: null, entity, entityId: row.id, action, before, after });
			return result;
		});
	}

	/** Seeds version 1 of each entry into an empty table (idempotent). */
	function seed(tx: DbLike, seeds: readonly (Values<T> & { key: string })[]): void {
		if (count(tx, false) > 0) return;
		for (const s of seeds) insert(tx, s.key, 1, s);
	}

	return { table, entity, currentRows, get, currentOf, history, versionPage, create, edit, seed };
}
