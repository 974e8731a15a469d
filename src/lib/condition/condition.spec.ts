import { describe, expect, it } from 'vitest';
import {
	COMPONENTS,
	ConditionInputError,
	DANGER_LEVELS,
	compareDangerLevels,
	conditionBand,
	conditionIndex,
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
	it('has the seven components with weights summing to 1', () => {
		expect(COMPONENTS.map((c) => c.key)).toEqual([
			'structure',
			'roof',
			'walls-finishes',
			'electrical',
			'water-sanitation',
			'fire-safety',
			'accessibility'
		]);
		// 0.3 + 0.15 + 0.1 + 0.15 + 0.1 + 0.1 + 0.1 = 1
		expect(COMPONENTS.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
	});

	it('maps survey fields (camelCase) to component keys', () => {
		expect(
			ratingsFromSurvey({ structure: 4, wallsFinishes: 3, fireSafety: null, waterSanitation: 2 })
		).toEqual({ structure: 4, 'walls-finishes': 3, 'water-sanitation': 2, 'fire-safety': null });
	});
});

describe('conditionIndex', () => {
	it.each([
		{
			name: 'every component rated 5',
			ratings: {
				structure: 5,
				roof: 5,
				'walls-finishes': 5,
				electrical: 5,
				'water-sanitation': 5,
				'fire-safety': 5,
				accessibility: 5
			},
			// every (5 − 1) / 4 = 1, weighted mean 1 → 100
			expected: 100
		},
		{
			name: 'every component rated 1',
			ratings: { structure: 1, roof: 1, accessibility: 1 },
			// every (1 − 1) / 4 = 0 → 0
			expected: 0
		},
		{
			name: 'a full survey',
			ratings: {
				structure: 2,
				roof: 3,
				'walls-finishes': 4,
				electrical: 1,
				'water-sanitation': 5,
				'fire-safety': 2,
				accessibility: 3
			},
			// scores 0.25, 0.5, 0.75, 0, 1, 0.25, 0.5
			// 0.3×0.25 + 0.15×0.5 + 0.1×0.75 + 0.15×0 + 0.1×1 + 0.1×0.25 + 0.1×0.5
			// = 0.075 + 0.075 + 0.075 + 0 + 0.1 + 0.025 + 0.05 = 0.4 → 40
			expected: 40
		},
		{
			name: 'three components rated, weights renormalised',
			ratings: { structure: 3, roof: 2, electrical: 5 },
			// (0.3×0.5 + 0.15×0.25 + 0.15×1) / (0.3 + 0.15 + 0.15) = 0.3375 / 0.6 = 0.5625 → 56.25
			expected: 56.25
		},
		{
			name: 'a single component',
			ratings: { roof: 4, structure: null, electrical: undefined },
			// only roof: (4 − 1) / 4 = 0.75 → 75, whatever its weight
			expected: 75
		}
	] as { name: string; ratings: ComponentRatings; expected: number }[])(
		'$name → $expected',
		({ ratings, expected }) => {
			expect(conditionIndex(ratings)).toBeCloseTo(expected, 10);
		}
	);

	it('returns null when nothing is rated', () => {
		expect(conditionIndex({})).toBeNull();
		expect(conditionIndex({ structure: null, roof: undefined })).toBeNull();
	});

	it('accepts the ward’s own weights', () => {
		// structure 5 → 1 (weight 1), roof 1 → 0 (weight 3): (1×1 + 3×0) / 4 = 0.25 → 25
		expect(conditionIndex({ structure: 5, roof: 1 }, { structure: 1, roof: 3 })).toBeCloseTo(25);
		// a zero weight removes the component: only roof counts → 0
		expect(conditionIndex({ structure: 5, roof: 1 }, { structure: 0 })).toBe(0);
		expect(conditionIndex({ structure: 5 }, { structure: 0 })).toBeNull();
	});

	it.each([
		{ ratings: { roof: 0 }, message: /component 'roof' must be an integer from 1 to 5, got 0/ },
		{ ratings: { roof: 6 }, message: /'roof'.*got 6/ },
		{ ratings: { 'fire-safety': 3.5 }, message: /'fire-safety'.*got 3\.5/ },
		{ ratings: { structure: Number.NaN }, message: /'structure'.*got NaN/ },
		{ ratings: { structure: '4' }, message: /'structure'.*got "4"/ },
		{ ratings: { plumbing: 3 }, message: /unknown component 'plumbing'/ }
	] as { ratings: ComponentRatings; message: RegExp }[])(
		'rejects $ratings',
		({ ratings, message }) => {
			expect(() => conditionIndex(ratings)).toThrow(ConditionInputError);
			expect(() => conditionIndex(ratings)).toThrow(message);
		}
	);

	it('puts the component in the error path', () => {
		try {
			conditionIndex({ structure: 4, roof: 9 });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConditionInputError);
			expect((e as ConditionInputError).path).toBe('ratings.roof');
		}
	});

	it('rejects bad weights', () => {
		expect(() => conditionIndex({ roof: 3 }, { roof: -1 })).toThrow(/weight for component 'roof'/);
		expect(() => conditionIndex({ roof: 3 }, { roof: Number.POSITIVE_INFINITY })).toThrow(
			ConditionInputError
		);
		expect(() =>
			conditionIndex({ roof: 3 }, { lift: 1 } as unknown as Record<string, number>)
		).toThrow(/unknown component 'lift'/);
	});
});

describe('conditionBand', () => {
	it.each([
		[100, 'good'],
		[75, 'good'],
		[74.99, 'fair'],
		[56.25, 'fair'],
		[50, 'fair'],
		[49.9, 'poor'],
		[25, 'poor'],
		[24.9, 'very-poor'],
		[0, 'very-poor']
	] as const)('%d → %s', (index, band) => {
		expect(conditionBand(index)).toBe(band);
	});

	it('maps uniform ratings 4/3/2/1 to good/fair/poor/very poor', () => {
		const uniform = (r: number) =>
			conditionBand(
				conditionIndex(Object.fromEntries(COMPONENTS.map((c) => [c.key, r])) as ComponentRatings)
			);
		expect([5, 4, 3, 2, 1].map(uniform)).toEqual(['good', 'good', 'fair', 'poor', 'very-poor']);
	});

	it('passes null through and rejects out-of-range numbers', () => {
		expect(conditionBand(null)).toBeNull();
		expect(() => conditionBand(101)).toThrow(ConditionInputError);
		expect(() => conditionBand(-1)).toThrow(ConditionInputError);
		expect(() => conditionBand(Number.NaN)).toThrow(ConditionInputError);
	});
});
