import type { BoardFilter } from '$lib/server/needs/staffing-support';

/** The board's filter from the query string (?ward=&field=&position=), each at most 60 chars. */
export function boardFilter(url: URL): BoardFilter {
	const get = (k: string) => {
		const v = url.searchParams.get(k)?.trim().slice(0, 60);
		return v ? v : null;
	};
	return { ward: get('ward'), field: get('field'), position: get('position') };
}

/** The filter as a query string ('' or '?ward=…&field=…'), e.g. to come back after an action. */
export function filterQuery(url: URL): string {
	const f = boardFilter(url);
	const q = new URLSearchParams();
	for (const k of ['ward', 'field', 'position'] as const) if (f[k]) q.set(k, f[k]!);
	const s = q.toString();
	return s ? `?${s}` : '';
}
