import { describe, expect, it } from 'vitest';
import {
	JUSTIFICATION_THRESHOLD,
	NORM_SETS,
	NORM_SET_152_2017,
	NORM_SET_155_2025,
	NormsInputError,
	SCATTERED_SITE_THRESHOLD,
	SPECIALISED_ROOM_TYPES,
	TITLE_KEYS,
	computeSpaceNeeds,
	computeStaffingGaps,
	isNewHeadquartersJustified,
	resolvePersonTitles,
	type JustificationInput,
	type JustificationReason,
	type StaffingPosition
} from './index';

describe('norm sets', () => {
	const m2 = (set: typeof NORM_SET_155_2025) =>
		Object.fromEntries(set.titles.map((t) => [t.key, t.m2PerPerson]));

	it('155/2025: 30 / 20 / 18 / 15 and ranks 20, no non-professional title, marked verify', () => {
		expect(m2(NORM_SET_155_2025)).toEqual({
			'party-secretary': 30,
			'chair-deputy': 20,
			'division-head': 18,
			specialist: 15,
			'rank-principal-specialist': 20,
			'rank-senior-specialist': 20
		});
		expect(NORM_SET_155_2025.titles.every((t) => t.verify)).toBe(true);
		expect(NORM_SET_155_2025.effectiveFrom).toBe('2025-07-01');
		expect(NORM_SET_155_2025.commonAreaRatio).toBe(0.7);
		expect(NORM_SET_155_2025.commonAreaRatioVerify).toBe(true);
		expect(NORM_SET_155_2025.legalBasis).toMatch(/155\/2025\/NĐ-CP/);
	});

	it('152/2017 follows the reference: 15 / 12 / 10 (civil servants) / 5 (non-professional)', () => {
		expect(m2(NORM_SET_152_2017)).toEqual({
			'party-secretary': 15,
			'chair-deputy': 12,
			'division-head': 10,
			specialist: 10,
			'non-professional': 5,
			'rank-principal-specialist': 10,
			'rank-senior-specialist': 10
		});
		expect(NORM_SET_152_2017.commonAreaRatio).toBe(0.7);
		expect(NORM_SET_152_2017.effectiveUntil).toBe('2025-06-30');
	});

	it('every set has its title keys once, with both labels and a basis', () => {
		for (const set of NORM_SETS) {
			const keys = set.titles.map((t) => t.key);
			expect(new Set(keys).size).toBe(keys.length);
			expect(keys.every((k) => TITLE_KEYS.includes(k))).toBe(true);
			for (const t of set.titles) {
				expect(t.labelVi).not.toBe('');
				expect(t.labelEn).not.toBe('');
				expect(t.legalBasis).not.toBe('');
			}
			expect(set.specialisedRooms).toEqual([]);
		}
	});

	it('155/2025 is never below 152/2017 for any title', () => {
		for (const t of NORM_SET_155_2025.titles) {
			const old = NORM_SET_152_2017.titles.find((o) => o.key === t.key)!;
			expect(t.m2PerPerson).toBeGreaterThanOrEqual(old.m2PerPerson);
		}
	});

	it('is frozen', () => {
		expect(Object.isFrozen(NORM_SET_155_2025)).toBe(true);
		expect(Object.isFrozen(NORM_SET_155_2025.titles)).toBe(true);
		expect(Object.isFrozen(NORM_SET_155_2025.titles[0])).toBe(true);
	});

	it('lists the five specialised room types with default areas', () => {
		expect(SPECIALISED_ROOM_TYPES.map((r) => r.key)).toEqual([
			'one-stop-counter',
			'citizen-reception',
			'hall-100',
			'archive',
			'it-room'
		]);
		for (const r of SPECIALISED_ROOM_TYPES) {
			expect(r.defaultAreaM2).toBeGreaterThan(0);
			expect(r.labelVi).not.toBe('');
		}
		// defaults plug straight into a norm set: 6 counters × 12 + 1 archive × 30 = 102
		const rooms = SPECIALISED_ROOM_TYPES.filter((r) =>
			['one-stop-counter', 'archive'].includes(r.key)
		).map((r) => ({ key: r.key, areaM2: r.defaultAreaM2, count: r.key === 'archive' ? 1 : 6 }));
		const r = computeSpaceNeeds({
			normSet: { ...NORM_SET_155_2025, specialisedRooms: rooms },
			positions: []
		});
		expect(r.specialisedAreaM2).toBe(102);
	});
});

