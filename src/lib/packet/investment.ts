/**
 * The preliminary total investment (khái toán tổng mức đầu tư) of the new headquarters:
 * gross floor area × the Ministry of Construction's unit investment rate for office buildings of
 * that many storeys (suất vốn đầu tư, which excludes compensation and clearance and
 * contingency) + land and clearance + contingency on both. Pure; see InvestmentEstimate for
 * the rounding: each part half up to the nearest million đồng, the total the sum of the parts.
 */
import type { InvestmentEstimate, InvestmentEstimateInput, InvestmentRate } from './dossier-types';

/** Each part of the estimate is rounded to this many đồng. */
export const ESTIMATE_ROUNDING_VND = 1_000_000;

/** Largest contingency share accepted (30 %). */
export const MAX_CONTINGENCY_SHARE = 0.3;

/** Largest gross floor area accepted, m² (a ward headquarters is a few thousand m²). */
export const MAX_GFA_M2 = 200_000;

/** Largest number of storeys accepted. */
export const MAX_STOREYS = 60;

/** Largest amount accepted for a money field, VND (10⁶ tỷ đồng, well inside safe integers). */
export const MAX_AMOUNT_VND = 1_000_000_000_000_000;

/** Rounds a non-negative value half up to a multiple of `step`. */
export function roundHalfUp(value: number, step = ESTIMATE_ROUNDING_VND): number {
	return Math.floor(value / step + 0.5) * step;
}

type RateBand = Pick<InvestmentRate, 'storeysFrom' | 'storeysTo'>;

/** Whether a rate's storey band (inclusive; storeysTo null = open) contains `storeys`. */
export function rateCovers(rate: RateBand, storeys: number): boolean {
	return storeys >= rate.storeysFrom && (rate.storeysTo === null || storeys <= rate.storeysTo);
}

/** The rate whose band contains `storeys` (the narrowest if bands overlap), or null. */
export function pickRate<T extends RateBand>(rates: readonly T[], storeys: number): T | null {
	let best: T | null = null;
	const width = (r: RateBand) => (r.storeysTo === null ? Infinity : r.storeysTo - r.storeysFrom);
	for (const r of rates) {
		if (!rateCovers(r, storeys)) continue;
		if (!best || width(r) < width(best)) best = r;
	}
	return best;
}

function isFullRate(r: InvestmentEstimateInput['rate']): r is InvestmentRate {
	return (
		typeof r.id === 'number' &&
		typeof r.key === 'string' &&
		typeof r.source === 'string' &&
		typeof r.year === 'number'
	);
}

/**
 * Computes the estimate. Throws a RangeError (English message, for programmers: forms check
 * the same bounds first with Vietnamese messages) when an input is out of range or the rate's
 * band does not contain the storeys.
 */
export function investmentEstimate(input: InvestmentEstimateInput): InvestmentEstimate {
	const { gfaM2, storeys, rate, landAndClearanceVnd, contingencyShare } = input;
	if (!Number.isFinite(gfaM2) || gfaM2 <= 0 || gfaM2 > MAX_GFA_M2) {
		throw new RangeError(`gross floor area ${gfaM2} m² outside (0, ${MAX_GFA_M2}]`);
	}
	if (!Number.isInteger(storeys) || storeys < 1 || storeys > MAX_STOREYS) {
		throw new RangeError(`storeys ${storeys} not an integer in [1, ${MAX_STOREYS}]`);
	}
	if (!Number.isSafeInteger(rate.vndPerM2) || rate.vndPerM2 <= 0) {
		throw new RangeError(`rate ${rate.vndPerM2} VND/m² is not a positive integer`);
	}
	if (!rateCovers(rate, storeys)) {
		throw new RangeError(
			`rate band ${rate.storeysFrom}-${rate.storeysTo ?? '∞'} does not contain ${storeys} storeys`
		);
	}
	if (
		!Number.isFinite(landAndClearanceVnd) ||
		landAndClearanceVnd < 0 ||
		landAndClearanceVnd > MAX_AMOUNT_VND
	) {
		throw new RangeError(`land and clearance ${landAndClearanceVnd} VND out of range`);
	}
	if (
		!Number.isFinite(contingencyShare) ||
		contingencyShare < 0 ||
		contingencyShare > MAX_CONTINGENCY_SHARE
	) {
		throw new RangeError(`contingency share ${contingencyShare} outside [0, 0.3]`);
	}
	const constructionVnd = roundHalfUp(gfaM2 * rate.vndPerM2);
	const land = roundHalfUp(landAndClearanceVnd);
	const contingencyVnd = roundHalfUp(contingencyShare * (constructionVnd + land));
	const totalVnd = constructionVnd + land + contingencyVnd;
	if (totalVnd > MAX_AMOUNT_VND) throw new RangeError(`total ${totalVnd} VND out of range`);
	return {
		gfaM2,
		storeys,
		rateVndPerM2: rate.vndPerM2,
		rate: isFullRate(rate) ? rate : null,
		constructionVnd,
		landAndClearanceVnd: land,
		contingencyShare,
		contingencyVnd,
		totalVnd,
		roundingVnd: ESTIMATE_ROUNDING_VND
	};
}
