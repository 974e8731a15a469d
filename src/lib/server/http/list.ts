/**
 * The address of a list page: `?q=` search text, `?sort=` one of the page's sort keys,
 * `?dir=asc|desc`, `?page=N` (1-based). Read one way on every list so a tampered or stale
 * address never fails: an unknown sort falls back to the first allowed one, a bad page to 1.
 */
import { clampPage } from '../core/paged';

export type SortDir = 'asc' | 'desc';

export interface ListQuery<S extends string> {
	/** The search text, trimmed, at most {@link MAX_QUERY} characters. */
	q: string;
	sort: S;
	dir: SortDir;
	/** 1-based, at least 1 and at most {@link MAX_PAGE}. */
	page: number;
}

/** Search text longer than this is cut (a search box, not a document). */
export const MAX_QUERY = 100;
/** A page number past this is read as this (no list is that long; keeps offsets small). */
export const MAX_PAGE = 100_000;

/**
 * Reads the list parameters of `url`. `sorts` are the allowed sort keys, the first being the
 * default unless `defaults.sort` names another; `defaults.dir` is the direction when the
 * address gives none (ascending unless said otherwise).
 */
export function listQuery<const S extends string>(
	url: URL,
	sorts: readonly [S, ...S[]],
	defaults: { sort?: S; dir?: SortDir } = {}
): ListQuery<S> {
	const p = url.searchParams;
	const q = (p.get('q') ?? '').trim().slice(0, MAX_QUERY);
	const rawSort = p.get('sort');
	const sort = sorts.find((s) => s === rawSort) ?? defaults.sort ?? sorts[0];
	const rawDir = p.get('dir');
	const dir: SortDir = rawDir === 'desc' || rawDir === 'asc' ? rawDir : (defaults.dir ?? 'asc');
	return { q, sort, dir, page: intParam(url, 'page', 1, 1, MAX_PAGE) };
}

/**
 * A whole-number parameter of `url` within [min, max]: `fallback` when absent or not a plain
 * whole number (`abc`, `2.5`, `1e3`, `-4`), the nearest bound when outside.
 * `intParam(url, 'pageSize', 50, 1, 200)`.
 */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number) {
	const raw = (url.searchParams.get(name) ?? '').trim();
	const n = /^\d{1,9}$/.test(raw) ? Number(raw) : fallback;
	return Math.min(max, Math.max(min, n));
}

/** The page to show of `total` rows at `pageSize` per page: `page` capped at the last page. */
export function pageWithin(page: number, total: number, pageSize: number): number {
	return clampPage(page, total, pageSize);
}
