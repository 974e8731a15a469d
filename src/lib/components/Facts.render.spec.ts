/** Facts as the server renders it: label → value pairs, numbers in the reader's language. */
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import Facts from './Facts.svelte';
import type { Fact } from './facts';

const items: (Fact | null | false)[] = [
	{ label: 'Diện tích sàn', value: 1836, quantity: 'area', unit: 'm²' },
	{ label: 'Điểm', value: 0.62, quantity: 'score' },
	{ label: 'Tỷ lệ so với định mức', value: 0.8349, quantity: 'ratio' },
	{ label: 'Biên chế', value: 12345 },
	{ label: 'Khoảng cách', value: 2.25, digits: 2, unit: 'km' },
	null,
	false,
	{ label: 'Ghi chú', value: null },
	{ label: 'Cơ sở', value: 'Trụ sở chính', href: '/w/an-khanh/facilities/3' }
];
const pairs = (html: string) =>
	elements(html, 'div').map((d) => [textOf(elements(d, 'dt')[0]), textOf(elements(d, 'dd')[0])]);

describe('Facts', () => {
	it('writes quantities with a decimal comma and the policy’s decimals (vi)', () => {
		expect(pairs(renderHtml(Facts, { items }))).toEqual([
			['Diện tích sàn', '1.836,0 m²'],
			['Điểm', '0,620'],
			['Tỷ lệ so với định mức', '0,83'],
			['Biên chế', '12.345'],
			['Khoảng cách', '2,25 km'],
			['Ghi chú', '—'],
			['Cơ sở', 'Trụ sở chính']
		]);
	});

	it('writes them the English way for an English reader', () => {
		expect(pairs(renderHtml(Facts, { items: items.slice(0, 4) }, { locale: 'en' }))).toEqual([
			['Diện tích sàn', '1,836.0 m²'],
			['Điểm', '0.620'],
			['Tỷ lệ so với định mức', '0.83'],
			['Biên chế', '12,345']
		]);
	});

	it('links a value with an href, and lays out as a grid unless pairs', () => {
		const html = renderHtml(Facts, { items });
		expect(elements(html, 'a')).toEqual(['<a href="/w/an-khanh/facilities/3">Trụ sở chính</a>']);
		expect(attr(html, 'class')).toMatch(/^facts grid\b/);
		expect(attr(renderHtml(Facts, { items, layout: 'pairs' }), 'class')).toMatch(/^facts pairs\b/);
	});

	it('escapes text values', () => {
		const html = renderHtml(Facts, { items: [{ label: 'Tên', value: '<b>A & B</b>' }] });
		expect(html).toContain('&lt;b>A &amp; B&lt;/b>');
		expect(html).not.toContain('<b>');
	});
});
