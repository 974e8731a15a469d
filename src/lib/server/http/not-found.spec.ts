import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { notFound, wardOf } from './not-found';

function caught(f: () => unknown): unknown {
	try {
		f();
	} catch (e) {
		return e;
	}
	throw new Error('nothing thrown');
}

describe('notFound and wardOf', () => {
	it('throws 404 with the message in the given language (Vietnamese outside a request)', () => {
		const en = caught(() => notFound('en'));
		expect(isHttpError(en, 404)).toBe(true);
		expect((en as { body: App.Error }).body).toEqual({
			message: 'Page or record not found.',
			code: 'not_found'
		});
		const vi = caught(() => notFound());
		expect((vi as { body: App.Error }).body.message).toBe('Không tìm thấy trang hoặc bản ghi.');
	});

	it("returns the hook's ward, or answers 404 when there is none", () => {
		const ward = { id: 3, code: 'bt', name: 'Bến Thành', isSample: false };
		expect(wardOf({ ward, locale: 'vi' })).toBe(ward);
		const e = caught(() => wardOf({ ward: null, locale: 'en' }));
		expect(isHttpError(e, 404)).toBe(true);
	});
});
