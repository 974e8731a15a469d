import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSpaceNeeds, type NormSet, type PositionCount, type SpaceNeedsInput } from './index';

const TITLE_KEYS = ['t-high', 't-mid', 't-low'] as const;
const UNIT_IDS = ['dang-uy', 'ubnd', 'mttq', 'ttpvhcc'] as const;

const area = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

const normSetArb: fc.Arbitrary<NormSet> = fc.record({
	titles: fc
		.tuple(area(50), area(50), area(50))
		.map((m2) => TITLE_KEYS.map((key, i) => ({ key, m2PerPerson: m2[i] }))),
	commonAreaRatio: fc.double({ min: 0, max: 5, noNaN: true }),
	specialisedRooms: fc.array(
		fc.record({
			key: fc.constantFrom('one-stop-counter', 'archive', 'hall-100'),
			areaM2: area(300),
			count: fc.integer({ min: 0, max: 10 })
		}),
		{ maxLength: 4 }
	)
});

const positionArb: fc.Arbitrary<PositionCount> = fc.record({
	unitId: fc.constantFrom(...UNIT_IDS),
	titleKey: fc.constantFrom(...TITLE_KEYS),
	count: fc.integer({ min: 0, max: 60 })
});

const occupiedArb = fc.dictionary(fc.constantFrom(...UNIT_IDS, 'annex'), area(2000), {
	maxKeys: 5
});

const inputArb: fc.Arbitrary<SpaceNeedsInput> = fc.record({
	normSet: normSetArb,
	positions: fc.array(positionArb, { maxLength: 12 }),
	occupiedAreaM2ByUnit: occupiedArb
});

describe('computeSpaceNeeds: properties', () => {
	it('needs grow with headcount', () => {
		fc.assert(
			fc.property(
				inputArb.filter((i) => i.positions.length > 0),
				fc.nat(),
				fc.integer({ min: 1, max: 20 }),
				(input, pick, extra) => {
					const i = pick % input.positions.length;
					const more: SpaceNeedsInput = {
						...input,
						positions: input.positions.map((p, j) =>
							j === i ? { ...p, count: p.count + extra } : p
						)
					};
					const before = computeSpaceNeeds(input);
					const after = computeSpaceNeeds(more);
					expect(after.workAreaM2).toBeGreaterThanOrEqual(before.workAreaM2);
					expect(after.commonAreaM2).toBeGreaterThanOrEqual(before.commonAreaM2);
					expect(after.totalUsableM2).toBeGreaterThanOrEqual(before.totalUsableM2);
					const unit = input.positions[i].unitId;
					const u0 = before.byUnit.find((u) => u.unitId === unit)!;
					const u1 = after.byUnit.find((u) => u.unitId === unit)!;
					expect(u1.headcount).toBe(u0.headcount + extra);
					expect(u1.workAreaM2).toBeGreaterThanOrEqual(u0.workAreaM2);
					const m2 = input.normSet.titles.find(
						(t) => t.key === input.positions[i].titleKey
					)!.m2PerPerson;
					// strictly more for any realistic norm (subnormal doubles aside)
					if (m2 >= 0.01) expect(after.workAreaM2).toBeGreaterThan(before.workAreaM2);
				}
			)
		);
	});

	it('the total is the sum of its parts', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const r = computeSpaceNeeds(input);
				expect(r.totalUsableM2).toBe(r.workAreaM2 + r.commonAreaM2 + r.specialisedAreaM2);
				expect(r.commonAreaM2).toBe(input.normSet.commonAreaRatio * r.workAreaM2);
				const unitSum = r.byUnit.reduce((s, u) => s + u.workAreaM2, 0);
				expect(r.workAreaM2).toBeCloseTo(unitSum, 6);
				const occupiedSum = r.byUnit.reduce((s, u) => s + u.occupiedAreaM2, 0);
				expect(r.occupiedWorkAreaM2).toBeCloseTo(occupiedSum, 6);
				const headcount = input.positions.reduce((s, p) => s + p.count, 0);
				expect(r.byUnit.reduce((s, u) => s + u.headcount, 0)).toBe(headcount);
				const rooms = input.normSet.specialisedRooms.reduce((s, x) => s + x.areaM2 * x.count, 0);
				expect(r.specialisedAreaM2).toBeCloseTo(rooms, 6);
				// the trace's last total steps carry the same numbers
				const byStep = new Map(r.trace.map((t) => [t.step, t.valueM2]));
				expect(byStep.get('Total usable area (working + common-use + specialised)')).toBe(
					r.totalUsableM2
				);
			})
		);
	});

	it('a larger norm never lowers a need', () => {
		fc.assert(
			fc.property(inputArb, fc.constantFrom(...TITLE_KEYS), area(30), (input, key, increase) => {
				const larger: SpaceNeedsInput = {
					...input,
					normSet: {
						...input.normSet,
						titles: input.normSet.titles.map((t) =>
							t.key === key ? { ...t, m2PerPerson: t.m2PerPerson + increase } : t
						)
					}
				};
				const before = computeSpaceNeeds(input);
				const after = computeSpaceNeeds(larger);
				expect(after.workAreaM2).toBeGreaterThanOrEqual(before.workAreaM2);
				expect(after.totalUsableM2).toBeGreaterThanOrEqual(before.totalUsableM2);
				before.byUnit.forEach((u, i) => {
					expect(after.byUnit[i].unitId).toBe(u.unitId);
					expect(after.byUnit[i].workAreaM2).toBeGreaterThanOrEqual(u.workAreaM2);
					expect(after.byUnit[i].gapM2).toBeLessThanOrEqual(u.gapM2);
				});
			})
		);
	});

	it('gap = occupied − work area, per unit', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const r = computeSpaceNeeds(input);
				for (const u of r.byUnit) {
					expect(u.gapM2).toBe(u.occupiedAreaM2 - u.workAreaM2);
					expect(u.occupiedAreaM2).toBe(input.occupiedAreaM2ByUnit?.[u.unitId] ?? 0);
				}
				// every unit of positions and of the occupied map is listed once
				const expectedUnits = new Set([
					...input.positions.map((p) => p.unitId),
					...Object.keys(input.occupiedAreaM2ByUnit ?? {})
				]);
				expect(r.byUnit.map((u) => u.unitId).sort()).toEqual([...expectedUnits].sort());
				expect(r.ratioToNorm).toBe(r.workAreaM2 > 0 ? r.occupiedWorkAreaM2 / r.workAreaM2 : 0);
			})
		);
	});
});
