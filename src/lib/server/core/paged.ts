/**
 * One page of a list query, the way every list of the app pages: count the rows the filter
 * selects, clamp the requested page to the last one (a stale link past the end shows the last
 * page, never an empty one), then read that page in a stable order.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteSelect } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../db';

export interface Paged<R> {
	rows: R[];
	total: number;
	/** The page read: 1 … the last page (1 when there are no rows). */
	page: number;
	pageSize: number;
}

export interface PageRequest {
	page?: number;
	pageSize?: number;
}

/** The default rows per page and the most a caller may ask for. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

/** The page size asked for, within 1 … max (the default when absent or not a number). */
export function clampPageSize(
	pageSize: number | undefined,
	fallback = DEFAULT_PAGE_SIZE,
	max = MAX_PAGE_SIZE
): number {
	const n = pageSize === undefined || !Number.isFinite(pageSize) ? fallback : Math.floor(pageSize);
	return Math.min(Math.max(n, 1), max);
}

/** The page asked for, within 1 … the last page of `total` rows. */
export function clampPage(page: number | undefined, total: number, pageSize: number): number {
	const last = Math.max(1, Math.ceil(total / pageSize));
	const n = page === undefined || !Number.isFinite(page) ? 1 : Math.floor(page);
	return Math.min(Math.max(n, 1), last);
}

/**
 * Reads one page of `query`, a list query with its joins and filter but without order, limit
 * and offset, made dynamic: `db.select(columns).from(t).leftJoin(…).where(filter).$dynamic()`.
 * The total counts the same rows (the query's computed columns are not evaluated for it), the
 * page is clamped, and the rows come in `order` (end it with a unique column so pages never
 * overlap).
 */
export function pagedQuery<Q extends SQLiteSelect<string | undefined, 'sync'>>(
	db: DbLike,
	query: Q,
	order: (SQL | SQLiteColumn)[],
	request: PageRequest & { defaultPageSize?: number; maxPageSize?: number } = {}
): Paged<Awaited<Q>[number]> {
	const pageSize = clampPageSize(request.pageSize, request.defaultPageSize, request.maxPageSize);
	const total = db.get<{ n: number }>(sql`select count(*) as n from (${query})`)?.n ?? 0;
	const page = clampPage(request.page, total, pageSize);
	const rows = query
		.orderBy(...order)
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all() as Awaited<Q>[number][];
	return { rows, total, page, pageSize };
}

/**
 * The ORDER BY of a list's sort key: `sorts[key]` (the first entry's when the key is unknown),
 * then the tie-breakers (e.g. the id) so pages are stable.
 */
export function sortOrder<K extends string>(
	sorts: Record<K, SQL | SQLiteColumn | (SQL | SQLiteColumn)[]>,
	key: string | undefined,
	...tieBreakers: (SQL | SQLiteColumn)[]
): (SQL | SQLiteColumn)[] {
	const keys = Object.keys(sorts) as K[];
	const chosen = key !== undefined && keys.includes(key as K) ? (key as K) : keys[0];
	const by = sorts[chosen];
	return [...(Array.isArray(by) ? by : [by]), ...tieBreakers];
}
