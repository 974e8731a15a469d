import { describe, expect, it } from 'vitest';
import { McdaInputError, type McdaErrorCode } from './errors';
import * as mcda from './index';
import { expectMcdaError } from '../../../tests/helpers/mcda';
import type { CriterionType } from './types';

const BC: CriterionType[] = ['benefit', 'cost'];
const M = [
	[1, 2],
	[3, 4],
	[5, 6]
];

/** Every method that takes (matrix, weights, types) must validate the same way. */
const methods: [string, (m: number[][], w: number[], t: CriterionType[]) => unknown][] = [
	['weightedSum', (m, w, t) => mcda.weightedSum(m, w, t)],
	['topsis', (m, w, t) => mcda.topsis(m, w, t)],
	[
		'promethee2',
		(m, w, t) =>
			mcda.promethee2(
				m,
				w,
				t,
				Array.from({ length: Array.isArray(m[0]) ? m[0].length : 0 }, () => ({
					type: 'usual' as const
				}))
			)
	],
	['criterionContributions', (m, w, t) => mcda.criterionContributions(m, w, t)],
	['sensitivityOneAtATime', (m, w, t) => mcda.sensitivityOneAtATime(m, w, t, 'weighted-sum')]
];

const cases: {
	name: string;
	matrix: number[][];
	weights: number[];
	types: CriterionType[];
	code: McdaErrorCode;
	message: RegExp;
	details?: { row?: number; column?: number };
}[] = [
	{
		name: 'ragged matrix',
		matrix: [
			[1, 2],
			[3, 4, 5],
			[5, 6]
		],
		weights: [1, 1],
		types: BC,
		code: 'ragged',
		message: /^matrix row 1 has 3 values, expected 2$/,
		details: { row: 1 }
	},
	{
		name: 'empty matrix',
		matrix: [],
		weights: [1, 1],
		types: BC,
		code: 'empty',
		message: /matrix is empty/
	},
	{
		name: 'empty rows',
		matrix: [[], []],
		weights: [],
		types: [],
		code: 'empty',
		message: /matrix row 0 is empty/,
		details: { row: 0 }
	},
	{
		name: 'NaN value',
		matrix: [
			[1, 2],
			[NaN, 4],
			[5, 6]
		],
		weights: [1, 1],
		types: BC,
		code: 'not-finite',
		message: /matrix row 1, column 0 is NaN; every value must be a finite number/,
		details: { row: 1, column: 0 }
	},
	{
		name: 'Infinity value',
		matrix: [
			[1, 2],
			[3, 4],
			[5, -Infinity]
		],
		weights: [1, 1],
		types: BC,
		code: 'not-finite',
		message: /matrix row 2, column 1 is -Infinity/,
		details: { row: 2, column: 1 }
	},
	{
		name: 'non-number value',
		matrix: [
			[1, 2],
			[3, '4' as unknown as number],
			[5, 6]
		],
		weights: [1, 1],
		types: BC,
		code: 'not-finite',
		message: /matrix row 1, column 1 is "4"/,
		details: { row: 1, column: 1 }
	},
	{
		name: 'row that is not an array',
		matrix: [[1, 2], null as unknown as number[], [5, 6]],
		weights: [1, 1],
		types: BC,
		code: 'not-an-array',
		message: /matrix row 1 is not an array/,
		details: { row: 1 }
	},
	{
		name: 'negative weight',
		matrix: M,
		weights: [1, -0.5],
		types: BC,
		code: 'negative-weight',
		message: /weights\[1\] \(criterion 1\) is negative \(-0\.5\); weights must be ≥ 0/,
		details: { column: 1 }
	},
	{
		name: 'NaN weight',
		matrix: M,
		weights: [NaN, 1],
		types: BC,
		code: 'not-finite',
		message: /weights\[0\] \(criterion 0\) is NaN/,
		details: { column: 0 }
	},
	{
		name: 'all-zero weights',
		matrix: M,
		weights: [0, 0],
		types: BC,
		code: 'zero-weights',
		message: /weights are all zero/
	},
	{
		name: 'wrong number of weights',
		matrix: M,
		weights: [1, 1, 1],
		types: BC,
		code: 'length-mismatch',
		message: /weights has 3 values, expected 2 \(one per criterion\)/
	},
	{
		name: 'unknown criterion type',
		matrix: M,
		weights: [1, 1],
		types: ['benefit', 'max' as CriterionType],
		code: 'unknown-type',
		message: /types\[1\] \(criterion 1\) is "max"; expected "benefit" or "cost"/,
		details: { column: 1 }
	},
	{
		name: 'wrong number of types',
		matrix: M,
		weights: [1, 1],
		types: ['benefit'],
		code: 'length-mismatch',
		message: /types has 1 values, expected 2/
	}
];

describe('shared validation of (matrix, weights, types)', () => {
	for (const [method, call] of methods) {
		for (const c of cases) {
			it(`${method}: ${c.name}`, () => {
				expectMcdaError(() => call(c.matrix, c.weights, c.types), c.code, c.message, c.details);
			});
		}
	}
});

describe('McdaInputError', () => {
	it('is an Error subclass exported from index.ts with structured fields', () => {
		const e = new mcda.McdaInputError('ragged', 'matrix row 3 has 4 values, expected 5', {
			row: 3
		});
		expect(e).toBeInstanceOf(Error);
		expect(e).toBeInstanceOf(McdaInputError);
		expect(e.name).toBe('McdaInputError');
		expect(e.row).toBe(3);
		expect(e.column).toBeUndefined();
		expect(e.message).toBe('matrix row 3 has 4 values, expected 5');
	});

	it('index.ts exports exactly the documented functions', () => {
		const functions = Object.entries(mcda)
			.filter(([, v]) => typeof v === 'function')
			.map(([k]) => k)
			.sort();
		expect(functions).toEqual(
			[
				'McdaInputError',
				'aggregateJudgments',
				'ahp',
				'ahpHierarchy',
				'compareRankings',
				'criterionContributions',
				'groupConsensus',
				'mostInconsistentJudgment',
				'pairDisagreement',
				'promethee2',
				'sensitivityOneAtATime',
				'smaa',
				'smaaSteps',
				'topsis',
				'weightedSum'
			].sort()
		);
	});
});
