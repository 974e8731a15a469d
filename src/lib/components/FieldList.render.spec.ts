import { describe, expect, it } from 'vitest';
import { createRawSnippet, type Component } from 'svelte';
import { render } from 'svelte/server';
import FieldList from './form/FieldList.svelte';
import Check from './form/Check.svelte';
import {
	fieldId,
	groupFields,
	optionsOf,
	shownValue,
	withNone,
	type FieldSpec
} from './form/fields';

/** The server-rendered markup of a component, without Svelte's hydration comments. */
function html<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
	return render(component, { props }).body.replace(/<!--[^>]*-->/g, '');
}

/** The opening tag of the element with this id (attributes in any order). */
function tagWithId(markup: string, id: string): string {
	const match = new RegExp(`<(input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`).exec(markup);
	if (!match) throw new Error(`no control with id ${id} in ${markup}`);
	return match[0];
}

const rateFields: FieldSpec[] = [
	{ name: 'storeysFrom', label: 'Từ tầng', inputmode: 'numeric', required: true },
	{ name: 'storeysTo', label: 'Đến tầng', inputmode: 'numeric' },
	{ name: 'source', label: 'Nguồn', type: 'textarea', rows: 2, required: true },
	{
		name: 'verify',
		label: 'Cần kiểm tra lại',
		type: 'checkbox',
		hint: 'Đánh dấu khi chưa đối chiếu'
	},
	{ name: 'note', label: 'Ghi chú', type: 'textarea', rows: 3 }
];

