/**
 * Issue 14: positions after the 2025 reform (ranks, concurrent titles), the three needs classes
 * compared like for like, the justification test criterion by criterion and the vacancies by
 * position. Every expected figure is computed by hand in the comment next to it.
 */
import { describe, expect, it } from 'vitest';
import {
	CITY_FIELDS,
	HALL_100_SEATS_MIN_AREA_M2,
	NORM_SET_152_2017,
	NORM_SET_155_2025,
	NormsInputError,
	computeSpaceNeeds,
	formatNumberVi,
	groupVacancies,
	justificationCriteria,
	positionNorm,
	ratioFormulaVi,
	roomNeedsClass,
	specialisedProgrammeKey,
	type JustificationBuilding,
	type JustificationSite,
	type VacancyPosition
} from './index';

const titles155 = NORM_SET_155_2025.titles;

describe('positionNorm: the highest norm of title, rank and concurrent titles', () => {
	it('a head of division of rank chuyên viên chính gets 20 m², not 18', () => {
		expect(
			positionNorm({ titleKey: 'division-head', rank: 'principal-specialist' }, titles155)
		).toMatchObject({
			governingKey: 'rank-principal-specialist',
			m2PerPerson: 20,
			governedBy: 'rank',
			unpricedRank: null
		});
	});

	it('a specialist of rank chuyên viên cao cấp gets 20 m²; of rank chuyên viên 15', () => {
		expect(
			positionNorm({ titleKey: 'specialist', rank: 'senior-specialist' }, titles155).m2PerPerson
		).toBe(20);
		// tie 15 = 15: the title governs
		expect(positionNorm({ titleKey: 'specialist', rank: 'specialist' }, titles155)).toMatchObject({
			governingKey: 'specialist',
			m2PerPerson: 15,
			governedBy: 'title'
		});
	});

	it('Bí thư kiêm Chủ tịch HĐND counts once at 30; a specialist kiêm Phó Trưởng phòng at 18', () => {
		const secretary = positionNorm(
			{ titleKey: 'party-secretary', concurrentTitleKeys: ['chair-deputy'] },
			titles155
		);
		expect(secretary).toMatchObject({ m2PerPerson: 30, governedBy: 'title' });
		expect(secretary.candidates.map((c) => [c.key, c.m2PerPerson])).toEqual([
			['party-secretary', 30],
			['chair-deputy', 20]
		]);
		expect(
			positionNorm({ titleKey: 'specialist', concurrentTitleKeys: ['division-head'] }, titles155)
		).toMatchObject({ governingKey: 'division-head', m2PerPerson: 18, governedBy: 'concurrent' });
	});

	it('under 152/2017 the ranks are priced at the commune civil-servant value (10)', () => {
		expect(
			positionNorm(
				{ titleKey: 'division-head', rank: 'principal-specialist' },
				NORM_SET_152_2017.titles
			).m2PerPerson
		).toBe(10);
	});

	it('reports a rank the norm set does not price, and refuses unknown keys', () => {
		const noRanks = [
			{ key: 'division-head', m2PerPerson: 18 },
			{ key: 'specialist', m2PerPerson: 15 }
		];
		expect(
			positionNorm({ titleKey: 'specialist', rank: 'principal-specialist' }, noRanks)
		).toMatchObject({
			m2PerPerson: 15,
			unpricedRank: 'principal-specialist'
		});
		expect(() =>
			positionNorm({ titleKey: 'specialist', concurrentTitleKeys: ['boss'] }, titles155)
		).toThrow(NormsInputError);
		expect(() =>
			positionNorm({ titleKey: 'specialist', rank: 'chief' as never }, titles155)
		).toThrow(/rank: must be one of/);
	});
});

describe('roomNeedsClass: the one map of room types to the three classes', () => {
	it('offices are working rooms; one-stop, reception, archive, IT specialised; the rest common', () => {
		expect(roomNeedsClass('office', 24)).toBe('working');
		for (const t of ['one-stop', 'reception', 'archive', 'it']) {
			expect(roomNeedsClass(t, 10)).toBe('specialised');
		}
		for (const t of ['meeting', 'store', 'toilet', 'corridor', 'other', 'unknown-type']) {
			expect(roomNeedsClass(t, 500)).toBe('common');
		}
	});

	it('a hall is specialised from 100 m² (taken as 100 seats), common below', () => {
		expect(HALL_100_SEATS_MIN_AREA_M2).toBe(100);
		expect(roomNeedsClass('hall', 99.9)).toBe('common');
		expect(roomNeedsClass('hall', 100)).toBe('specialised');
		expect(specialisedProgrammeKey('hall', 120)).toBe('hall-100');
		expect(specialisedProgrammeKey('one-stop', 60)).toBe('one-stop-counter');
		expect(specialisedProgrammeKey('meeting', 60)).toBeNull();
	});
});

