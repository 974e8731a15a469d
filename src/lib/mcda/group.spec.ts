import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp } from './ahp';
import { aggregateJudgments, groupConsensus, pairDisagreement } from './group';
import { consistentMatrix, expectMcdaError, reciprocalFrom } from '../../../tests/helpers/mcda';

const pm3 = (a12: number, a13: number, a23: number): number[][] => [
	[1, a12, a13],
	[1 / a12, 1, a23],
	[1 / a13, 1 / a23, 1]
];

describe('aggregateJudgments: hand-computed', () => {
	it('equal weights: the geometric mean of each judgement', () => {
		// a_12: sqrt(2 · 8) = 4; a_13: sqrt(3 · 1/3) = 1; a_23: sqrt(5 · 5) = 5.
		const g = aggregateJudgments([pm3(2, 3, 5), pm3(8, 1 / 3, 5)]);
		expect(g[0][1]).toBeCloseTo(4, 14);
		expect(g[0][2]).toBeCloseTo(1, 14);
		expect(g[1][2]).toBeCloseTo(5, 14);
		expect(g[1][0]).toBeCloseTo(1 / 4, 14);
		expect(g[0][0]).toBe(1);
	});

	it('weighted: 2^0.75 · 8^0.25 = 2^1.5 for weights 3 : 1', () => {
		const g = aggregateJudgments([pm3(2, 1, 1), pm3(8, 1, 1)], [3, 1]);
		expect(g[0][1]).toBeCloseTo(2 ** 1.5, 13);
		expect(g[1][0]).toBeCloseTo(2 ** -1.5, 13);
	});

	it('Aczél & Saaty (1983): aggregating consistent matrices gives the consistent matrix of the geometric-mean priorities', () => {
		// AIJ and AIP coincide for consistent judges: ā_ij = sqrt(w¹_i w²_i) / sqrt(w¹_j w²_j).
		const w1 = [0.5, 0.3, 0.2];
		const w2 = [0.2, 0.3, 0.5];
		const g = aggregateJudgments([consistentMatrix(w1), consistentMatrix(w2)]);
		const gm = w1.map((x, i) => Math.sqrt(x * w2[i]));
		const r = ahp(g);
		const sum = gm.reduce((a, b) => a + b, 0);
		gm.forEach((x, i) => expect(r.weights[i]).toBeCloseTo(x / sum, 12));
		expect(r.cr).toBeCloseTo(0, 12);
	});
});

const judgementMatrices = fc.integer({ min: 1, max: 7 }).chain((n) =>
	fc.array(
		fc
			.array(fc.double({ min: 1 / 9, max: 9, noNaN: true }), {
				minLength: (n * (n - 1)) / 2,
				maxLength: (n * (n - 1)) / 2
			})
			.map((upper) => reciprocalFrom(n, upper)),
		{ minLength: 1, maxLength: 5 }
	)
);

describe('aggregateJudgments: properties', () => {
	it('the aggregate is exactly reciprocal with a unit diagonal', () => {
		fc.assert(
			fc.property(
				judgementMatrices,
				fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 5, maxLength: 5 }),
				(mats, weights) => {
					const g = aggregateJudgments(mats, weights.slice(0, mats.length));
					const n = mats[0].length;
					for (let i = 0; i < n; i++) {
						expect(g[i][i]).toBe(1);
						for (let j = 0; j < n; j++) {
							expect(g[i][j] * g[j][i]).toBeCloseTo(1, 12);
							if (i < j) expect(g[j][i]).toBe(1 / g[i][j]); // exact, by construction
						}
					}
					// The aggregate lies within the members' range (so unanimity is preserved).
					for (let i = 0; i < n; i++) {
						for (let j = 0; j < n; j++) {
							const vals = mats.map((m) => m[i][j]);
							expect(g[i][j]).toBeGreaterThanOrEqual(Math.min(...vals) * (1 - 1e-12));
							expect(g[i][j]).toBeLessThanOrEqual(Math.max(...vals) * (1 + 1e-12));
						}
					}
				}
			)
		);
	});

	it('one member: the aggregate is that member’s matrix', () => {
		fc.assert(
			fc.property(judgementMatrices, (mats) => {
				const g = aggregateJudgments([mats[0]]);
				g.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(mats[0][i][j], 12)));
			})
		);
	});
});

