/**
 * The audited-write kernel: create, update or delete one row together with its audit row, in
 * one transaction (a savepoint when the caller is already in one).
 *
 * - A UNIQUE violation becomes a `duplicate-code` error naming the form field
 *   (`uniqueField`, default 'code'), built by the caller's error class when it gives one.
 * - A row that is not there (or belongs to another ward) is `not-found`.
 * - On a table with a `version` column, an update names the version it was loaded with;
 *   a stale one throws {@link ConflictError} (nothing written, no audit row). A null expected
 *   version means "not checked" (imports, system jobs); forms use `requiredFormVersion`.
 * - `updatedAt` is set to now when the table has that column and the values do not set it.
 *
 * The default lookup is by id, and by ward when the table has a `wardId` column; tables that
 * reach their ward through a parent pass `load` (e.g. a room through its building).
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type {
	SQLiteColumn,
	SQLiteInsertValue,
	SQLiteTable,
	SQLiteUpdateSetSource
} from 'drizzle-orm/sqlite-core';
import { writeAudit, type Actor } from '../audit';
import type { Db, DbLike, Tx } from '../db';
import { isUniqueViolation } from '../db/errors';
import { checkVersion, versionedUpdate } from './concurrency';
import { DomainError } from './errors';

/** A table the kernel writes: one integer `id` primary key. */
export type RecordTable = SQLiteTable & { id: SQLiteColumn };

export type RecordErrorCode = 'not-found' | 'duplicate-code';

/** Who writes what: the audit row's actor, ward and entity, and the errors to throw. */
export interface RecordContext {
	actor: Actor;
	wardId: number | null;
	/** The audit entity name ('facility', 'room', 'unit' …), also the conflict's entity. */
	entity: string;
	/** The form field a UNIQUE violation names (default 'code'). */
	uniqueField?: string;
	/**
	 * Builds the error for a missing row or a duplicate (default `new DomainError(code, field)`),
	 * so a module keeps throwing its own class (`InventoryError`, `OrgError` …).
	 */
	error?: (code: RecordErrorCode, field?: string) => Error;
}

export interface WriteOptions<Row> {
	/** Finds the row in the caller's ward (default: by id, and `wardId` when the table has it). */
	load?: (tx: Tx) => Row | undefined;
	/** Checks run inside the transaction before the write (throw to refuse). */
	guard?: (tx: Tx, before: Row) => void;
}

function refuse(ctx: RecordContext, code: RecordErrorCode, field?: string): Error {
	return ctx.error ? ctx.error(code, field) : new DomainError(code, field);
}

/**
 * Runs `fn`, turning a UNIQUE violation into the error `toError` builds (default
 * `DomainError('duplicate-code', field)`). For writes the kernel does not cover (several rows).
 */
export function mapDuplicate<R>(
	fn: () => R,
	field = 'code',
	toError: (field: string) => Error = (f) => new DomainError('duplicate-code', f)
): R {
	try {
		return fn();
	} catch (e) {
		if (isUniqueViolation(e)) throw toError(field);
		throw e;
	}
}

function inTransaction<R>(db: DbLike, ctx: RecordContext, fn: (tx: Tx) => R): R {
	const field = ctx.uniqueField ?? 'code';
	return mapDuplicate(
		() => (db as Db).transaction((tx) => fn(tx)),
		field,
		(f) => refuse(ctx, 'duplicate-code', f)
	);
}

function column(table: RecordTable, name: string): SQLiteColumn | undefined {
	const c = (table as unknown as Record<string, unknown>)[name];
	return c && typeof c === 'object' && 'name' in c ? (c as SQLiteColumn) : undefined;
}

function loadById<T extends RecordTable>(
	tx: Tx,
	table: T,
	ctx: RecordContext,
	id: number
): T['$inferSelect'] | undefined {
	const ward = column(table, 'wardId');
	const where: SQL =
		ward && ctx.wardId !== null ? and(eq(table.id, id), eq(ward, ctx.wardId))! : eq(table.id, id);
	return tx
		.select()
		.from(table as SQLiteTable)
		.where(where)
		.get() as T['$inferSelect'] | undefined;
}

