/**
 * The decision the site scoring works on: the active criteria with their weights, every
 * candidate site with its criterion values and screening reasons, and the eligible sites'
 * value matrix. Pure: {@link decide} takes the rows the server read.
 */
import type { GeoJsonPolygon } from '../geo';
import type { CriterionType } from '../mcda';
import { screenSite, type RequiredLand, type ScreenReason } from './screening';
import { criterionValue, type ScoredSite, type SiteContext } from './sources';
import type { WeightState } from './weights';

/** An active criterion with its normalised weight. */
export interface DecisionCriterion extends ActiveCriterion {
	weight: number;
}

export interface DecisionSite {
	id: number;
	code: string;
	name: string;
	lat: number;
	lng: number;
	polygon: GeoJsonPolygon | null;
	isCurrentHeadquarters: boolean;
	/** Value per criterion key (null when missing). */
	values: Record<string, number | null>;
	reasons: ScreenReason[];
}

export interface Decision {
	criteria: DecisionCriterion[];
	sites: DecisionSite[];
	/** Sites kept after screening, in `sites` order. */
	eligible: DecisionSite[];
	/** eligible × criteria raw values. */
	matrix: number[][];
	weights: WeightState;
	required: RequiredLand;
}

/** What the decision reads of an active criterion (a row of the criteria table fits). */
export interface ActiveCriterion {
	id: number;
	key: string;
	labelVi: string;
	labelEn: string;
	type: CriterionType;
	unit: string;
	source: string;
	basis: string | null;
}

/** What the decision reads of a site row (a row of the sites table fits). */
export interface SiteRow extends ScoredSite {
	id: number;
	code: string;
	name: string;
	polygonGeojson: string | null;
	isCurrentHeadquarters: boolean;
}

/** The inputs of {@link decide}, as read from the database by the server. */
export interface DecisionInputs {
	active: ActiveCriterion[];
	siteRows: SiteRow[];
	ctx: SiteContext;
	required: RequiredLand;
	weights: WeightState;
}

/**
 * Everything the scoring needs from the ward's rows: each site's criterion values and screening
 * reasons, the eligible sites and their value matrix, the criteria with their weights.
 */
export function decide({ active, siteRows, ctx, required, weights }: DecisionInputs): Decision {
	const sites: DecisionSite[] = siteRows.map((s) => {
		const values = Object.fromEntries(active.map((c) => [c.key, criterionValue(c.source, s, ctx)]));
		return {
			id: s.id,
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			polygon: s.polygonGeojson ? (JSON.parse(s.polygonGeojson) as GeoJsonPolygon) : null,
			isCurrentHeadquarters: s.isCurrentHeadquarters,
			values,
			reasons: screenSite(s, ctx, required, active, values)
		};
	});
	const eligible = sites.filter((s) => s.reasons.length === 0);
	return {
		criteria: active.map((c) => ({
			id: c.id,
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			type: c.type,
			unit: c.unit,
			source: c.source,
			basis: c.basis,
			weight: weights.weights[c.key] ?? 0
		})),
		sites,
		eligible,
		matrix: eligible.map((s) => active.map((c) => s.values[c.key] as number)),
		weights,
		required
	};
}
