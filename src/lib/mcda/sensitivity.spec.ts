import { describe, expect, it } from 'vitest';
import { promethee2 } from './promethee';
import { sensitivityOneAtATime } from './sensitivity';
import { expectMcdaError } from '../../../tests/helpers/mcda';
import { topsis } from './topsis';
import type { CriterionType, PreferenceFunction } from './types';
import { weightedSum } from './weighted-sum';

const BB: CriterionType[] = ['benefit', 'benefit'];

describe('sensitivityOneAtATime: hand-computed', () => {
	it('mirror problem: the first place switches at w = 0.5 on both criteria', () => {
		// 'max' keeps x = [[1, 0], [0, 1]]; sweeping criterion 0: S_0 = t, S_1 = 1 − t.
		const sweeps = sensitivityOneAtATime(
			[
				[1, 0],
				[0, 1]
			],
			[0.7, 0.3],
			BB,
			'weighted-sum',
			{ steps: 10 }
		);
		expect(sweeps).toHaveLength(2);
		const [c0, c1] = sweeps;
		expect(c0.baseWeight).toBeCloseTo(0.7, 14);
		expect(c0.weights).toHaveLength(11);
		expect(c0.weights[3]).toBeCloseTo(0.3, 14);
		expect(c0.scores[0][3]).toBeCloseTo(0.3, 14);
		expect(c0.scores[1][3]).toBeCloseTo(0.7, 14);
		expect(c0.firstPlace).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]); // t = 0.5 ties → index 0
		expect(c0.switchPoints).toHaveLength(1);
		expect(c0.switchPoints[0].weight).toBeCloseTo(0.5, 11);
		expect(c0.switchPoints[0]).toMatchObject({ from: 1, to: 0 });
		expect(c1.switchPoints).toHaveLength(1);
		expect(c1.switchPoints[0].weight).toBeCloseTo(0.5, 11);
		expect(c1.switchPoints[0]).toMatchObject({ from: 0, to: 1 });
	});

	it('locates an off-grid switch by bisection (t* = 0.375 with steps = 7)', () => {
		// A = [2, 1, 1], B = [1, 2, 1], w = (0.5, 0.3, 0.2), 'max': r_A = (1, 0.5, 1),
		// r_B = (0.5, 1, 1). Sweeping criterion 0: w(t) = (t, 0.6(1 − t), 0.4(1 − t)), so
		// S_A − S_B = 0.5 t − 0.5 · 0.6 (1 − t) = 0.8 t − 0.3 = 0 at t* = 0.375 (not a multiple
		// of 1/7). B leads below, A above.
		const [c0] = sensitivityOneAtATime(
			[
				[2, 1, 1],
				[1, 2, 1]
			],
			[0.5, 0.3, 0.2],
			['benefit', 'benefit', 'benefit'],
			'weighted-sum',
			{ steps: 7 }
		);
		expect(c0.switchPoints).toHaveLength(1);
		expect(Math.abs(c0.switchPoints[0].weight - 0.375)).toBeLessThan(1e-11);
		expect(c0.switchPoints[0]).toMatchObject({ from: 1, to: 0 });
		// The other weights are rescaled proportionally: at t = 3/7, S_A = 3/7 + 0.7 · 4/7.
		expect(c0.scores[0][3]).toBeCloseTo(3 / 7 + 0.7 * (4 / 7), 14);
	});

	it('follows a chain of switches inside one step (A → B → C at 0.4 and 0.6)', () => {
		// 'none', w = (0.5, 0.5): S_A = 10(1 − t), S_B = 6, S_C = 10 t.
		const [c0] = sensitivityOneAtATime(
			[
				[0, 10],
				[6, 6],
				[10, 0]
			],
			[1, 1],
			BB,
			'weighted-sum',
			{ steps: 1, normalisation: 'none' }
		);
		expect(c0.firstPlace).toEqual([0, 2]);
		expect(c0.switchPoints.map((s) => [s.from, s.to])).toEqual([
			[0, 1],
			[1, 2]
		]);
		expect(c0.switchPoints[0].weight).toBeCloseTo(0.4, 11);
		expect(c0.switchPoints[1].weight).toBeCloseTo(0.6, 11);
	});

	it('when the swept criterion holds all the weight, the others share 1 − t equally', () => {
		// w = (1, 0, 0): sweeping criterion 0 gives w(t) = (t, (1 − t)/2, (1 − t)/2).
		const sweeps = sensitivityOneAtATime(
			[
				[1, 1, 0],
				[0, 0, 1]
			],
			[1, 0, 0],
			['benefit', 'benefit', 'benefit'],
			'weighted-sum',
			{ normalisation: 'none', steps: 2 }
		);
		// t = 0.5: S_0 = 0.5 + 0.25 = 0.75, S_1 = 0.25.
		expect(sweeps[0].scores[0][1]).toBeCloseTo(0.75, 14);
		expect(sweeps[0].scores[1][1]).toBeCloseTo(0.25, 14);
	});

	it('with a single criterion every step uses w = [1]', () => {
		const [c0] = sensitivityOneAtATime([[1], [2]], [3], ['benefit'], 'weighted-sum', { steps: 2 });
		expect(c0.scores).toEqual([
			[0.5, 0.5, 0.5],
			[1, 1, 1]
		]);
		expect(c0.switchPoints).toEqual([]);
	});
});

