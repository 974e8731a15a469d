/**
 * Hard constraints that screen a candidate site out before scoring: too little land for the
 * required area (or none stated), land not available, outside the ward, a value missing for an
 * active criterion. Pure: the required land and the ward's context are read by the caller.
 */
import { UNAVAILABLE_LEGAL_STATUSES } from '../schemas/sites';
import { criterionValue, insideWard, type ScoredSite, type SiteContext } from './sources';

/** What the screening reads of an active criterion. */
export interface ScreenedCriterion {
	key: string;
	source: string;
}

/** The land a new headquarters needs and how it was derived (see `requiredLand` on the server). */
export interface RequiredLand {
	/** Minimum land area in m², or null when it cannot be derived. */
	areaM2: number | null;
	/** 'setting' (sites.requiredLandAreaM2), 'needs' (from the norms) or 'none'. */
	source: 'setting' | 'needs' | 'none';
	usableM2: number | null;
	grossToUsable: number;
	floors: number;
	normSetName: string | null;
	headcount: number;
}

export type ScreenReason =
	| { code: 'area-below'; areaM2: number; requiredM2: number }
	| { code: 'area-missing'; requiredM2: number }
	| { code: 'unavailable'; legalStatus: string }
	| { code: 'outside-ward' }
	| { code: 'missing-value'; criterion: string };

/** The hard constraints a site fails (empty = kept for scoring). */
export function screenSite(
	site: ScoredSite,
	ctx: SiteContext,
	required: RequiredLand,
	active: readonly ScreenedCriterion[],
	values?: Record<string, number | null>
): ScreenReason[] {
	const reasons: ScreenReason[] = [];
	if (required.areaM2 !== null) {
		if (site.landAreaM2 === null) {
			reasons.push({ code: 'area-missing', requiredM2: required.areaM2 });
		} else if (site.landAreaM2 < required.areaM2) {
			reasons.push({ code: 'area-below', areaM2: site.landAreaM2, requiredM2: required.areaM2 });
		}
	}
	if (UNAVAILABLE_LEGAL_STATUSES.includes(site.legalStatus)) {
		reasons.push({ code: 'unavailable', legalStatus: site.legalStatus });
	}
	if (!insideWard({ lat: site.lat, lng: site.lng }, ctx)) reasons.push({ code: 'outside-ward' });
	for (const c of active) {
		if (
			(values ? values[c.key] : criterionValue(c.source, site, ctx)) === null &&
			!(c.source === 'attribute:landAreaM2' && reasons.some((r) => r.code === 'area-missing'))
		) {
			reasons.push({ code: 'missing-value', criterion: c.key });
		}
	}
	return reasons;
}
