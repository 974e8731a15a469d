/**
 * ConflictPanel as the server renders it (a stale save answered 409): each differing field with
 * the user's value beside the stored one, "keep mine" as a plain submit, "take theirs" as a link
 * that reloads the stored record.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictInfo } from '$lib/conflict';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import ConflictPanel from './ConflictPanel.svelte';

const conflict: ConflictInfo = {
	version: 5,
	savedBy: 'Đã lưu bởi Trần Bình lúc 08:15 06/12/2026',
	deleted: false,
	fields: [
		{ name: 'name', mine: 'Phòng họp tầng 2', theirs: 'Phòng họp lớn' },
		{ name: 'areaM2', mine: '', theirs: '48,5' }
	],
	theirs: { name: 'Phòng họp lớn', areaM2: '48,5', version: '5' }
};

describe('ConflictPanel', () => {
	it('shows both values of every differing field, an empty one as “(trống)”', () => {
		const html = renderHtml(
			ConflictPanel,
			{ conflict },
			{ url: '/w/an-khanh/facilities/3?/saveRoom&tab=rooms' }
		);
		expect(attr(html, 'role')).toBe('alert');
		const rows = elements(elements(html, 'tbody')[0], 'tr');
		expect(
			rows.map((tr) => [
				attr(tr, 'data-field'),
				textOf(elements(tr, 'th')[0]),
				...elements(tr, 'td')
					.slice(0, 2)
					.map((td) => [attr(td, 'class')?.split(' ')[0], textOf(td)])
			])
		).toEqual([
			['name', 'name', ['mine', 'Phòng họp tầng 2'], ['theirs', 'Phòng họp lớn']],
			['areaM2', 'areaM2', ['mine', '(trống)'], ['theirs', '48,5']]
		]);
		expect(html).toContain('Đã lưu bởi Trần Bình lúc 08:15 06/12/2026');
		// keep mine submits the form as it is; take theirs reloads without the action query
		const submit = elements(html, 'button').filter((b) => attr(b, 'type') === 'submit');
		expect(submit.map(textOf)).toEqual(['Giữ giá trị của tôi và lưu']);
		expect(elements(html, 'a').map((a) => [textOf(a), attr(a, 'href')])).toEqual([
			['Lấy toàn bộ giá trị đã lưu', '/w/an-khanh/facilities/3?tab=rooms']
		]);
	});

	it('says the record is gone and offers no save when it was deleted meanwhile', () => {
		const html = renderHtml(ConflictPanel, { conflict: { ...conflict, deleted: true } });
		expect(textOf(html)).toBe(
			'Bản ghi đã được người khác sửa Bản ghi này đã bị xóa trong lúc bạn sửa; không thể lưu.'
		);
		expect(html).not.toContain('<button');
		expect(html).not.toContain('<table');
	});
});
