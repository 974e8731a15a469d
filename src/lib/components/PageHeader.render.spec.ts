/**
 * PageHeader's markup as a page sends it (svelte/server): the heading, the actions at the right
 * of the heading row, the badge beside it, the link back, the navigation and intro below.
 */
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { elements, renderHtml, textOf } from '../../../tests/helpers/render';
import PageHeader from './PageHeader.svelte';

const html = (text: string) => createRawSnippet(() => ({ render: () => text }));

describe('PageHeader', () => {
	it('puts the title in the h1 and the actions after the spacer of the same row', () => {
		const out = renderHtml(PageHeader, {
			title: 'Địa điểm đề xuất',
			actions: html('<a class="button" href="/w/an-khanh/sites/new">Thêm địa điểm</a>')
		});
		const row = elements(out, 'div')[0];
		expect(elements(row, 'h1').map(textOf)).toEqual(['Địa điểm đề xuất']);
		// heading, spacer, then the action: the action is at the right
		expect(row.indexOf('<h1>')).toBeLessThan(row.indexOf('class="spacer"'));
		expect(row.indexOf('class="spacer"')).toBeLessThan(row.indexOf('Thêm địa điểm'));
		// nothing optional is drawn when absent
		expect(out).not.toContain('←');
		expect(elements(out, 'p')).toEqual([]);
	});

	it('draws the link back, the badge beside the heading, then the nav and the intro in order', () => {
		const out = renderHtml(PageHeader, {
			title: 'Thông báo',
			back: { href: '/review', label: 'Hồ sơ chờ thẩm định' },
			intro: 'Các thay đổi của hồ sơ bạn theo dõi.',
			badge: html('<span class="badge">3 chưa đọc</span>'),
			nav: html('<nav aria-label="Mục">tabs</nav>')
		});
		const back = elements(out, 'p')[0];
		expect(back).toContain('href="/review"');
		expect(textOf(back)).toBe('← Hồ sơ chờ thẩm định');
		const row = elements(out, 'div')[0];
		expect(row.indexOf('</h1>')).toBeLessThan(row.indexOf('3 chưa đọc'));
		expect(row.indexOf('3 chưa đọc')).toBeLessThan(row.indexOf('class="spacer"'));
		expect(out.indexOf('</div>')).toBeLessThan(out.indexOf('<nav'));
		expect(out.indexOf('</nav>')).toBeLessThan(out.indexOf('Các thay đổi'));
		expect(elements(out, 'p').at(-1)).toBe(
			'<p class="muted">Các thay đổi của hồ sơ bạn theo dõi.</p>'
		);
	});
});