describe('sensitivityOneAtATime: consistency with the methods', () => {
	const X = [
		[80, 90, 600, 54],
		[65, 58, 200, 97],
		[83, 60, 400, 72],
		[40, 80, 1000, 75]
	];
	const T: CriterionType[] = ['cost', 'benefit', 'cost', 'cost'];
	const W = [0.25, 0.25, 0.25, 0.25];
	const F: PreferenceFunction[] = [
		{ type: 'u-shape', q: 10 },
		{ type: 'v-shape', p: 30 },
		{ type: 'linear', q: 50, p: 500 },
		{ type: 'level', q: 10, p: 60 }
	];

	it('at t = the base weight, every scorer reproduces the method with the base weights', () => {
		// steps = 4 puts t = 0.25 (the base weight) on the grid at k = 1.
		const ws = weightedSum(X, W, T).scores;
		const tp = topsis(X, W, T).closeness;
		const pr = promethee2(X, W, T, F).netFlow;
		const cases = [
			['weighted-sum', ws],
			['topsis', tp],
			['promethee2', pr]
		] as const;
		for (const [scorer, expected] of cases) {
			const sweeps = sensitivityOneAtATime(X, W, T, scorer, { steps: 4, functions: F });
			for (const sweep of sweeps) {
				expected.forEach((s, a) => expect(sweep.scores[a][1]).toBeCloseTo(s, 12));
			}
		}
	});

	it('firstPlace is the arg-max of the series at each step, and switch points are ordered', () => {
		for (const scorer of ['weighted-sum', 'topsis', 'promethee2'] as const) {
			for (const sweep of sensitivityOneAtATime(X, W, T, scorer, { steps: 20, functions: F })) {
				sweep.firstPlace.forEach((f, k) => {
					const col = sweep.scores.map((series) => series[k]);
					const max = Math.max(...col);
					expect(f).toBe(col.indexOf(max));
				});
				for (let i = 1; i < sweep.switchPoints.length; i++) {
					expect(sweep.switchPoints[i].weight).toBeGreaterThan(sweep.switchPoints[i - 1].weight);
				}
				for (const s of sweep.switchPoints) expect(s.from).not.toBe(s.to);
			}
		}
	});

	it('defaults PROMETHEE to the usual function', () => {
		const a = sensitivityOneAtATime(X, W, T, 'promethee2', { steps: 4 });
		const usual = promethee2(X, W, T, new Array<PreferenceFunction>(4).fill({ type: 'usual' }));
		usual.netFlow.forEach((s, i) => expect(a[0].scores[i][1]).toBeCloseTo(s, 12));
	});
});

describe('sensitivityOneAtATime: invalid input', () => {
	it('rejects an unknown scorer and bad steps', () => {
		expectMcdaError(
			() => sensitivityOneAtATime([[1]], [1], ['benefit'], 'electre' as never),
			'invalid-parameter',
			/scorer is "electre"/
		);
		expectMcdaError(
			() => sensitivityOneAtATime([[1]], [1], ['benefit'], 'topsis', { steps: 0 }),
			'invalid-parameter',
			/options\.steps is 0/
		);
	});

	it('validates the matrix, weights and types like the methods', () => {
		expectMcdaError(
			() => sensitivityOneAtATime([[1, 2], [3]], [1, 1], BB, 'topsis'),
			'ragged',
			/matrix row 1 has 1 values, expected 2/,
			{ row: 1 }
		);
		expectMcdaError(
			() => sensitivityOneAtATime([[1, 2]], [1, -1], BB, 'promethee2'),
			'negative-weight',
			/weights\[1\] \(criterion 1\) is negative/,
			{ column: 1 }
		);
	});
});