describe('isNewHeadquartersJustified', () => {
	it('exposes the thresholds', () => {
		expect(JUSTIFICATION_THRESHOLD).toBe(0.7);
		expect(SCATTERED_SITE_THRESHOLD).toBe(3);
	});

	it.each([
		{ input: { ratioToNorm: 0.9, worstDangerLevel: 'A', siteCount: 1 }, reasons: [] },
		{ input: { ratioToNorm: 0.7, worstDangerLevel: 'B', siteCount: 2 }, reasons: [] },
		{
			input: { ratioToNorm: 0.6999, worstDangerLevel: 'B', siteCount: 2 },
			reasons: ['below-70-percent']
		},
		{
			input: { ratioToNorm: 1.2, worstDangerLevel: 'C', siteCount: 1 },
			reasons: ['unsafe-building']
		},
		{
			input: { ratioToNorm: 1.2, worstDangerLevel: 'D', siteCount: 1 },
			reasons: ['unsafe-building']
		},
		{ input: { ratioToNorm: 1, worstDangerLevel: null, siteCount: 3 }, reasons: ['scattered'] },
		{
			input: { ratioToNorm: 0.55, worstDangerLevel: 'D', siteCount: 5 },
			reasons: ['below-70-percent', 'unsafe-building', 'scattered']
		}
	] as { input: JustificationInput; reasons: JustificationReason[] }[])(
		'$input → $reasons',
		({ input, reasons }) => {
			expect(isNewHeadquartersJustified(input)).toEqual({ justified: reasons.length > 0, reasons });
		}
	);

	it('takes the site-count threshold as a parameter (default 3)', () => {
		const input = { ratioToNorm: 0.9, worstDangerLevel: 'A' as const, siteCount: 4 };
		expect(isNewHeadquartersJustified(input).reasons).toEqual(['scattered']);
		expect(isNewHeadquartersJustified(input, { siteCountThreshold: 5 }).reasons).toEqual([]);
		expect(isNewHeadquartersJustified(input, { siteCountThreshold: 2 }).justified).toBe(true);
	});

	it('works on the ratio of computeSpaceNeeds', () => {
		// ratio 345 / 512 = 0.67 < 0.7 (see space-needs.spec.ts)
		const r = computeSpaceNeeds({
			normSet: NORM_SET_155_2025,
			positions: [{ unitId: 'u', titleKey: 'specialist', count: 10 }],
			occupiedAreaM2ByUnit: { u: 100 }
		});
		// 100 / (10 × 15) = 0.667
		expect(
			isNewHeadquartersJustified({
				ratioToNorm: r.ratioToNorm,
				worstDangerLevel: 'A',
				siteCount: 1
			})
		).toEqual({ justified: true, reasons: ['below-70-percent'] });
	});

	it.each([
		[{ ratioToNorm: Number.NaN, worstDangerLevel: null, siteCount: 1 }, /ratioToNorm/],
		[{ ratioToNorm: -1, worstDangerLevel: null, siteCount: 1 }, /ratioToNorm/],
		[{ ratioToNorm: 1, worstDangerLevel: 'E', siteCount: 1 }, /worstDangerLevel/],
		[{ ratioToNorm: 1, worstDangerLevel: null, siteCount: 1.5 }, /siteCount/]
	] as [JustificationInput, RegExp][])('rejects %o', (input, message) => {
		expect(() => isNewHeadquartersJustified(input)).toThrow(NormsInputError);
		expect(() => isNewHeadquartersJustified(input)).toThrow(message);
	});

	it('rejects a threshold below 1', () => {
		expect(() =>
			isNewHeadquartersJustified(
				{ ratioToNorm: 1, worstDangerLevel: null, siteCount: 1 },
				{ siteCountThreshold: 0 }
			)
		).toThrow(/siteCountThreshold/);
	});
});

describe('resolvePersonTitles', () => {
	const titles = NORM_SET_155_2025.titles;

	it('counts a person with several titles once, at the highest norm', () => {
		expect(
			resolvePersonTitles(
				[
					{ personId: 'p1', unitId: 'dang-uy', titleKeys: ['chair-deputy', 'party-secretary'] },
					{ personId: 'p2', unitId: 'vp', titleKeys: ['specialist'] },
					{ personId: 'p3', unitId: 'vp', titleKeys: ['specialist', 'division-head'] },
					{ personId: 'p4', unitId: 'vp', titleKeys: ['specialist'] }
				],
				titles
			)
		).toEqual([
			{ unitId: 'dang-uy', titleKey: 'party-secretary', count: 1 },
			{ unitId: 'vp', titleKey: 'specialist', count: 2 },
			{ unitId: 'vp', titleKey: 'division-head', count: 1 }
		]);
	});

	it('merges a person listed in two units, in the unit of the higher title', () => {
		// p1 is a specialist in 'vp' and chair-deputy in 'ubnd': counts once, 20 m², in 'ubnd'
		const positions = resolvePersonTitles(
			[
				{ personId: 'p1', unitId: 'vp', titleKeys: ['specialist'] },
				{ personId: 'p1', unitId: 'ubnd', titleKeys: ['chair-deputy'] }
			],
			titles
		);
		expect(positions).toEqual([{ unitId: 'ubnd', titleKey: 'chair-deputy', count: 1 }]);
		expect(computeSpaceNeeds({ normSet: NORM_SET_155_2025, positions }).workAreaM2).toBe(20);
	});

	it('breaks ties by the order of the titles', () => {
		// chair-deputy and the principal-specialist rank are both 20 m² in 155/2025: chair-deputy
		// is listed first
		expect(
			resolvePersonTitles(
				[
					{
						personId: 'p',
						unitId: 'u',
						titleKeys: ['rank-principal-specialist', 'chair-deputy']
					}
				],
				titles
			)
		).toEqual([{ unitId: 'u', titleKey: 'chair-deputy', count: 1 }]);
	});

	it('names the row on errors', () => {
		expect(() =>
			resolvePersonTitles(
				[
					{ personId: 'p1', unitId: 'u', titleKeys: ['specialist'] },
					{ personId: 'p2', unitId: 'u', titleKeys: ['boss'] }
				],
				titles
			)
		).toThrow("people[1] (person 'p2'): unknown title key 'boss'");
		expect(() =>
			resolvePersonTitles([{ personId: 'p1', unitId: 'u', titleKeys: [] }], titles)
		).toThrow("people[0] (person 'p1'): titleKeys must list at least one title");
		expect(() =>
			resolvePersonTitles([{ personId: '', unitId: 'u', titleKeys: ['specialist'] }], titles)
		).toThrow(NormsInputError);
		expect(() => resolvePersonTitles([], [{ key: 'x', m2PerPerson: -1 }])).toThrow(
			"titles[0] (key 'x'): m2PerPerson must be a finite number ≥ 0, got -1"
		);
	});
});

