import { describe, expect, it } from 'vitest';
import { groupVacancies } from '$lib/norms';
import {
	LIST_LIMIT,
	buildingRows,
	criteriaView,
	normItems,
	staffingSummary,
	staffingTable
} from './view';
import { organisationView, unitOfForm } from './organisation/view';

const position = (over: Partial<Parameters<typeof groupVacancies>[0][number]>) => ({
	unitCode: 'KT',
	unitName: 'Phòng Kinh tế',
	title: 'Chuyên viên',
	titleKey: 'specialist',
	rank: null,
	field: 'land',
	approved: 1,
	filled: 1,
	leadership: false,
	...over
});

describe('the needs page data', () => {
	// Land: 6 − 3 = 3 and 2 − 4 → 0 (a surplus never hides a vacancy): 3 missing of 8 approved;
	// leadership 3 − 2 = 1.
	const vacancies = {
		...groupVacancies([
			position({ title: 'Chuyên viên đất đai', approved: 6, filled: 3 }),
			position({ title: 'Chuyên viên địa chính', approved: 2, filled: 4 }),
			position({
				unitCode: 'TT',
				unitName: 'Thường trực',
				title: 'Phó Chủ tịch UBND',
				titleKey: 'chair-deputy',
				field: null,
				approved: 3,
				filled: 2,
				leadership: true
			})
		]),
		titleLabels: { specialist: { vi: 'Chuyên viên', en: 'Specialist' } }
	};

	it('sums the staffing by field without the positions', () => {
		const summary = staffingSummary(vacancies);
		const land = summary.groups.find((g) => g.key === 'land');
		expect(land).toEqual({
			key: 'land',
			cityField: true,
			positions: 2,
			approved: 8,
			filled: 7,
			missing: 3
		});
		expect(summary.groups.find((g) => g.key === 'leadership')).toMatchObject({
			positions: 1,
			missing: 1
		});
		expect(summary.totals).toEqual({ approved: 11, filled: 9, missing: 4, positions: 3 });
		expect(JSON.stringify(summary)).not.toContain('Chuyên viên đất đai');
	});

	it('keeps the positions for the staffing page, without codes and labels it does not show', () => {
		const table = staffingTable(vacancies);
		expect(table.groups[0].rows).toEqual([
			{
				unitName: 'Phòng Kinh tế',
				title: 'Chuyên viên đất đai',
				rank: null,
				approved: 6,
				filled: 3,
				missing: 3
			},
			{
				unitName: 'Phòng Kinh tế',
				title: 'Chuyên viên địa chính',
				rank: null,
				approved: 2,
				filled: 4,
				missing: 0
			}
		]);
		expect(JSON.stringify(table)).not.toMatch(/titleLabels|unitCode|"leadership":/);
	});

	it('cuts the evidence lists to the first five, buildings in use first, and counts the rest', () => {
		const building = (n: number, inUse: boolean) => ({
			facilityCode: `CS-${n}`,
			buildingCode: 'A',
			name: `Nhà ${n}`,
			dangerLevel: 'C' as const,
			inUse
		});
		// Seven C/D buildings, the two in use last: shown 6, 7 (in use), then 1, 2, 3; 2 more.
		const buildings = [1, 2, 3, 4, 5].map((n) => building(n, false));
		buildings.push(building(6, true), building(7, true));
		const sites = [1, 2, 3, 4, 5, 6].map((n) => ({
			code: `S${n}`,
			name: `Cơ sở ${n}`,
			distanceM: n
		}));
		const criteria = {
			justified: true,
			threshold: 0.7,
			workingArea: {
				met: false,
				headquarters: null,
				allSites: { inUseM2: 1, normM2: 1, ratio: 1, below: false }
			},
			unsafeBuildings: { met: true, buildings, unsurveyed: 2 },
			dispersion: {
				met: true,
				siteCount: 7,
				minSites: 3,
				minDistanceM: 1000,
				maxDistanceM: 2534,
				farthestPair: ['S1', 'S6'] as [string, string],
				fromHeadquarters: sites
			}
		};
		const view = criteriaView(criteria);
		expect(LIST_LIMIT).toBe(5);
		expect(view.unsafeBuildings.buildings.map((b) => b.facilityCode)).toEqual([
			'CS-6',
			'CS-7',
			'CS-1',
			'CS-2',
			'CS-3'
		]);
		expect(view.unsafeBuildings).toMatchObject({ met: true, unsurveyed: 2, more: 2 });
		expect(view.dispersion.fromHeadquarters.map((s) => s.code)).toEqual([
			'S1',
			'S2',
			'S3',
			'S4',
			'S5'
		]);
		expect(view.dispersion).toMatchObject({ moreSites: 1, maxDistanceM: 2534, siteCount: 7 });
		// A short list is whole.
		expect(
			criteriaView({ ...criteria, unsafeBuildings: { met: false, buildings: [], unsurveyed: 0 } })
				.unsafeBuildings.more
		).toBe(0);
	});

	it('labels the norm titles in the page language', () => {
		const item = {
			titleKey: 'specialist',
			labelVi: 'Chuyên viên',
			labelEn: 'Specialist',
			m2PerPerson: 15,
			legalBasis: 'Điều 5',
			verify: false
		};
		const set = { items: [item] } as unknown as Parameters<typeof normItems>[0];
		expect(normItems(set, 'vi')).toEqual([
			{
				titleKey: 'specialist',
				label: 'Chuyên viên',
				m2PerPerson: 15,
				legalBasis: 'Điều 5',
				verify: false
			}
		]);
		expect(normItems(set, 'en')[0].label).toBe('Specialist');
	});

	it('rounds the area per building to 0.1 m²', () => {
		expect(
			buildingRows([
				{
					building: 'TS-01 / A',
					facilityName: 'Trụ sở',
					dangerLevel: 'C',
					occupiedM2: 120.04999999,
					unassignedM2: 33.36
				}
			])
		).toEqual([{ building: 'TS-01 / A', dangerLevel: 'C', occupiedM2: 120, unassignedM2: 33.4 }]);
	});
});

