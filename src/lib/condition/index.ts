/**
 * Building condition: TCVN 9381:2012 danger levels (cấp nguy hiểm A-D), the 1-5 component
 * ratings of a condition survey (evidence, never averaged), and the danger level derived from
 * the load-bearing components (the worst governs), with an override that needs a reason.
 *
 * @example
 * import { deriveDangerLevel, worstDangerLevel } from '$lib/condition';
 * deriveDangerLevel({ foundation: 4, structure: 2 })?.level; // 'C'
 * worstDangerLevel(['A', 'C']); // 'C'
 */
export { ConditionInputError } from './errors';
export {
	DANGER_LEVELS,
	compareDangerLevels,
	isDangerLevel,
	isUsableDangerLevel,
	worstDangerLevel,
	type DangerLevel,
	type DangerLevelInfo
} from './danger-levels';
export {
	COMPONENTS,
	RATING_LABELS,
	componentInfo,
	ratingsFromSurvey,
	type ComponentInfo,
	type ComponentKey,
	type ComponentRatings,
	type SurveyField
} from './components';
export {
	LOAD_BEARING_COMPONENTS,
	MIN_OVERRIDE_REASON_LENGTH,
	dangerLevelOfRating,
	deriveDangerLevel,
	gradeSurvey,
	type DerivedDangerLevel,
	type GradeInput,
	type SurveyGrade
} from './grading';
