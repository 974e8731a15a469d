/**
 * Whether a new headquarters is justified (sự cần thiết đầu tư), per the Prime Minister's 2017
 * policy on administrative headquarters (directive number not confirmed; verify).
 */
import { isDangerLevel, isUsableDangerLevel, type DangerLevel } from '../condition';
import { distanceM } from '../geo';
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

// ---------------------------------------------------------------------------------------------
// The justification test criterion by criterion (issue 14): each criterion with its evidence.

/**
 * Default dispersion thresholds (product assumption; the 2017 policy says "scattered" without
 * a number): offices count as scattered when they are in use on at least 2 sites and two of
 * them are at least 500 m apart (a walk of several minutes, papers and people carried between).
 *
 * @example
 * DISPERSION_DEFAULTS; // { minSites: 2, minDistanceM: 500 }
 */
export const DISPERSION_DEFAULTS = Object.freeze({ minSites: 2, minDistanceM: 500 });

/** A site (facility) in use: at least one room held by a unit. */
export interface JustificationSite {
	code: string;
	name: string;
	lat: number;
	lng: number;
	isHeadquarters: boolean;
	/** Working-room area in use on this site (m²). */
	workingInUseM2: number;
}

/** A building with its governing danger level (latest survey), for criterion (b). */
export interface JustificationBuilding {
	facilityCode: string;
	buildingCode: string;
	name: string;
	dangerLevel: DangerLevel | null;
	/** At least one of its rooms is held by a unit. */
	inUse: boolean;
}

/** Input of {@link justificationCriteria}. */
export interface JustificationCriteriaInput {
	/** The titles' working-area norm of the ward (Σ staff × norm, m²). */
	workingNormM2: number;
	sites: readonly JustificationSite[];
	buildings: readonly JustificationBuilding[];
}

/** Options of {@link justificationCriteria}. */
export interface JustificationCriteriaOptions {
	/** Share of the norm under which the working area justifies a new building (0.7). */
	threshold?: number;
	minSites?: number;
	minDistanceM?: number;
}

/** A working-area ratio against the norm. */
export interface AreaRatioEvidence {
	inUseM2: number;
	normM2: number;
	/** inUse ÷ norm; null when the norm is 0. */
	ratio: number | null;
	/** ratio < threshold. */
	below: boolean;
}

/** Result of {@link justificationCriteria}: what the proposal quotes, criterion by criterion. */
export interface JustificationCriteria {
	/** True when at least one criterion is met (meeting one suffices). */
	justified: boolean;
	threshold: number;
	/** (a) Working area against the norm: met when all sites together are under the threshold. */
	workingArea: {
		met: boolean;
		/** The main headquarters alone (null when the ward has none in use). */
		headquarters: (AreaRatioEvidence & { code: string; name: string }) | null;
		allSites: AreaRatioEvidence;
	};
	/** (b) Buildings in danger level C or D (TCVN 9381:2012): met when one in use is. */
	unsafeBuildings: {
		met: boolean;
		/** Every C or D building of the ward, in use or not. */
		buildings: JustificationBuilding[];
		/** Buildings without a survey (their level is unknown). */
		unsurveyed: number;
	};
	/** (c) Dispersion: met with ≥ minSites sites in use and two of them ≥ minDistanceM apart. */
	dispersion: {
		met: boolean;
		siteCount: number;
		minSites: number;
		minDistanceM: number;
		/** Largest distance between two sites in use (m); 0 with fewer than two sites. */
		maxDistanceM: number;
		/** The two sites farthest apart (codes), or null. */
		farthestPair: [string, string] | null;
		/** Distance of each other site from the headquarters (or the first site), m. */
		fromHeadquarters: { code: string; name: string; distanceM: number }[];
	};
}

function ratioEvidence(inUseM2: number, normM2: number, threshold: number): AreaRatioEvidence {
	const ratio = normM2 > 0 ? inUseM2 / normM2 : null;
	return { inUseM2, normM2, ratio, below: ratio !== null && ratio < threshold };
}

