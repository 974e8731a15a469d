/**
 * The norms domain (src/lib/norms) on small hand-worked inputs: the exact message and path of
 * every refused input, the whole space-needs result with its trace, staffing gaps and vacancy
 * groups with their order, title and rank resolution with ties, the justification criteria at
 * their thresholds, and the number formats. Written to kill mutants that survived
 * (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { vacancyRow } from '../helpers/norms';
import {
	NormsInputError,
	describeValue,
	isNonEmptyString,
	isNonNegativeFinite,
	isNonNegativeInteger
} from '../../src/lib/norms/errors';
import {
	formatAreaVi,
	formatNumber,
	formatNumberVi,
	formatPercentVi,
	ratioFormulaVi,
	roundM2,
	sumFormula
} from '../../src/lib/norms/format';
import {
	HALL_100_SEATS_MIN_AREA_M2,
	NEEDS_CLASSES,
	roomNeedsClass,
	specialisedProgrammeKey
} from '../../src/lib/norms/room-classes';
import { computeStaffingGaps, groupVacancies } from '../../src/lib/norms/staffing';
import { resolvePersonTitles } from '../../src/lib/norms/titles';
import { isRankKey, isRankNormKey, positionNorm } from '../../src/lib/norms/positions';
import { computeSpaceNeeds, validateTitleNorms } from '../../src/lib/norms/space-needs';
import {
	isNewHeadquartersJustified,
	justificationCriteria
} from '../../src/lib/norms/justification';
import type { SpaceNeedsInput } from '../../src/lib/norms/types';

/** The NormsInputError `fn` throws, as [path, message]. */
function refusal(fn: () => unknown): [string, string] {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(NormsInputError);
		expect((e as Error).name).toBe('NormsInputError');
		return [(e as NormsInputError).path, (e as Error).message];
	}
	throw new Error('accepted');
}

describe('errors.ts helpers', () => {
	it('describeValue: strings quoted, numbers and undefined plain, objects as JSON, else String()', () => {
		expect(describeValue('abc')).toBe('"abc"');
		expect(describeValue(undefined)).toBe('undefined');
		expect(describeValue(5)).toBe('5');
		expect(describeValue(NaN)).toBe('NaN');
		expect(describeValue(null)).toBe('null');
		expect(describeValue({ a: 1 })).toBe('{"a":1}');
		expect(describeValue(1n)).toBe('1');
		expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
		const loop: Record<string, unknown> = {};
		loop.self = loop;
		expect(describeValue(loop)).toBe('[object Object]');
	});

	it('the predicates at their boundaries', () => {
		expect([0, 2.5, -0.1, Infinity, NaN, '1'].map(isNonNegativeFinite)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false
		]);
		expect([0, 3, 1.5, -1, '1'].map(isNonNegativeInteger)).toEqual([
			true,
			true,
			false,
			false,
			false
		]);
		expect(['a', ' b ', '', '   ', 5].map(isNonEmptyString)).toEqual([
			true,
			true,
			false,
			false,
			false
		]);
	});
});

describe('format.ts', () => {
	it('roundM2: one decimal, half away from zero, no binary noise, no negative zero', () => {
		expect(roundM2(1.15)).toBe(1.2);
		expect(roundM2(-1.15)).toBe(-1.2);
		expect(roundM2(2.25)).toBe(2.3);
		expect(roundM2(-2.25)).toBe(-2.3);
		expect(roundM2(12.34)).toBe(12.3);
		expect(Object.is(roundM2(-0.04), 0)).toBe(true);
		expect(roundM2(Infinity)).toBe(Infinity);
		expect(roundM2(NaN)).toBeNaN();
	});

	it('formula numbers (en-US, 2 decimals) and sums', () => {
		expect(formatNumber(1234.567)).toBe('1,234.57');
		expect(sumFormula([], 5)).toBe('5');
		expect(sumFormula(['5'], 5)).toBe('5');
		expect(sumFormula(['2 × 3'], 6)).toBe('2 × 3 = 6');
		expect(sumFormula(['1', '2'], 3)).toBe('1 + 2 = 3');
	});

	it('Vietnamese numbers, areas and percentages (comma decimals, dot thousands)', () => {
		expect(formatNumberVi(1234.56)).toBe('1.234,6');
		expect(formatNumberVi(12)).toBe('12');
		expect(formatAreaVi(12)).toBe('12,0');
		expect(formatAreaVi(1234.56)).toBe('1.234,6');
		expect(formatPercentVi(0.6789)).toBe('67,9 %');
		expect(formatPercentVi(0.5)).toBe('50,0 %');
		expect(ratioFormulaVi(45, 60)).toBe('45,0 m² ÷ 60,0 m² = 75,0 %');
		expect(ratioFormulaVi(45, 0)).toBe('45,0 m²');
		expect(ratioFormulaVi(45, NaN)).toBe('45,0 m²');
	});
});

