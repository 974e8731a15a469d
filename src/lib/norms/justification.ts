/**
 * Whether a new headquarters is justified (sự cần thiết đầu tư), per the Prime Minister's 2017
 * policy on administrative headquarters (directive number not confirmed; verify).
 */
import { isDangerLevel, isUsableDangerLevel, type DangerLevel } from '../condition';
import {
	NormsInputError,
	describeValue,
	isNonNegativeFinite,
	isNonNegativeInteger
} from './errors';

/**
 * Working area below this share of the norm justifies a new headquarters (70 %).
 *
 * @example
 * 0.65 < JUSTIFICATION_THRESHOLD; // true: 65 % of the norm justifies a new building
 */
export const JUSTIFICATION_THRESHOLD = 0.7;

/**
 * Default number of separate sites from which the offices count as scattered. The 2017 policy
 * says "scattered" without a number; 3 is the product's assumption, and a parameter of
 * {@link isNewHeadquartersJustified}.
 *
 * @example
 * isNewHeadquartersJustified({ ratioToNorm: 1, worstDangerLevel: 'A', siteCount: SCATTERED_SITE_THRESHOLD });
 * // { justified: true, reasons: ['scattered'] }
 */
export const SCATTERED_SITE_THRESHOLD = 3;

/** A reason a new headquarters is justified. */
export type JustificationReason = 'below-70-percent' | 'unsafe-building' | 'scattered';

/**
 * Labels and basis of each reason, for the proposal text.
 *
 * @example
 * JUSTIFICATION_REASONS['unsafe-building'].labelEn; // 'A building is unsafe (danger level C or D)'
 */
export const JUSTIFICATION_REASONS: Readonly<
	Record<JustificationReason, { labelVi: string; labelEn: string }>
> = Object.freeze({
	'below-70-percent': {
		labelVi: 'Diện tích làm việc hiện có dưới 70 % định mức',
		labelEn: 'Working area available is under 70 % of the norm'
	},
	'unsafe-building': {
		labelVi: 'Có công trình nguy hiểm (cấp C hoặc D theo TCVN 9381:2012)',
		labelEn: 'A building is unsafe (danger level C or D)'
	},
	scattered: {
		labelVi: 'Trụ sở phân tán ở nhiều địa điểm',
		labelEn: 'Offices are scattered over several sites'
	}
});

/** Input of {@link isNewHeadquartersJustified}. */
export interface JustificationInput {
	/** Occupied ÷ entitled working area, as returned by computeSpaceNeeds. */
	ratioToNorm: number;
	/** Worst TCVN 9381 danger level among the buildings used, or null if none surveyed. */
	worstDangerLevel: DangerLevel | null;
	/** Number of separate sites the ward's offices occupy. */
	siteCount: number;
}

/** Options of {@link isNewHeadquartersJustified}. */
export interface JustificationOptions {
	/** Sites from which offices count as scattered; default {@link SCATTERED_SITE_THRESHOLD} (3). */
	siteCountThreshold?: number;
}

/** Result of {@link isNewHeadquartersJustified}. */
export interface JustificationResult {
	justified: boolean;
	reasons: JustificationReason[];
}

/**
 * Applies the justification rule (DOMAIN.md): a new headquarters is justified when the working
 * area available is under 70 % of the norm (`ratioToNorm < 0.7`), or a building is unsafe
 * (danger level C or D), or the offices are scattered over `siteCountThreshold` sites or more
 * (default 3, the product's assumption). Reasons are listed in that order.
 *
 * Note that computeSpaceNeeds returns `ratioToNorm` 0 when no staff are entered, which reads
 * as "below 70 %": check the staffing first.
 *
 * @example
 * isNewHeadquartersJustified({ ratioToNorm: 0.55, worstDangerLevel: 'B', siteCount: 4 });
 * // { justified: true, reasons: ['below-70-percent', 'scattered'] }
 * isNewHeadquartersJustified({ ratioToNorm: 0.9, worstDangerLevel: 'A', siteCount: 4 }, { siteCountThreshold: 5 });
 * // { justified: false, reasons: [] }
 */
export function isNewHeadquartersJustified(
	input: JustificationInput,
	options: JustificationOptions = {}
): JustificationResult {
	const { ratioToNorm, worstDangerLevel, siteCount } = input;
	const threshold = options.siteCountThreshold ?? SCATTERED_SITE_THRESHOLD;
	if (!isNonNegativeFinite(ratioToNorm)) {
		throw new NormsInputError(
			'ratioToNorm',
			`ratioToNorm: must be a finite number ≥ 0, got ${describeValue(ratioToNorm)}`
		);
	}
	if (worstDangerLevel !== null && !isDangerLevel(worstDangerLevel)) {
		throw new NormsInputError(
			'worstDangerLevel',
			`worstDangerLevel: must be 'A', 'B', 'C', 'D' or null, got ${describeValue(worstDangerLevel)}`
		);
	}
	if (!isNonNegativeInteger(siteCount)) {
		throw new NormsInputError(
			'siteCount',
			`siteCount: must be a non-negative integer, got ${describeValue(siteCount)}`
		);
	}
	if (!isNonNegativeInteger(threshold) || threshold < 1) {
		throw new NormsInputError(
			'siteCountThreshold',
			`siteCountThreshold: must be an integer ≥ 1, got ${describeValue(threshold)}`
		);
	}
	const reasons: JustificationReason[] = [];
	if (ratioToNorm < JUSTIFICATION_THRESHOLD) reasons.push('below-70-percent');
	if (worstDangerLevel !== null && !isUsableDangerLevel(worstDangerLevel)) {
		reasons.push('unsafe-building');
	}
	if (siteCount >= threshold) reasons.push('scattered');
	return { justified: reasons.length > 0, reasons };
}
