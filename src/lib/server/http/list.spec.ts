import { describe, expect, it } from 'vitest';
import { intParam, listQuery, MAX_PAGE, pageWithin } from './list';

const SORTS = ['code', 'name', 'area'] as const;
const at = (search: string) => new URL(`http://x/w/bt/facilities${search}`);

describe('listQuery', () => {
	it('reads the search, an allowed sort, the direction and the page', () => {
		expect(
			listQuery(at('?q=%20B%E1%BA%BFn%20Ngh%C3%A9%20&sort=area&dir=desc&page=3'), SORTS)
		).toEqual({ q: 'Bến Nghé', sort: 'area', dir: 'desc', page: 3 });
	});

	it('falls back to the first sort, ascending, page 1 on an empty address', () => {
		expect(listQuery(at(''), SORTS)).toEqual({ q: '', sort: 'code', dir: 'asc', page: 1 });
	});

	it("uses the page's own defaults when the address gives none", () => {
		expect(listQuery(at(''), SORTS, { sort: 'name', dir: 'desc' })).toMatchObject({
			sort: 'name',
			dir: 'desc'
		});
	});

	it('never fails on a tampered address', () => {
		for (const [search, page] of [
			['?page=0', 1],
			['?page=-4', 1],
			['?page=abc', 1],
			['?page=2.5', 1],
			['?page=1e3', 1],
			['?page=999999999', MAX_PAGE],
			['?page=%2012%20', 12]
		] as const) {
			expect(listQuery(at(search), SORTS).page, search).toBe(page);
		}
		expect(listQuery(at('?sort=password&dir=sideways'), SORTS)).toMatchObject({
			sort: 'code',
			dir: 'asc'
		});
		expect(listQuery(at('?sort=constructor'), SORTS).sort).toBe('code');
	});

	it('cuts the search text at 100 characters', () => {
		const q = listQuery(at(`?q=${'a'.repeat(150)}`), SORTS).q;
		expect(q.length).toBe(100);
	});
});

describe('pageWithin', () => {
	it('caps the page at the last page of the rows (at least page 1)', () => {
		expect(pageWithin(7, 51, 25)).toBe(3);
		expect(pageWithin(2, 50, 25)).toBe(2);
		expect(pageWithin(3, 50, 25)).toBe(2);
		expect(pageWithin(4, 0, 25)).toBe(1);
	});
});

describe('intParam', () => {
	it('reads a whole number within bounds, else the fallback or the nearest bound', () => {
		const url = at('?pageSize=500&n=7&bad=7.5&neg=-3&zero=0');
		expect(intParam(url, 'pageSize', 50, 1, 200)).toBe(200);
		expect(intParam(url, 'n', 50, 1, 200)).toBe(7);
		expect(intParam(url, 'bad', 50, 1, 200)).toBe(50);
		expect(intParam(url, 'neg', 50, 1, 200)).toBe(50);
		expect(intParam(url, 'zero', 50, 1, 200)).toBe(1);
		expect(intParam(url, 'absent', 50, 1, 200)).toBe(50);
	});
});
