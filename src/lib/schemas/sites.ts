/**
 * One validation schema per siting form: a candidate site (attributes and geometry), a
 * criterion, direct weights, AHP judgements, a scoring run and the site import options.
 */
import { z } from 'zod';
import { SITE_LEGAL_STATUSES } from '../constants';
import {
	checkbox,
	code,
	optionalCoordinate,
	integer,
	number,
	optionalNumber,
	integerOr,
	numberOr,
	optionalText,
	text
} from './fields';

/**
 * Legal status of a candidate site (SITE_LEGAL_STATUSES), including 'unavailable' (land under
 * dispute, already allocated to another project, or otherwise not obtainable), which the
 * screening step removes from the comparison.
 */
export const SITE_LEGAL_OPTIONS = SITE_LEGAL_STATUSES;
export type SiteLegalOption = (typeof SITE_LEGAL_OPTIONS)[number];

/** Legal statuses screened out as "land not available". */
export const UNAVAILABLE_LEGAL_STATUSES: readonly SiteLegalOption[] = ['unavailable'];

/**
 * The 1-5 score of a legal status used by the "legal status" criterion (benefit):
 * state land ready to use 5; state land occupied by another user (to be moved by agreement) 3;
 * partly state land, partly to acquire 2; land to acquire from its users 1; unavailable 0
 * (screened out before scoring).
 */
export const LEGAL_STATUS_SCORE: Record<SiteLegalOption, number> = {
	'state-ready': 5,
	'state-occupied': 3,
	mixed: 2,
	'to-acquire': 1,
	unavailable: 0
};

export const COORDINATE_SYSTEMS = ['wgs84', 'vn2000'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
export const AXIS_ORDERS = ['northing-easting', 'easting-northing'] as const;

/** An amount typed in billions of VND (tỷ đồng), stored in VND; blank is 0. */
const billions = () => numberOr(0, 1_000_000, 0).transform((bn) => Math.round(bn * 1e9));

/** The attributes of a site typed in the form (costs in billions of VND). */
export const siteAttributesSchema = z.object({
	code: code(),
	name: text(200),
	landAreaM2: optionalNumber(0, 100_000_000),
	legalStatus: z.enum(SITE_LEGAL_OPTIONS),
	currentUse: optionalText(300),
	householdsToRelocate: integerOr(0, 100_000, 0),
	landCostVnd: billions(),
	clearanceCostVnd: billions(),
	floodRisk: integer(1, 5),
	planFit: integer(1, 5),
	roadAccess: integer(1, 5),
	isCurrentHeadquarters: checkbox(),
	notes: optionalText(2000)
});

/**
 * Where a site is: a polygon drawn on the map (GeoJSON in a hidden field, WGS84), vertices
 * typed one per line, or a point typed as two numbers (c1, c2). For WGS84, c1 is the latitude
 * and c2 the longitude; for VN-2000 (TM-3, 105°45′) the order is stated by `axisOrder`.
 */
export const siteGeometrySchema = z.object({
	crs: z.enum(COORDINATE_SYSTEMS).default('wgs84'),
	axisOrder: z.enum(AXIS_ORDERS).default('northing-easting'),
	c1: optionalCoordinate(-1e9, 1e9),
	c2: optionalCoordinate(-1e9, 1e9),
	vertices: optionalText(20_000),
	polygonGeojson: optionalText(200_000)
});

export const siteFormSchema = siteAttributesSchema.extend(siteGeometrySchema.shape);
export type SiteFormInput = z.infer<typeof siteFormSchema>;
export type SiteAttributes = z.infer<typeof siteAttributesSchema>;
export type SiteGeometryInput = z.infer<typeof siteGeometrySchema>;

/**
 * Attributes of an imported site (CSV columns or GeoJSON properties, costs in VND).
 * Blank optional cells take the column defaults of the database.
 */
export const siteImportAttributesSchema = z.object({
	code: code(),
	name: text(200),
	landAreaM2: optionalNumber(0, 100_000_000),
	legalStatus: z.enum(SITE_LEGAL_OPTIONS),
	currentUse: optionalText(300),
	householdsToRelocate: integerOr(0, 100_000, 0),
	landCostVnd: integerOr(0, Number.MAX_SAFE_INTEGER, 0),
	clearanceCostVnd: integerOr(0, Number.MAX_SAFE_INTEGER, 0),
	floodRisk: integerOr(1, 5, 1),
	planFit: integerOr(1, 5, 3),
	roadAccess: integerOr(1, 5, 3),
	isCurrentHeadquarters: checkbox(),
	notes: optionalText(2000)
});
export type SiteImportAttributes = z.infer<typeof siteImportAttributesSchema>;

export const siteImportOptionsSchema = z.object({
	crs: z.enum(COORDINATE_SYSTEMS),
	axisOrder: z.enum(AXIS_ORDERS).default('northing-easting')
});
export type SiteImportOptions = z.infer<typeof siteImportOptionsSchema>;

export const CRITERION_TYPES = ['benefit', 'cost'] as const;

/** Editing a criterion of the ward. */
export const criterionSchema = z.object({
	id: integer(1, Number.MAX_SAFE_INTEGER),
	labelVi: text(200),
	labelEn: text(200),
	type: z.enum(CRITERION_TYPES),
	unit: text(40),
	basis: optionalText(500),
	defaultWeight: number(0, 1),
	active: checkbox()
});
export type CriterionInput = z.infer<typeof criterionSchema>;

/** Adding a computed criterion (its key, labels and unit come from the catalogue). */
export const addCriterionSchema = z.object({ source: text(60) });

/** Saving a run of the scoring. */
export const scoringRunSchema = z.object({
	name: text(200),
	method: z.enum(['weighted-sum', 'topsis', 'promethee2'])
});

/** Who enters a set of AHP judgements (the answers are read from `p:<i>:<j>` fields). */
export const judgmentHeaderSchema = z.object({ participant: text(100) });

/** The options of a pairwise judgement, from "9" (left far more important) to "1/9". */
export const SAATY_OPTIONS = [
	'9',
	'8',
	'7',
	'6',
	'5',
	'4',
	'3',
	'2',
	'1',
	'1/2',
	'1/3',
	'1/4',
	'1/5',
	'1/6',
	'1/7',
	'1/8',
	'1/9'
] as const;

/** "7" → 7, "1/3" → 1/3; anything off the scale → null. */
export function parseSaaty(raw: string): number | null {
	if (!(SAATY_OPTIONS as readonly string[]).includes(raw)) return null;
	return raw.startsWith('1/') ? 1 / Number(raw.slice(2)) : Number(raw);
}

/** The nearest option of the scale to a judgement: 6.8 → "7", 0.3 → "1/3". */
export function formatSaaty(x: number): string {
	if (!(x > 0) || !Number.isFinite(x)) return '1';
	if (x >= 1) return String(Math.min(9, Math.max(1, Math.round(x))));
	const k = Math.round(1 / x);
	return k <= 1 ? '1' : `1/${Math.min(9, k)}`;
}
