import { describe, expect, it } from 'vitest';
import type { InvestmentRate } from './dossier-types';
import { investmentEstimate, pickRate, rateCovers, roundHalfUp } from './investment';

const band = (from: number, to: number | null, vndPerM2: number) => ({
	storeysFrom: from,
	storeysTo: to,
	vndPerM2
});

const fullRate: InvestmentRate = {
	id: 7,
	key: 'office-le-5',
	version: 2,
	storeysFrom: 1,
	storeysTo: 5,
	vndPerM2: 9_800_000,
	source: 'Bộ Xây dựng, suất vốn đầu tư năm 2024',
	year: 2024,
	verify: true,
	note: ''
};

describe('investmentEstimate', () => {
	it('sample ward: 4 200 m², 5 storeys, 9.8 million/m², 2 billion land, 10 %', () => {
		// 4 200 × 9 800 000 = 41 160 000 000; (41 160 000 000 + 2 000 000 000) × 0,1 = 4 316 000 000
		const e = investmentEstimate({
			gfaM2: 4200,
			storeys: 5,
			rate: fullRate,
			landAndClearanceVnd: 2_000_000_000,
			contingencyShare: 0.1
		});
		expect(e.constructionVnd).toBe(41_160_000_000);
		expect(e.landAndClearanceVnd).toBe(2_000_000_000);
		expect(e.contingencyVnd).toBe(4_316_000_000);
		expect(e.totalVnd).toBe(47_476_000_000);
		expect(e.rate?.id).toBe(7);
		expect(e.rateVndPerM2).toBe(9_800_000);
		expect(e.roundingVnd).toBe(1_000_000);
	});

	it('rounds each part half up to the million and sums the rounded parts', () => {
		// 1 234,56 × 9 800 000 = 12 098 688 000 → 12 099 000 000
		// land 54 321 499 → 54 000 000
		// 0,08 × (12 099 000 000 + 54 000 000) = 972 240 000 → 972 000 000
		const e = investmentEstimate({
			gfaM2: 1234.56,
			storeys: 3,
			rate: band(1, 5, 9_800_000),
			landAndClearanceVnd: 54_321_499,
			contingencyShare: 0.08
		});
		expect(e.constructionVnd).toBe(12_099_000_000);
		expect(e.landAndClearanceVnd).toBe(54_000_000);
		expect(e.contingencyVnd).toBe(972_000_000);
		expect(e.totalVnd).toBe(13_125_000_000);
		expect(e.totalVnd).toBe(e.constructionVnd + e.landAndClearanceVnd + e.contingencyVnd);
		expect(e.rate).toBeNull();
	});

	it('an exact half million goes up', () => {
		// 100,5 × 1 000 000 = 100 500 000 → 101 000 000; contingency 0
		const e = investmentEstimate({
			gfaM2: 100.5,
			storeys: 1,
			rate: band(1, 5, 1_000_000),
			landAndClearanceVnd: 0,
			contingencyShare: 0
		});
		expect(e.constructionVnd).toBe(101_000_000);
		expect(e.contingencyVnd).toBe(0);
		expect(e.totalVnd).toBe(101_000_000);
	});

	it('nine storeys at 12.1 million with 305 billion land, 5 %', () => {
		// 6 000 × 12 100 000 = 72 600 000 000; 0,05 × 377 600 000 000 = 18 880 000 000
		const e = investmentEstimate({
			gfaM2: 6000,
			storeys: 9,
			rate: band(6, 10, 12_100_000),
			landAndClearanceVnd: 305_000_000_000,
			contingencyShare: 0.05
		});
		expect(e.totalVnd).toBe(72_600_000_000 + 305_000_000_000 + 18_880_000_000);
	});

	it('refuses inputs out of range and a rate band without the storeys', () => {
		const ok = {
			gfaM2: 4200,
			storeys: 5,
			rate: band(1, 5, 9_800_000),
			landAndClearanceVnd: 0,
			contingencyShare: 0.1
		};
		expect(() => investmentEstimate({ ...ok, storeys: 6 })).toThrow(/does not contain 6/);
		expect(() => investmentEstimate({ ...ok, gfaM2: 0 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...ok, storeys: 2.5 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...ok, contingencyShare: 0.31 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...ok, landAndClearanceVnd: -1 })).toThrow(RangeError);
		expect(() => investmentEstimate({ ...ok, rate: band(1, 5, 0) })).toThrow(RangeError);
	});
});

describe('rate bands', () => {
	const rates = [band(1, 5, 9_800_000), band(6, 10, 12_100_000), band(11, null, 13_500_000)];
	it('picks the band containing the storeys', () => {
		expect(pickRate(rates, 1)?.vndPerM2).toBe(9_800_000);
		expect(pickRate(rates, 5)?.vndPerM2).toBe(9_800_000);
		expect(pickRate(rates, 6)?.vndPerM2).toBe(12_100_000);
		expect(pickRate(rates, 40)?.vndPerM2).toBe(13_500_000);
		expect(pickRate(rates.slice(0, 2), 11)).toBeNull();
	});
	it('prefers the narrower of overlapping bands', () => {
		expect(pickRate([band(1, null, 1), band(3, 4, 2)], 3)?.vndPerM2).toBe(2);
	});
	it('covers inclusively', () => {
		expect(rateCovers(band(6, 10, 1), 10)).toBe(true);
		expect(rateCovers(band(6, 10, 1), 11)).toBe(false);
	});
	it('rounds half up', () => {
		expect(roundHalfUp(1_499_999)).toBe(1_000_000);
		expect(roundHalfUp(1_500_000)).toBe(2_000_000);
		expect(roundHalfUp(0)).toBe(0);
	});
});
