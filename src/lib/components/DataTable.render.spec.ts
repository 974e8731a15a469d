/**
 * DataTable's markup, rendered on the server as a page sends it (svelte/server, no DOM): the
 * public contract of RULES.md (numeric cells, sortable headers as GET links with aria-sort,
 * empty text, caption, cell and footer snippets).
 */
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import DataTable from './DataTable.svelte';
import type { Column } from './table';

interface Room {
	id: number;
	name: string;
	area: number | null;
	seats: number;
}

const rooms: Room[] = [
	{ id: 7, name: 'Phòng họp A', area: 1234.56, seats: 40 },
	{ id: 9, name: 'Kho', area: null, seats: 0 }
];
const columns: Column<Room>[] = [
	{ key: 'name', label: 'Tên phòng', sort: 'name', value: (r) => r.name },
	{ key: 'area', label: 'Diện tích (m²)', numeric: true, sort: 'area', value: (r) => r.area },
	{ key: 'seats', label: 'Chỗ ngồi', numeric: true },
	{ key: 'actions', label: 'Thao tác', hideLabel: true, class: 'no-print' }
];
const seatsCell = createRawSnippet((row: () => Room, col: () => Column<Room>, i: () => number) => ({
	render: () =>
		col().key === 'seats'
			? `<span>${row().seats} (#${i()})</span>`
			: `<a href="/rooms/${row().id}">Sửa</a>`
}));

const table = (props: Record<string, unknown>, url = '/w/an-khanh/rooms') =>
	renderHtml(DataTable, { columns, rows: rooms, key: (r: Room) => r.id, ...props }, { url });

const headers = (html: string) => elements(html, 'th').filter((h) => /scope="col"/.test(h));
const bodyRows = (html: string) => elements(elements(html, 'tbody')[0] ?? '', 'tr');

describe('DataTable', () => {
	it('right-aligns numeric columns (class num) and formats their numbers in Vietnamese', () => {
		const html = table({ cell: seatsCell });
		expect(headers(html).map((h) => attr(h, 'class'))).toEqual([null, 'num', 'num', 'no-print']);
		const cells = bodyRows(html).map((tr) => elements(tr, 'td'));
		expect(cells[0].map((td) => [attr(td, 'class'), textOf(td)])).toEqual([
			[null, 'Phòng họp A'],
			// one decimal at most, comma, dot for thousands
			['num', '1.234,6'],
			['num', '40 (#0)'],
			['no-print', 'Sửa']
		]);
		// a missing number is a dash; the snippet gets the row's index
		expect(cells[1].map(textOf)).toEqual(['Kho', '—', '0 (#1)', 'Sửa']);
		expect(elements(cells[1][3], 'a')).toEqual(['<a href="/rooms/9">Sửa</a>']);
	});

	it('writes numbers the English way for an English reader', () => {
		const html = renderHtml(
			DataTable,
			{ columns: columns.slice(0, 2), rows: rooms },
			{ locale: 'en', url: '/' }
		);
		expect(textOf(elements(bodyRows(html)[0], 'td')[1])).toBe('1,234.6');
	});

	it('marks the sorted header with aria-sort and links each sortable header', () => {
		const html = table({}, '/w/an-khanh/rooms?q=kho&sort=area&dir=desc&page=3');
		const [name, area, seats, actions] = headers(html);
		expect(attr(area, 'aria-sort')).toBe('descending');
		expect(attr(name, 'aria-sort')).toBeNull();
		expect(attr(seats, 'aria-sort')).toBeNull();
		// the current column toggles its direction, the search stays, the page goes
		expect(attr(elements(area, 'a')[0], 'href')).toBe('/w/an-khanh/rooms?q=kho&sort=area&dir=asc');
		// another column starts ascending (no dir)
		expect(attr(elements(name, 'a')[0], 'href')).toBe('/w/an-khanh/rooms?q=kho&sort=name');
		// not sortable: no link; a hidden label is for screen readers only
		expect(elements(seats, 'a')).toEqual([]);
		expect(actions).toContain('<span class="visually-hidden">Thao tác</span>');
	});

	it('takes the sort the server applied over the address (its default included)', () => {
		const html = table({ sorted: { sort: 'name', dir: 'asc' } }, '/w/an-khanh/rooms');
		const [name, area] = headers(html);
		expect(attr(name, 'aria-sort')).toBe('ascending');
		expect(attr(area, 'aria-sort')).toBeNull();
		expect(attr(elements(name, 'a')[0], 'href')).toBe('/w/an-khanh/rooms?sort=name&dir=desc');
	});

	it('shows the empty text instead of the table when there is no row', () => {
		const html = table({ rows: [], empty: 'Chưa có phòng nào' });
		expect(html).not.toContain('<table');
		expect(elements(html, 'p')).toEqual(['<p class="card">Chưa có phòng nào</p>']);
		// without an empty text the table stays, headers and an empty body
		const bare = table({ rows: [] });
		expect(headers(bare)).toHaveLength(4);
		expect(bodyRows(bare)).toEqual([]);
	});

	it('renders the footer snippet as the rows of a tfoot, and no tfoot without it', () => {
		const footer = createRawSnippet(() => ({
			render: () => '<tr><th scope="row">Tổng</th><td class="num">1.234,6</td></tr>'
		}));
		const tfoot = elements(table({ footer }), 'tfoot');
		expect(tfoot).toHaveLength(1);
		expect(textOf(tfoot[0])).toBe('Tổng 1.234,6');
		expect(elements(table({}), 'tfoot')).toEqual([]);
	});

	it('names the table with a caption, hidden unless showCaption', () => {
		const hidden = elements(table({ caption: 'Danh sách phòng' }), 'caption');
		expect(hidden).toEqual(['<caption class="visually-hidden">Danh sách phòng</caption>']);
		const shown = elements(table({ caption: 'Danh sách phòng', showCaption: true }), 'caption');
		expect(shown).toHaveLength(1);
		expect(attr(shown[0], 'class') ?? '').not.toContain('visually-hidden');
		expect(elements(table({}), 'caption')).toEqual([]);
	});

	it('heads each row with its first cell when rowHeader, and passes row classes and attributes', () => {
		const html = table({
			rowHeader: true,
			rowClass: (r: Room) => (r.area === null ? 'muted' : undefined),
			rowAttrs: (r: Room) => ({ 'data-testid': `room-${r.id}` })
		});
		const [first, second] = bodyRows(html);
		expect(elements(first, 'th')).toEqual(['<th scope="row">Phòng họp A</th>']);
		expect(attr(first, 'data-testid')).toBe('room-7');
		expect(attr(second, 'class')).toBe('muted');
		expect(attr(first, 'class') ?? '').toBe('');
	});

	it('wraps the table in a scrolling box unless wrap is false', () => {
		expect(table({})).toMatch(/^<div class="table-wrap"><table/);
		expect(table({ wrap: false })).toMatch(/^<table/);
	});
});
