/**
 * `$lib/mcda`: the multi-criteria scoring engine of Trụ sở (pure TypeScript, no I/O).
 *
 * Conventions: a decision `matrix` is [alternative][criterion]; every index is 0-based; a
 * `ranking` lists alternatives best first with ties broken by index order; weights are
 * normalised to sum 1 inside every method; every invalid input throws {@link McdaInputError}.
 */
export { McdaInputError } from './errors';
export type { McdaErrorCode, McdaErrorDetails } from './errors';
export type {
	AhpMethod,
	CriterionType,
	PreferenceFunction,
	RandomIndexTable,
	ScorerName,
	TopsisNormalisation,
	WeightedSumNormalisation
} from './types';

export { ahp, ahpHierarchy, mostInconsistentJudgment } from './ahp';
export type { AhpHierarchyResult, AhpOptions, AhpResult, InconsistentJudgment } from './ahp';
export { aggregateJudgments, groupConsensus, pairDisagreement } from './group';
export type {
	GroupConsensusOptions,
	GroupConsensusResult,
	GroupMember,
	PairDisagreement
} from './group';
export { criterionContributions, weightedSum } from './weighted-sum';
export type { WeightedSumOptions, WeightedSumResult } from './weighted-sum';
export { topsis } from './topsis';
export type { TopsisOptions, TopsisResult } from './topsis';
export { promethee2 } from './promethee';
export type { Promethee2Result } from './promethee';
export { smaa, smaaSteps, SMAA_STEP_SAMPLES } from './smaa';
export type { SmaaOptions, SmaaResult, WeightBound } from './smaa';
export { sensitivityOneAtATime } from './sensitivity';
export type { FirstPlaceSwitch, SensitivityOptions, SensitivitySweep } from './sensitivity';
export { compareRankings } from './compare';
export type { RankingComparison, RankingPairComparison } from './compare';
