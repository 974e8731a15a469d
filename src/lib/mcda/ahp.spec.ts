import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ALONSO_LAMATA_2006_RI,
	SAATY_1980_RI,
	ahp,
	ahpHierarchy,
	mostInconsistentJudgment,
	snapToSaatyScale
} from './ahp';
import { consistentMatrix, expectMcdaError, reciprocalFrom } from '../../../tests/helpers/mcda';

/**
 * Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48(1):9–26,
 * Table 2: the eight criteria of "choosing a house" (size, transportation, neighbourhood, age,
 * yard, modern facilities, general condition, financing). Published priorities 0.173, 0.054,
 * 0.188, 0.018, 0.031, 0.036, 0.167, 0.333; λmax = 9.669, CI = 0.238, CR = 0.169.
 */
const SAATY_HOUSE = [
	[1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
	[1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
	[1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
	[1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
	[1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
	[1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
	[3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
	[4, 7, 5, 8, 6, 6, 2, 1]
];

/** 3×3 pairwise matrix from its upper triangle (a_12, a_13, a_23). */
const pm3 = (a12: number, a13: number, a23: number): number[][] => [
	[1, a12, a13],
	[1 / a12, 1, a23],
	[1 / a13, 1 / a23, 1]
];

/**
 * Wikipedia, "Analytic hierarchy process – leader example" (the version reproduced in the
 * README and tests of the AHPy package, https://github.com/PhilipGriffith/AHPy): criteria
 * Experience, Education, Charisma, Age; candidates Moll, Nell, Sue. AHPy reports criteria
 * weights Experience 0.548, Education 0.127, Charisma 0.270, Age 0.056; Experience local
 * weights Moll 0.217, Nell 0.717, Sue 0.066 (CR 0.035); Education Moll 0.188, Nell 0.081,
 * Sue 0.731 (CR 0.062); target weights Nell 0.493, Moll 0.358, Sue 0.150. AHPy's 'saaty' random
 * index is Saaty (2005) with RI(3) = 0.52, so its CR = CI / 0.52.
 */
const LEADER_CRITERIA = [
	[1, 4, 3, 7],
	[1 / 4, 1, 1 / 3, 3],
	[1 / 3, 3, 1, 5],
	[1 / 7, 1 / 3, 1 / 5, 1]
];
const LEADER_ALTERNATIVES = [
	pm3(1 / 4, 4, 9), // Experience: Moll/Nell 1/4, Moll/Sue 4, Nell/Sue 9
	pm3(3, 1 / 5, 1 / 7), // Education
	pm3(5, 9, 4), // Charisma
	pm3(1 / 3, 5, 9) // Age
];

describe('ahp: published examples', () => {
	it("reproduces Saaty's (1990) house example: weights, λmax 9.669, CI 0.238, CR 0.169", () => {
		const r = ahp(SAATY_HOUSE);
		const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
		r.weights.forEach((w, i) => expect(w).toBeCloseTo(published[i], 3));
		expect(r.lambdaMax).toBeCloseTo(9.669, 3);
		expect(r.ci).toBeCloseTo(0.238, 3);
		expect(r.ri).toBe(1.41);
		expect(r.cr).toBeCloseTo(0.169, 3);
		expect(r.cr).toBeGreaterThan(0.1); // inconsistent, but returned (callers warn)
	});

	it('reproduces the leader example criteria weights and CR', () => {
		const r = ahp(LEADER_CRITERIA);
		[0.548, 0.127, 0.27, 0.056].forEach((w, i) => expect(r.weights[i]).toBeCloseTo(w, 3));
		// CI = (4.1184 − 4)/3 = 0.0395; CR = 0.0395 / 0.90 = 0.044.
		expect(r.lambdaMax).toBeCloseTo(4.118, 3);
		expect(r.cr).toBeCloseTo(0.044, 3);
	});

	it('reproduces the leader example hierarchy (local and global priorities)', () => {
		const h = ahpHierarchy(LEADER_CRITERIA, LEADER_ALTERNATIVES);
		[0.548, 0.127, 0.27, 0.056].forEach((w, i) => expect(h.criteriaWeights[i]).toBeCloseTo(w, 3));
		[0.217, 0.717, 0.066].forEach((w, a) => expect(h.localPriorities[0][a]).toBeCloseTo(w, 3));
		[0.188, 0.081, 0.731].forEach((w, a) => expect(h.localPriorities[1][a]).toBeCloseTo(w, 3));
		// AHPy's CR uses RI(3) = 0.52: 0.035 and 0.062.
		expect(h.consistency.alternatives[0].ci / 0.52).toBeCloseTo(0.035, 3);
		expect(h.consistency.alternatives[1].ci / 0.52).toBeCloseTo(0.062, 3);
		expect(h.scores[0]).toBeCloseTo(0.358, 3); // Moll
		expect(h.scores[1]).toBeCloseTo(0.493, 3); // Nell
		expect(Math.abs(h.scores[2] - 0.15)).toBeLessThan(0.0015); // Sue (0.1491 here)
		expect(h.ranking).toEqual([1, 0, 2]);
		// Global score = Σ_k c_k · l_k[a]
		for (let a = 0; a < 3; a++) {
			const s = h.criteriaWeights.reduce((acc, c, k) => acc + c * h.localPriorities[k][a], 0);
			expect(h.scores[a]).toBeCloseTo(s, 12);
		}
	});
});

describe('ahp: hand-computed cases', () => {
	it('a consistent 3×3 matrix has CR 0 and weights (4/7, 2/7, 1/7)', () => {
		// a_ij = w_i / w_j with w = (4, 2, 1) / 7: λmax = 3, CI = (3 − 3)/2 = 0.
		const r = ahp([
			[1, 2, 4],
			[1 / 2, 1, 2],
			[1 / 4, 1 / 2, 1]
		]);
		expect(r.weights[0]).toBeCloseTo(4 / 7, 12);
		expect(r.weights[1]).toBeCloseTo(2 / 7, 12);
		expect(r.weights[2]).toBeCloseTo(1 / 7, 12);
		expect(r.lambdaMax).toBeCloseTo(3, 12);
		expect(r.ci).toBeCloseTo(0, 12);
		expect(r.cr).toBeCloseTo(0, 12);
		expect(r.ri).toBe(0.58);
	});

	it('n = 1 and n = 2 have CR = 0 and exact weights', () => {
		expect(ahp([[1]])).toEqual({ weights: [1], lambdaMax: 1, ci: 0, cr: 0, ri: 0 });
		// 2×2 with a_12 = 3: w = (3/4, 1/4).
		const r = ahp([
			[1, 3],
			[1 / 3, 1]
		]);
		expect(r.weights[0]).toBeCloseTo(0.75, 14);
		expect(r.weights[1]).toBeCloseTo(0.25, 14);
		expect(r.cr).toBe(0);
		expect(r.ci).toBe(0);
		expect(r.lambdaMax).toBe(2);
	});

	it('uses the Alonso & Lamata (2006) random index on request', () => {
		const saaty = ahp(SAATY_HOUSE);
		const al = ahp(SAATY_HOUSE, { riTable: 'alonso-lamata-2006' });
		expect(al.ri).toBe(1.4056);
		expect(al.ci).toBeCloseTo(saaty.ci, 14);
		// CR = 0.23841 / 1.4056 = 0.1696
		expect(al.cr).toBeCloseTo(saaty.ci / 1.4056, 14);
		expect(al.cr).toBeCloseTo(0.1696, 4);
	});

	it('tabulates the published random indices', () => {
		expect(SAATY_1980_RI).toEqual([
			0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59
		]);
		expect(ALONSO_LAMATA_2006_RI.slice(2)).toEqual([
			0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
			1.5713, 1.5838
		]);
	});

	it('geometric-mean weights are the normalised row geometric means', () => {
		// Rows of the leader criteria matrix: GM_1 = (4·3·7)^(1/4) = 84^(1/4) = 3.0274,
		// GM_2 = (1/4 · 1/3 · 3)^(1/4) = 0.25^(1/4) = 0.7071, GM_3 = (1/3·3·5)^(1/4) = 5^(1/4) =
		// 1.4953, GM_4 = (1/7 · 1/3 · 1/5)^(1/4) = (1/105)^(1/4) = 0.3124; Σ = 5.5422.
		const r = ahp(LEADER_CRITERIA, { method: 'geometric-mean' });
		const gm = [84 ** 0.25, 0.25 ** 0.25, 5 ** 0.25, (1 / 105) ** 0.25];
		const sum = gm.reduce((a, b) => a + b, 0);
		gm.forEach((g, i) => expect(r.weights[i]).toBeCloseTo(g / sum, 12));
		expect(r.weights[0]).toBeCloseTo(0.5462, 4);
		// λmax is the principal eigenvalue whatever the method.
		expect(r.lambdaMax).toBeCloseTo(ahp(LEADER_CRITERIA).lambdaMax, 12);
	});

	it('accepts a reciprocal matrix within the 1e-6 relative tolerance', () => {
		const r = ahp([
			[1, 3, 0.3333333],
			[0.3333333, 1, 1 / 9],
			[3, 9, 1]
		]);
		expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
	});
});

describe('mostInconsistentJudgment', () => {
	it("finds a_37 = 6 in Saaty's house matrix and suggests 1 (w_3/w_7 ≈ 1.13)", () => {
		const r = mostInconsistentJudgment(SAATY_HOUSE);
		expect(r.i).toBe(2);
		expect(r.j).toBe(6);
		expect(r.current).toBe(6);
		// w_2 / w_6 = 0.1881 / 0.1668 = 1.128, nearest Saaty value 1.
		expect(r.ratio).toBeCloseTo(1.1275, 3);
		expect(r.suggested).toBe(1);
		// Replacing that judgement lowers the CR below the 0.10 threshold.
		const fixed = SAATY_HOUSE.map((row) => row.slice());
		fixed[2][6] = r.suggested;
		fixed[6][2] = 1 / r.suggested;
		expect(ahp(fixed).cr).toBeLessThan(0.1);
		expect(ahp(fixed).cr).toBeLessThan(ahp(SAATY_HOUSE).cr);
	});

	it('finds a single reversed judgement in a 4×4 matrix and restores it', () => {
		// Consistent with w = (8, 4, 2, 1) except a_03 = 1/8 instead of 8 (and a_30 = 8). In log
		// space the error e = ln 64 leaves a residual of about e·(n−2)/n = e/2 on that pair and
		// e/n = e/4 on the pairs sharing one index, so the pair (0, 3) stands out.
		const m = consistentMatrix([8, 4, 2, 1]);
		m[0][3] = 1 / 8;
		m[3][0] = 8;
		const r = mostInconsistentJudgment(m);
		expect([r.i, r.j]).toEqual([0, 3]);
		expect(r.current).toBe(1 / 8);
		expect(r.deviation).toBeGreaterThan(1);
		// The suggestion comes from the polluted weights (w_0/w_3 ≈ 0.66 → 1/2), so one step does
		// not restore 8, but repeating "replace the worst judgement" lowers CR every time and
		// walks a_03 back up: 1/8 → 1/2 → 2 → 4 (CR 1.01 → 0.40 → 0.09).
		expect(r.suggested).toBe(1 / 2);
		let cr = ahp(m).cr;
		expect(cr).toBeGreaterThan(1);
		const path: number[] = [];
		for (let step = 0; step < 3; step++) {
			const s = mostInconsistentJudgment(m);
			expect([s.i, s.j]).toEqual([0, 3]);
			m[0][3] = s.suggested;
			m[3][0] = 1 / s.suggested;
			path.push(s.suggested);
			const next = ahp(m).cr;
			expect(next).toBeLessThan(cr);
			cr = next;
		}
		expect(path).toEqual([1 / 2, 2, 4]);
		expect(cr).toBeLessThan(0.1);
	});

	it('returns deviation 0 and the current value for a consistent matrix', () => {
		const r = mostInconsistentJudgment(consistentMatrix([4, 2, 1]));
		expect(r.deviation).toBeCloseTo(0, 12);
		expect(r.suggested).toBe(r.current);
	});

	it('snaps to the Saaty scale in log space', () => {
		expect(snapToSaatyScale(1.1275)).toBe(1);
		expect(snapToSaatyScale(1.5)).toBe(2); // ln 1.5 = 0.405 is nearer ln 2 = 0.693 than 0
		expect(snapToSaatyScale(2.4)).toBe(2); // √6 ≈ 2.449 is the midpoint of 2 and 3
		expect(snapToSaatyScale(2.5)).toBe(3);
		expect(snapToSaatyScale(100)).toBe(9);
		expect(snapToSaatyScale(0.3)).toBeCloseTo(1 / 3, 14);
		expect(snapToSaatyScale(0.001)).toBeCloseTo(1 / 9, 14);
	});
});

describe('ahp: properties', () => {
	const positiveWeights = fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), {
		minLength: 1,
		maxLength: 15
	});
	const saatyValue = fc.constantFrom(1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	const randomReciprocal = fc
		.integer({ min: 1, max: 12 })
		.chain((n) =>
			fc
				.array(saatyValue, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
				.map((upper) => reciprocalFrom(n, upper))
		);

	it('a consistent matrix a_ij = w_i/w_j has CR ≈ 0 and recovers w (both methods)', () => {
		fc.assert(
			fc.property(positiveWeights, (w) => {
				const sum = w.reduce((a, b) => a + b, 0);
				for (const method of ['eigenvector', 'geometric-mean'] as const) {
					const r = ahp(consistentMatrix(w), { method });
					expect(r.cr).toBeLessThan(1e-9);
					expect(r.lambdaMax).toBeCloseTo(w.length, 9);
					r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] / sum, 9));
				}
			})
		);
	});

	it('weights are positive and sum to 1; λmax ≥ n; CR ≥ 0', () => {
		fc.assert(
			fc.property(randomReciprocal, (a) => {
				const r = ahp(a);
				expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
				for (const x of r.weights) expect(x).toBeGreaterThan(0);
				expect(r.lambdaMax).toBeGreaterThanOrEqual(a.length - 1e-9);
				expect(r.cr).toBeGreaterThanOrEqual(0);
				// The eigenvector satisfies A w = λmax w.
				for (let i = 0; i < a.length; i++) {
					const aw = a[i].reduce((s, v, j) => s + v * r.weights[j], 0);
					expect(aw).toBeCloseTo(r.lambdaMax * r.weights[i], 10);
				}
			})
		);
	});
});

describe('ahp: invalid input', () => {
	it('rejects a non-reciprocal matrix, naming both entries', () => {
		expectMcdaError(
			() =>
				ahp([
					[1, 2, 3],
					[1 / 2, 1, 2],
					[1 / 2, 1 / 2, 1]
				]),
			'not-reciprocal',
			/entry \(0, 2\) is 3 but entry \(2, 0\) is 0\.5/,
			{ row: 2, column: 0 }
		);
	});

	it('rejects a diagonal entry other than 1', () => {
		expectMcdaError(
			() =>
				ahp([
					[1, 2],
					[1 / 2, 2]
				]),
			'not-reciprocal',
			/diagonal entry \(1, 1\) is 2, expected 1/,
			{ row: 1, column: 1 }
		);
	});

	it('rejects zero and negative judgements', () => {
		expectMcdaError(
			() =>
				ahp([
					[1, 0],
					[1, 1]
				]),
			'not-positive',
			/row 0, column 1 is 0; pairwise judgements must be > 0/,
			{ row: 0, column: 1 }
		);
		expectMcdaError(
			() =>
				ahp([
					[1, 2],
					[-0.5, 1]
				]),
			'not-positive',
			/row 1, column 0 is -0\.5/
		);
	});

	it('rejects non-square, ragged, empty and non-finite matrices', () => {
		expectMcdaError(() => ahp([[1, 2]]), 'not-square', /1 rows of 2 values/);
		expectMcdaError(
			() => ahp([[1, 2], [1 / 2]]),
			'ragged',
			/pairwise matrix row 1 has 1 values, expected 2/,
			{ row: 1 }
		);
		expectMcdaError(() => ahp([]), 'empty', /pairwise matrix is empty/);
		expectMcdaError(
			() =>
				ahp([
					[1, NaN],
					[1, 1]
				]),
			'not-finite',
			/row 0, column 1 is NaN/,
			{ row: 0, column: 1 }
		);
	});

	it('rejects matrices larger than the random index tables (n = 16)', () => {
		expectMcdaError(
			() => ahp(consistentMatrix(new Array<number>(16).fill(1))),
			'too-large',
			/16×16; AHP supports at most 15/
		);
	});

	it('rejects unknown options', () => {
		expectMcdaError(
			() => ahp([[1]], { method: 'power' as never }),
			'invalid-parameter',
			/options\.method/
		);
		expectMcdaError(
			() => ahp([[1]], { riTable: 'saaty-2005' as never }),
			'invalid-parameter',
			/options\.riTable/
		);
	});

	it('ahpHierarchy rejects a wrong number or size of alternative matrices', () => {
		expectMcdaError(
			() => ahpHierarchy(LEADER_CRITERIA, LEADER_ALTERNATIVES.slice(0, 3)),
			'length-mismatch',
			/3 matrices, expected 4 \(one per criterion\)/
		);
		const bad = LEADER_ALTERNATIVES.slice();
		bad[2] = consistentMatrix([1, 2]);
		expectMcdaError(
			() => ahpHierarchy(LEADER_CRITERIA, bad),
			'length-mismatch',
			/alternative matrix 2 \(criterion 2\) is 2×2, expected 3×3/,
			{ matrix: 2 }
		);
		const nonReciprocal = LEADER_ALTERNATIVES.slice();
		nonReciprocal[3] = [
			[1, 2, 3],
			[2, 1, 1],
			[1 / 3, 1, 1]
		];
		expectMcdaError(
			() => ahpHierarchy(LEADER_CRITERIA, nonReciprocal),
			'not-reciprocal',
			/alternative matrix 3 \(criterion 3\) is not reciprocal: entry \(0, 1\)/,
			{ matrix: 3 }
		);
	});

	it('mostInconsistentJudgment needs at least two elements', () => {
		expectMcdaError(() => mostInconsistentJudgment([[1]]), 'empty', /at least 2 elements/);
	});
});
