/**
 * The packet's rounding with non-round inputs (halves, values just under a half, non-round
 * shares, large and negative amounts), so that changing any rounding helper fails here:
 * roundHalfUp and investmentEstimate (money to the million), settingsEstimate (gross area to
 * 0.1 m², money to the đồng), the snapshot's r1 / r4 (areas to 0.1 m², ratios to 4 decimals)
 * and formatDecimal (vi-VN decimals). Every expected value is worked out by hand in a comment.
 */
import { describe, expect, it } from 'vitest';
import type { InvestmentRate } from './dossier-types';
import { investmentEstimate, MAX_AMOUNT_VND, roundHalfUp } from './investment';
import { buildSnapshot, defaultDraft, formatDecimal, section, settingsEstimate } from './index';
import { sampleInput } from '../../../tests/helpers/packet';

const rate: InvestmentRate = {
	id: 1,
	key: 'office-le-5',
	version: 1,
	storeysFrom: 1,
	storeysTo: 5,
	vndPerM2: 9_876_543,
	source: 'Bộ Xây dựng',
	year: 2024,
	verify: false,
	note: ''
};

describe('roundHalfUp (to the million đồng)', () => {
	it.each([
		// [value, expected]
		[1_234_500_000, 1_235_000_000], // exactly half a million: up (not to even, not down)
		[1_234_499_999, 1_234_000_000], // just under the half: down (not ceiling)
		[1_234_500_001, 1_235_000_000],
		[2_675_500_000, 2_676_000_000], // half with an even lower neighbour (2 675 → 2 676)
		[2_674_999_999, 2_675_000_000],
		[499_999, 0],
		[500_000, 1_000_000],
		[12_192_592_333.5, 12_193_000_000], // a fractional product of area × rate
		[999_999_999_500_000, MAX_AMOUNT_VND] // the largest amount accepted, from half below
	])('%d → %d', (value, expected) => {
		expect(roundHalfUp(value)).toBe(expected);
	});

	it('rounds to any integer step', () => {
		// 1 234,5 to the đồng: 1 235; 1 234,4999 → 1 234; 45 to the ten: 50; 44 → 40
		expect(roundHalfUp(1234.5, 1)).toBe(1235);
		expect(roundHalfUp(1234.4999, 1)).toBe(1234);
		expect(roundHalfUp(45, 10)).toBe(50);
		expect(roundHalfUp(44, 10)).toBe(40);
	});

	it('a negative value goes towards +∞ at the half (the estimate refuses negative inputs)', () => {
		// floor(−1,5 + 0,5) = −1; floor(−1,6 + 0,5) = −2
		expect(roundHalfUp(-1_500_000)).toBe(-1_000_000);
		expect(roundHalfUp(-1_600_000)).toBe(-2_000_000);
	});
});

describe('investmentEstimate with non-round inputs', () => {
	it('1 234,5 m² at 9 876 543 đ/m², land 2 674 999 999 đ, contingency 4,5 %', () => {
		// construction 1 234,5 × 9 876 543 = 12 192 592 333,5 → 12 193 000 000
		// land 2 674 999 999 → 2 675 000 000
		// contingency 0,045 × (12 193 000 000 + 2 675 000 000) = 0,045 × 14 868 000 000
		//   = 669 060 000 → 669 000 000
		// total 12 193 000 000 + 2 675 000 000 + 669 000 000 = 15 537 000 000
		const e = investmentEstimate({
			gfaM2: 1234.5,
			storeys: 5,
			rate,
			landAndClearanceVnd: 2_674_999_999,
			contingencyShare: 0.045
		});
		expect(e).toMatchObject({
			constructionVnd: 12_193_000_000,
			landAndClearanceVnd: 2_675_000_000,
			contingencyVnd: 669_000_000,
			totalVnd: 15_537_000_000
		});
	});

	it('contingency on the rounded parts, rounded half up', () => {
		// construction 100 × 9 876 543 = 987 654 300 → 988 000 000; land 12 000 000
		// contingency 0,005 × (988 000 000 + 12 000 000) = 5 000 000 exactly;
		// with share 0,0015: 0,0015 × 1 000 000 000 = 1 500 000 → 2 000 000 (half up)
		const at = (contingencyShare: number) =>
			investmentEstimate({
				gfaM2: 100,
				storeys: 2,
				rate,
				landAndClearanceVnd: 12_000_000,
				contingencyShare
			});
		expect(at(0.005).contingencyVnd).toBe(5_000_000);
		expect(at(0.0015).contingencyVnd).toBe(2_000_000);
		expect(at(0.0015).totalVnd).toBe(988_000_000 + 12_000_000 + 2_000_000);
	});

	it('refuses negative amounts and shares', () => {
		const base = { gfaM2: 100, storeys: 2, rate, landAndClearanceVnd: 0, contingencyShare: 0 };
		expect(() => investmentEstimate({ ...base, landAndClearanceVnd: -1 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...base, contingencyShare: -0.001 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...base, gfaM2: -0.5 })).toThrow(RangeError);
	});
});