describe('room-classes.ts', () => {
	it('the class of each room type; a hall from 100 m² is specialised', () => {
		expect(NEEDS_CLASSES).toEqual(['working', 'common', 'specialised']);
		expect(HALL_100_SEATS_MIN_AREA_M2).toBe(100);
		const cases: [string, number, string, string | null][] = [
			['office', 5, 'working', null],
			['one-stop', 1, 'specialised', 'one-stop-counter'],
			['reception', 1, 'specialised', 'citizen-reception'],
			['archive', 1, 'specialised', 'archive'],
			['it', 1, 'specialised', 'it-room'],
			['hall', 100, 'specialised', 'hall-100'],
			['hall', 99.9, 'common', null],
			['meeting', 200, 'common', null],
			['toString', 10, 'common', null]
		];
		for (const [type, area, cls, key] of cases) {
			expect(roomNeedsClass(type, area), type).toBe(cls);
			expect(specialisedProgrammeKey(type, area), type).toBe(key);
		}
	});
});

describe('staffing.ts', () => {
	const pos = (
		unitId: string,
		field: string | null | undefined,
		approved: number,
		filled: number,
		plannedNextYear: number
	) => ({
		unitId,
		titleKey: 'specialist',
		field: field as string | null,
		approved,
		filled,
		plannedNextYear
	});

	it('gaps by field: trimmed fields, blank = none, sorted by vacancies then field (none last)', () => {
		const g = computeStaffingGaps([
			pos('u1', 'land', 3, 1, 1), // vacant 2
			pos('u2', ' land ', 1, 2, 0), // surplus 1
			pos('u1', null, 2, 0, 2), // vacant 2
			pos('u3', '  ', 1, 1, 0),
			pos('u3', 'finance', 4, 1, 3), // vacant 3
			pos('u4', 'accounting', 2, 0, 0), // vacant 2
			pos('u5', undefined, 0, 0, 0)
		]);
		const t = (
			approved: number,
			filled: number,
			vacant: number,
			surplus: number,
			planned: number,
			positions: number
		) => ({
			approved,
			filled,
			vacant,
			surplus,
			planned,
			positions
		});
		expect(g.rows).toEqual([
			{ field: 'finance', ...t(4, 1, 3, 0, 3, 1) },
			{ field: 'accounting', ...t(2, 0, 2, 0, 0, 1) },
			{ field: 'land', ...t(4, 3, 2, 1, 1, 2) },
			{ field: null, ...t(3, 1, 2, 0, 2, 3) }
		]);
		expect(g.totals).toEqual(t(13, 5, 9, 1, 6, 7));
	});

	it('refusals name the position', () => {
		const ok = pos('u1', 'land', 1, 1, 1);
		const cases: [unknown, string, string][] = [
			[{}, 'positions', 'positions: must be an array'],
			[[null], 'positions[0]', 'positions[0]: must be an object'],
			[[{ ...ok, unitId: ' ' }], 'positions[0]', 'positions[0]: unitId must be a non-empty string'],
			[
				[ok, { ...ok, titleKey: 5 }],
				'positions[1]',
				"positions[1] (unit 'u1'): titleKey must be a non-empty string, got 5"
			],
			[
				[{ ...ok, field: 7 }],
				'positions[0]',
				"positions[0] (unit 'u1'): field must be a string or null, got 7"
			],
			[
				[{ ...ok, approved: -1 }],
				'positions[0]',
				"positions[0] (unit 'u1'): approved must be a non-negative integer, got -1"
			],
			[
				[{ ...ok, filled: 1.5 }],
				'positions[0]',
				"positions[0] (unit 'u1'): filled must be a non-negative integer, got 1.5"
			],
			[
				[{ ...ok, plannedNextYear: undefined }],
				'positions[0]',
				"positions[0] (unit 'u1'): plannedNextYear must be a non-negative integer, got undefined"
			]
		];
		for (const [input, path, message] of cases) {
			expect(refusal(() => computeStaffingGaps(input as never))).toEqual([path, message]);
		}
	});

	it('vacancies grouped: city fields first in their order, leadership, known fields, others by name, none last', () => {
		const v = vacancyRow;
		const r = groupVacancies(
			[
				v('land', false, 3, 1),
				v(null, true, 1, 1),
				v('  ', false, 2, 0),
				v('health', false, 1, 0),
				v('education', false, 1, 2),
				v('zoo', false, 1, 1),
				v('alpha', false, 0, 0)
			],
			['education', 'health']
		);
		expect(
			r.groups.map((g) => [g.key, g.cityField, g.approved, g.filled, g.missing, g.rows.length])
		).toEqual([
			['land', true, 3, 1, 2, 1],
			['construction', true, 0, 0, 0, 0],
			['finance', true, 0, 0, 0, 0],
			['accounting', true, 0, 0, 0, 0],
			['foreign-affairs', true, 0, 0, 0, 0],
			['leadership', false, 1, 1, 0, 1],
			['education', false, 1, 2, 0, 1],
			['health', false, 1, 0, 1, 1],
			['alpha', false, 0, 0, 0, 1],
			['zoo', false, 1, 1, 0, 1],
			['unspecified', false, 2, 0, 2, 1]
		]);
		expect(r.groups[0].rows[0]).toEqual({ ...v('land', false, 3, 1), missing: 2 });
		expect(r.groups.at(-1)!.rows[0].field).toBeNull();
		expect(r.totals).toEqual({ approved: 9, filled: 5, missing: 5, positions: 7 });
		// Without a field order, the known fields sort by name among the others.
		expect(
			groupVacancies([v('health', false, 1, 0), v('education', false, 1, 0)])
				.groups.map((g) => g.key)
				.slice(5)
		).toEqual(['education', 'health']);
	});

	it('vacancy refusals', () => {
		expect(refusal(() => groupVacancies('x' as never))).toEqual([
			'positions',
			'positions: must be an array'
		]);
		const bad = { unitCode: 'U7', approved: 1, filled: 'x' };
		expect(refusal(() => groupVacancies([bad as never]))).toEqual([
			'positions[0]',
			'positions[0] (unit \'U7\'): filled must be a non-negative integer, got "x"'
		]);
		expect(refusal(() => groupVacancies([{ ...bad, approved: -2 } as never]))).toEqual([
			'positions[0]',
			"positions[0] (unit 'U7'): approved must be a non-negative integer, got -2"
		]);
	});
});

