/** ConfirmDelete as the server renders it: a question in a <details>, then a plain POST form. */
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import ConfirmDelete from './ConfirmDelete.svelte';

const inputs = (html: string) => [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);

describe('ConfirmDelete', () => {
	it('asks with the record’s name, then posts the hidden fields to the action', () => {
		const html = renderHtml(ConfirmDelete, {
			action: '?/deleteRoom',
			name: 'Phòng họp <A>',
			fields: { id: 17, version: 3 }
		});
		expect(html).toMatch(/^<details class="confirm">/);
		expect(textOf(elements(html, 'summary')[0])).toBe('Xóa');
		// the name is escaped, inside the catalogue's quotation marks
		expect(elements(html, 'p')[0]).toBe(
			'<p>Xóa “Phòng họp &lt;A>”? Thao tác này không thể hoàn tác.</p>'
		);
		const [form] = elements(html, 'form');
		expect([attr(form, 'method'), attr(form, 'action')]).toEqual(['post', '?/deleteRoom']);
		expect(inputs(form).map((i) => [attr(i, 'type'), attr(i, 'name'), attr(i, 'value')])).toEqual([
			['hidden', 'id', '17'],
			['hidden', 'version', '3']
		]);
		const [button] = elements(form, 'button');
		expect([attr(button, 'type'), attr(button, 'class'), textOf(button)]).toEqual([
			'submit',
			'danger',
			'Xóa'
		]);
	});

	it('uses the given label for the summary, the dialog and the button', () => {
		const html = renderHtml(
			ConfirmDelete,
			{ action: '?/remove', name: 'Kho', label: 'Xóa nhà' },
			{ locale: 'en' }
		);
		expect(textOf(elements(html, 'summary')[0])).toBe('Xóa nhà');
		expect(attr(elements(html, 'div')[0], 'aria-label')).toBe('Xóa nhà');
		expect(textOf(elements(html, 'button')[0])).toBe('Xóa nhà');
		expect(textOf(elements(html, 'p')[0])).toBe('Delete “Kho”? This cannot be undone.');
		expect(inputs(html)).toEqual([]);
	});
});