describe('groupConsensus', () => {
	it('reports CR, distance and Kendall tau of two opposed consistent judges', () => {
		// Group priorities ∝ sqrt(w¹ w²) = (√0.1, 0.3, √0.1) → (0.3391, 0.3217, 0.3391).
		// Distance of member 1: sqrt(0.1609² + 0.0217² + 0.1391²) = 0.2138.
		const r = groupConsensus([
			consistentMatrix([0.5, 0.3, 0.2]),
			consistentMatrix([0.2, 0.3, 0.5])
		]);
		expect(r.group.weights[0]).toBeCloseTo(0.3391, 4);
		expect(r.group.weights[1]).toBeCloseTo(0.3217, 4);
		expect(r.members).toHaveLength(2);
		for (const m of r.members) {
			expect(m.cr).toBeCloseTo(0, 12);
			expect(m.distanceToGroup).toBeCloseTo(0.2138, 4);
			// The group ties items 0 and 2, so each member has one concordant and one discordant
			// pair with it besides the tie: tau-b = 0.
			expect(m.kendallTauToGroup).toBeCloseTo(0, 12);
		}
		expect(r.members[0].weights[0]).toBeCloseTo(0.5, 12);
		expect(r.meanDistance).toBeCloseTo(0.2138, 4);
		expect(r.meanKendallTau).toBe(-1);
		expect(r.aggregated[0][1]).toBeCloseTo(Math.sqrt((0.5 / 0.3) * (0.2 / 0.3)), 12);
	});

	it('identical judges agree perfectly', () => {
		const m = pm3(3, 5, 2);
		const r = groupConsensus([m, m, m]);
		expect(r.meanDistance).toBeCloseTo(0, 12);
		expect(r.meanKendallTau).toBe(1);
		r.members.forEach((mem) => {
			expect(mem.kendallTauToGroup).toBe(1);
			expect(mem.cr).toBeCloseTo(ahp(m).cr, 12);
		});
		expect(r.group.cr).toBeCloseTo(ahp(m).cr, 12);
	});

	it('a single judge has mean Kendall tau 1', () => {
		expect(groupConsensus([pm3(3, 5, 2)]).meanKendallTau).toBe(1);
	});
});

describe('group: invalid input', () => {
	it('rejects matrices of different sizes, naming the matrix', () => {
		expectMcdaError(
			() => aggregateJudgments([pm3(2, 3, 4), consistentMatrix([1, 2])]),
			'length-mismatch',
			/pairwise matrix 1 is 2×2, expected 3×3/,
			{ matrix: 1 }
		);
	});

	it('rejects a non-reciprocal member matrix, naming the member and entry', () => {
		const bad = pm3(2, 3, 4);
		bad[2][1] = 4;
		expectMcdaError(
			() => groupConsensus([pm3(2, 3, 4), bad]),
			'not-reciprocal',
			/pairwise matrix 1 is not reciprocal: entry \(1, 2\) is 4 but entry \(2, 1\) is 4/,
			{ matrix: 1, row: 2, column: 1 }
		);
	});

	it('rejects bad member weights and an empty list', () => {
		expectMcdaError(
			() => aggregateJudgments([pm3(2, 3, 4), pm3(2, 3, 4)], [1]),
			'length-mismatch',
			/weights has 1 values, expected 2/
		);
		expectMcdaError(
			() => aggregateJudgments([pm3(2, 3, 4), pm3(2, 3, 4)], [1, -1]),
			'negative-weight',
			/weights\[1\]/
		);
		expectMcdaError(() => aggregateJudgments([]), 'empty', /at least one judgement matrix/);
	});
});

describe('pairDisagreement: where the group disagrees', () => {
	it('sorts the pairs by spread in Saaty steps, with the geometric mean of each', () => {
		// a_12: 2 vs 8 → steps 1 and 7, spread 6, mean sqrt(16) = 4.
		// a_13: 3 vs 1/3 → steps 2 and −2, spread 4, mean 1.
		// a_23: 5 vs 5 → spread 0, mean 5.
		const rows = pairDisagreement([pm3(2, 3, 5), pm3(8, 1 / 3, 5)]);
		expect(rows.map((r) => [r.i, r.j, r.spreadSteps])).toEqual([
			[0, 1, 6],
			[0, 2, 4],
			[1, 2, 0]
		]);
		expect(rows[0].geometricMean).toBeCloseTo(4, 12);
		expect(rows[0].min).toBe(2);
		expect(rows[0].max).toBe(8);
		expect(rows[1].geometricMean).toBeCloseTo(1, 12);
		expect(rows[1].min).toBeCloseTo(1 / 3, 12);
		expect(rows[2].spreadSteps).toBe(0);
	});

	it('spans 16 steps from 1/9 to 9 and needs two members', () => {
		const rows = pairDisagreement([pm3(9, 1, 1), pm3(1 / 9, 1, 1), pm3(1, 1, 1)]);
		expect(rows[0]).toMatchObject({ i: 0, j: 1, spreadSteps: 16 });
		expect(rows[0].geometricMean).toBeCloseTo(1, 12);
		expectMcdaError(() => pairDisagreement([pm3(2, 3, 4)]), 'empty', /at least two members/);
	});
});