describe('computeSpaceNeeds: three like-for-like lines, ranks and concurrent titles', () => {
	const result = computeSpaceNeeds({
		normSet: {
			titles: titles155,
			commonAreaRatio: 0.7,
			specialisedRooms: [
				{ key: 'archive', areaM2: 30, count: 1 },
				{ key: 'one-stop-counter', areaM2: 12, count: 4 }
			]
		},
		positions: [
			// Phó Bí thư kiêm Bí thư Đảng ủy (acting): max(20, 30) = 30, counted once
			{
				unitId: 'u1',
				titleKey: 'chair-deputy',
				count: 1,
				concurrentTitleKeys: ['party-secretary']
			},
			// 2 chuyên viên chính: 2 × 20 = 40
			{ unitId: 'u1', titleKey: 'specialist', count: 2, rank: 'principal-specialist' },
			// 3 chuyên viên: 3 × 15 = 45 → u1 = 30 + 40 + 45 = 115
			{ unitId: 'u1', titleKey: 'specialist', count: 3, rank: 'specialist' },
			// u2: 2 × 18 = 36
			{ unitId: 'u2', titleKey: 'division-head', count: 2 }
		],
		occupiedAreaM2ByUnit: { u1: 80, u2: 30 },
		commonInUseM2ByUnit: { u1: 20 },
		specialisedInUseM2ByUnit: { u2: 40 },
		wardInUseM2: { common: 150, specialised: 60 }
	});

	it('prices each row at its highest norm', () => {
		expect(result.byUnit.map((u) => [u.unitId, u.headcount, u.workAreaM2])).toEqual([
			['u1', 6, 115],
			['u2', 2, 36]
		]);
		expect(
			result.pricedPositions.map((p) => [p.governingKey, p.m2PerPerson, p.governedBy])
		).toEqual([
			['party-secretary', 30, 'concurrent'],
			['rank-principal-specialist', 20, 'rank'],
			['specialist', 15, 'title'],
			['division-head', 18, 'title']
		]);
	});

	it('gives each unit its working and common-use lines; specialised has no unit allowance', () => {
		const u1 = result.byUnit[0].lines;
		// working 80 vs 115 → gap −35; common 20 vs 0.7 × 115 = 80.5
		expect(u1.working).toEqual({ inUseM2: 80, allowanceM2: 115, gapM2: -35, ratio: 80 / 115 });
		expect(u1.common.inUseM2).toBe(20);
		expect(u1.common.allowanceM2).toBeCloseTo(80.5, 12);
		expect(u1.specialised).toEqual({ inUseM2: 0, allowanceM2: null, gapM2: null, ratio: null });
		expect(result.byUnit[1].lines.specialised.inUseM2).toBe(40);
	});

	it('gives the ward lines: working 110 / 151, common 150 / 105.7, specialised 60 / 78', () => {
		// working norm 115 + 36 = 151; in use 80 + 30 = 110; headline ratio 110 / 151
		expect(result.lines.working).toEqual({
			inUseM2: 110,
			allowanceM2: 151,
			gapM2: -41,
			ratio: 110 / 151
		});
		expect(result.ratioToNorm).toBe(110 / 151);
		// common: the ward figure (150, incl. corridors no unit holds) vs 0.7 × 151 = 105.7
		expect(result.lines.common.inUseM2).toBe(150);
		expect(result.lines.common.allowanceM2).toBeCloseTo(105.7, 12);
		expect(result.lines.common.gapM2).toBeCloseTo(44.3, 12);
		// specialised: 60 in use vs programme 30 + 4 × 12 = 78 → −18
		expect(result.lines.specialised).toEqual({
			inUseM2: 60,
			allowanceM2: 78,
			gapM2: -18,
			ratio: 60 / 78
		});
	});

	it('without the ward figures, the ward lines are the sums over units', () => {
		const r = computeSpaceNeeds({
			normSet: NORM_SET_155_2025,
			positions: [{ unitId: 'a', titleKey: 'specialist', count: 2 }],
			occupiedAreaM2ByUnit: { a: 20 },
			commonInUseM2ByUnit: { a: 5, b: 7 }
		});
		// b holds rooms but no post: headcount 0, common allowance 0
		expect(r.lines.common).toMatchObject({ inUseM2: 12 });
		expect(r.byUnit.find((u) => u.unitId === 'b')!.lines.common).toEqual({
			inUseM2: 7,
			allowanceM2: 0,
			gapM2: 7,
			ratio: null
		});
	});

	it('refuses a negative common-use area and an unknown concurrent title, naming the row', () => {
		expect(() =>
			computeSpaceNeeds({
				normSet: NORM_SET_155_2025,
				positions: [],
				commonInUseM2ByUnit: { a: -1 }
			})
		).toThrow("commonInUseM2ByUnit['a']: must be a finite number ≥ 0, got -1");
		expect(() =>
			computeSpaceNeeds({
				normSet: NORM_SET_155_2025,
				positions: [
					{
						unitId: 'a',
						titleKey: 'specialist',
						count: 1,
						concurrentTitleKeys: ['non-professional']
					}
				]
			})
		).toThrow(
			/positions\[0\] \(unit 'a'\): concurrentTitleKeys: unknown title key "non-professional"/
		);
	});
});

