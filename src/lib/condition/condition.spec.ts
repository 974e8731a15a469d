import { describe, expect, it } from 'vitest';
import {
	COMPONENTS,
	ConditionInputError,
	DANGER_LEVELS,
	compareDangerLevels,
	LOAD_BEARING_COMPONENTS,
	dangerLevelOfRating,
	deriveDangerLevel,
	gradeSurvey,
	isDangerLevel,
	isUsableDangerLevel,
	ratingsFromSurvey,
	worstDangerLevel,
	type ComponentRatings,
	type DangerLevel
} from './index';

describe('DANGER_LEVELS', () => {
	it('lists A-D in order with C and D not usable', () => {
		expect(DANGER_LEVELS.map((d) => d.level)).toEqual(['A', 'B', 'C', 'D']);
		expect(DANGER_LEVELS.map((d) => d.rank)).toEqual([0, 1, 2, 3]);
		expect(DANGER_LEVELS.filter((d) => !d.usable).map((d) => d.level)).toEqual(['C', 'D']);
		for (const d of DANGER_LEVELS) {
			expect(d.labelVi).toMatch(/^Cấp [ABCD]/);
			expect(d.descriptionVi.length).toBeGreaterThan(10);
			expect(d.descriptionEn.length).toBeGreaterThan(10);
		}
	});

	it('isUsableDangerLevel: A and B usable, C and D not', () => {
		expect(isUsableDangerLevel('A')).toBe(true);
		expect(isUsableDangerLevel('B')).toBe(true);
		expect(isUsableDangerLevel('C')).toBe(false);
		expect(isUsableDangerLevel('D')).toBe(false);
	});

	it('rejects an unknown level at run time', () => {
		expect(() => isUsableDangerLevel('E' as DangerLevel)).toThrow(ConditionInputError);
		expect(() => isUsableDangerLevel('c' as DangerLevel)).toThrow(/unknown danger level "c"/);
		expect(isDangerLevel('C')).toBe(true);
		expect(isDangerLevel('c')).toBe(false);
		expect(isDangerLevel(3)).toBe(false);
	});

	it('orders levels from best to worst', () => {
		const levels: DangerLevel[] = ['D', 'A', 'C', 'B'];
		expect([...levels].sort(compareDangerLevels)).toEqual(['A', 'B', 'C', 'D']);
		expect(compareDangerLevels('B', 'C')).toBeLessThan(0);
		expect(compareDangerLevels('D', 'D')).toBe(0);
	});

	it.each([
		{ levels: ['A', 'C', 'B'], worst: 'C' },
		{ levels: ['B', null, 'A', undefined], worst: 'B' },
		{ levels: ['D', 'A'], worst: 'D' },
		{ levels: ['A'], worst: 'A' },
		{ levels: [null, undefined], worst: null },
		{ levels: [], worst: null }
	] as { levels: (DangerLevel | null | undefined)[]; worst: DangerLevel | null }[])(
		'worstDangerLevel($levels) = $worst',
		({ levels, worst }) => {
			expect(worstDangerLevel(levels)).toBe(worst);
		}
	);

	it('worstDangerLevel names the bad entry', () => {
		expect(() => worstDangerLevel(['A', 'X' as DangerLevel])).toThrow(/levels\[1\]/);
	});
});

describe('COMPONENTS', () => {
	it('has eight components, the foundation and the main structure load-bearing', () => {
		expect(COMPONENTS.map((c) => c.key)).toEqual([
			'foundation',
			'structure',
			'roof',
			'walls-finishes',
			'electrical',
			'water-sanitation',
			'fire-safety',
			'accessibility'
		]);
		expect(LOAD_BEARING_COMPONENTS).toEqual(['foundation', 'structure']);
	});

	it('maps survey fields (camelCase) to component keys', () => {
		expect(
			ratingsFromSurvey({ foundation: 5, structure: 4, wallsFinishes: 3, roof: null })
		).toEqual({ foundation: 5, structure: 4, 'walls-finishes': 3, roof: null });
	});
});

describe('deriveDangerLevel: the worst load-bearing part governs', () => {
	it.each([
		// hand-computed: min(foundation, structure) → 4-5 A, 3 B, 2 C, 1 D
		[{ foundation: 5, structure: 4 }, 'A', 'structure', 4],
		[{ foundation: 3, structure: 5 }, 'B', 'foundation', 3],
		[{ foundation: 4, structure: 2 }, 'C', 'structure', 2],
		[{ foundation: 2, structure: 2 }, 'C', 'foundation', 2],
		[{ structure: 1 }, 'D', 'structure', 1],
		[{ foundation: 1, structure: 5 }, 'D', 'foundation', 1]
	] as const)('%j → %s (%s = %d)', (ratings, level, component, rating) => {
		expect(deriveDangerLevel(ratings)).toEqual({ level, component, rating });
	});

	it('a structure rated 1 with everything else 5 is D, not "fair" (no averaging)', () => {
		const ratings: ComponentRatings = {
			foundation: 5,
			structure: 1,
			roof: 5,
			'walls-finishes': 5,
			electrical: 5,
			'water-sanitation': 5,
			'fire-safety': 5,
			accessibility: 5
		};
		expect(deriveDangerLevel(ratings)?.level).toBe('D');
	});

	it('ignores non-load-bearing components', () => {
		expect(deriveDangerLevel({ structure: 4, roof: 1, electrical: 1 })?.level).toBe('A');
		expect(deriveDangerLevel({ roof: 1, electrical: 1 })).toBeNull();
		expect(deriveDangerLevel({})).toBeNull();
	});

	it('refuses ratings outside 1-5', () => {
		expect(() => deriveDangerLevel({ structure: 6 })).toThrow(ConditionInputError);
		expect(() => deriveDangerLevel({ foundation: 2.5 })).toThrow(ConditionInputError);
		expect(() => dangerLevelOfRating(0)).toThrow(ConditionInputError);
	});
});

describe('gradeSurvey: override only with a reason, no default grade', () => {
	const reason = 'Báo cáo kiểm định số 12/2025: dầm tầng 2 nứt';
	const grade = (ratings: ComponentRatings, override: DangerLevel | null, why: string | null) =>
		gradeSurvey({ ratings, override, overrideReason: why });

	it('applies the derived level when there is no override', () => {
		expect(grade({ foundation: 4, structure: 3 }, null, null)).toEqual({
			level: 'B',
			derived: { level: 'B', component: 'structure', rating: 3 },
			overridden: false,
			reason: null
		});
	});

	it('applies an override with its reason and keeps the derived level as evidence', () => {
		expect(grade({ structure: 3 }, 'C', ` ${reason} `)).toEqual({
			level: 'C',
			derived: { level: 'B', component: 'structure', rating: 3 },
			overridden: true,
			reason
		});
		// An override may also supply the level when nothing load-bearing is rated.
		expect(grade({ roof: 2 }, 'B', reason)).toMatchObject({
			level: 'B',
			derived: null,
			overridden: true
		});
	});

	it('an override equal to the derived level is no override', () => {
		expect(grade({ structure: 2 }, 'C', null)).toMatchObject({
			level: 'C',
			overridden: false,
			reason: null
		});
	});

	it('refuses an override without a 10-character reason, and a survey with no level at all', () => {
		const pathOf = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				return (e as ConditionInputError).path;
			}
			return null;
		};
		for (const r of [null, '', 'ngắn quá']) {
			expect(pathOf(() => grade({ structure: 3 }, 'A', r))).toBe('overrideReason');
		}
		expect(pathOf(() => grade({ roof: 1 }, null, null))).toBe('override');
	});
});