describe('titles.ts: the highest norm governs a person, ties to the earlier title', () => {
	const titles = [
		{ key: 'a', m2PerPerson: 10 },
		{ key: 'b', m2PerPerson: 12 },
		{ key: 'c', m2PerPerson: 12 }
	];

	it('one position per person, counted by unit and title', () => {
		expect(
			resolvePersonTitles(
				[
					{ personId: 'p1', unitId: 'u1', titleKeys: ['a', 'c', 'b'] }, // b: 12, before c
					{ personId: 'p2', unitId: 'u1', titleKeys: ['a'] },
					{ personId: 'p1', unitId: 'u2', titleKeys: ['a'] }, // not better: p1 stays in u1
					{ personId: 'p3', unitId: 'u2', titleKeys: ['a'] },
					{ personId: 'p3', unitId: 'u3', titleKeys: ['c'] }, // better: p3 moves to u3
					{ personId: 'p4', unitId: 'u1', titleKeys: ['b'] }
				],
				titles
			)
		).toEqual([
			{ unitId: 'u1', titleKey: 'b', count: 2 },
			{ unitId: 'u1', titleKey: 'a', count: 1 },
			{ unitId: 'u3', titleKey: 'c', count: 1 }
		]);
	});

	it('validateTitleNorms names the list "titles" by default', () => {
		expect(refusal(() => validateTitleNorms([{ key: 'a', m2PerPerson: -1 }]))).toEqual([
			'titles[0]',
			"titles[0] (key 'a'): m2PerPerson must be a finite number ≥ 0, got -1"
		]);
		expect(validateTitleNorms(titles).get('c')).toBe(12);
	});

	it('refusals', () => {
		const p = { personId: 'p1', unitId: 'u1', titleKeys: ['a'] };
		const cases: [unknown, unknown, string, string][] = [
			[{}, titles, 'people', 'people: must be an array'],
			[[null], titles, 'people[0]', 'people[0]: must be an object'],
			[
				[{ ...p, personId: '' }],
				titles,
				'people[0]',
				'people[0]: personId must be a non-empty string'
			],
			[
				[p, { ...p, unitId: ' ' }],
				titles,
				'people[1]',
				"people[1] (person 'p1'): unitId must be a non-empty string"
			],
			[
				[{ ...p, titleKeys: [] }],
				titles,
				'people[0]',
				"people[0] (person 'p1'): titleKeys must list at least one title"
			],
			[
				[{ ...p, titleKeys: 'a' }],
				titles,
				'people[0]',
				"people[0] (person 'p1'): titleKeys must list at least one title"
			],
			[
				[{ ...p, titleKeys: ['a', 'zz'] }],
				titles,
				'people[0]',
				"people[0] (person 'p1'): unknown title key 'zz'"
			],
			[
				[{ ...p, titleKeys: [5] }],
				titles,
				'people[0]',
				"people[0] (person 'p1'): title key must be a string, got 5"
			],
			[[p], 'x', 'titles', 'titles: must be an array'],
			[[p], [null], 'titles[0]', 'titles[0]: must be an object'],
			[
				[p],
				[{ key: ' ', m2PerPerson: 1 }],
				'titles[0]',
				'titles[0]: key must be a non-empty string'
			],
			[[p], [titles[0], titles[0]], 'titles[1]', "titles[1] (key 'a'): duplicate title key"],
			[
				[p],
				[{ key: 'a', m2PerPerson: -1 }],
				'titles[0]',
				"titles[0] (key 'a'): m2PerPerson must be a finite number ≥ 0, got -1"
			]
		];
		for (const [people, t, path, message] of cases) {
			expect(refusal(() => resolvePersonTitles(people as never, t as never))).toEqual([
				path,
				message
			]);
		}
	});
});

