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
	JUSTIFICATION_REASONS,
	JUSTIFICATION_THRESHOLD,
	SCATTERED_SITE_THRESHOLD,
	isNewHeadquartersJustified,
	type JustificationInput,
	type JustificationOptions,
	type JustificationReason,
	type JustificationResult
} from './justification';
export { resolvePersonTitles, type PersonTitles } from './titles';
export {
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
	NormSet,
	PositionCount,
	SpaceNeedsInput,
	SpaceNeedsResult,
	SpecialisedRoom,
	TitleKey,
	TitleNorm,
	TraceStep,
	UnitSpaceNeeds
} from './types';
