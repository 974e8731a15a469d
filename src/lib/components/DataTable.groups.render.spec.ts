/**
 * DataTable with grouped rows (the ward's vacancies by field): one <tbody> a group with its
 * heading rows, a line for a group without rows, and the table's empty text when no group
 * has any row.
 */
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { elements, renderHtml, textOf } from '../../../tests/helpers/render';
import DataTable from './DataTable.svelte';
import type { Column, RowGroup } from './table';

interface Post {
	title: string;
	approved: number;
	missing: number;
}
interface Field extends RowGroup<Post> {
	key: string;
	label: string;
	missing: number;
}

const columns: Column<Post>[] = [
	{ key: 'title', label: 'Vị trí', value: (p) => p.title },
	{ key: 'approved', label: 'Biên chế', numeric: true, value: (p) => p.approved },
	{ key: 'missing', label: 'Còn thiếu', numeric: true, value: (p) => p.missing }
];
const groups: Field[] = [
	{
		key: 'land',
		label: 'Đất đai',
		missing: 3,
		rows: [
			{ title: 'Chuyên viên địa chính', approved: 1200, missing: 2 },
			{ title: 'Chuyên viên chính địa chính', approved: 1, missing: 1 }
		]
	},
	{ key: 'culture', label: 'Văn hóa', missing: 0, rows: [] }
];
const head = createRawSnippet((g: () => Field) => ({
	render: () =>
		`<tr class="group"><th colspan="2" scope="rowgroup">${g().label}</th><th>${g().missing}</th></tr>`
}));

const render = (props: Record<string, unknown>) =>
	renderHtml(DataTable, {
		columns,
		groups,
		groupHead: head,
		groupEmpty: 'Chưa có vị trí',
		groupAttrs: (g: Field) => ({ 'data-testid': `vac-${g.key}` }),
		rowClass: (p: Post) => (p.missing > 1 ? 'shortfall' : undefined),
		...props
	});

describe('DataTable with groups', () => {
	it('draws one tbody a group: its heading row, then its rows (numbers right-aligned, by locale)', () => {
		const html = render({});
		const bodies = elements(html, 'tbody');
		expect(bodies).toHaveLength(2);
		expect(bodies[0]).toMatch(/^<tbody data-testid="vac-land">/);
		const rows = elements(bodies[0], 'tr');
		expect(rows.map(textOf)).toEqual([
			'Đất đai 3',
			'Chuyên viên địa chính 1.200 2',
			'Chuyên viên chính địa chính 1 1'
		]);
		expect(rows[1]).toMatch(/^<tr class="shortfall">/);
		expect(rows[2]).not.toContain('shortfall');
		expect(elements(rows[1], 'td')[1]).toBe('<td class="num">1.200</td>');
	});

	it('writes the group-empty line across every column for a group without rows', () => {
		const culture = elements(render({}), 'tbody')[1];
		const rows = elements(culture, 'tr');
		expect(rows.map(textOf)).toEqual(['Văn hóa 0', 'Chưa có vị trí']);
		expect(rows[1]).toContain('colspan="3"');
	});

	it('shows the empty text instead of the table when no group has a row', () => {
		const html = render({ groups: [groups[1]], empty: 'Chưa khai báo biên chế.' });
		expect(html).not.toContain('<table');
		expect(textOf(html)).toBe('Chưa khai báo biên chế.');
		// with rows in some group the table is drawn
		expect(render({ empty: 'Chưa khai báo biên chế.' })).toContain('<table');
	});
});
