/**
 * ListControls and Pagination as the server renders them: the GET search form keeps the sort
 * and drops the page; the page links keep every other parameter (the list URL contract of
 * RULES.md: q, sort, dir, page).
 */
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import ListControls from './ListControls.svelte';
import Pagination from './Pagination.svelte';

const url = '/w/an-khanh/facilities?q=tr%C6%B0%E1%BB%9Dng&sort=area&dir=desc&page=2';
const inputs = (html: string) => [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);
const links = (html: string) => elements(html, 'a').map((a) => [textOf(a), attr(a, 'href')]);

describe('ListControls', () => {
	it('searches by GET, keeping sort and dir and dropping the page', () => {
		const html = renderHtml(ListControls, { q: 'trường' }, { url });
		const [form] = elements(html, 'form');
		expect(attr(form, 'method')).toBe('get');
		expect(attr(form, 'role')).toBe('search');
		const fields = inputs(form).map((i) => [attr(i, 'type'), attr(i, 'name'), attr(i, 'value')]);
		expect(fields).toEqual([
			['search', 'q', 'trường'],
			['hidden', 'sort', 'area'],
			['hidden', 'dir', 'desc']
		]);
		expect(attr(inputs(form)[0], 'maxlength')).toBe('100');
		// "Bỏ lọc" clears the search, keeps the sort, goes back to page 1
		expect(links(form)).toEqual([['Bỏ lọc', '/w/an-khanh/facilities?sort=area&dir=desc']]);
		expect(textOf(elements(form, 'label')[0])).toBe('Tìm kiếm');
	});

	it('offers no clear link without a search, and no form when search is off', () => {
		const html = renderHtml(ListControls, { q: '' }, { url: '/w/an-khanh/facilities?sort=name' });
		expect(elements(html, 'a')).toEqual([]);
		expect(inputs(html).map((i) => attr(i, 'name'))).toEqual(['q', 'sort']);
		expect(renderHtml(ListControls, { search: false }, { url })).not.toContain('<form');
	});

	it('renders the list between the search and the page links', () => {
		const children = createRawSnippet(() => ({ render: () => '<table id="list"></table>' }));
		const html = renderHtml(
			ListControls,
			{ q: 'trường', page: 2, pageSize: 20, total: 45, children },
			{ url }
		);
		const form = html.indexOf('<form');
		const table = html.indexOf('<table id="list">');
		const nav = html.indexOf('<nav');
		expect(form).toBeGreaterThanOrEqual(0);
		expect(table).toBeGreaterThan(form);
		expect(nav).toBeGreaterThan(table);
		const q = '/w/an-khanh/facilities?q=tr%C6%B0%E1%BB%9Dng&sort=area&dir=desc';
		expect(links(elements(html, 'nav')[0])).toEqual([
			['Trước', q],
			['Sau', `${q}&page=3`]
		]);
	});

	it('shows no page links when paging is not given', () => {
		expect(renderHtml(ListControls, { q: '' }, { url })).not.toContain('<nav');
	});
});

describe('Pagination', () => {
	const nav = (page: number, total: number, at = '/list?sort=name&page=2', pageSize = 20) =>
		elements(renderHtml(Pagination, { page, pageSize, total }, { url: at }), 'nav')[0] ?? '';

	it('on a middle page: the range shown and both neighbours, other parameters kept', () => {
		const html = nav(2, 45);
		expect(attr(html, 'aria-label')).toBe('Trang 2/3');
		expect(textOf(elements(html, 'span')[0])).toBe('Hiển thị 21–40 trên 45');
		expect(links(html)).toEqual([
			['Trước', '/list?sort=name'],
			['Sau', '/list?sort=name&page=3']
		]);
		expect(html).toContain('rel="prev"');
		expect(html).toContain('rel="next"');
	});

	it('on the last page: rows 41–45 and no next link; a page past the end shows the last', () => {
		for (const page of [3, 99]) {
			const html = nav(page, 45);
			expect(textOf(elements(html, 'span')[0])).toBe('Hiển thị 41–45 trên 45');
			expect(links(html)).toEqual([['Trước', '/list?sort=name&page=2']]);
		}
	});

	it('on the first page: no previous link; thousands with a dot', () => {
		const html = nav(1, 1234, '/list', 50);
		expect(textOf(elements(html, 'span')[0])).toBe('Hiển thị 1–50 trên 1.234');
		expect(attr(html, 'aria-label')).toBe('Trang 1/25');
		expect(links(html)).toEqual([['Sau', '/list?page=2']]);
	});

	it('one page: the count without links; no rows: nothing at all', () => {
		const html = nav(1, 7);
		expect(textOf(html)).toBe('Hiển thị 1–7 trên 7');
		expect(elements(html, 'a')).toEqual([]);
		expect(renderHtml(Pagination, { page: 1, pageSize: 20, total: 0 }, { url: '/list' })).toBe('');
	});

	it('speaks English to an English reader', () => {
		const html = elements(
			renderHtml(Pagination, { page: 2, pageSize: 20, total: 45 }, { url: '/list', locale: 'en' }),
			'nav'
		)[0];
		expect(attr(html, 'aria-label')).toBe('Page 2 of 3');
		expect(textOf(elements(html, 'span')[0])).toBe('Showing 21–40 of 45');
	});
});
