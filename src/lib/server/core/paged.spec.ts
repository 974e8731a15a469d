/**
 * The shared list paging on a real database: the total counts only the filtered rows, a page
 * past the end is the last page, each sort key orders the rows, pages never overlap.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { asc, desc, like, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { wards } from '../db/schema';
import type { Db } from '../db';
import { clampPage, clampPageSize, pagedQuery, sortOrder } from './paged';

let db: Db;

/** Seven test wards t-1 … t-7 with populations chosen so each sort gives another order. */
const ROWS = [
	{ code: 't-1', name: 'Giang', populationCount: 500 },
	{ code: 't-2', name: 'An', populationCount: 300 },
	{ code: 't-3', name: 'Bình', populationCount: 700 },
	{ code: 't-4', name: 'Dương', populationCount: 100 },
	{ code: 't-5', name: 'Cầu', populationCount: 600 },
	{ code: 't-6', name: 'Ê', populationCount: 200 },
	{ code: 't-7', name: 'Hòa', populationCount: 400 }
];

beforeEach(() => {
	db = createTestDb();
	db.insert(wards)
		.values(ROWS.map((r) => ({ ...r, centreLat: 10.8, centreLng: 106.7 })))
		// One ward outside the filter: it must count nowhere.
		.run();
	db.insert(wards)
		.values({ code: 'x-1', name: 'Ngoài', centreLat: 10.8, centreLng: 106.7, populationCount: 1 })
		.run();
});

const SORTS = {
	code: asc(wards.code),
	name: asc(wards.name),
	population: desc(wards.populationCount)
};

function list(page: number | undefined, pageSize: number, sort?: string) {
	const query = db
		.select({ code: wards.code, doubled: sql<number>`${wards.populationCount} * 2` })
		.from(wards)
		.where(like(wards.code, 't-%'))
		.$dynamic();
	return pagedQuery(db, query, sortOrder(SORTS, sort, asc(wards.id)), { page, pageSize });
}

describe('pagedQuery', () => {
	it('counts the filtered rows and reads the asked page', () => {
		const p2 = list(2, 3);
		expect(p2.total).toBe(7);
		expect(p2.page).toBe(2);
		expect(p2.pageSize).toBe(3);
		expect(p2.rows.map((r) => r.code)).toEqual(['t-4', 't-5', 't-6']);
		// Computed columns come through on the page's rows.
		expect(p2.rows[0].doubled).toBe(200);
	});

	it('clamps a page past the end to the last page and a page below 1 to the first', () => {
		// 7 rows, 3 a page: pages 1-3, the last holds t-7 alone.
		expect(list(9, 3)).toMatchObject({ page: 3, rows: [{ code: 't-7' }] });
		expect(list(0, 3).page).toBe(1);
		expect(list(-5, 3).rows.map((r) => r.code)).toEqual(['t-1', 't-2', 't-3']);
		expect(list(undefined, 3).page).toBe(1);
	});

	it('sorts by each allowed key, the first key for an unknown one', () => {
		const codes = (sort: string) => list(1, 10, sort).rows.map((r) => r.code);
		expect(codes('code')).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7']);
		// Byte order of the names: An, Bình, Cầu, Dương, Giang, Hòa, Ê (Ê is after ASCII).
		expect(codes('name')).toEqual(['t-2', 't-3', 't-5', 't-4', 't-1', 't-7', 't-6']);
		expect(codes('population')).toEqual(['t-3', 't-5', 't-1', 't-7', 't-2', 't-6', 't-4']);
		expect(codes('drop table')).toEqual(codes('code'));
	});

	it('pages in order never overlap and cover every row once', () => {
		const seen = [1, 2, 3].flatMap((p) => list(p, 3, 'population').rows.map((r) => r.code));
		expect(seen).toHaveLength(7);
		expect(new Set(seen).size).toBe(7);
	});

	it('answers page 1 of nothing for an empty result', () => {
		const query = db
			.select({ code: wards.code })
			.from(wards)
			.where(like(wards.code, 'z%'))
			.$dynamic();
		expect(pagedQuery(db, query, [asc(wards.id)], { page: 4 })).toEqual({
			rows: [],
			total: 0,
			page: 1,
			pageSize: 25
		});
	});
});

describe('page bounds', () => {
	it('keeps the page size within 1 … max and the page within 1 … last', () => {
		expect(clampPageSize(undefined)).toBe(25);
		expect(clampPageSize(0)).toBe(1);
		expect(clampPageSize(5000)).toBe(200);
		expect(clampPageSize(Number.NaN, 50)).toBe(50);
		expect(clampPageSize(80, 25, 60)).toBe(60);
		expect(clampPage(3, 50, 25)).toBe(2);
		expect(clampPage(3, 51, 25)).toBe(3);
		expect(clampPage(2.7, 100, 25)).toBe(2);
		expect(clampPage(1, 0, 25)).toBe(1);
	});
});
