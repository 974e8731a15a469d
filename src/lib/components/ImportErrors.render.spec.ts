/** ImportErrors as the server renders it: one row a refused line, headings by default or given. */
import { describe, expect, it } from 'vitest';
import { elements, renderHtml, textOf } from '../../../tests/helpers/render';
import ImportErrors from './ImportErrors.svelte';

const errors = [
	{ row: 3, column: 'area_m2', message: 'Diện tích phải là số dương' },
	{ row: 12, column: 'code', message: 'Mã đã có' }
];
const cells = (html: string, tag: string) =>
	elements(html, 'tr').map((tr) => elements(tr, tag).map(textOf));

describe('ImportErrors', () => {
	it('lists each refused line with its column (in code) and message under the default headings', () => {
		const html = renderHtml(ImportErrors, { errors, caption: 'Dòng bị từ chối' });
		expect(cells(html, 'th')[0]).toEqual(['Dòng', 'Cột', 'Lỗi']);
		expect(cells(html, 'td').slice(1)).toEqual([
			['3', 'area_m2', 'Diện tích phải là số dương'],
			['12', 'code', 'Mã đã có']
		]);
		expect(html).toContain('<code>area_m2</code>');
	});

	it('takes other headings (a GeoJSON feature and its field)', () => {
		const html = renderHtml(ImportErrors, {
			errors,
			labels: { row: 'Đối tượng / dòng', column: 'Trường', message: 'Lỗi' }
		});
		expect(cells(html, 'th')[0]).toEqual(['Đối tượng / dòng', 'Trường', 'Lỗi']);
		expect(elements(html, 'tr')).toHaveLength(3);
	});
});