describe('justificationCriteria: each criterion with its evidence', () => {
	// Two sites on the same meridian 0.01° apart: 6,371,008.8 m × π / 180 × 0.01 = 1,111.95 m.
	const hq: JustificationSite = {
		code: 'TS',
		name: 'Trụ sở',
		lat: 10.78,
		lng: 106.75,
		isHeadquarters: true,
		workingInUseM2: 200
	};
	const annex: JustificationSite = {
		code: 'CS',
		name: 'Cơ sở 2',
		lat: 10.79,
		lng: 106.75,
		isHeadquarters: false,
		workingInUseM2: 100
	};
	const building = (level: JustificationBuilding['dangerLevel'], inUse: boolean, code = 'A') => ({
		facilityCode: 'CS',
		buildingCode: code,
		name: `Nhà ${code}`,
		dangerLevel: level,
		inUse
	});

	it('(a) met when all sites together are under 70 %: 300 / 500 = 60 %; headquarters 40 %', () => {
		const j = justificationCriteria({ workingNormM2: 500, sites: [hq, annex], buildings: [] });
		expect(j.workingArea.met).toBe(true);
		expect(j.workingArea.headquarters).toMatchObject({
			code: 'TS',
			inUseM2: 200,
			ratio: 0.4,
			below: true
		});
		expect(j.workingArea.allSites).toEqual({ inUseM2: 300, normM2: 500, ratio: 0.6, below: true });
	});

	it('(a) not met at 300 / 400 = 75 %, although the headquarters alone is at 50 %', () => {
		const j = justificationCriteria({ workingNormM2: 400, sites: [hq, annex], buildings: [] });
		expect(j.workingArea.met).toBe(false);
		expect(j.workingArea.headquarters!.below).toBe(true);
		expect(j.workingArea.allSites.ratio).toBe(0.75);
		// exactly 70 % is not under 70 %: 350 / 500
		expect(
			justificationCriteria({
				workingNormM2: 500,
				sites: [{ ...hq, workingInUseM2: 350 }],
				buildings: []
			}).workingArea.met
		).toBe(false);
	});

	it('(a) not met without staffing (norm 0): no ratio', () => {
		const j = justificationCriteria({ workingNormM2: 0, sites: [hq], buildings: [] });
		expect(j.workingArea.allSites).toEqual({ inUseM2: 200, normM2: 0, ratio: null, below: false });
		expect(j.workingArea.met).toBe(false);
	});

	it('(b) met only by a C or D building in use; every C or D building is listed', () => {
		const notInUse = justificationCriteria({
			workingNormM2: 1000,
			sites: [hq],
			buildings: [building('D', false, 'A'), building('B', true, 'B'), building(null, true, 'C')]
		});
		expect(notInUse.unsafeBuildings).toEqual({
			met: false,
			buildings: [building('D', false, 'A')],
			unsurveyed: 1
		});
		const inUse = justificationCriteria({
			workingNormM2: 1000,
			sites: [hq],
			buildings: [building('C', true)]
		});
		expect(inUse.unsafeBuildings.met).toBe(true);
	});

	it('(c) two sites 1,111.95 m apart are scattered (≥ 2 sites, ≥ 500 m); not with 1,200 m', () => {
		const j = justificationCriteria({ workingNormM2: 400, sites: [annex, hq], buildings: [] });
		expect(j.dispersion).toMatchObject({ met: true, siteCount: 2, farthestPair: ['CS', 'TS'] });
		expect(j.dispersion.maxDistanceM).toBeCloseTo(1111.95, 1);
		// distances are measured from the headquarters
		expect(j.dispersion.fromHeadquarters).toHaveLength(1);
		expect(j.dispersion.fromHeadquarters[0].code).toBe('CS');
		expect(j.dispersion.fromHeadquarters[0].distanceM).toBeCloseTo(1111.95, 1);
		expect(j.justified).toBe(true);
		const far = justificationCriteria(
			{ workingNormM2: 400, sites: [annex, hq], buildings: [] },
			{ minDistanceM: 1200 }
		);
		expect(far.dispersion.met).toBe(false);
		expect(far.justified).toBe(false); // (a) 75 %, (b) none, (c) closer than 1,200 m
	});

	it('(c) one site is not scattered', () => {
		const j = justificationCriteria({ workingNormM2: 100, sites: [hq], buildings: [] });
		expect(j.dispersion).toMatchObject({
			met: false,
			siteCount: 1,
			maxDistanceM: 0,
			farthestPair: null
		});
	});

	it('refuses bad input with a message naming it', () => {
		expect(() => justificationCriteria({ workingNormM2: -1, sites: [], buildings: [] })).toThrow(
			'workingNormM2: must be a finite number ≥ 0, got -1'
		);
		expect(() =>
			justificationCriteria({
				workingNormM2: 1,
				sites: [{ ...hq, workingInUseM2: Number.NaN }],
				buildings: []
			})
		).toThrow(/sites\[0\] \(site 'TS'\)/);
	});
});