describe('positions.ts: title, rank and concurrent titles', () => {
	const titles = [
		{ key: 'specialist', m2PerPerson: 10 },
		{ key: 'rank-principal-specialist', m2PerPerson: 15 },
		{ key: 'division-head', m2PerPerson: 18 },
		{ key: 'chair-deputy', m2PerPerson: 20 },
		{ key: 'x', m2PerPerson: 20 }
	];

	it('a priced rank governs when larger; an unpriced rank is reported', () => {
		expect(positionNorm({ titleKey: 'specialist', rank: 'principal-specialist' }, titles)).toEqual({
			governingKey: 'rank-principal-specialist',
			m2PerPerson: 15,
			governedBy: 'rank',
			candidates: [
				{ key: 'specialist', source: 'title', m2PerPerson: 10 },
				{ key: 'rank-principal-specialist', source: 'rank', m2PerPerson: 15 }
			],
			unpricedRank: null
		});
		expect(positionNorm({ titleKey: 'division-head', rank: 'senior-specialist' }, titles)).toEqual({
			governingKey: 'division-head',
			m2PerPerson: 18,
			governedBy: 'title',
			candidates: [{ key: 'division-head', source: 'title', m2PerPerson: 18 }],
			unpricedRank: 'senior-specialist'
		});
	});

	it('concurrent titles: the largest governs, a repeat of the title counts once, ties keep the title', () => {
		const r = positionNorm(
			{ titleKey: 'specialist', concurrentTitleKeys: ['division-head', 'specialist'] },
			titles
		);
		expect([r.governingKey, r.m2PerPerson, r.governedBy, r.candidates.length]).toEqual([
			'division-head',
			18,
			'concurrent',
			3
		]);
		const tie = positionNorm(
			{ titleKey: 'x', concurrentTitleKeys: ['chair-deputy'], rank: null },
			titles
		);
		expect([tie.governingKey, tie.governedBy]).toEqual(['x', 'title']);
	});

	it('refusals', () => {
		expect(
			refusal(() => positionNorm({ titleKey: 'specialist', rank: 'boss' as never }, titles))
		).toEqual([
			'rank',
			'rank: must be one of specialist, principal-specialist, senior-specialist or null, got "boss"'
		]);
		expect(
			refusal(() =>
				positionNorm({ titleKey: 'specialist', concurrentTitleKeys: 'x' as never }, titles)
			)
		).toEqual(['concurrentTitleKeys', 'concurrentTitleKeys: must be an array']);
		expect(refusal(() => positionNorm({ titleKey: 'zz' }, titles))).toEqual([
			'titleKey',
			'titleKey: unknown title key "zz"'
		]);
		expect(
			refusal(() => positionNorm({ titleKey: 'specialist', concurrentTitleKeys: ['zz'] }, titles))
		).toEqual(['concurrentTitleKeys', 'concurrentTitleKeys: unknown title key "zz"']);
	});

	it('rank keys', () => {
		expect([isRankNormKey('rank-x'), isRankNormKey('specialist')]).toEqual([true, false]);
		expect(['specialist', 'senior-specialist', 'rank-senior-specialist', 5].map(isRankKey)).toEqual(
			[true, true, false, false]
		);
	});
});