describe('settingsEstimate with non-round inputs', () => {
	it('gross area to 0,1 m², money to the đồng', () => {
		// gross 1 234,5 × 1,35 = 1 666,575 → 1 666,6 m²
		// construction 1 666,6 × 10 987 654 = 18 312 024 156,4 → 18 312 024 156
		// land 1 000 000,25 + 0,25 = 1 000 000,5 → 1 000 001
		// contingency 0,045 × (18 312 024 156 + 1 000 001) = 0,045 × 18 313 024 157
		//   = 824 086 087,065 → 824 086 087
		// total 18 312 024 156 + 1 000 001 + 824 086 087 = 19 137 110 244
		expect(
			settingsEstimate({
				usableM2: 1234.5,
				grossToUsableRatio: 1.35,
				unitCostVndPerM2: 10_987_654,
				landCostVnd: 1_000_000.25,
				clearanceCostVnd: 0.25,
				contingencyRatio: 0.045
			})
		).toEqual({
			grossFloorAreaM2: 1666.6,
			constructionVnd: 18_312_024_156,
			landVnd: 1_000_001,
			contingencyVnd: 824_086_087,
			totalVnd: 19_137_110_244
		});
	});
});

describe('snapshot areas and ratios with non-round needs', () => {
	it('areas to 0,1 m², the ratio to norm to 4 decimals', () => {
		const input = sampleInput();
		input.needs = {
			...input.needs,
			workAreaM2: 600.04, // → 600
			occupiedWorkAreaM2: 360.06, // → 360,1
			commonAreaM2: 420.05, // → 420,1
			specialisedAreaM2: 230.04, // → 230
			totalUsableM2: 1250.15, // → 1 250,2
			ratioToNorm: 0.61236 // → 0,6124
		};
		const snap = buildSnapshot(input, defaultDraft('Phường Thử', '2026-11-29'));
		const nec = section(snap, 'necessity').numbers;
		expect(nec.entitledWorkAreaM2.value).toBe(600);
		expect(nec.occupiedWorkAreaM2.value).toBe(360.1);
		// shortfall 600,04 − 360,06 = 239,98 → 240
		expect(nec.shortfallM2.value).toBe(240);
		expect(nec.ratioToNorm.value).toBe(0.6124);
		const scale = section(snap, 'scale').numbers;
		expect(scale.workAreaM2.value).toBe(600);
		expect(scale.commonAreaM2.value).toBe(420.1);
		expect(scale.specialisedAreaM2.value).toBe(230);
		expect(scale.usableM2.value).toBe(1250.2);
	});
});

describe('formatDecimal (vi-VN)', () => {
	it.each([
		[1234.5, 1, '1.234,5'],
		[0.045, 2, '0,05'],
		[2.675, 2, '2,68'],
		[-1234.56, 1, '-1.234,6'],
		[1_234_567_890_123, 0, '1.234.567.890.123'],
		[0.6124, 4, '0,6124'],
		// Always `digits` decimals (the one policy): a score of 0.62 is 0,620 beside 0,809.
		[12.3, 3, '12,300'],
		[0.62, 3, '0,620'],
		[6, 1, '6,0']
	])('%d to %d digits → %s', (x, digits, expected) => {
		expect(formatDecimal(x, digits)).toBe(expected);
	});
});
