/**
 * Staffing gaps, vacancy groups and the justification test (src/lib/norms/staffing.ts,
 * justification.ts) at the boundaries the first run of the `norms-other` mutation module found
 * untested (docs/mutation.md): each test names the mutant it kills. Hand-worked inputs.
 */
import { describe, expect, it } from 'vitest';
import { distanceM } from '../../src/lib/geo';
import { NormsInputError } from '../../src/lib/norms/errors';
import {
	isNewHeadquartersJustified,
	justificationCriteria,
	type JustificationSite
} from '../../src/lib/norms/justification';
import {
	computeStaffingGaps,
	groupVacancies,
	type StaffingPosition
} from '../../src/lib/norms/staffing';
import { vacancyRow } from '../helpers/norms';

const post = (field: string | null, approved: number, filled: number): StaffingPosition => ({
	unitId: 'vp',
	titleKey: 'specialist',
	field,
	approved,
	filled,
	plannedNextYear: 0
});

const vacancy = (field: string | null, approved = 2, filled = 1) =>
	vacancyRow(field, false, approved, filled);

describe('computeStaffingGaps', () => {
	it('a null row is refused with its path, not read', () => {
		// staffing.ts:79 `p === null` → false would read null.unitId (a TypeError).
		let error: unknown = null;
		try {
			computeStaffingGaps([post('land', 1, 1), null as unknown as StaffingPosition]);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NormsInputError);
		expect((error as Error).message).toBe('positions[1]: must be an object');
	});

	it('on equal vacancy the unspecified field comes last, even after a field named by digits', () => {
		// staffing.ts:47 `a === null` → false: null < '2024' compares 0 < 2024, which would put
		// the unspecified field first. Both rows: 1 vacant.
		const gaps = computeStaffingGaps([post('2024', 2, 1), post(null, 3, 2)]);
		expect(gaps.rows.map((r) => [r.field, r.vacant])).toEqual([
			['2024', 1],
			[null, 1]
		]);
	});
});

describe('groupVacancies', () => {
	const order = (fields: (string | null)[], fieldOrder: string[] = []) =>
		groupVacancies(
			fields.map((f) => vacancy(f)),
			fieldOrder
		)
			.groups.map((g) => g.key)
			.slice(5); // after the five city fields

	it('fields nobody ordered come by name, whatever their input order', () => {
		// staffing.ts `na < nb ? -1 : na > nb ? 1 : 0` → `true ? -1 …`: the order would follow the
		// input. (The `na > nb ? 1 : 0` mutants survive: V8's sort only asks "negative or not".)
		const expected = ['alpha', 'kilo', 'mike', 'zulu'];
		expect(order(['zulu', 'mike', 'kilo', 'alpha'])).toEqual(expected);
		expect(order(['kilo', 'zulu', 'alpha', 'mike'])).toEqual(expected);
		expect(order(['alpha', 'kilo', 'mike', 'zulu'])).toEqual(expected);
		// Known fields (fieldOrder) before them, then posts without a field.
		expect(order([null, 'zulu', 'health', 'alpha', 'culture'], ['culture', 'health'])).toEqual([
			'culture',
			'health',
			'alpha',
			'zulu',
			'unspecified'
		]);
	});

	it('a field with spaces around it joins its group, and the row shows it trimmed', () => {
		// staffing.ts:241 `p.field.trim()` → `p.field` would make a group ' land '.
		const r = groupVacancies([vacancy(' land ', 3, 1), vacancy('land', 1, 0)]);
		expect(r.groups[0]).toMatchObject({ key: 'land', approved: 4, filled: 1, missing: 3 });
		expect(r.groups[0].rows.map((x) => x.field)).toEqual(['land', 'land']);
		expect(r.groups.map((g) => g.key)).toEqual([
			'land',
			'construction',
			'finance',
			'accounting',
			'foreign-affairs'
		]);
	});
});

describe('isNewHeadquartersJustified', () => {
	it('a threshold of 1 site is allowed: one site is then "scattered"', () => {
		// justification.ts:120 `threshold < 1` → `<= 1` would refuse it.
		expect(
			isNewHeadquartersJustified(
				{ ratioToNorm: 0.9, worstDangerLevel: 'A', siteCount: 1 },
				{ siteCountThreshold: 1 }
			)
		).toEqual({ justified: true, reasons: ['scattered'] });
	});
});

describe('justificationCriteria', () => {
	const site = (code: string, lat: number, lng: number, m2 = 100): JustificationSite => ({
		code,
		name: code,
		lat,
		lng,
		isHeadquarters: code === 'TS',
		workingInUseM2: m2
	});
	const ts = site('TS', 10.78712, 106.75742);
	const cs = site('CS', 10.78935, 106.77105);

	it('one site is never dispersed, even with a minimum distance of 0', () => {
		// justification.ts:334 `sites.length >= minSites` → true: 0 m ≥ 0 m would say dispersed.
		const r = justificationCriteria(
			{ workingNormM2: 100, sites: [ts], buildings: [] },
			{ minDistanceM: 0 }
		);
		expect(r.dispersion).toMatchObject({ met: false, siteCount: 1, maxDistanceM: 0 });
		expect(r.justified).toBe(false);
	});

	it('two sites exactly the minimum distance apart are dispersed', () => {
		// justification.ts:334 `maxDistanceM >= minDistanceM` → `>` would not.
		const d = distanceM(ts, cs);
		expect(d).toBeGreaterThan(1400);
		expect(d).toBeLessThan(1600);
		const r = justificationCriteria(
			{ workingNormM2: 200, sites: [ts, cs], buildings: [] },
			{ minDistanceM: d }
		);
		expect(r.dispersion).toMatchObject({ met: true, maxDistanceM: d, farthestPair: ['TS', 'CS'] });
		expect(r.justified).toBe(true);
	});

	it('one criterion met alone suffices: the working area, or an unsafe building in use', () => {
		// justification.ts:339 `workingMet || unsafeMet` → `&&` would need both.
		const one = [ts];
		// 100 m² of 200: 50 % < 70 %; no unsafe building; one site.
		const area = justificationCriteria({ workingNormM2: 200, sites: one, buildings: [] });
		expect([area.workingArea.met, area.unsafeBuildings.met, area.dispersion.met]).toEqual([
			true,
			false,
			false
		]);
		expect(area.justified).toBe(true);
		// 100 m² of 100: not below; a building in level D in use.
		const unsafe = justificationCriteria({
			workingNormM2: 100,
			sites: one,
			buildings: [
				{ facilityCode: 'TS', buildingCode: 'A', name: 'Nhà A', dangerLevel: 'D', inUse: true }
			]
		});
		expect([unsafe.workingArea.met, unsafe.unsafeBuildings.met, unsafe.dispersion.met]).toEqual([
			false,
			true,
			false
		]);
		expect(unsafe.justified).toBe(true);
	});
});