describe('space-needs.ts: a hand-worked ward', () => {
	// Norms: chief 20 m², staff 10 m²; common-use 50 % of the working area; an archive of 30 m²
	// and two IT rooms of 12.5 m². Unit A: 1 chief + 3 staff = 50 m², occupies 40 m²; unit B:
	// 2 staff = 20 m², occupies nothing listed; unit C: no staff, occupies 5 m².
	const input = (): SpaceNeedsInput => ({
		normSet: {
			titles: [
				{ key: 'chief', m2PerPerson: 20 },
				{ key: 'staff', m2PerPerson: 10 }
			],
			commonAreaRatio: 0.5,
			specialisedRooms: [
				{ key: 'archive', areaM2: 30, count: 1 },
				{ key: 'it', areaM2: 12.5, count: 2 }
			]
		},
		positions: [
			{ unitId: 'A', titleKey: 'chief', count: 1 },
			{ unitId: 'A', titleKey: 'staff', count: 3 },
			{ unitId: 'B', titleKey: 'staff', count: 2 }
		],
		occupiedAreaM2ByUnit: { A: 40, C: 5 },
		commonInUseM2ByUnit: { A: 12 },
		specialisedInUseM2ByUnit: { B: 7 },
		wardInUseM2: { common: 30 }
	});
	const line = (
		inUseM2: number,
		allowanceM2: number | null,
		gapM2: number | null,
		ratio: number | null
	) => ({
		inUseM2,
		allowanceM2,
		gapM2,
		ratio
	});

	it('working 70, common 35, specialised 55, total 160 m²; lines per unit and for the ward', () => {
		const r = computeSpaceNeeds(input());
		expect(r.byUnit).toEqual([
			{
				unitId: 'A',
				headcount: 4,
				workAreaM2: 50,
				occupiedAreaM2: 40,
				gapM2: -10,
				lines: {
					working: line(40, 50, -10, 0.8),
					common: line(12, 25, -13, 0.48),
					specialised: line(0, null, null, null)
				}
			},
			{
				unitId: 'B',
				headcount: 2,
				workAreaM2: 20,
				occupiedAreaM2: 0,
				gapM2: -20,
				lines: {
					working: line(0, 20, -20, 0),
					common: line(0, 10, -10, 0),
					specialised: line(7, null, null, null)
				}
			},
			{
				unitId: 'C',
				headcount: 0,
				workAreaM2: 0,
				occupiedAreaM2: 5,
				gapM2: 5,
				lines: {
					working: line(5, 0, 5, null),
					common: line(0, 0, 0, null),
					specialised: line(0, null, null, null)
				}
			}
		]);
		expect([
			r.workAreaM2,
			r.commonAreaM2,
			r.specialisedAreaM2,
			r.totalUsableM2,
			r.occupiedWorkAreaM2
		]).toEqual([70, 35, 55, 160, 45]);
		expect(r.ratioToNorm).toBe(45 / 70);
		expect(r.lines).toEqual({
			working: line(45, 70, -25, 45 / 70),
			// The ward's own figure for common use (30) wins over the units' sum (12).
			common: line(30, 35, -5, 30 / 35),
			// No ward figure for specialised use: the units' sum (7).
			specialised: line(7, 55, -48, 7 / 55)
		});
		expect(r.pricedPositions).toEqual([
			{
				unitId: 'A',
				titleKey: 'chief',
				count: 1,
				governingKey: 'chief',
				m2PerPerson: 20,
				governedBy: 'title'
			},
			{
				unitId: 'A',
				titleKey: 'staff',
				count: 3,
				governingKey: 'staff',
				m2PerPerson: 10,
				governedBy: 'title'
			},
			{
				unitId: 'B',
				titleKey: 'staff',
				count: 2,
				governingKey: 'staff',
				m2PerPerson: 10,
				governedBy: 'title'
			}
		]);
		expect(r.trace).toEqual([
			{ step: "Working area of unit 'A'", formula: '1 × 20 + 3 × 10 = 50', valueM2: 50 },
			{ step: "Working area of unit 'B'", formula: '2 × 10 = 20', valueM2: 20 },
			{ step: 'Working area (Σ staff × norm)', formula: '50 + 20 = 70', valueM2: 70 },
			{ step: 'Common-use area (ratio × working area)', formula: '0.5 × 70 = 35', valueM2: 35 },
			{ step: 'Specialised area (archive, it)', formula: '1 × 30 + 2 × 12.5 = 55', valueM2: 55 },
			{
				step: 'Total usable area (working + common-use + specialised)',
				formula: '70 + 35 + 55 = 160',
				valueM2: 160
			},
			{ step: 'Occupied working area (Σ over units)', formula: '40 + 5 = 45', valueM2: 45 }
		]);
	});

	it('no staff, no rooms, no figures: everything 0, the specialised step says none', () => {
		const r = computeSpaceNeeds({
			normSet: { titles: [], commonAreaRatio: 0, specialisedRooms: [] },
			positions: []
		});
		expect([r.workAreaM2, r.totalUsableM2, r.ratioToNorm, r.byUnit.length]).toEqual([0, 0, 0, 0]);
		expect(r.trace[2]).toEqual({
			step: 'Specialised area (none entered)',
			formula: '0',
			valueM2: 0
		});
		expect(r.lines.specialised).toEqual(line(0, 0, 0, null));
		// The ward's specialised figure wins over the units' sum too.
		const s = computeSpaceNeeds({ ...input(), wardInUseM2: { specialised: 11 } });
		expect(s.lines.specialised.inUseM2).toBe(11);
		expect(s.lines.common.inUseM2).toBe(12);
	});

	it('the common-use ratio accepts 0 and 5 and refuses outside', () => {
		const withRatio = (commonAreaRatio: unknown) => ({
			...input(),
			normSet: { ...input().normSet, commonAreaRatio: commonAreaRatio as number }
		});
		expect(computeSpaceNeeds(withRatio(5)).commonAreaM2).toBe(350);
		expect(computeSpaceNeeds(withRatio(0)).commonAreaM2).toBe(0);
		for (const [v, got] of [
			[5.5, '5.5'],
			[-0.1, '-0.1'],
			['0.5', '"0.5"'],
			[Infinity, 'Infinity']
		] as const) {
			expect(refusal(() => computeSpaceNeeds(withRatio(v)))).toEqual([
				'normSet.commonAreaRatio',
				`normSet.commonAreaRatio: must be a number from 0 to 5, got ${got}`
			]);
		}
	});

	it('refusals name the field', () => {
		const ns = input().normSet;
		const room = ns.specialisedRooms[0];
		const cases: [unknown, string, string][] = [
			[null, 'input', 'input: must be an object'],
			[{ ...input(), normSet: null }, 'normSet', 'normSet: must be an object'],
			[
				{ ...input(), normSet: { ...ns, specialisedRooms: 'x' } },
				'normSet.specialisedRooms',
				'normSet.specialisedRooms: must be an array'
			],
			[
				{ ...input(), normSet: { ...ns, specialisedRooms: [null] } },
				'normSet.specialisedRooms[0]',
				'normSet.specialisedRooms[0]: must be an object'
			],
			[
				{ ...input(), normSet: { ...ns, specialisedRooms: [{ ...room, key: '' }] } },
				'normSet.specialisedRooms[0]',
				'normSet.specialisedRooms[0]: key must be a non-empty string'
			],
			[
				{ ...input(), normSet: { ...ns, specialisedRooms: [{ ...room, areaM2: -1 }] } },
				'normSet.specialisedRooms[0]',
				"normSet.specialisedRooms[0] (key 'archive'): areaM2 must be a finite number ≥ 0, got -1"
			],
			[
				{ ...input(), normSet: { ...ns, specialisedRooms: [room, { ...room, count: 1.5 }] } },
				'normSet.specialisedRooms[1]',
				"normSet.specialisedRooms[1] (key 'archive'): count must be a non-negative integer, got 1.5"
			],
			[
				{ ...input(), normSet: { ...ns, titles: [{ key: 'chief', m2PerPerson: 'x' }] } },
				'normSet.titles[0]',
				'normSet.titles[0] (key \'chief\'): m2PerPerson must be a finite number ≥ 0, got "x"'
			],
			[{ ...input(), positions: {} }, 'positions', 'positions: must be an array'],
			[{ ...input(), positions: [null] }, 'positions[0]', 'positions[0]: must be an object'],
			[
				{ ...input(), positions: [{ unitId: '', titleKey: 'chief', count: 1 }] },
				'positions[0]',
				'positions[0]: unitId must be a non-empty string'
			],
			[
				{ ...input(), positions: [{ unitId: 'A', titleKey: 'zz', count: 1 }] },
				'positions[0]',
				"positions[0] (unit 'A'): unknown title key 'zz'"
			],
			[
				{ ...input(), positions: [{ unitId: 'A', titleKey: 5, count: 1 }] },
				'positions[0]',
				"positions[0] (unit 'A'): titleKey must be a string, got 5"
			],
			[
				{ ...input(), positions: [{ unitId: 'A', titleKey: 'chief', count: -1 }] },
				'positions[0]',
				"positions[0] (unit 'A'): count must be a non-negative integer, got -1"
			],
			[
				{
					...input(),
					positions: [
						{ unitId: 'A', titleKey: 'chief', count: 1 },
						{ unitId: 'A', titleKey: 'staff', count: 1, rank: 'boss' }
					]
				},
				'positions[1]',
				'positions[1] (unit \'A\'): rank: must be one of specialist, principal-specialist, senior-specialist or null, got "boss"'
			],
			[
				{ ...input(), occupiedAreaM2ByUnit: [] },
				'occupiedAreaM2ByUnit',
				'occupiedAreaM2ByUnit: must be an object keyed by unit id'
			],
			[
				{ ...input(), occupiedAreaM2ByUnit: null },
				'occupiedAreaM2ByUnit',
				'occupiedAreaM2ByUnit: must be an object keyed by unit id'
			],
			[
				{ ...input(), occupiedAreaM2ByUnit: { A: -1 } },
				"occupiedAreaM2ByUnit['A']",
				"occupiedAreaM2ByUnit['A']: must be a finite number ≥ 0, got -1"
			],
			[
				{ ...input(), commonInUseM2ByUnit: { A: NaN } },
				"commonInUseM2ByUnit['A']",
				"commonInUseM2ByUnit['A']: must be a finite number ≥ 0, got NaN"
			],
			[
				{ ...input(), specialisedInUseM2ByUnit: 5 },
				'specialisedInUseM2ByUnit',
				'specialisedInUseM2ByUnit: must be an object keyed by unit id'
			],
			[
				{ ...input(), wardInUseM2: { common: -1 } },
				'wardInUseM2.common',
				'wardInUseM2.common: must be a finite number ≥ 0, got -1'
			],
			[
				{ ...input(), wardInUseM2: { specialised: 'x' } },
				'wardInUseM2.specialised',
				'wardInUseM2.specialised: must be a finite number ≥ 0, got "x"'
			]
		];
		for (const [i, path, message] of cases) {
			expect(
				refusal(() => computeSpaceNeeds(i as SpaceNeedsInput)),
				message
			).toEqual([path, message]);
		}
	});
});