describe('computeStaffingGaps', () => {
	const row = (
		unitId: string,
		field: string | null,
		approved: number,
		filled: number,
		plannedNextYear = 0
	): StaffingPosition => ({
		unitId,
		titleKey: 'specialist',
		field,
		approved,
		filled,
		plannedNextYear
	});

	it('totals by field, most vacant first', () => {
		const result = computeStaffingGaps([
			row('kt-ht', 'land', 3, 1, 1), // vacant 2
			row('kt-ht', 'construction', 2, 2), // vacant 0
			row('vp', 'land', 1, 2), // vacant 0, surplus 1
			row('vp', 'finance', 2, 0, 2), // vacant 2
			row('vp', 'accounting', 1, 0, 1), // vacant 1
			row('vh-xh', null, 4, 3), // vacant 1
			row('vh-xh', 'foreign-affairs', 1, 0) // vacant 1
		]);
		expect(result.rows).toEqual([
			// land: approved 3 + 1 = 4, filled 1 + 2 = 3, vacant max(0, 2) + max(0, −1) = 2
			{ field: 'finance', approved: 2, filled: 0, vacant: 2, surplus: 0, planned: 2, positions: 1 },
			{ field: 'land', approved: 4, filled: 3, vacant: 2, surplus: 1, planned: 1, positions: 2 },
			{
				field: 'accounting',
				approved: 1,
				filled: 0,
				vacant: 1,
				surplus: 0,
				planned: 1,
				positions: 1
			},
			{
				field: 'foreign-affairs',
				approved: 1,
				filled: 0,
				vacant: 1,
				surplus: 0,
				planned: 0,
				positions: 1
			},
			{ field: null, approved: 4, filled: 3, vacant: 1, surplus: 0, planned: 0, positions: 1 },
			{
				field: 'construction',
				approved: 2,
				filled: 2,
				vacant: 0,
				surplus: 0,
				planned: 0,
				positions: 1
			}
		]);
		// approved 3+2+1+2+1+4+1 = 14; filled 1+2+2+0+0+3+0 = 8; vacant 2+0+0+2+1+1+1 = 7
		expect(result.totals).toEqual({
			approved: 14,
			filled: 8,
			vacant: 7,
			surplus: 1,
			planned: 4,
			positions: 7
		});
	});

	it('treats a blank field as unspecified', () => {
		const { rows } = computeStaffingGaps([row('a', '  ', 1, 0), row('b', null, 1, 1)]);
		expect(rows).toEqual([
			{ field: null, approved: 2, filled: 1, vacant: 1, surplus: 0, planned: 0, positions: 2 }
		]);
	});

	it('returns empty rows and zero totals for no positions', () => {
		expect(computeStaffingGaps([])).toEqual({
			rows: [],
			totals: { approved: 0, filled: 0, vacant: 0, surplus: 0, planned: 0, positions: 0 }
		});
	});

	it.each([
		[{ approved: -1 }, "positions[1] (unit 'vp'): approved must be a non-negative integer, got -1"],
		[{ filled: 1.5 }, "positions[1] (unit 'vp'): filled must be a non-negative integer, got 1.5"],
		[
			{ plannedNextYear: Number.NaN },
			"positions[1] (unit 'vp'): plannedNextYear must be a non-negative integer, got NaN"
		],
		[{ titleKey: '' }, `positions[1] (unit 'vp'): titleKey must be a non-empty string, got ""`],
		[{ unitId: '' }, 'positions[1]: unitId must be a non-empty string'],
		[{ field: 7 }, "positions[1] (unit 'vp'): field must be a string or null, got 7"]
	] as [Partial<StaffingPosition>, string][])('rejects %o', (bad, message) => {
		expect(() =>
			computeStaffingGaps([row('kt', 'land', 1, 1), { ...row('vp', 'land', 1, 1), ...bad }])
		).toThrow(message);
	});
});