/**
 * The justification test of the Prime Minister's 2017 policy (DOMAIN.md), criterion by
 * criterion, each with its evidence; meeting one suffices:
 *
 * (a) the working area in use is under `threshold` (70 %) of the titles' norm: shown for the
 *     main headquarters alone and for all sites together; met when all sites together are
 *     under (if they are, the headquarters alone is too);
 * (b) a building in danger level C or D (TCVN 9381:2012) is in use;
 * (c) the offices are scattered: at least `minSites` sites in use and two of them at least
 *     `minDistanceM` apart (great-circle distance between facility coordinates).
 *
 * A norm of 0 (no staffing entered) makes (a) not met (ratio null), unlike
 * {@link isNewHeadquartersJustified}. Throws {@link NormsInputError} for a negative or
 * non-finite area or bad coordinates.
 *
 * @example
 * justificationCriteria({
 * 	workingNormM2: 1000,
 * 	sites: [
 * 		{ code: 'TS', name: 'Trụ sở', lat: 10.78712, lng: 106.75742, isHeadquarters: true, workingInUseM2: 300 },
 * 		{ code: 'CS', name: 'Cơ sở 2', lat: 10.78935, lng: 106.77105, isHeadquarters: false, workingInUseM2: 200 }
 * 	],
 * 	buildings: [{ facilityCode: 'CS', buildingCode: 'B', name: 'Nhà sau', dangerLevel: 'C', inUse: false }]
 * });
 * // workingArea: headquarters 300 / 1000 = 0.3, all sites 500 / 1000 = 0.5 → met
 * // unsafeBuildings: the C building is not in use → not met
 * // dispersion: 2 sites, ≈ 1,505 m apart ≥ 500 → met; justified: true
 */
export function justificationCriteria(
	input: JustificationCriteriaInput,
	options: JustificationCriteriaOptions = {}
): JustificationCriteria {
	const threshold = options.threshold ?? JUSTIFICATION_THRESHOLD;
	const minSites = options.minSites ?? DISPERSION_DEFAULTS.minSites;
	const minDistanceM = options.minDistanceM ?? DISPERSION_DEFAULTS.minDistanceM;
	if (!isNonNegativeFinite(input.workingNormM2)) {
		throw new NormsInputError(
			'workingNormM2',
			`workingNormM2: must be a finite number ≥ 0, got ${describeValue(input.workingNormM2)}`
		);
	}
	if (!isNonNegativeFinite(threshold) || threshold > 1) {
		throw new NormsInputError('threshold', `threshold: must be from 0 to 1, got ${threshold}`);
	}
	if (!isNonNegativeInteger(minSites) || minSites < 2) {
		throw new NormsInputError('minSites', `minSites: must be an integer ≥ 2, got ${minSites}`);
	}
	if (!isNonNegativeFinite(minDistanceM)) {
		throw new NormsInputError(
			'minDistanceM',
			`minDistanceM: must be a finite number ≥ 0, got ${minDistanceM}`
		);
	}
	input.sites.forEach((s, i) => {
		if (!isNonNegativeFinite(s.workingInUseM2)) {
			throw new NormsInputError(
				`sites[${i}]`,
				`sites[${i}] (site '${s.code}'): workingInUseM2 must be a finite number ≥ 0, got ${describeValue(s.workingInUseM2)}`
			);
		}
	});

	// (a)
	const hq = input.sites.find((s) => s.isHeadquarters) ?? null;
	const allInUse = input.sites.reduce((sum, s) => sum + s.workingInUseM2, 0);
	const allSites = ratioEvidence(allInUse, input.workingNormM2, threshold);
	const headquarters = hq
		? {
				code: hq.code,
				name: hq.name,
				...ratioEvidence(hq.workingInUseM2, input.workingNormM2, threshold)
			}
		: null;

	// (b)
	const unsafe = input.buildings.filter(
		(b) => b.dangerLevel !== null && !isUsableDangerLevel(b.dangerLevel)
	);
	const unsurveyed = input.buildings.filter((b) => b.dangerLevel === null).length;

	// (c)
	let maxDistanceM = 0;
	let farthestPair: [string, string] | null = null;
	const sites = input.sites;
	for (let i = 0; i < sites.length; i++) {
		for (let j = i + 1; j < sites.length; j++) {
			const d = distanceM(sites[i], sites[j]);
			if (d > maxDistanceM || farthestPair === null) {
				maxDistanceM = d;
				farthestPair = [sites[i].code, sites[j].code];
			}
		}
	}
	const origin = hq ?? sites[0] ?? null;
	const fromHeadquarters = origin
		? sites
				.filter((s) => s !== origin)
				.map((s) => ({ code: s.code, name: s.name, distanceM: distanceM(origin, s) }))
		: [];
	const dispersionMet = sites.length >= minSites && maxDistanceM >= minDistanceM;

	const workingMet = allSites.below;
	const unsafeMet = unsafe.some((b) => b.inUse);
	return {
		justified: workingMet || unsafeMet || dispersionMet,
		threshold,
		workingArea: { met: workingMet, headquarters, allSites },
		unsafeBuildings: { met: unsafeMet, buildings: unsafe, unsurveyed },
		dispersion: {
			met: dispersionMet,
			siteCount: sites.length,
			minSites,
			minDistanceM,
			maxDistanceM,
			farthestPair,
			fromHeadquarters
		}
	};
}
