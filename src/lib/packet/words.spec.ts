import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './words';

describe('amountInWords', () => {
	const cases: [number, string][] = [
		[0, 'Không đồng'],
		[1, 'Một đồng'],
		[4, 'Bốn đồng'],
		[5, 'Năm đồng'],
		[10, 'Mười đồng'],
		[11, 'Mười một đồng'],
		[14, 'Mười bốn đồng'],
		[15, 'Mười lăm đồng'],
		[20, 'Hai mươi đồng'],
		[21, 'Hai mươi mốt đồng'],
		[24, 'Hai mươi tư đồng'],
		[25, 'Hai mươi lăm đồng'],
		[55, 'Năm mươi lăm đồng'],
		[100, 'Một trăm đồng'],
		[101, 'Một trăm linh một đồng'],
		[104, 'Một trăm linh bốn đồng'],
		[105, 'Một trăm linh năm đồng'],
		[110, 'Một trăm mười đồng'],
		[115, 'Một trăm mười lăm đồng'],
		[999, 'Chín trăm chín mươi chín đồng'],
		[1000, 'Một nghìn đồng'],
		[1005, 'Một nghìn, không trăm linh năm đồng'],
		[1015, 'Một nghìn, không trăm mười lăm đồng'],
		[1_000_005, 'Một triệu, không trăm linh năm đồng'],
		[1_020_000, 'Một triệu, không trăm hai mươi nghìn đồng'],
		[2_000_000_000, 'Hai tỷ đồng'],
		[125_400_000_000, 'Một trăm hai mươi lăm tỷ, bốn trăm triệu đồng'],
		[47_476_000_000, 'Bốn mươi bảy tỷ, bốn trăm bảy mươi sáu triệu đồng'],
		[1_000_000_001, 'Một tỷ, không trăm linh một đồng'],
		[1_200_000_000_000, 'Một nghìn hai trăm tỷ đồng'],
		[
			1_234_567_891_021,
			'Một nghìn hai trăm ba mươi tư tỷ, năm trăm sáu mươi bảy triệu, tám trăm chín mươi mốt nghìn, không trăm hai mươi mốt đồng'
		],
		[5_000_000_000_000_000, 'Năm triệu tỷ đồng']
	];
	it.each(cases)('%d → %s', (n, words) => {
		expect(amountInWords(n)).toBe(words);
	});

	it('reads "lẻ" when asked', () => {
		expect(amountInWords(105, { zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm đồng');
		expect(numberInWords(2_000_304, { zeroTens: 'lẻ' })).toBe('hai triệu, ba trăm lẻ bốn');
	});

	it('refuses negative, fractional and unsafe amounts', () => {
		expect(() => amountInWords(-1)).toThrow(RangeError);
		expect(() => amountInWords(1.5)).toThrow(RangeError);
		expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
		expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
	});
});