describe('FieldList', () => {
	it('labels every control by its id and shows the values typed last', () => {
		const out = html(FieldList, {
			fields: rateFields,
			values: { storeysFrom: '4', storeysTo: 8, source: 'QĐ 22/2025', verify: 'on' }
		});
		// Every label names its control's id (the checkbox is wrapped in its label).
		for (const id of ['f-storeysFrom', 'f-storeysTo', 'f-source', 'f-note']) {
			expect(out, id).toContain(`<label for="${id}">`);
			tagWithId(out, id);
		}
		expect(out).toMatch(/<label class="check[^"]*"><input type="checkbox" id="f-verify"/);
		expect(tagWithId(out, 'f-storeysFrom')).toContain('value="4"');
		expect(tagWithId(out, 'f-storeysFrom')).toContain('inputmode="numeric"');
		expect(tagWithId(out, 'f-storeysFrom')).toMatch(/\srequired/);
		expect(tagWithId(out, 'f-storeysTo')).toContain('value="8"');
		expect(tagWithId(out, 'f-storeysTo')).not.toMatch(/\srequired/);
		// The required marker after the label text, hidden from screen readers.
		expect(out).toMatch(
			/<label for="f-storeysFrom">Từ tầng<span aria-hidden="true">\*<\/span><\/label>/
		);
		expect(out).toMatch(/<label for="f-storeysTo">Đến tầng<\/label>/);
		// Textarea rows and text.
		expect(out).toMatch(
			/<textarea[^>]*id="f-source"[^>]*rows="2"[^>]*>QĐ 22\/2025<\/textarea>|<textarea[^>]*rows="2"[^>]*id="f-source"[^>]*>QĐ 22\/2025<\/textarea>/
		);
		expect(tagWithId(out, 'f-note')).toContain('rows="3"');
		// The checkbox: checked from "on", its hint as its description.
		const verify = tagWithId(out, 'f-verify');
		expect(verify).toContain('type="checkbox"');
		expect(verify).toContain('name="verify"');
		expect(verify).toMatch(/\schecked/);
		expect(verify).toContain('aria-describedby="f-verify-hint"');
		expect(out).toContain(
			'<p class="muted small" id="f-verify-hint">Đánh dấu khi chưa đối chiếu</p>'
		);
	});

	it('puts narrow fields in one grid and textareas and checkboxes full width, in order', () => {
		const out = html(FieldList, { fields: rateFields });
		const start = out.indexOf('<div class="form-grid">');
		const grid = out.slice(start, out.indexOf('<label for="f-source"'));
		expect(start).toBeGreaterThanOrEqual(0);
		expect(grid).toContain('id="f-storeysFrom"');
		expect(grid).toContain('id="f-storeysTo"');
		expect(grid).not.toContain('id="f-source"');
		expect(out.indexOf('f-storeysTo')).toBeLessThan(out.indexOf('f-source'));
		expect(out.indexOf('f-source')).toBeLessThan(out.indexOf('f-verify'));
		expect(out.indexOf('f-verify')).toBeLessThan(out.indexOf('f-note'));
		expect(out.match(/class="form-grid"/g)).toHaveLength(1);
		// Nothing is checked without a value.
		expect(tagWithId(out, 'f-verify')).not.toMatch(/\schecked/);
	});

	it('shows an error beside its field: aria-invalid and aria-describedby naming it', () => {
		const out = html(FieldList, {
			fields: [
				{ name: 'year', label: 'Năm', inputmode: 'numeric', hint: 'Năm áp dụng', required: true }
			],
			values: { year: '20x5' },
			errors: { year: 'Phải là số nguyên' }
		});
		const input = tagWithId(out, 'f-year');
		expect(input).toContain('aria-invalid="true"');
		expect(input).toContain('aria-describedby="f-year-error f-year-hint"');
		expect(input).toContain('value="20x5"');
		expect(out).toContain('<p class="error" id="f-year-error">Phải là số nguyên</p>');
		expect(out).toContain('<p class="hint" id="f-year-hint">Năm áp dụng</p>');
		const ok = html(FieldList, {
			fields: [{ name: 'year', label: 'Năm' }],
			values: { year: 2025 }
		});
		expect(tagWithId(ok, 'f-year')).not.toContain('aria-invalid');
		expect(tagWithId(ok, 'f-year')).not.toContain('aria-describedby');
	});

	it('selects the option of the value, and the fallback when there is none', () => {
		const fields: FieldSpec[] = [
			{
				name: 'kind',
				label: 'Loại',
				fallback: 'decision',
				options: [
					{ value: 'law', label: 'Luật' },
					{ value: 'decision', label: 'Quyết định' },
					{ value: 'circular', label: 'Thông tư' }
				]
			}
		];
		const chosen = (out: string) =>
			[...out.matchAll(/<option value="(\w+)"( selected="?"?)?>/g)]
				.filter((m) => m[2])
				.map((m) => m[1]);
		expect(chosen(html(FieldList, { fields, values: { kind: 'circular' } }))).toEqual(['circular']);
		expect(chosen(html(FieldList, { fields, values: {} }))).toEqual(['decision']);
		const out = html(FieldList, { fields, values: { kind: 'law' } });
		expect(out).toMatch(/<label for="f-kind">Loại<\/label>\s*<select id="f-kind" name="kind"/);
		expect(out.match(/<option /g)).toHaveLength(3);
	});

	it('prefixes ids for forms repeated on one page and keeps explicit ids', () => {
		const fields: FieldSpec[] = [
			{ name: 'code', label: 'Mã', required: true },
			{ name: 'areaM2', label: 'Diện tích', id: 'area' },
			{ name: 'publicFacing', label: 'Tiếp dân', type: 'checkbox' }
		];
		const out = html(FieldList, { fields, prefix: 'u12', values: { publicFacing: true } });
		expect(out).toContain('<label for="u12-code">');
		tagWithId(out, 'u12-code');
		expect(out).toContain('<label for="u12-area">');
		expect(tagWithId(out, 'u12-area')).toContain('name="areaM2"');
		expect(tagWithId(out, 'u12-publicFacing')).toMatch(/\schecked/);
		const plain = html(FieldList, {
			fields: [
				{
					name: 'password',
					id: 'password',
					label: 'Mật khẩu',
					type: 'password',
					required: true,
					autocomplete: 'current-password'
				}
			],
			marker: false
		});
		expect(plain).toMatch(/<label for="password">Mật khẩu<\/label>/);
		expect(tagWithId(plain, 'password')).toContain('autocomplete="current-password"');
		expect(tagWithId(plain, 'password')).toContain('type="password"');
	});

	it('renders a checkbox alone with its value and an error', () => {
		const out = html(Check, {
			name: 'keys',
			value: 'leader',
			label: 'Lãnh đạo',
			checked: true,
			id: 'k1',
			error: 'Không hợp lệ'
		});
		const input = tagWithId(out, 'k1');
		expect(input).toContain('value="leader"');
		expect(input).toContain('aria-invalid="true"');
		expect(input).toContain('aria-describedby="k1-error"');
		expect(out).toMatch(/<label class="check[^"]*"><input[^>]*> Lãnh đạo<\/label>/);
	});
});

