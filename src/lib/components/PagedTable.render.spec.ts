/** PagedTable: one page of rows between the search and the pages, the right empty text. */
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import PagedTable from './PagedTable.svelte';

type Row = { id: number; name: string; area: number };
const columns = [
	{ key: 'name', label: 'Tên', value: (r: Row) => r.name },
	{ key: 'area', label: 'Diện tích', numeric: true, value: (r: Row) => r.area }
];
const list = (rows: Row[], total = rows.length) => ({ rows, page: 2, pageSize: 20, total });
const base = { columns, key: (r: Row) => r.id, caption: 'Cơ sở', empty: 'Chưa có cơ sở.' };

describe('PagedTable', () => {
	it('draws the page of rows under the search form and counts rows 21-22 of 22', () => {
		const html = renderHtml(
			PagedTable<Row>,
			{
				...base,
				list: list(
					[
						{ id: 1, name: 'Trụ sở A', area: 1234.5 },
						{ id: 2, name: 'B', area: 80 }
					],
					22
				),
				q: 'tru',
				noMatch: 'Không thấy'
			},
			{ url: '/w/x/facilities?q=tru&page=2' }
		);
		const [form] = elements(html, 'form');
		expect(attr(form, 'method')).toBe('get');
		const cells = elements(elements(html, 'tbody')[0], 'td').map(textOf);
		expect(cells).toEqual(['Trụ sở A', '1.234,5', 'B', '80']);
		expect(textOf(html)).toContain('Hiển thị 21–22 trên 22');
	});

	it('says the search found nothing, or that the list is empty, or neither without a search', () => {
		const none = (q: string, search = true) =>
			textOf(
				renderHtml(PagedTable<Row>, {
					...base,
					list: list([]),
					q,
					search,
					noMatch: `Không thấy “${q}”.`
				})
			);
		expect(none('abc')).toContain('Không thấy “abc”.');
		expect(none('')).toContain('Chưa có cơ sở.');
		expect(none('', false)).toContain('Chưa có cơ sở.');
		expect(
			elements(renderHtml(PagedTable<Row>, { ...base, list: list([]), search: false }), 'form')
		).toEqual([]);
	});
});
