/**
 * Optimistic concurrency for every editable record, one mechanism for all of them.
 *
 * Each editable table has an integer `version` (1 when created). An update made on behalf of
 * a form or an API client names the version it was loaded with; {@link versionedUpdate} writes
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?` and, when no row
 * matched, throws a {@link ConflictError} carrying the stored row, so the caller's transaction
 * rolls back (no audit row, nothing written). Updates that do not check a version (status
 * changes, solver results) still bump it: a trigger per table (migration 0008) adds 1 whenever
 * an UPDATE leaves `version` unchanged, so a form loaded before any change is stale.
 *
 * Forms send the version in a hidden `version` field ({@link formVersion}; a form without it is
 * stale, never saved unchecked); a stale save
 * answers `fail(409, …)` built by {@link conflictFailure}: the user's values (with the stored
 * version, so re-submitting keeps them) and, field by field, the stored values with who saved
 * them and when (from the audit trail). The JSON API answers 409 with {@link conflictJson}.
 */
import { fail, json, type ActionFailure } from '@sveltejs/kit';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { ConflictFailure, ConflictInfo } from '../../conflict';
import { sameFormValue, VERSION_FIELD } from '../../conflict';
import { formatDateTime, translate, type Locale } from '../../i18n';
import type { DbLike } from '../db';
import { auditLog } from '../db/schema';

/** A stale save: the record changed (or was deleted) since the version the caller names. */
export class ConflictError extends Error {
	constructor(
		/** The audit entity name ('room', 'facility', …). */
		public readonly entity: string,
		public readonly id: number,
		/** The version the caller loaded. */
		public readonly expected: number,
		/** The stored row now, or null when it was deleted meanwhile. */
		public readonly current: Record<string, unknown> | null
	) {
		super(`conflict: ${entity} ${id} is not at version ${expected}`);
	}

	/** The stored version now (null when the record is gone). */
	get currentVersion(): number | null {
		const v = this.current?.version;
		return typeof v === 'number' ? v : null;
	}
}

type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

/**
 * Refuses a stale write: throws {@link ConflictError} when `expected` is a number and differs
 * from the stored row's version. `expected` null or undefined means "not checked" (imports,
 * system jobs, callers that send no version).
 */
export function checkVersion(
	entity: string,
	row: { id: number; version: number } & Record<string, unknown>,
	expected: number | null | undefined
): void {
	if (expected === null || expected === undefined) return;
	if (row.version !== expected) throw new ConflictError(entity, row.id, expected, row);
}

/**
 * Updates one row by id, bumping its version in the same statement; with `expected` a number,
 * only when the stored version equals it (`WHERE id = ? AND version = ?`), else throws
 * {@link ConflictError} with the stored row (or null when the row is gone). Returns the row as
 * written. Call it inside the transaction that writes the audit row.
 */
export function versionedUpdate<T extends VersionedTable>(
	tx: DbLike,
	table: T,
	entity: string,
	id: number,
	expected: number | null | undefined,
	values: SQLiteUpdateSetSource<T>
): T['$inferSelect'] {
	const checked = expected !== null && expected !== undefined;
	const where: SQL = checked
		? and(eq(table.id, id), eq(table.version, expected))!
		: eq(table.id, id);
	const set = { ...values, version: sql`${table.version} + 1` } as SQLiteUpdateSetSource<T>;
	const row = tx.update(table).set(set).where(where).returning().get() as
		T['$inferSelect'] | undefined;
	if (row) return row;
	const current = tx
		.select()
		.from(table as SQLiteTable)
		.where(eq(table.id, id))
		.get() as Record<string, unknown> | undefined;
	throw new ConflictError(entity, id, checked ? expected : -1, current ?? null);
}

/**
 * The version a form was loaded with (its hidden `version` field). Every edit form of a
 * versioned record carries it, so a form posted WITHOUT it (or with a blank one) is treated as
 * stale (0 never matches): the save is refused with the 409 conflict answer, which names the
 * missing version (`conflict.noVersion`) and shows both values, instead of saving unchecked.
 * A value that is not a positive integer never matches either (a tampered version). Imports
 * and system jobs pass null to the services themselves (not checked); the JSON API reads
 * {@link requestVersion}.
 */
export function formVersion(data: FormData | Record<string, string>): number {
	const raw = data instanceof FormData ? data.get(VERSION_FIELD) : data[VERSION_FIELD];
	if (typeof raw !== 'string') return 0;
	const s = raw.trim();
	return /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : 0;
}

/** A stored value as a form field shows it (booleans as a checked box 'on', null as ''). */
export function formText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? 'on' : '';
	if (typeof v === 'number' || typeof v === 'string') return String(v);
	if (Array.isArray(v)) return v.map(String).join(', ');
	return JSON.stringify(v);
}

/** A stored row as form values (every column, as text). */
export function rowFormValues(row: Record<string, unknown> | null): Record<string, string> {
	const out: Record<string, string> = {};
	if (!row) return out;
	for (const [k, v] of Object.entries(row)) out[k] = formText(v);
	return out;
}

