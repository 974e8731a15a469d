import { describe, expect, it } from 'vitest';
import {
	NORM_SET_152_2017,
	NORM_SET_155_2025,
	NormsInputError,
	computeSpaceNeeds,
	roundM2,
	type NormSet,
	type PositionCount,
	type RankKey,
	type SpaceNeedsInput
} from './index';

const SIMPLE: NormSet = {
	titles: [
		{ key: 'party-secretary', m2PerPerson: 30 },
		{ key: 'chair-deputy', m2PerPerson: 20 },
		{ key: 'division-head', m2PerPerson: 18 },
		{ key: 'specialist', m2PerPerson: 15 }
	],
	commonAreaRatio: 0.7,
	specialisedRooms: []
};

interface Case {
	name: string;
	input: SpaceNeedsInput;
	expected: {
		workAreaM2: number;
		commonAreaM2: number;
		specialisedAreaM2: number;
		totalUsableM2: number;
		occupiedWorkAreaM2: number;
		ratioToNorm: number;
		byUnit: {
			unitId: string;
			headcount: number;
			workAreaM2: number;
			occupiedAreaM2: number;
			gapM2: number;
		}[];
	};
}

/** Expected totals in the order of the hand computation: work, common, specialised, total, occupied, ratio. */
function totals(
	workAreaM2: number,
	commonAreaM2: number,
	specialisedAreaM2: number,
	totalUsableM2: number,
	occupiedWorkAreaM2: number,
	ratioToNorm: number
) {
	return {
		workAreaM2,
		commonAreaM2,
		specialisedAreaM2,
		totalUsableM2,
		occupiedWorkAreaM2,
		ratioToNorm
	};
}

/** Expected line of a unit: headcount, working area by norm, occupied area, gap (occupied − norm). */
function unit(
	unitId: string,
	headcount: number,
	workAreaM2: number,
	occupiedAreaM2: number,
	gapM2: number
) {
	return { unitId, headcount, workAreaM2, occupiedAreaM2, gapM2 };
}

/** A positions row: `count` people of `titleKey` (of `rank`, when given) in unit `unitId`. */
function pos(unitId: string, titleKey: string, count: number, rank?: RankKey): PositionCount {
	return rank === undefined ? { unitId, titleKey, count } : { unitId, titleKey, count, rank };
}

/** One title of 1,234.5 m² per person, one person: a thousands separator and a non-round product. */
const ONE_LARGE_TITLE: SpaceNeedsInput = {
	normSet: {
		titles: [{ key: 'x', m2PerPerson: 1234.5 }],
		commonAreaRatio: 0.7,
		specialisedRooms: []
	},
	positions: [{ unitId: 'u', titleKey: 'x', count: 1 }]
};

/** The small ward of the two decree cases, without its last positions row. */
const SMALL_WARD = [
	pos('dang-uy', 'party-secretary', 1),
	pos('dang-uy', 'chair-deputy', 1),
	pos('ubnd', 'chair-deputy', 3),
	pos('ubnd', 'division-head', 4),
	pos('ubnd', 'specialist', 20)
];

