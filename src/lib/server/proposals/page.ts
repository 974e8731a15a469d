/** The snapshot as the proposal pages show it (tables cut, packet-only data left out). */
import {
	SECTION_KEYS,
	type Cell,
	type PacketSnapshot,
	type PageSnapshot,
	type SectionKey
} from '../../packet';

/** Rows of each section table a proposal page shows until the reader asks for all of them. */
export const PAGE_TABLE_ROWS = 5;

/** Which sections' tables a page shows in full: `?all=<section>[,<section>…]`, `?print=1` all. */
export function expandedSections(url: URL): SectionKey[] | 'all' {
	if (url.searchParams.get('print') === '1') return 'all';
	const asked = url.searchParams
		.getAll('all')
		.flatMap((v) => v.split(','))
		.map((v) => v.trim());
	if (asked.includes('*')) return 'all';
	return SECTION_KEYS.filter((k) => asked.includes(k));
}

const round4 = (c: Cell): Cell =>
	typeof c === 'number' && !Number.isInteger(c) ? Math.round(c * 1e4) / 1e4 : c;

/**
 * The snapshot as the proposal pages show it (PacketView: the submission and the sections):
 * without the map layers, the chart data and the photo list that only the packet files use, each
 * section table cut to its first PAGE_TABLE_ROWS rows unless its section is expanded, and the
 * numbers in the table cells rounded to the 4 decimals the page shows. With 200 sites the score,
 * SMAA and site tables are most of a page otherwise; the packet files and the API keep them all.
 */
export function pageSnapshot(s: PacketSnapshot, expand: SectionKey[] | 'all' = []): PageSnapshot {
	return {
		...s,
		map: { extent: s.map.extent, sites: [], stations: [], facilities: [] },
		charts: { units: [], contributions: null, smaa: null },
		photos: [],
		pageRows: PAGE_TABLE_ROWS,
		sections: s.sections.map((sec) => {
			const expanded = expand === 'all' || expand.includes(sec.key);
			return {
				...sec,
				expanded,
				tables: sec.tables.map((tb) => ({
					...tb,
					total: tb.rows.length,
					rows: (expanded ? tb.rows : tb.rows.slice(0, PAGE_TABLE_ROWS)).map((r) => r.map(round4))
				}))
			};
		})
	};
}