/** The stored version of a row (for a page to put into its form), or null when it is gone. */
export function currentVersion(db: DbLike, table: VersionedTable, id: number): number | null {
	const row = db
		.select({ version: table.version })
		.from(table as SQLiteTable)
		.where(eq(table.id, id))
		.get() as { version: number } | undefined;
	return row?.version ?? null;
}

/** Who changed the record last and when, from the audit trail (null when not recorded). */
export function lastChange(
	db: DbLike,
	entity: string,
	id: number
): { username: string | null; at: number } | null {
	const row = db
		.select({ username: auditLog.username, at: auditLog.at })
		.from(auditLog)
		.where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(1)
		.get();
	return row ?? null;
}

/** Fields never shown in the comparison (identity, bookkeeping, the version itself). */
const NOT_COMPARED = new Set([VERSION_FIELD, 'id', 'wardId', 'createdAt', 'updatedAt']);

/**
 * The conflict to show: the submitted fields whose value differs from the stored one, in the
 * form's order, the stored values as the form shows them, the stored version and who saved it.
 * `theirs` defaults to the stored row's columns as text; pass it when the form's fields are
 * not the row's columns (a JSON column, e.g. a scenario's settings).
 */
export function conflictInfo(
	db: DbLike,
	locale: Locale,
	e: ConflictError,
	mine: Record<string, string>,
	theirsGiven?: Record<string, string>
): ConflictInfo {
	const theirs = theirsGiven ?? rowFormValues(e.current);
	const deleted = e.current === null;
	// With the form's own stored values (`theirs` given), a field the user did not send (an
	// unticked box) is compared too; with the row's columns, only the fields sent.
	const exact = theirsGiven !== undefined;
	// Own keys only: a posted field named e.g. `constructor` is not a stored value.
	const has = (o: Record<string, string>, k: string) => Object.hasOwn(o, k);
	const value = (o: Record<string, string>, k: string) => (has(o, k) ? String(o[k]) : '');
	const names = [
		...Object.keys(mine).filter((k) => has(theirs, k)),
		...(exact ? Object.keys(theirs).filter((k) => !has(mine, k)) : [])
	];
	const fields = deleted
		? []
		: names
				.filter((k) => !NOT_COMPARED.has(k))
				.filter((k) => !sameFormValue(value(mine, k), value(theirs, k)))
				.map((name) => ({ name, mine: value(mine, name), theirs: value(theirs, name) }));
	const change = deleted ? null : lastChange(db, e.entity, e.id);
	const savedBy = deleted
		? translate(locale, 'conflict.deleted')
		: change
			? translate(locale, 'conflict.savedBy', {
					who: change.username ?? '—',
					when: formatDateTime(change.at, locale)
				})
			: translate(locale, 'conflict.savedByUnknown');
	// The stored values the page may put back ("take theirs"): the form's own, else the row's
	// columns the form sent (not every column: a scenario's stored instance is megabytes).
	const shown = exact
		? theirs
		: Object.fromEntries(
				Object.keys(mine)
					.filter((k) => has(theirs, k))
					.map((k) => [k, theirs[k]])
			);
	return { version: e.currentVersion, savedBy, deleted, fields, theirs: deleted ? {} : shown };
}

/**
 * The answer of a form action to a stale save: HTTP 409 with the user's values (the hidden
 * version replaced by the stored one, so "keep mine" is a plain re-submit) and the conflict.
 * Nothing the user typed is lost.
 */
export function conflictFailure(
	db: DbLike,
	locale: Locale,
	e: ConflictError,
	mine: Record<string, string>,
	options: { theirs?: Record<string, string>; form?: string } = {}
): ActionFailure<ConflictFailure> {
	const conflict = conflictInfo(db, locale, e, mine, options.theirs);
	const values = { ...mine };
	if (conflict.version !== null) values[VERSION_FIELD] = String(conflict.version);
	return fail(409, {
		values,
		errors: {},
		message: translate(
			locale,
			conflict.deleted
				? 'conflict.deleted'
				: e.expected === 0
					? 'conflict.noVersion'
					: 'conflict.message'
		),
		form: options.form,
		conflict
	});
}

/**
 * The version a JSON API client names: the body's `version`, or the `If-Match` header
 * (`"3"`, `W/"3"` or `3`); null when neither is given.
 */
export function requestVersion(request: Request, body?: { version?: unknown }): number | null {
	if (body && body.version !== undefined && body.version !== null) {
		const v = body.version;
		return typeof v === 'number' && Number.isInteger(v) && v > 0
			? v
			: formVersion({ version: String(v) });
	}
	const h = request.headers.get('if-match');
	if (!h) return null;
	return formVersion({ version: h.replace(/^W\//, '').replace(/"/g, '') });
}

/** The JSON answer to a stale API update: 409 with the stored record and its version. */
export function conflictJson(locale: Locale, e: ConflictError, current: unknown): Response {
	return json(
		{
			error: {
				code: e.current ? 'conflict' : 'deleted',
				message: e.current
					? translate(locale, 'conflict.api', { version: e.currentVersion ?? 0 })
					: translate(locale, 'conflict.deleted'),
				version: e.currentVersion,
				current
			}
		},
		{ status: 409, headers: e.currentVersion ? { etag: `"${e.currentVersion}"` } : {} }
	);
}