describe('groupVacancies: vacancies by position under the city fields', () => {
	const row = (over: Partial<VacancyPosition>): VacancyPosition => ({
		unitCode: 'KT',
		unitName: 'Phòng KT',
		title: 'Chuyên viên',
		titleKey: 'specialist',
		rank: 'specialist',
		field: null,
		approved: 1,
		filled: 1,
		leadership: false,
		...over
	});

	it('lists the five city fields first, then leadership, other fields, unknown, unspecified', () => {
		const v = groupVacancies(
			[
				row({ field: 'culture', approved: 3, filled: 1 }),
				row({
					title: 'Phó Chủ tịch UBND',
					titleKey: 'chair-deputy',
					rank: null,
					leadership: true,
					approved: 3,
					filled: 2
				}),
				row({ field: 'land', approved: 6, filled: 3 }),
				row({ field: 'land', approved: 1, filled: 2 }), // surplus 1 does not hide the vacancy above
				row({ field: 'kho bạc', approved: 1, filled: 0 }),
				row({ field: ' ', approved: 2, filled: 0 }),
				row({ field: 'legal', approved: 2, filled: 2 })
			],
			['legal', 'culture']
		);
		expect(v.groups.map((g) => [g.key, g.approved, g.filled, g.missing])).toEqual([
			['land', 7, 5, 3], // max(0, 6 − 3) + max(0, 1 − 2) = 3
			['construction', 0, 0, 0],
			['finance', 0, 0, 0],
			['accounting', 0, 0, 0],
			['foreign-affairs', 0, 0, 0],
			['leadership', 3, 2, 1],
			['legal', 2, 2, 0],
			['culture', 3, 1, 2],
			['kho bạc', 1, 0, 1],
			['unspecified', 2, 0, 2]
		]);
		expect(v.groups.slice(0, 5).every((g) => g.cityField)).toBe(true);
		expect(v.groups.map((g) => g.key).slice(0, 5)).toEqual([...CITY_FIELDS]);
		expect(v.totals).toEqual({ approved: 18, filled: 10, missing: 9, positions: 7 }); // filled 1 + 2 + 3 + 2 + 0 + 0 + 2
		expect(v.groups[0].rows.map((r) => r.missing)).toEqual([3, 0]);
	});

	it('puts a leader with a field under the field', () => {
		const v = groupVacancies([
			row({ field: 'finance', leadership: true, titleKey: 'division-head', approved: 1, filled: 0 })
		]);
		expect(v.groups.find((g) => g.key === 'finance')!.missing).toBe(1);
		expect(v.groups.some((g) => g.key === 'leadership')).toBe(false);
	});

	it('refuses a count that is not a non-negative integer', () => {
		expect(() => groupVacancies([row({ approved: 1.5 })])).toThrow(
			"positions[0] (unit 'KT'): approved must be a non-negative integer, got 1.5"
		);
	});
});

describe('vi-VN figures of the headline formula', () => {
	it('writes thousands with "." and decimals with ","', () => {
		expect(formatNumberVi(1285.2)).toBe('1.285,2');
		// 758 / 1,836 = 0.41285… → 41,3 %
		// Areas with the policy's one decimal (DECIMALS.area), so 758,0 sits beside 1.285,2.
		expect(ratioFormulaVi(758, 1836)).toBe('758,0 m² ÷ 1.836,0 m² = 41,3 %');
		expect(ratioFormulaVi(10, 0)).toBe('10,0 m²');
	});
});
