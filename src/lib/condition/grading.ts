/**
 * The danger level of a surveyed building, derived from its load-bearing components as
 * TCVN 9381:2012 reasons (the worst load-bearing part governs), with an override that needs a
 * written reason. Pure.
 *
 * The standard grades members and parts by their defects; a ward survey rates parts 1-5. The
 * product reads the 1-5 scale onto the four levels as follows (its own reading, stated on the
 * page; an assessing organisation's report overrides it with its reason):
 *   4-5 (fairly good, good) → A: no dangerous member;
 *   3 (fair)                → B: some members dangerous, the structure still meets normal use;
 *   2 (poor)                → C: part of the load-bearing structure dangerous;
 *   1 (very poor)           → D: the load-bearing structure dangerous as a whole.
 * Only the foundation and the main load-bearing structure are read; roof, finishes, services
 * and accessibility are evidence, never averaged in.
 */
import { COMPONENTS, type ComponentKey, type ComponentRatings } from './components';
import { isDangerLevel, type DangerLevel } from './danger-levels';
import { ConditionInputError } from './errors';

/** Shortest accepted reason for overriding the derived level. */
export const MIN_OVERRIDE_REASON_LENGTH = 10;

/** The components whose rating governs the danger level, in display order. */
export const LOAD_BEARING_COMPONENTS: readonly ComponentKey[] = Object.freeze(
	COMPONENTS.filter((c) => c.loadBearing).map((c) => c.key)
);

/**
 * The danger level a 1-5 rating of a load-bearing part stands for (see the file header).
 *
 * @example
 * dangerLevelOfRating(4); // 'A'
 * dangerLevelOfRating(2); // 'C'
 */
export function dangerLevelOfRating(rating: number): DangerLevel {
	if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
		throw new ConditionInputError(
			`rating must be an integer from 1 to 5, got ${String(rating)}`,
			'rating'
		);
	}
	return rating >= 4 ? 'A' : rating === 3 ? 'B' : rating === 2 ? 'C' : 'D';
}

/** A derived level and the rating that governs it. */
export interface DerivedDangerLevel {
	level: DangerLevel;
	/** The governing (lowest-rated) load-bearing component; the first in order on a tie. */
	component: ComponentKey;
	rating: number;
}

/**
 * The danger level governed by the worst-rated load-bearing component, or null when neither
 * the foundation nor the main structure is rated. Other components do not change it.
 *
 * @example
 * deriveDangerLevel({ foundation: 4, structure: 2, roof: 5 }); // { level: 'C', component: 'structure', rating: 2 }
 * deriveDangerLevel({ structure: 1, roof: 5, electrical: 5 }); // { level: 'D', component: 'structure', rating: 1 }
 * deriveDangerLevel({ roof: 1 }); // null
 */
export function deriveDangerLevel(ratings: ComponentRatings): DerivedDangerLevel | null {
	let worst: { component: ComponentKey; rating: number } | null = null;
	for (const key of LOAD_BEARING_COMPONENTS) {
		const rating = ratings[key];
		if (rating === null || rating === undefined) continue;
		dangerLevelOfRating(rating);
		if (worst === null || rating < worst.rating) worst = { component: key, rating };
	}
	return worst ? { ...worst, level: dangerLevelOfRating(worst.rating) } : null;
}

/** What a survey says about the level: its ratings and an optional override with its reason. */
export interface GradeInput {
	ratings: ComponentRatings;
	override: DangerLevel | null;
	overrideReason: string | null;
}

/** The level applied to a survey and how it was reached. */
export interface SurveyGrade {
	/** The governing level: the override when there is one, else the derived level. */
	level: DangerLevel;
	derived: DerivedDangerLevel | null;
	/** True when the applied level differs from (or replaces a missing) derived level. */
	overridden: boolean;
	/** The written reason of an override, else null. */
	reason: string | null;
}

/**
 * Grades a survey: the derived level, unless an override is chosen, which needs a reason of at
 * least {@link MIN_OVERRIDE_REASON_LENGTH} characters. An override equal to the derived level is
 * no override. Throws {@link ConditionInputError} with path 'override' when there is neither a
 * derived level nor an override (no default grade), and path 'overrideReason' when the reason
 * is missing or too short.
 *
 * @example
 * gradeSurvey({ ratings: { foundation: 4, structure: 3 }, override: null, overrideReason: null });
 * // { level: 'B', derived: { level: 'B', component: 'structure', rating: 3 }, overridden: false, reason: null }
 * gradeSurvey({ ratings: { structure: 3 }, override: 'C', overrideReason: 'Báo cáo kiểm định số 12/2025' });
 * // { level: 'C', derived: { … 'B' … }, overridden: true, reason: 'Báo cáo kiểm định số 12/2025' }
 */
export function gradeSurvey(input: GradeInput): SurveyGrade {
	const derived = deriveDangerLevel(input.ratings);
	const override = input.override;
	if (override !== null && !isDangerLevel(override)) {
		throw new ConditionInputError(`unknown danger level ${String(override)}`, 'override');
	}
	if (override === null || override === derived?.level) {
		if (!derived) {
			throw new ConditionInputError(
				'no load-bearing component is rated and no level is chosen',
				'override'
			);
		}
		return { level: derived.level, derived, overridden: false, reason: null };
	}
	const reason = input.overrideReason?.trim() ?? '';
	if (reason.length < MIN_OVERRIDE_REASON_LENGTH) {
		throw new ConditionInputError(
			`an override needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters`,
			'overrideReason'
		);
	}
	return { level: override, derived, overridden: true, reason };
}
