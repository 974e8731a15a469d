import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { wards } from '../db/schema';
import type { Db } from '../db';
import { clearCache } from '../core/cache';
import { buildDecision, deleteScoringRun, getScoringRun, saveScoringRun } from './scoring';
import { createSite } from './';
import {
	criteriaValues,
	pageOf,
	runPage,
	runView,
	runViewOf,
	RUN_RANK_ROWS,
	RUN_SCREENED_ROWS,
	RUN_SMAA_ROWS,
	RUN_VALUES_PAGE_SIZE,
	VALUES_PAGE_SIZE
} from './scoring-run-view';
import { load as runLoad } from '../../../routes/w/[ward]/sites/runs/[id=id]/+page.server';
import { load as criteriaLoad } from '../../../routes/w/[ward]/sites/criteria/+page.server';

const actor = { userId: null, username: 'test' };
let db: Db;
let bt: number;

/** 60 extra sites (18 of them too small, so screened out): 67 in all, 49 scored. */
function addSites() {
	for (let i = 0; i < 60; i++) {
		createSite(db, actor, bt, {
			code: `T${String(i).padStart(2, '0')}`,
			name: `Khu thử ${i}`,
			landAreaM2: i % 10 < 3 ? 500 : 2500 + 37 * i,
			legalStatus: 'state-ready',
			currentUse: null,
			householdsToRelocate: i % 7,
			landCostVnd: 1e9 * (i % 5),
			clearanceCostVnd: 0,
			floodRisk: 1 + (i % 5),
			planFit: 1 + ((i * 3) % 5),
			roadAccess: 1 + ((i * 2) % 5),
			isCurrentHeadquarters: false,
			notes: null,
			lat: 10.785 + (i % 8) * 0.002,
			lng: 106.755 + Math.floor(i / 8) * 0.002
		} as never);
	}
}

const call = <T>(load: (e: never) => T, path: string, params: Record<string, string> = {}) =>
	load({
		locals: { db, ward: { id: bt, code: 'binh-trung' }, locale: 'vi' },
		params,
		url: new URL(`http://localhost${path}`)
	} as never);

beforeEach(() => {
	clearCache();
	db = createTestDb();
	seedSample(db);
	bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
});

describe('pageOf', () => {
	it('cuts rows into pages, clamps the page and shows every row with all', () => {
		const rows = Array.from({ length: 120 }, (_, i) => i);
		expect(pageOf(rows, 1, false, 50).rows).toEqual(rows.slice(0, 50));
		expect(pageOf(rows, 3, false, 50)).toEqual({
			rows: rows.slice(100),
			total: 120,
			page: 3,
			pageSize: 50,
			all: false
		});
		expect(pageOf(rows, 2, false).rows).toEqual(rows.slice(VALUES_PAGE_SIZE, 2 * VALUES_PAGE_SIZE));
		expect(pageOf(rows, 9, false, 50).page).toBe(3);
		expect(pageOf(rows, 2, true).rows).toEqual(rows);
		expect(pageOf([], 1, false)).toMatchObject({ rows: [], total: 0, page: 1 });
	});
});