const CASES: Case[] = [
	{
		name: 'one unit, no rooms, nothing occupied',
		input: {
			normSet: SIMPLE,
			positions: [pos('vp-ubnd', 'chair-deputy', 3), pos('vp-ubnd', 'specialist', 5)]
		},
		// work 3 × 20 + 5 × 15 = 60 + 75 = 135; common 0.7 × 135 = 94.5; total 229.5
		// occupied 0 → gap 0 − 135 = −135, ratio 0 / 135 = 0
		expected: { ...totals(135, 94.5, 0, 229.5, 0, 0), byUnit: [unit('vp-ubnd', 8, 135, 0, -135)] }
	},
	{
		name: 'two units, rooms, an occupied-only unit',
		input: {
			normSet: {
				...SIMPLE,
				specialisedRooms: [
					{ key: 'one-stop-counter', areaM2: 12, count: 6 },
					{ key: 'archive', areaM2: 30, count: 1 }
				]
			},
			positions: [
				pos('dang-uy', 'party-secretary', 1),
				pos('ubnd', 'chair-deputy', 3),
				pos('dang-uy', 'specialist', 4),
				pos('ubnd', 'division-head', 2),
				pos('ubnd', 'specialist', 10)
			],
			occupiedAreaM2ByUnit: { ubnd: 150, 'dang-uy': 100, mttq: 40 }
		},
		// dang-uy: 1 × 30 + 4 × 15 = 30 + 60 = 90, headcount 5, gap 100 − 90 = 10
		// ubnd: 3 × 20 + 2 × 18 + 10 × 15 = 60 + 36 + 150 = 246, headcount 15, gap 150 − 246 = −96
		// mttq: no positions, occupied 40, gap 40
		// work 90 + 246 = 336; common 0.7 × 336 = 235.2; specialised 6 × 12 + 1 × 30 = 102
		// total 336 + 235.2 + 102 = 673.2; occupied 100 + 150 + 40 = 290; ratio 290 / 336
		expected: {
			...totals(336, 235.2, 102, 673.2, 290, 290 / 336),
			byUnit: [
				unit('dang-uy', 5, 90, 100, 10),
				unit('ubnd', 15, 246, 150, -96),
				unit('mttq', 0, 0, 40, 40)
			]
		}
	},
	{
		name: 'no positions at all',
		input: { normSet: SIMPLE, positions: [], occupiedAreaM2ByUnit: { vp: 50 } },
		// work 0 → ratio defined as 0; occupied 50 → gap 50
		expected: { ...totals(0, 0, 0, 0, 50, 0), byUnit: [unit('vp', 0, 0, 50, 50)] }
	},
	{
		name: 'zero counts and zero ratio',
		input: {
			normSet: { ...SIMPLE, commonAreaRatio: 0 },
			positions: [pos('a', 'specialist', 0), pos('a', 'chair-deputy', 2)]
		},
		// 0 × 15 + 2 × 20 = 40; common 0 × 40 = 0; total 40
		expected: { ...totals(40, 0, 0, 40, 0, 0), byUnit: [unit('a', 2, 40, 0, -40)] }
	},
	{
		name: 'the built-in 155/2025 set, a small ward',
		input: {
			normSet: NORM_SET_155_2025,
			positions: [
				...SMALL_WARD,
				// two specialists of rank chuyên viên chính: 20 m² each, not 15
				pos('ubnd', 'specialist', 2, 'principal-specialist')
			],
			occupiedAreaM2ByUnit: { 'dang-uy': 45, ubnd: 300 }
		},
		// dang-uy: 1 × 30 + 1 × 20 = 50; ubnd: 3 × 20 + 4 × 18 + 20 × 15 + 2 × 20 = 60 + 72 + 300 + 40 = 472
		// work 522; common 0.7 × 522 = 365.4; total 887.4; occupied 345; ratio 345 / 522
		expected: {
			...totals(522, 365.4, 0, 887.4, 345, 345 / 522),
			byUnit: [unit('dang-uy', 2, 50, 45, -5), unit('ubnd', 29, 472, 300, -172)]
		}
	},
	{
		name: 'the same ward under 152/2017',
		input: {
			normSet: NORM_SET_152_2017,
			positions: [...SMALL_WARD, pos('ubnd', 'non-professional', 2)],
			occupiedAreaM2ByUnit: { 'dang-uy': 45, ubnd: 300 }
		},
		// dang-uy: 1 × 15 + 1 × 12 = 27; ubnd: 3 × 12 + 4 × 10 + 20 × 10 + 2 × 5 = 36 + 40 + 200 + 10 = 286
		// work 313; common 0.7 × 313 = 219.1; total 532.1; occupied 345; ratio 345 / 313
		expected: {
			...totals(313, 219.1, 0, 532.1, 345, 345 / 313),
			byUnit: [unit('dang-uy', 2, 27, 45, 18), unit('ubnd', 29, 286, 300, 14)]
		}
	}
];

describe('computeSpaceNeeds: hand-computed examples', () => {
	it.each(CASES)('$name', ({ input, expected }) => {
		const r = computeSpaceNeeds(input);
		expect(r.workAreaM2).toBeCloseTo(expected.workAreaM2, 9);
		expect(r.commonAreaM2).toBeCloseTo(expected.commonAreaM2, 9);
		expect(r.specialisedAreaM2).toBeCloseTo(expected.specialisedAreaM2, 9);
		expect(r.totalUsableM2).toBeCloseTo(expected.totalUsableM2, 9);
		expect(r.occupiedWorkAreaM2).toBeCloseTo(expected.occupiedWorkAreaM2, 9);
		expect(r.ratioToNorm).toBeCloseTo(expected.ratioToNorm, 12);
		expect(r.byUnit.map((u) => u.unitId)).toEqual(expected.byUnit.map((u) => u.unitId));
		r.byUnit.forEach((u, i) => {
			const e = expected.byUnit[i];
			expect(u.headcount).toBe(e.headcount);
			expect(u.workAreaM2).toBeCloseTo(e.workAreaM2, 9);
			expect(u.occupiedAreaM2).toBeCloseTo(e.occupiedAreaM2, 9);
			expect(u.gapM2).toBeCloseTo(e.gapM2, 9);
		});
	});

	it('does not round: 0.7 × 1,234.5 stays 864.15 until roundM2', () => {
		const r = computeSpaceNeeds(ONE_LARGE_TITLE);
		expect(r.commonAreaM2).toBe(0.7 * 1234.5);
		expect(r.commonAreaM2).not.toBe(864.2);
		expect(roundM2(r.commonAreaM2)).toBe(864.2);
	});
});

