import { env } from '$env/dynamic/private';
import { cached } from '$lib/server/cache';
import { portfolio } from '$lib/server/proposals';
import type { PageServerLoad } from './$types';

const SORTS = ['ward', 'shortfall', 'ratio', 'cost', 'score', 'condition'] as const;
type Sort = (typeof SORTS)[number];

export const load: PageServerLoad = ({ locals, url }) => {
	const raw = url.searchParams.get('sort') ?? 'ward';
	const sort: Sort = (SORTS as readonly string[]).includes(raw) ? (raw as Sort) : 'ward';
	const desc = url.searchParams.get('dir') === 'desc';
	// Every ward's latest snapshot is parsed: reused while the database is unchanged (see
	// $lib/server/cache); a copy, since it is sorted below.
	const rows = cached(locals.db, 'portfolio', () => portfolio(locals.db)).slice();
	const key = (r: (typeof rows)[number]): number | string | null =>
		({
			ward: r.wardName,
			shortfall: r.shortfallM2,
			ratio: r.ratioToNorm,
			cost: r.totalVnd,
			score: r.siteScore,
			condition: r.meanConditionIndex
		})[sort];
	rows.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		if (x === null && y === null) return 0;
		if (x === null) return 1;
		if (y === null) return -1;
		const c = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
		return desc ? -c : c;
	});
	return {
		rows,
		sort,
		desc,
		tileUrl:
			env.TILE_URL === 'none'
				? null
				: env.TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
	};
};