describe('the saved scoring-run page', () => {
	it('shows every row of a small run (the sample ward) and no "show all"', () => {
		const run = saveScoringRun(db, actor, bt, { name: 'Mẫu', method: 'weighted-sum' });
		const { run: page } = call(runLoad, `/w/binh-trung/sites/runs/${run.id}`, {
			id: String(run.id)
		}) as { run: ReturnType<typeof runPage> };
		expect(page.long).toBe(false);
		expect(page.results['weighted-sum'].map((r) => r.code)).toEqual(
			run.result.results['weighted-sum'].map((r) => r.code)
		);
		expect(page.sites.rows).toHaveLength(run.result.sites.length);
		expect(page.smaa!.rows).toHaveLength(run.result.eligible.length);
	});

	it('sends the first rows of a long run, every row with ?all=1 and the values by page', () => {
		addSites();
		const run = saveScoringRun(db, actor, bt, { name: 'Dài', method: 'topsis' });
		const full = run.result;
		expect(full.eligible.length).toBeGreaterThan(RUN_RANK_ROWS);
		expect(full.screenedOut.length).toBe(18);
		const path = `/w/binh-trung/sites/runs/${run.id}`;
		const get = (q: string) =>
			(call(runLoad, path + q, { id: String(run.id) }) as { run: ReturnType<typeof runPage> }).run;

		const first = get('');
		expect(first.long).toBe(true);
		expect(first.all).toBe(false);
		for (const m of ['weighted-sum', 'topsis', 'promethee2'] as const) {
			expect(first.results[m]).toHaveLength(RUN_RANK_ROWS);
			expect(first.results[m].map((r) => r.code)).toEqual(
				full.results[m].slice(0, RUN_RANK_ROWS).map((r) => r.code)
			);
		}
		expect(first.smaa!.rows).toHaveLength(RUN_SMAA_ROWS);
		expect(first.smaa!.total).toBe(full.eligible.length);
		expect(first.screenedOut).toHaveLength(18);
		expect(first.screenedTotal).toBe(18);
		expect(RUN_SCREENED_ROWS).toBeGreaterThan(18);
		expect(first.sites.rows).toHaveLength(RUN_VALUES_PAGE_SIZE);
		expect(first.sites.total).toBe(full.sites.length);
		// The page data no longer carries what the page does not show.
		expect(JSON.stringify(first)).not.toContain('"matrix"');
		expect(JSON.stringify(first)).not.toContain('"grid"');

		// "Show all": every ranking row, rounded to 4 decimals, every SMAA row, every site.
		const all = get('?all=1');
		expect(all.all).toBe(true);
		for (const m of ['weighted-sum', 'topsis', 'promethee2'] as const) {
			expect(all.results[m]).toEqual(
				full.results[m].map((r) => ({
					rank: r.rank,
					code: r.code,
					score: Math.round(r.score * 1e4) / 1e4
				}))
			);
		}
		expect(all.smaa!.rows.map((r) => r.code)).toEqual(full.eligible);
		expect(all.smaa!.rows[3].shares).toEqual(
			full.smaa!.rankAcceptability[3].slice(0, 5).map((x) => Math.round(x * 1e4) / 1e4)
		);
		expect(all.sites.rows.map((s) => s.code)).toEqual(full.sites.map((s) => s.code));

		// The pages of the values table together hold every site, once, with its values.
		const pages = Math.ceil(full.sites.length / RUN_VALUES_PAGE_SIZE);
		const paged = Array.from({ length: pages }, (_, i) => get(`?page=${i + 1}`)).flatMap(
			(p) => p.sites.rows
		);
		expect(paged.map((s) => s.id)).toEqual(full.sites.map((s) => s.id));
		const keys = full.criteria.map((c) => c.key);
		const s10 = full.sites[10];
		expect(paged[10].values).toEqual(
			keys.map((k) => (s10.values[k] === null ? null : Math.round(s10.values[k]! * 1e4) / 1e4))
		);
		expect(get('?page=99').sites.page).toBe(pages);
	});

	it('is a 404 for another ward’s run or a bad id', () => {
		const run = saveScoringRun(db, actor, bt, { name: 'Mẫu', method: 'weighted-sum' });
		expect(() => call(runLoad, '/x', { id: String(run.id + 1) })).toThrow();
		expect(() => call(runLoad, '/x', { id: 'abc' })).toThrow();
	});

	it('builds a run’s view once, keeps it across other writes, and finds no other ward’s run', () => {
		const run = saveScoringRun(db, actor, bt, { name: 'Mẫu', method: 'weighted-sum' });
		const first = runViewOf(db, bt, run.id)!;
		expect(first.results['weighted-sum'].map((r) => r.code)).toEqual(
			run.result.results['weighted-sum'].map((r) => r.code)
		);
		addSites(); // 60 writes: the database changed, the stored run did not
		const again = runViewOf(db, bt, run.id)!;
		expect(again.results).toBe(first.results);
		const other = db
			.select()
			.from(wards)
			.all()
			.find((w) => w.id !== bt)!;
		expect(runViewOf(db, other.id, run.id)).toBeUndefined();
		deleteScoringRun(db, actor, bt, run.id);
		expect(runViewOf(db, bt, run.id)).toBeUndefined();
	});

	it('builds the same view from a stored run as from the saved one', () => {
		addSites();
		const run = saveScoringRun(db, actor, bt, { name: 'Dài', method: 'promethee2' });
		expect(runView(getScoringRun(db, bt, run.id)!)).toEqual({ ...runView(run), createdBy: null });
	});
});

describe('the criteria page values table', () => {
	it('sends one page of the sites with their values and reasons, all with ?all=1', async () => {
		addSites();
		const decision = buildDecision(db, bt);
		expect(decision.sites.length).toBe(67);
		const first = (await call(criteriaLoad, '/w/binh-trung/sites/criteria')) as {
			sites: ReturnType<typeof pageOf<ReturnType<typeof criteriaValues>[number]>>;
		};
		expect(first.sites.rows).toHaveLength(VALUES_PAGE_SIZE);
		expect(first.sites.total).toBe(67);
		const last = Math.ceil(67 / VALUES_PAGE_SIZE);
		const end = (await call(
			criteriaLoad,
			`/w/binh-trung/sites/criteria?page=${last}`
		)) as typeof first;
		expect(end.sites.page).toBe(last);
		expect(end.sites.rows.map((s) => s.code)).toEqual(
			decision.sites.slice((last - 1) * VALUES_PAGE_SIZE).map((s) => s.code)
		);
		const all = (await call(criteriaLoad, '/w/binh-trung/sites/criteria?all=1')) as typeof first;
		expect(all.sites.rows.map((s) => s.code)).toEqual(decision.sites.map((s) => s.code));
		const small = all.sites.rows.find((s) => s.code === 'T00')!;
		expect(small.reasons.length).toBeGreaterThan(0);
		expect(all.sites.rows.find((s) => s.code === 'T05')!.reasons).toEqual([]);
		const area = decision.criteria.findIndex((c) => c.source === 'attribute:landAreaM2');
		expect(area).toBeGreaterThanOrEqual(0);
		expect(all.sites.rows.find((s) => s.code === 'T05')!.values[area]).toBe(2500 + 37 * 5);
	});
});
