import { describe, expect, it } from 'vitest';
import { compareRankings } from './compare';
import { expectMcdaError } from '../../../tests/helpers/mcda';

describe('compareRankings', () => {
	it('hand-computed Kendall tau: [0, 1, 2] vs [1, 0, 2] → (2 − 1)/3', () => {
		// Pairs: (0,1) discordant; (0,2), (1,2) concordant → τ = (2 − 1)/3 = 1/3.
		const r = compareRankings([
			[0, 1, 2],
			[1, 0, 2]
		]);
		expect(r.firstPlaceAgreement).toBe(false);
		expect(r.firstPlaces).toEqual([0, 1]);
		expect(r.kendallTau[0][1]).toBeCloseTo(1 / 3, 14);
		expect(r.kendallTau[1][0]).toBeCloseTo(1 / 3, 14);
		expect(r.kendallTau[0][0]).toBe(1);
		expect(r.pairs).toEqual([{ a: 0, b: 1, tau: r.kendallTau[0][1] }]);
	});

	it('identical rankings agree (τ = 1); reversed rankings give τ = −1', () => {
		const r = compareRankings([
			[2, 0, 1, 3],
			[2, 0, 1, 3],
			[3, 1, 0, 2]
		]);
		expect(r.firstPlaceAgreement).toBe(false);
		expect(r.kendallTau[0][1]).toBe(1);
		expect(r.kendallTau[0][2]).toBe(-1);
		expect(r.pairs).toHaveLength(3);
		expect(
			compareRankings([
				[1, 0],
				[1, 0]
			]).firstPlaceAgreement
		).toBe(true);
	});

	it('a single alternative: τ = 1', () => {
		expect(compareRankings([[0], [0]]).kendallTau[0][1]).toBe(1);
	});

	it('rejects rankings that are not permutations of the same alternatives', () => {
		expectMcdaError(
			() =>
				compareRankings([
					[0, 1, 2],
					[0, 2, 2]
				]),
			'invalid-ranking',
			/ranking 1 position 2 is 2; a ranking must list every alternative 0\.\.2 exactly once/,
			{ matrix: 1, row: 2 }
		);
		expectMcdaError(
			() =>
				compareRankings([
					[0, 1, 2],
					[0, 1]
				]),
			'length-mismatch',
			/ranking 1 has 2 values, expected 3/
		);
		expectMcdaError(() => compareRankings([]), 'empty', /non-empty/);
	});
});
