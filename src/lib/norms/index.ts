/**
 * Office space norms (định mức diện tích trụ sở) for commune-level agencies: entitlement under
 * Decree 155/2025/NĐ-CP (and 152/2017 for comparison), gaps against the space occupied, the
 * justification for a new headquarters and staffing gaps by field.
 *
 * @example
 * import { NORM_SET_155_2025, computeSpaceNeeds, roundM2 } from '$lib/norms';
 * const needs = computeSpaceNeeds({
 * 	normSet: NORM_SET_155_2025,
 * 	positions: [{ unitId: 'vp', titleKey: 'specialist', count: 10 }]
 * });
 * roundM2(needs.totalUsableM2); // 10 × 15 = 150; 150 + 0.7 × 150 + 0 = 255
 */
export { NormsInputError } from './errors';
export { formatNumber, roundM2 } from './format';
export {
	MAX_COMMON_AREA_RATIO,
	computeSpaceNeeds,
	validateNormSet,
	validateTitleNorms
} from './space-needs';
export {
	DISPERSION_DEFAULTS,
	JUSTIFICATION_REASONS,
	JUSTIFICATION_THRESHOLD,
	SCATTERED_SITE_THRESHOLD,
	isNewHeadquartersJustified,
	justificationCriteria,
	type AreaRatioEvidence,
	type JustificationBuilding,
	type JustificationCriteria,
	type JustificationCriteriaInput,
	type JustificationCriteriaOptions,
	type JustificationSite,
	type JustificationInput,
	type JustificationOptions,
	type JustificationReason,
	type JustificationResult
} from './justification';
export { resolvePersonTitles, type PersonTitles } from './titles';
export {
	LEADERSHIP_TITLE_KEYS,
	RANK_KEYS,
	RANK_LABELS,
	RANK_NORM_KEYS,
	isRankKey,
	isRankNormKey,
	positionNorm,
	type NormSource,
	type PositionNorm,
	type PositionTitles,
	type RankKey
} from './positions';
export {
	HALL_100_SEATS_MIN_AREA_M2,
	NEEDS_CLASSES,
	roomNeedsClass,
	specialisedProgrammeKey,
	type NeedsClass
} from './room-classes';
export { formatNumberVi, formatPercentVi, ratioFormulaVi } from './format';
export {
	CITY_FIELDS,
	LEADERSHIP_GROUP,
	UNSPECIFIED_GROUP,
	groupVacancies,
	type VacanciesByPosition,
	type VacancyGroup,
	type VacancyPosition,
	type VacancyRow,
	computeStaffingGaps,
	type StaffingGapRow,
	type StaffingGaps,
	type StaffingPosition,
	type StaffingTotals
} from './staffing';
export {
	NORM_SETS,
	NORM_SET_152_2017,
	NORM_SET_155_2025,
	SPECIALISED_ROOM_DEFAULTS_BASIS,
	SPECIALISED_ROOM_TYPES,
	TITLE_KEYS,
	type NormSetDefinition,
	type SpecialisedRoomKey,
	type SpecialisedRoomType,
	type TitleNormDefinition
} from './norm-sets';
export type {
	NeedsLine,
	NeedsLines,
	NormSet,
	PricedPosition,
	PositionCount,
	SpaceNeedsInput,
	SpaceNeedsResult,
	SpecialisedRoom,
	TitleKey,
	TitleNorm,
	TraceStep,
	UnitSpaceNeeds
} from './types';
