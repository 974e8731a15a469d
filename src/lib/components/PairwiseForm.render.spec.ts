/** PairwiseForm as the server renders it: one select per pair, the scale worded per pair. */
import { describe, expect, it } from 'vitest';
import { attr, elements, renderHtml, textOf } from '../../../tests/helpers/render';
import PairwiseForm from './PairwiseForm.svelte';

const criteria = [
	{ key: 'area', labelVi: 'Diện tích', labelEn: 'Area' },
	{ key: 'metro', labelVi: 'Ga metro', labelEn: 'Metro' },
	{ key: 'cost', labelVi: 'Chi phí', labelEn: 'Cost' }
];

function selects(locale: 'vi' | 'en', matrix: number[][] | null) {
	const html = renderHtml(
		PairwiseForm,
		{ criteria, matrix, values: null, action: '?/judge', submitLabel: 'Lưu' },
		{ locale }
	);
	return elements(html, 'select');
}

describe('PairwiseForm', () => {
	it('draws the three pairs of three criteria, each with the 17 steps of the scale', () => {
		const s = selects('vi', null);
		expect(s.map((x) => attr(x, 'name'))).toEqual(['p:area:metro', 'p:area:cost', 'p:metro:cost']);
		const options = elements(s[0], 'option').map(textOf);
		expect(options).toHaveLength(17);
		expect(options[0]).toBe('9 — Diện tích cực kỳ quan trọng hơn');
		expect(options[1]).toBe('8 — Diện tích mức trung gian');
		expect(options[6]).toBe('3 — Diện tích quan trọng hơn một chút');
		expect(options[8]).toBe('1 — Ngang nhau');
		expect(options[10]).toBe('1/3 — Ga metro quan trọng hơn một chút');
		expect(options[16]).toBe('1/9 — Ga metro cực kỳ quan trọng hơn');
	});

	it('selects the saved answers, and words the scale in English', () => {
		const m = [
			[1, 5, 1 / 3],
			[1 / 5, 1, 1],
			[3, 1, 1]
		];
		const s = selects('en', m);
		const chosen = s.map((x) =>
			textOf(elements(x, 'option').find((o) => attr(o, 'selected') !== null) ?? '')
		);
		expect(chosen).toEqual([
			'5 — Area strongly more important',
			'1/3 — Cost moderately more important',
			'1 — Equal'
		]);
	});

	it('escapes the criterion names a ward typed in every option', () => {
		const html = renderHtml(
			PairwiseForm,
			{
				criteria: [
					{ key: 'a', labelVi: '<img src=x onerror=alert(1)> "A" & B', labelEn: 'A' },
					{ key: 'b', labelVi: 'Chi phí', labelEn: 'Cost' }
				],
				matrix: null,
				values: null,
				action: '?/judge',
				submitLabel: 'Lưu'
			},
			{ locale: 'vi' }
		);
		const options = elements(elements(html, 'select')[0], 'option');
		expect(options).toHaveLength(17);
		expect(html).not.toContain('<img');
		expect(options[0]).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;A&quot; &amp; B');
		// "Equal" is chosen first when nothing was answered.
		expect(options.filter((o) => attr(o, 'selected') !== null).map(textOf)).toEqual([
			'1 — Ngang nhau'
		]);
	});
});
