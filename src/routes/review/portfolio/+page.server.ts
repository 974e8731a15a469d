import { cached } from '$lib/server/core/cache';
import { portfolio, type PortfolioRow } from '$lib/server/proposals';
// Lower case without diacritics, so "binh trung" finds "Phường Bình Trưng".
import { foldVi as fold } from '$lib/text/fold';
import type { PageServerLoad } from './$types';
import { tileUrl } from '$lib/server/tiles';
import { listQuery, pageWithin } from '$lib/server/http';

const SORTS = ['ward', 'shortfall', 'ratio', 'cost', 'score', 'condition'] as const;
type Sort = (typeof SORTS)[number];

/** Wards per page of the table (the chart, the map and the Excel export have every ward). */
const PORTFOLIO_PAGE_SIZE = 50;

const collator = new Intl.Collator('vi');
const round = (x: number | null, digits: number) =>
	x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
/** VND → billions, as the page shows them. */
const bn = (x: number | null) => (x === null ? null : Math.round(x / 1e7) / 100);

function sortKey(sort: Sort, r: PortfolioRow): number | string | null {
	switch (sort) {
		case 'ward':
			return r.wardName;
		case 'shortfall':
			return r.shortfallM2;
		case 'ratio':
			return r.ratioToNorm;
		case 'cost':
			return r.totalVnd;
		case 'score':
			return r.siteScore;
		case 'condition':
			return r.buildingsCorD;
	}
}

/** The rows sorted (nulls last in both directions), with their folded names for the search. */
function sorted(rows: PortfolioRow[], sort: Sort, desc: boolean) {
	return rows
		.map((r) => ({ r, key: sortKey(sort, r), folded: fold(`${r.wardName} ${r.wardCode}`) }))
		.sort((a, b) => {
			const x = a.key;
			const y = b.key;
			if (x === null && y === null) return 0;
			if (x === null) return 1;
			if (y === null) return -1;
			const c = typeof x === 'string' ? collator.compare(x, String(y)) : x - (y as number);
			return desc ? -c : c;
		});
}

/** Every submitted ward, compact, for the chart and the map (ward name order). */
function summary(rows: PortfolioRow[]) {
	return rows
		.filter((r) => r.version !== null)
		.sort((a, b) => collator.compare(a.wardName, b.wardName))
		.map((r) => ({
			code: r.wardCode,
			name: r.wardName,
			proposalId: r.proposalId,
			costBn: bn(r.totalVnd),
			shortfallM2: round(r.shortfallM2, 1),
			site:
				r.siteLat !== null && r.siteLng !== null
					? {
							lat: round(r.siteLat, 5) as number,
							lng: round(r.siteLng, 5) as number,
							label: `${r.siteCode} ${r.siteName}`
						}
					: null
		}));
}

export const load: PageServerLoad = ({ locals, url }) => {
	const { q, sort, dir, page: asked } = listQuery(url, SORTS);
	const desc = dir === 'desc';
	// Every ward's latest snapshot is parsed, then sorted: reused while the database is unchanged
	// (see $lib/server/cache).
	const all = cached(locals.db, 'portfolio', () => portfolio(locals.db));
	const ordered = cached(locals.db, `portfolio:${sort}:${desc ? 'desc' : 'asc'}`, () =>
		sorted(all, sort, desc)
	);
	const needle = fold(q);
	const matching = needle ? ordered.filter((x) => x.folded.includes(needle)) : ordered;
	const page = pageWithin(asked, matching.length, PORTFOLIO_PAGE_SIZE);
	// Only the page's rows, with the numbers rounded as the table shows them.
	const rows = matching
		.slice((page - 1) * PORTFOLIO_PAGE_SIZE, page * PORTFOLIO_PAGE_SIZE)
		.map(({ r }) => ({
			wardCode: r.wardCode,
			wardName: r.wardName,
			proposalId: r.proposalId,
			status: r.status,
			version: r.version,
			shortfallM2: round(r.shortfallM2, 1),
			ratioToNorm: round(r.ratioToNorm, 4),
			costBn: bn(r.totalVnd),
			siteScore: round(r.siteScore, 3),
			buildingsCorD: r.buildingsCorD,
			meanConditionIndex: round(r.meanConditionIndex, 1),
			site: r.siteCode ? `${r.siteCode} — ${r.siteName}` : null
		}));
	return {
		rows,
		total: matching.length,
		page,
		pageSize: PORTFOLIO_PAGE_SIZE,
		q,
		sort,
		desc,
		submitted: cached(locals.db, 'portfolio:summary', () => summary(all)),
		tileUrl: tileUrl()
	};
};
