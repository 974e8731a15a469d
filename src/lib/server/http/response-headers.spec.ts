import { describe, expect, it } from 'vitest';
import { applyResponseHeaders, BUSY_RETRY_AFTER_S } from './response-headers';

const page = { signedIn: true, api: false };

describe('response headers', () => {
	it('a busy answer (503) tells when to come back; its own Retry-After is kept', () => {
		const h = new Headers({ 'content-type': 'text/html' });
		applyResponseHeaders(h, 503, page);
		expect(h.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_S));
		const own = new Headers({ 'retry-after': '60' });
		applyResponseHeaders(own, 503, page);
		expect(own.get('retry-after')).toBe('60');
		const ok = new Headers();
		applyResponseHeaders(ok, 200, page);
		expect(ok.has('retry-after')).toBe(false);
	});

	it('what a signed-in user or the API sees is never stored; a private policy of its own stays', () => {
		for (const who of [page, { signedIn: false, api: true }]) {
			const h = new Headers({ 'cache-control': 'public, max-age=3600' });
			applyResponseHeaders(h, 200, who);
			expect(h.get('cache-control')).toBe('private, no-store');
		}
		const photo = new Headers({ 'cache-control': 'private, no-cache' });
		applyResponseHeaders(photo, 200, page);
		expect(photo.get('cache-control')).toBe('private, no-cache');
		const anonymous = new Headers({ 'cache-control': 'public, max-age=3600' });
		applyResponseHeaders(anonymous, 200, { signedIn: false, api: false });
		expect(anonymous.get('cache-control')).toBe('public, max-age=3600');
	});

	it('non-HTML answers are sandboxed; an HTML page keeps its own policy', () => {
		const json = new Headers({ 'content-type': 'application/json' });
		applyResponseHeaders(json, 200, page);
		expect(json.get('content-security-policy')).toContain('sandbox');
		const html = new Headers({ 'content-type': 'text/html' });
		applyResponseHeaders(html, 200, page);
		expect(html.has('content-security-policy')).toBe(false);
		expect(html.get('x-frame-options')).toBe('DENY');
		expect(html.get('x-content-type-options')).toBe('nosniff');
	});
});