describe('computeSpaceNeeds: trace', () => {
	const r = computeSpaceNeeds(CASES[1].input);

	it('has one step per unit with positions, then totals', () => {
		expect(r.trace.map((t) => t.step)).toEqual([
			"Working area of unit 'dang-uy'",
			"Working area of unit 'ubnd'",
			'Working area (Σ staff × norm)',
			'Common-use area (ratio × working area)',
			'Specialised area (one-stop-counter, archive)',
			'Total usable area (working + common-use + specialised)',
			'Occupied working area (Σ over units)'
		]);
	});

	it('writes each formula with its result', () => {
		expect(r.trace.map((t) => t.formula)).toEqual([
			'1 × 30 + 4 × 15 = 90',
			'3 × 20 + 2 × 18 + 10 × 15 = 246',
			'90 + 246 = 336',
			'0.7 × 336 = 235.2',
			'6 × 12 + 1 × 30 = 102',
			'336 + 235.2 + 102 = 673.2',
			'100 + 150 + 40 = 290'
		]);
		expect(r.trace.map((t) => t.valueM2)).toEqual([
			90,
			246,
			336,
			r.commonAreaM2,
			102,
			r.totalUsableM2,
			290
		]);
	});

	it('groups thousands in formulas', () => {
		const t = computeSpaceNeeds(ONE_LARGE_TITLE).trace;
		expect(t[0].formula).toBe('1 × 1,234.5 = 1,234.5');
		expect(t.find((s) => s.step.startsWith('Common-use'))?.formula).toBe('0.7 × 1,234.5 = 864.15');
		expect(t.find((s) => s.step.startsWith('Specialised'))).toMatchObject({
			step: 'Specialised area (none entered)',
			formula: '0',
			valueM2: 0
		});
	});
});

