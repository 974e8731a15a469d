/**
 * Building condition: TCVN 9381:2012 danger levels (cấp nguy hiểm A-D) and the 1-5 component
 * ratings of a condition survey, turned into a 0-100 condition index and a band.
 *
 * @example
 * import { conditionIndex, conditionBand, worstDangerLevel } from '$lib/condition';
 * conditionBand(conditionIndex({ structure: 4, roof: 4 })); // 'good' (index 75)
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
	COMPONENT_WEIGHTS_BASIS,
	CONDITION_BANDS,
	CONDITION_BAND_THRESHOLDS,
	RATING_LABELS,
	conditionBand,
	conditionIndex,
	ratingsFromSurvey,
	type ComponentInfo,
	type ComponentKey,
	type ComponentRatings,
	type ComponentWeights,
	type ConditionBand,
	type SurveyField
} from './components';
