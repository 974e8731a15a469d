/**
 * The sources a site-scoring criterion reads (site attributes and values computed from
 * geometry: metro stations, the population centre, the current headquarters, old facilities)
 * and whether a point lies inside the ward. Pure: the caller reads the sites and the ward's
 * context from the database.
 */
import {
	bboxContains,
	distanceM,
	insideTod,
	METRO_STATIONS,
	nearestStation,
	pointInPolygon,
	type GeoJsonPolygon,
	type LatLng
} from '../geo';
import type { CriterionType } from '../mcda';
import { LEGAL_STATUS_SCORE, type SiteLegalOption } from '../schemas/sites';

/** What the scoring reads of a candidate site (a row of the sites table fits). */
export interface ScoredSite {
	lat: number;
	lng: number;
	landAreaM2: number | null;
	legalStatus: SiteLegalOption;
	householdsToRelocate: number;
	landCostVnd: number;
	clearanceCostVnd: number;
	floodRisk: number;
	planFit: number;
	roadAccess: number;
}

export interface SourceInfo {
	key: string;
	labelVi: string;
	labelEn: string;
	type: CriterionType;
	unit: string;
	basis: string;
	/** PROMETHEE preference: 'usual' for scores and yes/no, 'linear' for measured values. */
	preference: 'usual' | 'linear';
}

/** Every source a criterion can read; computed ones can be added on the criteria page. */
export const CRITERION_SOURCES: Record<string, SourceInfo> = {
	'attribute:landAreaM2': {
		key: 'land-area',
		labelVi: 'Diện tích khu đất',
		labelEn: 'Land area',
		type: 'benefit',
		unit: 'm²',
		basis: 'TCVN 4601:2012 §6',
		preference: 'linear'
	},
	'attribute:legalStatus': {
		key: 'legal-status',
		labelVi: 'Tình trạng pháp lý đất',
		labelEn: 'Legal status of the land',
		type: 'benefit',
		unit: 'điểm 1-5',
		basis: 'Tiêu chí địa phương',
		preference: 'usual'
	},
	'attribute:householdsToRelocate': {
		key: 'households',
		labelVi: 'Số hộ phải di dời',
		labelEn: 'Households to relocate',
		type: 'cost',
		unit: 'hộ',
		basis: 'Tiêu chí địa phương',
		preference: 'linear'
	},
	'attribute:landAndClearanceCost': {
		key: 'land-cost',
		labelVi: 'Chi phí đất và giải phóng mặt bằng',
		labelEn: 'Land and clearance cost',
		type: 'cost',
		unit: 'tỷ đồng',
		basis: 'Tiêu chí địa phương',
		preference: 'linear'
	},
	'attribute:floodRisk': {
		key: 'flood-risk',
		labelVi: 'Nguy cơ ngập',
		labelEn: 'Flood risk',
		type: 'cost',
		unit: 'điểm 1-5',
		basis: 'Tiêu chí địa phương (TP.HCM)',
		preference: 'usual'
	},
	'attribute:planFit': {
		key: 'plan-fit',
		labelVi: 'Phù hợp quy hoạch',
		labelEn: 'Fit with the approved plan',
		type: 'benefit',
		unit: 'điểm 1-5',
		basis: 'TCVN 4601:2012 §6',
		preference: 'usual'
	},
	'attribute:roadAccess': {
		key: 'road-access',
		labelVi: 'Giao thông tiếp cận',
		labelEn: 'Road access',
		type: 'benefit',
		unit: 'điểm 1-5',
		basis: 'TCVN 4601:2012 §6',
		preference: 'usual'
	},
	'computed:metroDistanceM': {
		key: 'metro-distance',
		labelVi: 'Khoảng cách đến ga metro',
		labelEn: 'Distance to a metro station',
		type: 'cost',
		unit: 'm',
		basis: 'Nghị quyết 188/2025/QH15 (TOD)',
		preference: 'linear'
	},
	'computed:insideTod': {
		key: 'inside-tod',
		labelVi: 'Nằm trong vùng TOD 1.000 m',
		labelEn: 'Inside the 1,000 m TOD area',
		type: 'benefit',
		unit: 'có = 1 / không = 0',
		basis: 'Nghị quyết 188/2025/QH15; Nghị quyết 38/2025/NQ-HĐND TP.HCM',
		preference: 'usual'
	},
	'computed:populationDistanceM': {
		key: 'population-distance',
		labelVi: 'Khoảng cách đến trung tâm dân cư',
		labelEn: 'Distance to the population centre',
		type: 'cost',
		unit: 'm',
		basis: 'TCVN 4601:2012 §6 (thuận tiện cho người dân)',
		preference: 'linear'
	},
	'computed:headquartersDistanceM': {
		key: 'headquarters-distance',
		labelVi: 'Khoảng cách đến trụ sở hiện hữu',
		labelEn: 'Distance to the current headquarters',
		type: 'cost',
		unit: 'm',
		basis: 'Giả định của sản phẩm (người dân quen vị trí cũ)',
		preference: 'linear'
	},
	'computed:facilityDistanceM': {
		key: 'facility-distance',
		labelVi: 'Khoảng cách đến cơ sở cũ gần nhất',
		labelEn: 'Distance to the nearest old facility',
		type: 'cost',
		unit: 'm',
		basis: 'Giả định của sản phẩm (tập trung các cơ quan)',
		preference: 'linear'
	}
};