describe('FieldList with markup of its own', () => {
	it('renders a field given as a snippet in its place in the grid', () => {
		const group = createRawSnippet(() => ({
			render: () => '<fieldset id="g"><legend>Kiêm nhiệm</legend></fieldset>'
		}));
		const out = html(FieldList, {
			fields: [
				{ name: 'title', label: 'Chức danh' },
				{ name: 'keys', label: 'Kiêm nhiệm', render: group },
				{ name: 'filled', label: 'Hiện có', inputmode: 'numeric' }
			]
		});
		const grid = out.slice(out.indexOf('<div class="form-grid">'));
		expect(out.match(/class="form-grid"/g)).toHaveLength(1);
		expect(grid.indexOf('id="f-title"')).toBeLessThan(grid.indexOf('<fieldset id="g">'));
		expect(grid.indexOf('<fieldset id="g">')).toBeLessThan(grid.indexOf('id="f-filled"'));
		expect(out).not.toContain('id="f-keys"');
	});
});

describe('fields helpers', () => {
	it('groups runs of narrow fields and leaves out false entries', () => {
		const groups = groupFields(
			[
				{ name: 'a', label: 'A' },
				false,
				{ name: 'b', label: 'B' },
				{ name: 'c', label: 'C', type: 'textarea' },
				{ name: 'd', label: 'D', type: 'textarea', wide: false },
				{ name: 'e', label: 'E' },
				{ name: 'f', label: 'F', type: 'checkbox' }
			],
			'grid'
		);
		expect(groups.map((g) => [g.grid, g.fields.map((f) => f.name).join('')])).toEqual([
			[true, 'ab'],
			[false, 'c'],
			[true, 'de'],
			[false, 'f']
		]);
		expect(
			groupFields(
				[
					{ name: 'a', label: 'A' },
					{ name: 'c', label: 'C', type: 'textarea' }
				],
				'column'
			)
		).toEqual([
			{
				grid: false,
				fields: [
					{ name: 'a', label: 'A' },
					{ name: 'c', label: 'C', type: 'textarea' }
				]
			}
		]);
	});

	it('names ids, values and options as the forms expect', () => {
		expect(fieldId({ name: 'code' })).toBe('f-code');
		expect(fieldId({ name: 'code', id: 'b-code' })).toBe('b-code');
		expect(fieldId({ name: 'code' }, 'r7')).toBe('r7-code');
		expect(fieldId({ name: 'areaM2', id: 'area' }, 'r7')).toBe('r7-area');
		expect(shownValue({ n: 0 }, { name: 'n', label: '', fallback: 3 })).toBe(0);
		expect(shownValue({ n: null }, { name: 'n', label: '', fallback: 3 })).toBe(3);
		expect(shownValue({}, { name: 'n', label: '' })).toBe('');
		expect(
			withNone(
				'—',
				optionsOf(['benefit', 'cost'], (k) => k.toUpperCase())
			)
		).toEqual([
			{ value: '', label: '—' },
			{ value: 'benefit', label: 'BENEFIT' },
			{ value: 'cost', label: 'COST' }
		]);
	});
});