describe('computeSpaceNeeds: errors name the row', () => {
	const base = (over: Partial<SpaceNeedsInput>): SpaceNeedsInput => ({
		normSet: SIMPLE,
		positions: [{ unitId: 'vp-ubnd', titleKey: 'specialist', count: 1 }],
		...over
	});
	const fourRows = (last: Record<string, unknown>) =>
		base({
			positions: [
				{ unitId: 'a', titleKey: 'specialist', count: 1 },
				{ unitId: 'a', titleKey: 'specialist', count: 1 },
				{ unitId: 'b', titleKey: 'specialist', count: 1 },
				last as never
			]
		});

	it.each([
		{
			name: 'unknown title key',
			input: fourRows({ unitId: 'vp-ubnd', titleKey: 'boss', count: 1 }),
			message: "positions[3] (unit 'vp-ubnd'): unknown title key 'boss'",
			path: 'positions[3]'
		},
		{
			name: 'negative count',
			input: fourRows({ unitId: 'vp-ubnd', titleKey: 'specialist', count: -1 }),
			message: "positions[3] (unit 'vp-ubnd'): count must be a non-negative integer, got -1",
			path: 'positions[3]'
		},
		{
			name: 'fractional count',
			input: fourRows({ unitId: 'vp-ubnd', titleKey: 'specialist', count: 2.5 }),
			message: "positions[3] (unit 'vp-ubnd'): count must be a non-negative integer, got 2.5",
			path: 'positions[3]'
		},
		{
			name: 'NaN count',
			input: fourRows({ unitId: 'vp-ubnd', titleKey: 'specialist', count: Number.NaN }),
			message: "positions[3] (unit 'vp-ubnd'): count must be a non-negative integer, got NaN",
			path: 'positions[3]'
		},
		{
			name: 'Infinity count',
			input: fourRows({ unitId: 'x', titleKey: 'specialist', count: Number.POSITIVE_INFINITY }),
			message: "positions[3] (unit 'x'): count must be a non-negative integer, got Infinity",
			path: 'positions[3]'
		},
		{
			name: 'missing unit id',
			input: fourRows({ unitId: '', titleKey: 'specialist', count: 1 }),
			message: 'positions[3]: unitId must be a non-empty string',
			path: 'positions[3]'
		},
		{
			name: 'negative norm',
			input: base({
				normSet: { ...SIMPLE, titles: [...SIMPLE.titles, { key: 'guard', m2PerPerson: -5 }] }
			}),
			message: "normSet.titles[4] (key 'guard'): m2PerPerson must be a finite number ≥ 0, got -5",
			path: 'normSet.titles[4]'
		},
		{
			name: 'NaN norm',
			input: base({
				normSet: { ...SIMPLE, titles: [{ key: 'specialist', m2PerPerson: Number.NaN }] }
			}),
			message:
				"normSet.titles[0] (key 'specialist'): m2PerPerson must be a finite number ≥ 0, got NaN",
			path: 'normSet.titles[0]'
		},
		{
			name: 'duplicate title key',
			input: base({
				normSet: { ...SIMPLE, titles: [...SIMPLE.titles, { key: 'specialist', m2PerPerson: 12 }] }
			}),
			message: "normSet.titles[4] (key 'specialist'): duplicate title key",
			path: 'normSet.titles[4]'
		},
		{
			name: 'ratio above 5',
			input: base({ normSet: { ...SIMPLE, commonAreaRatio: 7 } }),
			message: 'normSet.commonAreaRatio: must be a number from 0 to 5, got 7',
			path: 'normSet.commonAreaRatio'
		},
		{
			name: 'negative ratio',
			input: base({ normSet: { ...SIMPLE, commonAreaRatio: -0.1 } }),
			message: 'normSet.commonAreaRatio: must be a number from 0 to 5, got -0.1',
			path: 'normSet.commonAreaRatio'
		},
		{
			name: 'infinite ratio',
			input: base({ normSet: { ...SIMPLE, commonAreaRatio: Number.POSITIVE_INFINITY } }),
			message: 'normSet.commonAreaRatio: must be a number from 0 to 5, got Infinity',
			path: 'normSet.commonAreaRatio'
		},
		{
			name: 'negative room area',
			input: base({
				normSet: { ...SIMPLE, specialisedRooms: [{ key: 'archive', areaM2: -30, count: 1 }] }
			}),
			message:
				"normSet.specialisedRooms[0] (key 'archive'): areaM2 must be a finite number ≥ 0, got -30",
			path: 'normSet.specialisedRooms[0]'
		},
		{
			name: 'fractional room count',
			input: base({
				normSet: {
					...SIMPLE,
					specialisedRooms: [
						{ key: 'archive', areaM2: 30, count: 1 },
						{ key: 'hall-100', areaM2: 150, count: 0.5 }
					]
				}
			}),
			message:
				"normSet.specialisedRooms[1] (key 'hall-100'): count must be a non-negative integer, got 0.5",
			path: 'normSet.specialisedRooms[1]'
		},
		{
			name: 'negative occupied area',
			input: base({ occupiedAreaM2ByUnit: { 'vp-ubnd': -3 } }),
			message: "occupiedAreaM2ByUnit['vp-ubnd']: must be a finite number ≥ 0, got -3",
			path: "occupiedAreaM2ByUnit['vp-ubnd']"
		},
		{
			name: 'NaN occupied area',
			input: base({ occupiedAreaM2ByUnit: { 'vp-ubnd': Number.NaN } }),
			message: "occupiedAreaM2ByUnit['vp-ubnd']: must be a finite number ≥ 0, got NaN",
			path: "occupiedAreaM2ByUnit['vp-ubnd']"
		}
	])('$name', ({ input, message, path }) => {
		let caught: unknown;
		try {
			computeSpaceNeeds(input);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(NormsInputError);
		expect((caught as NormsInputError).message).toBe(message);
		expect((caught as NormsInputError).path).toBe(path);
		expect((caught as NormsInputError).name).toBe('NormsInputError');
	});
});

describe('roundM2', () => {
	it.each([
		[864.15, 864.2],
		[1.25, 1.3],
		[1.15, 1.2],
		[-1.25, -1.3],
		[-0.04, 0],
		[2.675, 2.7],
		[229.5, 229.5],
		[0, 0]
	])('roundM2(%d) = %d', (x, expected) => {
		expect(roundM2(x)).toBe(expected);
	});

	it('leaves NaN and Infinity alone', () => {
		expect(roundM2(Number.NaN)).toBeNaN();
		expect(roundM2(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
	});
});