/** Sources of 1-5 scores and yes/no values (PROMETHEE's usual criterion). */
export const SCORE_SOURCES: ReadonlySet<string> = new Set(
	Object.entries(CRITERION_SOURCES)
		.filter(([, v]) => v.preference === 'usual')
		.map(([k]) => k)
);

/** Computed sources, in the order the criteria page offers them. */
export const COMPUTED_SOURCES = Object.keys(CRITERION_SOURCES).filter((s) =>
	s.startsWith('computed:')
);

/** What the computed criteria and the screening need to know about the ward. */
export interface SiteContext {
	populationCentre: LatLng | null;
	headquarters: LatLng | null;
	oldFacilities: LatLng[];
	extent: [number, number, number, number] | null;
	boundary: GeoJSON.Geometry | null;
}

/** Rounded to 0.1 (distances in m, areas in m²). */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The value of one criterion source for a site (null when the data is missing). Distances are
 * great-circle metres from the site's point (the polygon's centroid), rounded to 0.1 m.
 */
export function criterionValue(source: string, site: ScoredSite, ctx: SiteContext): number | null {
	const p = { lat: site.lat, lng: site.lng };
	switch (source) {
		case 'attribute:landAreaM2':
			return site.landAreaM2;
		case 'attribute:legalStatus':
			return LEGAL_STATUS_SCORE[site.legalStatus] ?? null;
		case 'attribute:householdsToRelocate':
			return site.householdsToRelocate;
		case 'attribute:landAndClearanceCost':
			return Math.round((site.landCostVnd + site.clearanceCostVnd) / 1e6) / 1e3;
		case 'attribute:floodRisk':
			return site.floodRisk;
		case 'attribute:planFit':
			return site.planFit;
		case 'attribute:roadAccess':
			return site.roadAccess;
		case 'computed:metroDistanceM': {
			const near = nearestStation(p, METRO_STATIONS);
			return near ? round1(near.distanceM) : null;
		}
		case 'computed:insideTod':
			return insideTod(p, METRO_STATIONS) ? 1 : 0;
		case 'computed:populationDistanceM':
			return ctx.populationCentre ? round1(distanceM(p, ctx.populationCentre)) : null;
		case 'computed:headquartersDistanceM':
			return ctx.headquarters ? round1(distanceM(p, ctx.headquarters)) : null;
		case 'computed:facilityDistanceM':
			return ctx.oldFacilities.length
				? round1(Math.min(...ctx.oldFacilities.map((f) => distanceM(p, f))))
				: null;
		default:
			return null;
	}
}

/** Every computed value of a site (for the API and the site page). */
export function computedValues(site: ScoredSite, ctx: SiteContext) {
	const near = nearestStation({ lat: site.lat, lng: site.lng }, METRO_STATIONS);
	return {
		nearestStation: near?.station.name ?? null,
		metroDistanceM: criterionValue('computed:metroDistanceM', site, ctx),
		insideTod: criterionValue('computed:insideTod', site, ctx) === 1,
		populationDistanceM: criterionValue('computed:populationDistanceM', site, ctx),
		headquartersDistanceM: criterionValue('computed:headquartersDistanceM', site, ctx),
		facilityDistanceM: criterionValue('computed:facilityDistanceM', site, ctx),
		legalStatusScore: criterionValue('attribute:legalStatus', site, ctx),
		landAndClearanceCostBn: criterionValue('attribute:landAndClearanceCost', site, ctx),
		insideWard: insideWard({ lat: site.lat, lng: site.lng }, ctx)
	};
}

function insideGeometry(p: LatLng, g: GeoJSON.Geometry): boolean {
	if (g.type === 'Polygon') return pointInPolygon(p, g as GeoJsonPolygon);
	if (g.type === 'MultiPolygon') {
		return g.coordinates.some((c) => pointInPolygon(p, { type: 'Polygon', coordinates: c }));
	}
	return true;
}

/** Inside the imported boundary, else inside the working extent; true when neither exists. */
export function insideWard(p: LatLng, ctx: SiteContext): boolean {
	if (ctx.boundary) return insideGeometry(p, ctx.boundary);
	if (ctx.extent) {
		const [s, w, n, e] = ctx.extent;
		return bboxContains([w, s, e, n], p);
	}
	return true;
}
