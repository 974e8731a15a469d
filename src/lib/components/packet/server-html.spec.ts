import { describe, expect, it } from 'vitest';
import { transport } from '../../../hooks';
import { HYDRATED_IN_PLACE, ServerHtml, markupOf, pageHtml } from './server-html';

describe('ServerHtml', () => {
	const markup = '<section class="card"><h2>Tờ trình</h2></section>';

	it('is wrapped on a full page load and plain for a data request', () => {
		const full = pageHtml(markup, { isDataRequest: false });
		expect(full).toBeInstanceOf(ServerHtml);
		expect(markupOf(full)).toBe(markup);
		expect(pageHtml(markup, { isDataRequest: true })).toBe(markup);
	});

	it('travels in the page data as its name only, and decodes to a non-empty placeholder', () => {
		const { encode, decode } = transport.ServerHtml;
		expect(encode(new ServerHtml(markup))).toEqual([]);
		expect(encode(markup)).toBe(false);
		expect(encode({ html: markup })).toBe(false);
		const decoded = decode([]);
		expect(decoded).toBe(HYDRATED_IN_PLACE);
		// Svelte adopts the server's nodes of an {@html} block only for a non-empty client value.
		expect(markupOf(decoded).length).toBeGreaterThan(0);
		expect(markupOf(decoded)).not.toContain('<section');
	});
});