/**
 * Inserts one row and its audit row ('create', after = the row, or `auditAfter(row)`).
 * `guard` runs first in the same transaction (e.g. the parent is in the ward).
 */
export function createRecord<T extends RecordTable>(
	db: DbLike,
	table: T,
	ctx: RecordContext,
	values: SQLiteInsertValue<T>,
	options: { guard?: (tx: Tx) => void; auditAfter?: (row: T['$inferSelect']) => unknown } = {}
): T['$inferSelect'] {
	return inTransaction(db, ctx, (tx) => {
		options.guard?.(tx);
		const row = tx
			.insert(table)
			.values(values as never)
			.returning()
			.get() as T['$inferSelect'];
		writeAudit(tx, {
			actor: ctx.actor,
			wardId: ctx.wardId,
			entity: ctx.entity,
			entityId: (row as { id: number }).id,
			action: 'create',
			after: options.auditAfter ? options.auditAfter(row) : row
		});
		return row;
	});
}

/**
 * Updates one row and writes its audit row ('update', before and after). On a versioned table
 * the update names `expectedVersion` (null = not checked) and bumps the version; stale →
 * {@link ConflictError}. Returns the row as written.
 */
export function updateRecord<T extends RecordTable>(
	db: DbLike,
	table: T,
	ctx: RecordContext,
	id: number,
	values: SQLiteUpdateSetSource<T>,
	options: WriteOptions<T['$inferSelect']> & { expectedVersion?: number | null } = {}
): T['$inferSelect'] {
	return inTransaction(db, ctx, (tx) => {
		const before = options.load ? options.load(tx) : loadById(tx, table, ctx, id);
		if (!before) throw refuse(ctx, 'not-found');
		const versioned = column(table, 'version') !== undefined;
		const expected = options.expectedVersion ?? null;
		if (versioned) {
			checkVersion(ctx.entity, before as { id: number; version: number }, expected);
		}
		options.guard?.(tx, before);
		const set = { ...values } as Record<string, unknown>;
		if (column(table, 'updatedAt') && !('updatedAt' in set)) set.updatedAt = Date.now();
		const after = versioned
			? versionedUpdate(
					tx,
					table as T & { version: SQLiteColumn },
					ctx.entity,
					id,
					expected,
					set as SQLiteUpdateSetSource<T & { version: SQLiteColumn }>
				)
			: (tx
					.update(table)
					.set(set as SQLiteUpdateSetSource<T>)
					.where(eq(table.id, id))
					.returning()
					.get() as T['$inferSelect']);
		writeAudit(tx, {
			actor: ctx.actor,
			wardId: ctx.wardId,
			entity: ctx.entity,
			entityId: id,
			action: 'update',
			before,
			after
		});
		return after;
	});
}

/**
 * Deletes one row (its children by the schema's cascades) and writes its audit row ('delete',
 * before = the row). Returns the deleted row.
 */
export function deleteRecord<T extends RecordTable>(
	db: DbLike,
	table: T,
	ctx: RecordContext,
	id: number,
	options: WriteOptions<T['$inferSelect']> & {
		/** What the audit row records as before (default the row), e.g. with its children. */
		auditBefore?: (row: T['$inferSelect']) => unknown;
	} = {}
): T['$inferSelect'] {
	return inTransaction(db, ctx, (tx) => {
		const before = options.load ? options.load(tx) : loadById(tx, table, ctx, id);
		if (!before) throw refuse(ctx, 'not-found');
		options.guard?.(tx, before);
		const audited = options.auditBefore ? options.auditBefore(before) : before;
		tx.delete(table).where(eq(table.id, id)).run();
		writeAudit(tx, {
			actor: ctx.actor,
			wardId: ctx.wardId,
			entity: ctx.entity,
			entityId: id,
			action: 'delete',
			before: audited
		});
		return before;
	});
}
