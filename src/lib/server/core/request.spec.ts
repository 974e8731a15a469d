import { describe, expect, it } from 'vitest';
import { safeNext } from './request';

describe('safeNext', () => {
	it('keeps a same-site path with its query and hash', () => {
		expect(safeNext('/w/binh-trung/facilities?q=a&page=2#x')).toBe(
			'/w/binh-trung/facilities?q=a&page=2#x'
		);
		expect(safeNext('/')).toBe('/');
	});

	it('refuses other origins, however they are spelled', () => {
		for (const next of [
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/.//evil.example',
			'https://evil.example',
			'javascript:alert(1)',
			'evil',
			'',
			null,
			undefined,
			'/' + 'x'.repeat(3000)
		]) {
			expect(safeNext(next), JSON.stringify(next)).toBe('/');
		}
		expect(safeNext('//evil.example', '/home')).toBe('/home');
	});

	it('always gives a valid Location header (no control or non-ASCII characters)', () => {
		expect(safeNext('/\u0000')).toBe('/');
		expect(safeNext('/a\u0000b')).toBe('/a%00b');
		expect(safeNext('/w/Phường Bình Trưng')).toBe(
			'/w/Ph%C6%B0%E1%BB%9Dng%20B%C3%ACnh%20Tr%C6%B0ng'
		);
		for (const next of ['/a\u0000b', '/\u202e', '/😀?q=é', '/a\r\nSet-Cookie: x=1']) {
			expect(safeNext(next)).toMatch(/^\/[\x21-\x7e]*$/);
		}
		expect(() => new Headers({ location: safeNext('/\u0000\u00ff😀') })).not.toThrow();
	});
});
