/**
 * Tests written to kill the mutants Stryker left alive in src/lib/condition/grading.ts
 * and components.ts, danger-levels.ts (docs/mutation.md): the labels forms and documents show,
 * the error paths and messages a form shows, a null rating skipped, an
 * unknown override refused even with a reason, and the reason's exact minimum length.
 */
import { describe, expect, it } from 'vitest';
import {
	COMPONENTS,
	compareDangerLevels,
	componentInfo,
	ConditionInputError,
	DANGER_LEVELS,
	isUsableDangerLevel,
	RATING_LABELS,
	ratingsFromSurvey,
	worstDangerLevel,
	dangerLevelOfRating,
	deriveDangerLevel,
	gradeSurvey,
	MIN_OVERRIDE_REASON_LENGTH,
	type DangerLevel
} from '../../src/lib/condition';

function thrown(f: () => unknown): ConditionInputError {
	try {
		f();
	} catch (e) {
		expect(e).toBeInstanceOf(ConditionInputError);
		return e as ConditionInputError;
	}
	throw new Error('expected a ConditionInputError');
}

describe('condition grading: messages, paths and boundaries', () => {
	it('a rating outside 1-5 names the rating and the accepted range', () => {
		const e = thrown(() => dangerLevelOfRating(6));
		expect(e.path).toBe('rating');
		expect(e.message).toBe('rating must be an integer from 1 to 5, got 6');
	});

	it('a null rating is skipped, not read', () => {
		expect(deriveDangerLevel({ foundation: null, structure: 3 })).toEqual({
			level: 'B',
			component: 'structure',
			rating: 3
		});
	});

	it('an unknown override is refused even with a long reason', () => {
		const e = thrown(() =>
			gradeSurvey({
				ratings: { structure: 3 },
				override: 'E' as DangerLevel,
				overrideReason: 'Báo cáo kiểm định số 12/2025'
			})
		);
		expect(e.path).toBe('override');
		expect(e.message).toBe('unknown danger level E');
	});

	it('no rating and no override: the message says so', () => {
		const e = thrown(() => gradeSurvey({ ratings: {}, override: null, overrideReason: null }));
		expect(e.path).toBe('override');
		expect(e.message).toBe('no load-bearing component is rated and no level is chosen');
	});

	it('a reason of exactly the minimum length is enough; one character less is not', () => {
		expect(MIN_OVERRIDE_REASON_LENGTH).toBe(10);
		const ok = gradeSurvey({
			ratings: { structure: 3 },
			override: 'C',
			overrideReason: '0123456789'
		});
		expect(ok).toMatchObject({ level: 'C', overridden: true, reason: '0123456789' });
		const e = thrown(() =>
			gradeSurvey({ ratings: { structure: 3 }, override: 'C', overrideReason: ' 012345678 ' })
		);
		expect(e.path).toBe('overrideReason');
		expect(e.message).toBe('an override needs a reason of at least 10 characters');
	});
});

describe('condition tables and helpers, as the pages and documents show them', () => {
	it('the components: keys, survey fields, labels and which are load-bearing', () => {
		expect(
			COMPONENTS.map((c) => [c.key, c.surveyField, c.labelVi, c.labelEn, c.loadBearing])
		).toEqual([
			['foundation', 'foundation', 'Nền móng', 'Foundation', true],
			['structure', 'structure', 'Kết cấu chịu lực chính', 'Main load-bearing structure', true],
			['roof', 'roof', 'Mái', 'Roof', false],
			['walls-finishes', 'wallsFinishes', 'Tường và hoàn thiện', 'Walls and finishes', false],
			['electrical', 'electrical', 'Hệ thống điện', 'Electrical', false],
			[
				'water-sanitation',
				'waterSanitation',
				'Cấp thoát nước và vệ sinh',
				'Water and sanitation',
				false
			],
			['fire-safety', 'fireSafety', 'Phòng cháy chữa cháy', 'Fire safety', false],
			['accessibility', 'accessibility', 'Tiếp cận cho người khuyết tật', 'Accessibility', false]
		]);
	});

	it('the rating labels 1-5', () => {
		expect(RATING_LABELS).toEqual({
			1: { labelVi: 'Rất kém', labelEn: 'Very poor' },
			2: { labelVi: 'Kém', labelEn: 'Poor' },
			3: { labelVi: 'Trung bình', labelEn: 'Fair' },
			4: { labelVi: 'Khá', labelEn: 'Fairly good' },
			5: { labelVi: 'Tốt', labelEn: 'Good' }
		});
	});

	it('the danger levels with their English labels', () => {
		expect(DANGER_LEVELS.map((d) => [d.level, d.rank, d.usable, d.labelEn])).toEqual([
			['A', 0, true, 'Level A - safe'],
			['B', 1, true, 'Level B - some dangerous members'],
			['C', 2, false, 'Level C - partly dangerous'],
			['D', 3, false, 'Level D - whole building dangerous']
		]);
	});

	it('componentInfo finds a component by key, and nothing for an unknown key', () => {
		expect(componentInfo('roof')?.labelVi).toBe('Mái');
		expect(componentInfo('structure')?.loadBearing).toBe(true);
		expect(componentInfo('chimney')).toBeUndefined();
	});

	it('ratingsFromSurvey keeps only the fields the survey has', () => {
		const r = ratingsFromSurvey({ structure: 4, wallsFinishes: 3, roof: null });
		expect(Object.keys(r).sort()).toEqual(['roof', 'structure', 'walls-finishes']);
		expect(r).toStrictEqual({ structure: 4, 'walls-finishes': 3, roof: null });
	});

	it('an unknown level is refused with the path of the argument that held it', () => {
		const bad = 'E' as DangerLevel;
		expect(thrown(() => isUsableDangerLevel(bad)).path).toBe('dangerLevel');
		expect(thrown(() => compareDangerLevels(bad, 'A')).path).toBe('a');
		expect(thrown(() => compareDangerLevels('A', bad)).path).toBe('b');
		const e = thrown(() => worstDangerLevel(['A', null, bad]));
		expect(e.path).toBe('levels[2]');
		expect(e.message).toBe('levels[2]: unknown danger level "E" (expected A, B, C or D)');
		expect(e.name).toBe('ConditionInputError');
	});
});