describe('justification.ts', () => {
	it('isNewHeadquartersJustified at each threshold', () => {
		expect(
			isNewHeadquartersJustified({ ratioToNorm: 0.7, worstDangerLevel: null, siteCount: 2 })
		).toEqual({
			justified: false,
			reasons: []
		});
		expect(
			isNewHeadquartersJustified({ ratioToNorm: 0.69, worstDangerLevel: 'C', siteCount: 3 })
		).toEqual({
			justified: true,
			reasons: ['below-70-percent', 'unsafe-building', 'scattered']
		});
		expect(
			isNewHeadquartersJustified({ ratioToNorm: 1, worstDangerLevel: 'B', siteCount: 0 }).reasons
		).toEqual([]);
		expect(
			isNewHeadquartersJustified({ ratioToNorm: 1, worstDangerLevel: 'D', siteCount: 0 }).reasons
		).toEqual(['unsafe-building']);
		expect(
			isNewHeadquartersJustified(
				{ ratioToNorm: 1, worstDangerLevel: null, siteCount: 2 },
				{ siteCountThreshold: 2 }
			)
		).toEqual({ justified: true, reasons: ['scattered'] });
	});

	it('isNewHeadquartersJustified refusals', () => {
		const ok = { ratioToNorm: 1, worstDangerLevel: null, siteCount: 1 };
		expect(refusal(() => isNewHeadquartersJustified({ ...ok, ratioToNorm: -1 }))).toEqual([
			'ratioToNorm',
			'ratioToNorm: must be a finite number ≥ 0, got -1'
		]);
		expect(
			refusal(() => isNewHeadquartersJustified({ ...ok, worstDangerLevel: 'E' as never }))
		).toEqual([
			'worstDangerLevel',
			"worstDangerLevel: must be 'A', 'B', 'C', 'D' or null, got \"E\""
		]);
		expect(refusal(() => isNewHeadquartersJustified({ ...ok, siteCount: 1.5 }))).toEqual([
			'siteCount',
			'siteCount: must be a non-negative integer, got 1.5'
		]);
		expect(refusal(() => isNewHeadquartersJustified(ok, { siteCountThreshold: 0 }))).toEqual([
			'siteCountThreshold',
			'siteCountThreshold: must be an integer ≥ 1, got 0'
		]);
	});

	const site = (code: string, lat: number, workingInUseM2: number, isHeadquarters = false) => ({
		code,
		name: `Trụ sở ${code}`,
		lat,
		lng: 106.7,
		isHeadquarters,
		workingInUseM2
	});
	const building = (
		buildingCode: string,
		dangerLevel: 'A' | 'B' | 'C' | 'D' | null,
		inUse: boolean
	) => ({
		facilityCode: 'F',
		buildingCode,
		name: buildingCode,
		dangerLevel,
		inUse
	});

	it('justificationCriteria: 65 of 100 m² is below 70 %; an unsafe building in use; sites 0 m apart are not dispersed', () => {
		// HQ (40 m²) and S2 (25 m²) at the same point; norm 100 m².
		const r = justificationCriteria({
			workingNormM2: 100,
			sites: [site('S2', 10.8, 25), site('HQ', 10.8, 40, true)],
			buildings: [
				building('b1', 'C', false),
				building('b2', 'D', true),
				building('b3', 'B', true),
				building('b4', null, true)
			]
		});
		expect(r.justified).toBe(true);
		expect(r.threshold).toBe(0.7);
		expect(r.workingArea).toEqual({
			met: true,
			headquarters: {
				code: 'HQ',
				name: 'Trụ sở HQ',
				inUseM2: 40,
				normM2: 100,
				ratio: 0.4,
				below: true
			},
			allSites: { inUseM2: 65, normM2: 100, ratio: 0.65, below: true }
		});
		expect(r.unsafeBuildings).toEqual({
			met: true,
			buildings: [building('b1', 'C', false), building('b2', 'D', true)],
			unsurveyed: 1
		});
		expect(r.dispersion).toEqual({
			met: false,
			siteCount: 2,
			minSites: 2,
			minDistanceM: 500,
			maxDistanceM: 0,
			farthestPair: ['S2', 'HQ'],
			fromHeadquarters: [{ code: 'S2', name: 'Trụ sở S2', distanceM: 0 }]
		});
	});

	it('justificationCriteria: at 70 % nothing is met; a site 0.01° north (≈ 1.1 km) disperses', () => {
		const none = justificationCriteria({
			workingNormM2: 100,
			sites: [site('A', 10.8, 70)],
			buildings: [building('b1', 'C', false)]
		});
		expect(none.justified).toBe(false);
		expect(none.workingArea.headquarters).toBeNull();
		expect(none.unsafeBuildings.met).toBe(false);
		expect(none.dispersion).toMatchObject({
			met: false,
			farthestPair: null,
			maxDistanceM: 0,
			fromHeadquarters: []
		});
		const far = justificationCriteria(
			{
				workingNormM2: 0,
				sites: [site('A', 10.8, 10), site('B', 10.8, 10), site('C', 10.81, 10)],
				buildings: []
			},
			{ threshold: 0.5, minSites: 3, minDistanceM: 1000 }
		);
		// No norm: no ratio, never below.
		expect(far.workingArea.allSites).toEqual({ inUseM2: 30, normM2: 0, ratio: null, below: false });
		expect(far.dispersion.farthestPair).toEqual(['A', 'C']);
		expect(far.dispersion.maxDistanceM).toBeGreaterThan(1100);
		expect(far.dispersion.maxDistanceM).toBeLessThan(1120);
		expect(far.dispersion.fromHeadquarters.map((s) => s.code)).toEqual(['B', 'C']);
		expect(far.dispersion.met).toBe(true);
		expect(far.justified).toBe(true);
		// 1 km farther than the farthest pair: not dispersed.
		expect(
			justificationCriteria(
				{ workingNormM2: 0, sites: [site('A', 10.8, 1), site('C', 10.81, 1)], buildings: [] },
				{ minDistanceM: 2000 }
			).dispersion.met
		).toBe(false);
		expect(
			justificationCriteria({ workingNormM2: 0, sites: [], buildings: [] }).dispersion
				.fromHeadquarters
		).toEqual([]);
	});

	it('justificationCriteria refusals', () => {
		const ok = { workingNormM2: 100, sites: [site('A', 10.8, 1)], buildings: [] };
		expect(refusal(() => justificationCriteria({ ...ok, workingNormM2: -1 }))).toEqual([
			'workingNormM2',
			'workingNormM2: must be a finite number ≥ 0, got -1'
		]);
		expect(refusal(() => justificationCriteria(ok, { threshold: 1.5 }))).toEqual([
			'threshold',
			'threshold: must be from 0 to 1, got 1.5'
		]);
		expect(refusal(() => justificationCriteria(ok, { threshold: -0.1 }))).toEqual([
			'threshold',
			'threshold: must be from 0 to 1, got -0.1'
		]);
		expect(refusal(() => justificationCriteria(ok, { minSites: 1 }))).toEqual([
			'minSites',
			'minSites: must be an integer ≥ 2, got 1'
		]);
		expect(refusal(() => justificationCriteria(ok, { minDistanceM: -5 }))).toEqual([
			'minDistanceM',
			'minDistanceM: must be a finite number ≥ 0, got -5'
		]);
		expect(
			refusal(() =>
				justificationCriteria({ ...ok, sites: [site('A', 10.8, 1), site('S2', 10.8, -1)] })
			)
		).toEqual([
			'sites[1]',
			"sites[1] (site 'S2'): workingInUseM2 must be a finite number ≥ 0, got -1"
		]);
		// The boundaries are accepted: threshold 0 and 1, two sites, 0 m.
		expect(() =>
			justificationCriteria(ok, { threshold: 1, minSites: 2, minDistanceM: 0 })
		).not.toThrow();
		expect(() => justificationCriteria(ok, { threshold: 0 })).not.toThrow();
	});
});
