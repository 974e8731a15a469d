import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { integer, number, optionalNumber } from './fields';
import { formatReading, machineNumber, readNumber } from './number';

const viInt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

describe('readNumber: accepted forms (hand-computed)', () => {
	it.each([
		['12', 12],
		['1.000', 1000],
		['1.234.567', 1234567],
		['12,5', 12.5],
		['1.234,5', 1234.5],
		['0,125', 0.125],
		['1234,567', 1234.567],
		['1.5', 1.5],
		['1234.5', 1234.5],
		['10.80215', 10.80215],
		['106.7450', 106.745],
		['1 000', 1000],
		['1\u00a0234,5', 1234.5],
		['-1.000', -1000],
		['−12,5', -12.5],
		['+7', 7],
		['  42  ', 42],
		['007', 7]
	])('%j → %d', (input, value) => {
		expect(readNumber(input)).toEqual({ ok: true, value });
	});

	it('passes finite numbers through and treats blank as blank', () => {
		expect(readNumber(12.5)).toEqual({ ok: true, value: 12.5 });
		expect(readNumber('   ')).toEqual({ ok: false, reason: 'blank' });
		expect(readNumber(undefined)).toEqual({ ok: false, reason: 'blank' });
	});
});

describe('readNumber: refused forms (hand-computed)', () => {
	it.each([
		['1,000', [1, 1000]],
		['12,500', [12.5, 12500]],
		['0.500', [500, 0.5]],
		['1234.567', [1234567, 1234.567]]
	])('%j is ambiguous with both readings', (input, readings) => {
		expect(readNumber(input)).toEqual({ ok: false, reason: 'ambiguous', input, readings });
	});

	it.each([
		['1,234.5', 1234.5],
		['1,000,000', 1000000],
		['1.234.5', null],
		['1,2,3', null],
		['1.23,5', null],
		['12.34.567', null]
	])('%j mixes separators (English reading %j)', (input, english) => {
		expect(readNumber(input)).toEqual({ ok: false, reason: 'mixed', input, english });
	});

	it.each(['abc', '12m2', '1e3', 'Infinity', '.', ',5', '5,', '1 2', '--1', '12 m²'])(
		'%j is not a number',
		(input) => {
			expect(readNumber(input)).toEqual({ ok: false, reason: 'not-a-number', input });
		}
	);
});

describe('readNumber: properties', () => {
	it('reads every vi-VN formatted integer back', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
				expect(readNumber(viInt.format(n))).toEqual({ ok: true, value: n });
			})
		);
	});

	it('reads vi-VN decimals back unless they look like 1-3 digits, comma, 3 digits', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 1e9 }),
				fc.integer({ min: 1, max: 6 }),
				fc.integer({ min: 1, max: 999_999 }),
				(int, digits, frac) => {
					const fraction = String(frac % 10 ** digits).padStart(digits, '0');
					const text = `${viInt.format(int)},${fraction}`;
					const value = Number(`${int}.${fraction}`);
					const r = readNumber(text);
					if (digits === 3 && int > 0 && int < 1000) {
						expect(r).toEqual({
							ok: false,
							reason: 'ambiguous',
							input: text,
							readings: [value, int * 1000 + Number(fraction)]
						});
					} else {
						expect(r).toEqual({ ok: true, value });
					}
				}
			)
		);
	});

	it('refuses English-grouped numbers and shows the English value', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1000, max: 1e12 }), fc.integer({ min: 1, max: 9 }), (n, d) => {
				const text = `${n.toLocaleString('en-US')}.${d}`;
				expect(readNumber(text)).toEqual({
					ok: false,
					reason: 'mixed',
					input: text,
					english: Number(`${n}.${d}`)
				});
			})
		);
	});

	it('refuses anything with a letter as not a number', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 8 }),
				fc.constantFrom('a', 'x', 'm', 'đ', 'E'),
				fc.string({ maxLength: 8 }),
				(a, letter, b) => {
					const r = readNumber(`${a}${letter}${b}`);
					expect(r.ok).toBe(false);
					if (!r.ok && r.reason !== 'blank') expect(r.reason).toBe('not-a-number');
				}
			)
		);
	});

	it('machineNumber writes every double so that it reads back exactly', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
				(x) => {
					const r = readNumber(machineNumber(x));
					expect(r.ok && r.value === x).toBe(true);
				}
			)
		);
		expect(machineNumber(106.745)).toBe('106.7450');
		expect(machineNumber(1000)).toBe('1000');
		expect(formatReading(1234.5)).toBe('1.234,5');
	});
});

describe('number fields say what is wrong', () => {
	const area = z.object({ a: number(0.5, 100_000) });
	const firstIssue = (r: ReturnType<typeof area.safeParse>) =>
		r.success ? null : (r.error.issues[0] as { params?: unknown }).params;

	it('stores "1.000" as 1000 and "12,5" as 12.5', () => {
		expect(area.parse({ a: '1.000' })).toEqual({ a: 1000 });
		expect(area.parse({ a: '12,5' })).toEqual({ a: 12.5 });
	});

	it('letters are "not a number", not "required"', () => {
		expect(firstIssue(area.safeParse({ a: 'abc' }))).toEqual({
			key: 'err.notANumber',
			values: { input: 'abc' }
		});
		expect(firstIssue(area.safeParse({ a: '' }))).toEqual({ key: 'err.required' });
	});

	it('an ambiguous entry shows both readings, typed so that each reads back', () => {
		expect(firstIssue(area.safeParse({ a: '1,234' }))).toEqual({
			key: 'err.numberAmbiguous',
			values: { input: '1,234', a: '1,2340', b: '1.234' }
		});
	});

	it('an out-of-range entry with separators says how it was read', () => {
		const lat = z.object({ a: number(-90, 90) });
		const r = lat.safeParse({ a: '10.802' });
		expect(r.success).toBe(false);
		expect((r.error!.issues[0] as { params?: unknown }).params).toEqual({
			key: 'err.maxRead',
			values: { input: '10.802', read: '10.802', max: '90' }
		});
	});

	it('integers refuse decimals; optional numbers give null when blank', () => {
		const n = z.object({ a: integer(0, 10) });
		expect(n.safeParse({ a: '2,5' }).success).toBe(false);
		expect(z.object({ a: optionalNumber(0, 1) }).parse({ a: ' ' })).toEqual({ a: null });
		expect(z.object({ a: optionalNumber(0, 1) }).parse({})).toEqual({ a: null });
	});
});
