import { describe, expect, it } from 'vitest';
import { match } from '../../../params/id';
import { recordId } from './ids';

describe('recordId and the [id=id] matcher', () => {
	it('read the same ids', () => {
		for (const [raw, id] of [
			['1', 1],
			['42', 42],
			[' 42 ', 42],
			['9007199254740991', 9007199254740991],
			['0', null],
			['07', null],
			['-3', null],
			['1e3', null],
			['2.5', null],
			['abc', null],
			['', null],
			['12345678901234567', null]
		] as const) {
			expect(recordId(raw), raw).toBe(id);
			expect(match(raw), raw).toBe(raw === ' 42 ' ? false : id !== null);
		}
	});

	it('is null for an absent value or a file', () => {
		expect(recordId(null)).toBeNull();
		expect(recordId(undefined)).toBeNull();
		expect(recordId(new File(['1'], '1'))).toBeNull();
	});
});
