/**
 * Pure helpers of the shared list UI (DataTable, ListControls): column classes and the GET
 * links of sorting, searching and paging. The URL parameters are the list contract shared with
 * the server's `listQuery(url, sorts)`: `q` (search text), `sort` (a column's sort key), `dir`
 * (`asc` | `desc`, default `asc`), `page` (1-based, default 1).
 */

export type SortDir = 'asc' | 'desc';

/** One column of a DataTable. */
export interface Column<R = unknown> {
	/** Unique within the table; the cell snippet switches on it. */
	key: string;
	label: string;
	/** Right-aligned with tabular figures (class `num`). */
	numeric?: boolean;
	/** Sort key sent as `sort=` when the header is clicked (the column is then a link). */
	sort?: string;
	/** The cell's text (already formatted); without it the table's `cell` snippet draws it. */
	value?: (row: R) => string | number | null | undefined;
	/** Extra classes of the header and the cells (e.g. `no-print`). */
	class?: string;
	/** Tooltip of the header (e.g. what clicking it sorts by). */
	title?: string;
	/** The header text is read by screen readers only (e.g. an actions column). */
	hideLabel?: boolean;
}

/** Rows under one heading of a grouped DataTable (one `<tbody>`). */
export interface RowGroup<R = unknown> {
	key: string | number;
	rows: readonly R[];
}

export interface ListState {
	q: string;
	sort: string | null;
	dir: SortDir;
	page: number;
}

/** The list parameters of a URL (what the page shows; the server validates them). */
export function listState(url: URL): ListState {
	const p = url.searchParams;
	const page = Number.parseInt(p.get('page') ?? '1', 10);
	return {
		q: p.get('q') ?? '',
		sort: p.get('sort') || null,
		dir: p.get('dir') === 'desc' ? 'desc' : 'asc',
		page: Number.isFinite(page) && page > 1 ? page : 1
	};
}

/** The classes of a column's header and cells: `num` for numbers, then its own. */
export function columnClass(col: Pick<Column, 'numeric' | 'class'>): string | undefined {
	const parts = [col.numeric ? 'num' : '', col.class ?? ''].filter(Boolean);
	return parts.length ? parts.join(' ') : undefined;
}

/** The text of a plain cell: missing values are a dash, numbers are formatted by `format`. */
export function cellText(
	value: string | number | null | undefined,
	format: (n: number) => string = String
): string {
	if (value === null || value === undefined || value === '') return '—';
	return typeof value === 'number' ? format(value) : value;
}

function relative(url: URL, params: URLSearchParams): string {
	const search = params.toString();
	return url.pathname + (search ? `?${search}` : '');
}

/** The sort a server applied (`dir`: `desc`, anything else reads as ascending). */
export interface AppliedSort {
	sort: string;
	dir: string;
}

/** The sort shown: what the server says it applied, else what the address asks. */
function sortNow(url: URL, current?: AppliedSort): { sort: string | null; dir: SortDir } {
	if (!current) return listState(url);
	return { sort: current.sort, dir: current.dir === 'desc' ? 'desc' : 'asc' };
}

/**
 * The link of a sortable header: the current column toggles its direction, another column
 * starts ascending; the search stays and the page goes back to 1. `current` is the sort the
 * server applied (its defaults included), when the page has it.
 */
export function sortHref(url: URL, key: string, current?: AppliedSort): string {
	const now = sortNow(url, current);
	const params = new URLSearchParams(url.searchParams);
	params.delete('page');
	params.set('sort', key);
	if (now.sort === key && now.dir === 'asc') params.set('dir', 'desc');
	else if (now.sort === key) params.set('dir', 'asc');
	else params.delete('dir');
	return relative(url, params);
}

/** `aria-sort` of a header: the direction when the list is sorted by its key. */
export function ariaSort(
	url: URL,
	key: string | undefined,
	current?: AppliedSort
): 'ascending' | 'descending' | undefined {
	if (!key) return undefined;
	const now = sortNow(url, current);
	if (now.sort !== key) return undefined;
	return now.dir === 'desc' ? 'descending' : 'ascending';
}

/** The link of page `page` (1 drops the parameter); other parameters stay. */
export function pageHref(url: URL, page: number): string {
	const params = new URLSearchParams(url.searchParams);
	if (page <= 1) params.delete('page');
	else params.set('page', String(page));
	return relative(url, params);
}

/** Hidden fields a GET search form carries so a search keeps the sort (and not the page). */
export function searchHidden(
	url: URL,
	keep: readonly string[] = ['sort', 'dir']
): [string, string][] {
	const out: [string, string][] = [];
	for (const name of keep) {
		const v = url.searchParams.get(name);
		if (v) out.push([name, v]);
	}
	return out;
}

/** The link that clears the search (sort kept, page reset). */
export function clearSearchHref(url: URL): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('q');
	params.delete('page');
	return relative(url, params);
}

/** The range shown on a page: first and last row numbers (1-based) and the page count. */
export function pageRange(page: number, pageSize: number, total: number) {
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, page), pages);
	return {
		pages,
		page: current,
		from: total === 0 ? 0 : (current - 1) * pageSize + 1,
		to: Math.min(total, current * pageSize)
	};
}