describe('the organisation page data', () => {
	const unit = (id: number, code: string) => ({
		id,
		wardId: 1,
		code,
		name: `Phòng ${code}`,
		kind: 'division' as const,
		publicFacing: false,
		sortOrder: id,
		version: 3,
		createdAt: 0,
		updatedAt: 0
	});
	const pos = (id: number, orgUnitId: number, over: Record<string, unknown> = {}) => ({
		id,
		orgUnitId,
		title: `Vị trí ${id}`,
		titleKey: 'specialist',
		rank: null,
		concurrentTitleKeys: null,
		field: null,
		approved: 2,
		filled: 1,
		plannedNextYear: 0,
		version: 1,
		createdAt: 0,
		updatedAt: 0,
		...over
	});
	const units = [
		{
			...unit(7, 'KT'),
			positions: [
				pos(70, 7, { approved: 6, filled: 3, plannedNextYear: 1 }),
				pos(71, 7, { concurrentTitleKeys: ['chair'], approved: 1, filled: 1 }),
				pos(72, 7, { titleKey: 'unknown', approved: 4, filled: 0, plannedNextYear: 2 })
			]
		},
		{ ...unit(8, 'VP'), positions: [] }
	] as unknown as Parameters<typeof organisationView>[0];
	const titles = [
		{ key: 'specialist', m2PerPerson: 15 },
		{ key: 'chair', m2PerPerson: 25 }
	];
	const view = organisationView(units, titles);

	it('sums each unit: 6 + 1 + 4 = 11 approved, 3 + 1 + 0 = 4 filled, 1 + 0 + 2 = 3 planned', () => {
		expect(view.units).toEqual([
			{
				id: 7,
				code: 'KT',
				name: 'Phòng KT',
				kind: 'division',
				publicFacing: false,
				version: 3,
				positions: 3,
				approved: 11,
				filled: 4,
				plannedNextYear: 3
			},
			{
				id: 8,
				code: 'VP',
				name: 'Phòng VP',
				kind: 'division',
				publicFacing: false,
				version: 3,
				positions: 0,
				approved: 0,
				filled: 0,
				plannedNextYear: 0
			}
		]);
	});

	it('prices each position (a concurrent title above its own: 25 m²; an unknown key: none)', () => {
		expect(view.positionsOf.get(7)!.map((p) => p.norm)).toEqual([15, 25, null]);
		expect(view.positionsOf.get(8)).toEqual([]);
	});

	it('shows the unit of a refused form', () => {
		expect(unitOfForm('unit-8', view.positionsOf)).toBe(8);
		expect(unitOfForm('position-new-7', view.positionsOf)).toBe(7);
		expect(unitOfForm('position-71', view.positionsOf)).toBe(7);
		expect(unitOfForm('position-99', view.positionsOf)).toBeNull();
		expect(unitOfForm('unit-new', view.positionsOf)).toBeNull();
		expect(unitOfForm('import', view.positionsOf)).toBeNull();
		expect(unitOfForm(undefined, view.positionsOf)).toBeNull();
	});
});
