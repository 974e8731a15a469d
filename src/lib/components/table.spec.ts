import { describe, expect, it } from 'vitest';
import {
	ariaSort,
	cellText,
	clearSearchHref,
	columnClass,
	listState,
	pageHref,
	pageRange,
	searchHidden,
	sortHref
} from './table';

const u = (s: string) => new URL(s, 'http://x.test');

describe('listState', () => {
	it('reads q, sort, dir and page, with defaults for missing or bad values', () => {
		expect(listState(u('/f?q=tr%C6%B0%E1%BB%9Dng&sort=area&dir=desc&page=3'))).toEqual({
			q: 'trường',
			sort: 'area',
			dir: 'desc',
			page: 3
		});
		expect(listState(u('/f?dir=sideways&page=-2'))).toEqual({
			q: '',
			sort: null,
			dir: 'asc',
			page: 1
		});
		expect(listState(u('/f?page=abc')).page).toBe(1);
	});
});

describe('sortHref', () => {
	it('starts a new column ascending, keeps the search and drops the page', () => {
		expect(sortHref(u('/w/bt/facilities?q=ab&sort=code&page=4'), 'area')).toBe(
			'/w/bt/facilities?q=ab&sort=area'
		);
	});
	it('toggles the current column: ascending → descending → ascending', () => {
		expect(sortHref(u('/f?sort=area'), 'area')).toBe('/f?sort=area&dir=desc');
		expect(sortHref(u('/f?sort=area&dir=desc'), 'area')).toBe('/f?sort=area&dir=asc');
	});
	it('follows the sort the server applied when the address names none', () => {
		const current = { sort: 'code', dir: 'asc' as const };
		expect(sortHref(u('/f'), 'code', current)).toBe('/f?sort=code&dir=desc');
		expect(ariaSort(u('/f'), 'code', current)).toBe('ascending');
		const newest = { sort: 'date', dir: 'desc' as const };
		expect(sortHref(u('/f?q=a'), 'date', newest)).toBe('/f?q=a&sort=date&dir=asc');
	});
	it('a descending list sorted by another column starts the new one ascending', () => {
		expect(sortHref(u('/f?sort=code&dir=desc'), 'name')).toBe('/f?sort=name');
	});
});

describe('ariaSort', () => {
	it('marks only the sorted column, with its direction', () => {
		expect(ariaSort(u('/f?sort=area&dir=desc'), 'area')).toBe('descending');
		expect(ariaSort(u('/f?sort=area'), 'area')).toBe('ascending');
		expect(ariaSort(u('/f?sort=area'), 'code')).toBeUndefined();
		expect(ariaSort(u('/f?sort=area'), undefined)).toBeUndefined();
	});
});

describe('pageHref and searching', () => {
	it('sets the page and keeps the rest; page 1 has no parameter', () => {
		expect(pageHref(u('/a?q=x&sort=name&page=2'), 3)).toBe('/a?q=x&sort=name&page=3');
		expect(pageHref(u('/a?q=x&page=2'), 1)).toBe('/a?q=x');
		expect(pageHref(u('/a?page=2'), 1)).toBe('/a');
	});
	it('a search form carries sort and dir but not the page', () => {
		expect(searchHidden(u('/a?q=x&sort=name&dir=desc&page=5'))).toEqual([
			['sort', 'name'],
			['dir', 'desc']
		]);
		expect(clearSearchHref(u('/a?q=x&sort=name&page=5'))).toBe('/a?sort=name');
	});
});

describe('pageRange', () => {
	it('gives rows 26–50 of 60 on page 2 of 25, three pages', () => {
		expect(pageRange(2, 25, 60)).toEqual({ pages: 3, page: 2, from: 26, to: 50 });
	});
	it('clamps a page past the end and shows the last rows', () => {
		expect(pageRange(9, 25, 60)).toEqual({ pages: 3, page: 3, from: 51, to: 60 });
	});
	it('an empty list is one page with no rows', () => {
		expect(pageRange(1, 25, 0)).toEqual({ pages: 1, page: 1, from: 0, to: 0 });
	});
});

describe('columns and cells', () => {
	it('numeric columns get the num class before their own', () => {
		expect(columnClass({ numeric: true })).toBe('num');
		expect(columnClass({ numeric: true, class: 'no-print' })).toBe('num no-print');
		expect(columnClass({})).toBeUndefined();
	});
	it('missing values are a dash and numbers go through the formatter', () => {
		const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
		expect(cellText(1234.5, vi)).toBe('1.234,5');
		expect(cellText(0, vi)).toBe('0');
		expect(cellText(null, vi)).toBe('—');
		expect(cellText('', vi)).toBe('—');
		expect(cellText('B', vi)).toBe('B');
	});
});
