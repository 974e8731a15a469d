/**
 * Multi-criteria scoring of the candidate sites: the ward's criteria and their values (site
 * attributes and values computed from geometry), hard constraints that screen sites out, the
 * weights (product defaults, direct weights, or AHP judgements of several participants), the
 * analysis (weighted sum, TOPSIS, PROMETHEE II, their agreement, contributions, one-at-a-time
 * sensitivity, SMAA) and the named scoring runs kept for the proposal packet.
 *
 * How the methods are fed (documented for the packet):
 * - Weighted sum: each column is scaled to a 0-1 utility, (x − min)/(max − min) for a benefit
 *   criterion and (max − x)/(max − min) for a cost one; a criterion on which every site is equal
 *   gives 1 to all (it cannot separate them). Score = Σ w_j u_ij, so it lies in [0, 1].
 * - TOPSIS: the raw values with vector normalisation (Hwang & Yoon 1981); a constant column is
 *   replaced by ones (it adds nothing to either distance).
 * - PROMETHEE II: 1-5 scores and yes/no criteria use the "usual" criterion (any difference is
 *   a strict preference); measured criteria (m, m², households, cost) use the linear criterion
 *   with an indifference threshold q = 5 % and a preference threshold p = 50 % of the range
 *   of the column over the candidate sites.
 * - SMAA-2: weighted-sum value model, uniform weights on the simplex, seed 20251.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import {
	bboxContains,
	distanceM,
	insideTod,
	METRO_STATIONS,
	nearestStation,
	pointInPolygon,
	type GeoJsonPolygon,
	type LatLng
} from '../../geo';
import {
	aggregateJudgments,
	ahp,
	compareRankings,
	criterionContributions,
	groupConsensus,
	mostInconsistentJudgment,
	pairDisagreement,
	promethee2,
	sensitivityOneAtATime,
	smaa,
	smaaSteps,
	topsis,
	weightedSum,
	type CriterionType,
	type InconsistentJudgment,
	type PairDisagreement,
	type PreferenceFunction,
	type RankingComparison
} from '../../mcda';
import { needsForWard } from '../needs';
import {
	LEGAL_STATUS_SCORE,
	UNAVAILABLE_LEGAL_STATUSES,
	type CriterionInput
} from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { runSliced } from '../core/sliced';
import type { Db, DbLike } from '../db';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import {
	criteria,
	facilities,
	judgments,
	normSets,
	orgUnits,
	positions,
	scoringRuns,
	settings,
	users,
	wards,
	weightings
} from '../db/schema';
import { allSites, type Site } from './';

export type Criterion = typeof criteria.$inferSelect;
export type ScoringMethod = 'weighted-sum' | 'topsis' | 'promethee2';
export const SCORING_METHODS: readonly ScoringMethod[] = ['weighted-sum', 'topsis', 'promethee2'];

/** Seed of the SMAA sampler: the same inputs always give the same acceptabilities. */
export const SMAA_SEED = 20251;
/** Samples of the SMAA stored with a run (and run on demand on the results page). */
export const SMAA_SAMPLES = 10_000;
/** Samples of the quick SMAA estimate shown on page load when the full one is not cached. */
export const SMAA_QUICK_SAMPLES = 1_000;
/** Floors assumed for the new headquarters when converting floor area to land area. */
export const DEFAULT_ASSUMED_FLOORS = 3;
/** Gross / usable floor area when the setting is missing (same as the seeded setting). */
export const DEFAULT_GROSS_TO_USABLE = 1.35;

/** A refusal the user can fix. */
export class ScoringError extends Error {
	constructor(
		public readonly code:
			'not-found' | 'no-criteria' | 'unknown-source' | 'duplicate' | 'name-taken'
	) {
		super(code);
	}
}

// ---------------------------------------------------------------- criteria catalogue

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

/** Computed sources, in the order the criteria page offers them. */
export const COMPUTED_SOURCES = Object.keys(CRITERION_SOURCES).filter((s) =>
	s.startsWith('computed:')
);

/** The criteria of a ward in display order. */
export function listCriteria(db: DbLike, wardId: number): Criterion[] {
	return db
		.select()
		.from(criteria)
		.where(eq(criteria.wardId, wardId))
		.orderBy(asc(criteria.sortOrder), asc(criteria.id))
		.all();
}

export function updateCriterion(
	db: Db,
	actor: Actor,
	wardId: number,
	input: CriterionInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Criterion {
	return db.transaction((tx) => {
		const before = tx
			.select()
			.from(criteria)
			.where(and(eq(criteria.id, input.id), eq(criteria.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		checkVersion('criterion', before, expectedVersion);
		const { id, ...values } = input;
		const after = versionedUpdate(tx, criteria, 'criterion', id, expectedVersion, values);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'criterion',
			entityId: id,
			action: 'update',
			before,
			after
		});
		return after;
	});
}

/** Adds a computed criterion from the catalogue (active, default weight 0.1). */
export function addComputedCriterion(
	db: Db,
	actor: Actor,
	wardId: number,
	source: string
): Criterion {
	const info = CRITERION_SOURCES[source];
	if (!info || !source.startsWith('computed:')) throw new ScoringError('unknown-source');
	return db.transaction((tx) => {
		const existing = listCriteria(tx, wardId);
		if (existing.some((c) => c.source === source || c.key === info.key)) {
			throw new ScoringError('duplicate');
		}
		const row = tx
			.insert(criteria)
			.values({
				wardId,
				key: info.key,
				labelVi: info.labelVi,
				labelEn: info.labelEn,
				type: info.type,
				unit: info.unit,
				source,
				basis: info.basis,
				defaultWeight: 0.1,
				active: true,
				sortOrder: Math.max(0, ...existing.map((c) => c.sortOrder)) + 1
			})
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'criterion',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export function deleteCriterion(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = tx
			.select()
			.from(criteria)
			.where(and(eq(criteria.id, id), eq(criteria.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		tx.delete(criteria).where(eq(criteria.id, id)).run();
		writeAudit(tx, { actor, wardId, entity: 'criterion', entityId: id, action: 'delete', before });
	});
}

// ---------------------------------------------------------------- computed values

/** What the computed criteria and the screening need to know about the ward. */
export interface SiteContext {
	populationCentre: LatLng | null;
	headquarters: LatLng | null;
	oldFacilities: LatLng[];
	extent: [number, number, number, number] | null;
	boundary: GeoJSON.Geometry | null;
}

/** Reads a setting: the ward's value first, then the global one. */
export function readSetting<T>(db: DbLike, wardId: number, key: string): T | undefined {
	const rows = db
		.select({ wardId: settings.wardId, valueJson: settings.valueJson })
		.from(settings)
		.where(eq(settings.key, key))
		.all();
	const row = rows.find((r) => r.wardId === wardId) ?? rows.find((r) => r.wardId === null);
	if (!row) return undefined;
	try {
		return JSON.parse(row.valueJson) as T;
	} catch {
		return undefined;
	}
}

/**
 * The ward's population centre, current headquarters (the inventory facility of kind
 * 'headquarters', else the site marked as the current headquarters), old facilities (every other
 * facility of the inventory), working extent and imported boundary.
 */
export function siteContext(db: DbLike, wardId: number, siteRows?: Site[]): SiteContext {
	const w = db.select().from(wards).where(eq(wards.id, wardId)).get();
	const fs = db
		.select({ kind: facilities.kind, lat: facilities.lat, lng: facilities.lng })
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all();
	const hqFacility = fs.find((f) => f.kind === 'headquarters');
	const hqSite = (siteRows ?? allSites(db, wardId)).find((s) => s.isCurrentHeadquarters);
	let boundary: GeoJSON.Geometry | null = null;
	if (w?.boundaryGeojson) {
		try {
			const b = JSON.parse(w.boundaryGeojson) as GeoJSON.GeoJsonObject;
			boundary = b.type === 'Feature' ? (b as GeoJSON.Feature).geometry : (b as GeoJSON.Geometry);
		} catch {
			boundary = null;
		}
	}
	return {
		populationCentre:
			w?.populationCentreLat != null && w.populationCentreLng != null
				? { lat: w.populationCentreLat, lng: w.populationCentreLng }
				: null,
		headquarters: hqFacility
			? { lat: hqFacility.lat, lng: hqFacility.lng }
			: hqSite
				? { lat: hqSite.lat, lng: hqSite.lng }
				: null,
		oldFacilities: fs
			.filter((f) => f.kind !== 'headquarters')
			.map((f) => ({ lat: f.lat, lng: f.lng })),
		extent: w?.extentJson ? (JSON.parse(w.extentJson) as [number, number, number, number]) : null,
		boundary
	};
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The value of one criterion source for a site (null when the data is missing). Distances are
 * great-circle metres from the site's point (the polygon's centroid), rounded to 0.1 m.
 */
export function criterionValue(source: string, site: Site, ctx: SiteContext): number | null {
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
export function computedValues(site: Site, ctx: SiteContext) {
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

// ---------------------------------------------------------------- required land and screening

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

/**
 * The land a new headquarters needs. A ward setting `sites.requiredLandAreaM2` wins when set.
 * Otherwise: total usable area from computeSpaceNeeds (approved positions of the ward, the
 * current norm set — setting `needs.normSetKey`, default Decree 155/2025 — and the ward's
 * specialised rooms), × gross/usable (setting 'investment.grossToUsableRatio', default 1.35)
 * ÷ an assumed number of floors (setting 'sites.assumedFloors', default 3): the building
 * footprint, taken as the minimum land area (setbacks, parking and green space are not added:
 * a lower bound, the product's assumption).
 */
export function requiredLand(db: DbLike, wardId: number): RequiredLand {
	const grossToUsable =
		readSetting<number>(db, wardId, 'investment.grossToUsableRatio') ?? DEFAULT_GROSS_TO_USABLE;
	const floors = readSetting<number>(db, wardId, 'sites.assumedFloors') ?? DEFAULT_ASSUMED_FLOORS;
	const fixed = readSetting<number>(db, wardId, 'sites.requiredLandAreaM2');
	const base = { grossToUsable, floors, normSetName: null, headcount: 0, usableM2: null };
	if (typeof fixed === 'number' && Number.isFinite(fixed) && fixed > 0) {
		return { ...base, areaM2: fixed, source: 'setting' };
	}
	const key = readSetting<string>(db, wardId, 'needs.normSetKey') ?? 'nd-155-2025';
	const set = db
		.select()
		.from(normSets)
		.where(and(eq(normSets.key, key), eq(normSets.isCurrent, true)))
		.orderBy(desc(normSets.version))
		.get();
	const ps = db
		.select({
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			count: positions.approved
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.all();
	if (!set || ps.length === 0) return { ...base, areaM2: null, source: 'none' };
	try {
		// The needs page's figure: positions priced with their rank and concurrent titles.
		const needs = needsForWard(db, wardId, set.id).result;
		const usable = needs.totalUsableM2;
		return {
			grossToUsable,
			floors,
			normSetName: set.name,
			headcount: ps.reduce((s, p) => s + p.count, 0),
			usableM2: round1(usable),
			areaM2: round1((usable * grossToUsable) / floors),
			source: 'needs'
		};
	} catch {
		return { ...base, areaM2: null, source: 'none' };
	}
}

export type ScreenReason =
	| { code: 'area-below'; areaM2: number; requiredM2: number }
	| { code: 'area-missing'; requiredM2: number }
	| { code: 'unavailable'; legalStatus: string }
	| { code: 'outside-ward' }
	| { code: 'missing-value'; criterion: string };

/** The hard constraints a site fails (empty = kept for scoring). */
export function screenSite(
	site: Site,
	ctx: SiteContext,
	required: RequiredLand,
	active: Criterion[],
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

// ---------------------------------------------------------------- weights

export type WeightSource = 'default' | 'direct' | 'ahp';

export interface WeightState {
	source: WeightSource;
	/** Normalised weights of the active criteria, by key. */
	weights: Record<string, number>;
	/** Who set them (user names or AHP participants). */
	setBy: string[];
	weightingId: number | null;
	updatedAt: number | null;
	/** Consistency of the group matrix when the weights come from AHP. */
	cr: number | null;
}

function normalise(keys: string[], raw: Record<string, number>): Record<string, number> | null {
	const vals = keys.map((k) => (Number.isFinite(raw[k]) && raw[k] > 0 ? raw[k] : 0));
	const sum = vals.reduce((s, v) => s + v, 0);
	if (!(sum > 0)) return null;
	return Object.fromEntries(keys.map((k, i) => [k, vals[i] / sum]));
}

function defaultWeights(active: Criterion[]): Record<string, number> {
	const keys = active.map((c) => c.key);
	return (
		normalise(keys, Object.fromEntries(active.map((c) => [c.key, c.defaultWeight]))) ??
		Object.fromEntries(keys.map((k) => [k, 1 / keys.length]))
	);
}

function weightingOf(db: DbLike, wardId: number, method: 'direct' | 'ahp') {
	return db
		.select()
		.from(weightings)
		.where(and(eq(weightings.wardId, wardId), eq(weightings.method, method)))
		.orderBy(desc(weightings.id))
		.get();
}

/** The weights in use: the weighting marked in use (direct or AHP), else the defaults. */
export function weightState(db: DbLike, wardId: number, active: Criterion[]): WeightState {
	const keys = active.map((c) => c.key);
	const inUse = db
		.select({ w: weightings, username: users.displayName })
		.from(weightings)
		.leftJoin(users, eq(users.id, weightings.createdBy))
		.where(and(eq(weightings.wardId, wardId), eq(weightings.isDefault, true)))
		.orderBy(desc(weightings.updatedAt), desc(weightings.id))
		.get();
	if (inUse && keys.length) {
		if (inUse.w.method === 'ahp') {
			const state = ahpState(db, wardId, keys);
			if (state.group) {
				return {
					source: 'ahp',
					weights: Object.fromEntries(keys.map((k, i) => [k, state.group!.weights[i]])),
					setBy: state.participants.map((p) => p.participant),
					weightingId: inUse.w.id,
					updatedAt: inUse.w.updatedAt,
					cr: state.group.cr
				};
			}
		} else {
			const stored = JSON.parse(inUse.w.weightsJson) as Record<string, number>;
			const weights = normalise(keys, stored);
			if (weights) {
				return {
					source: 'direct',
					weights,
					setBy: inUse.username ? [inUse.username] : [],
					weightingId: inUse.w.id,
					updatedAt: inUse.w.updatedAt,
					cr: null
				};
			}
		}
	}
	return {
		source: 'default',
		weights: defaultWeights(active),
		setBy: [],
		weightingId: null,
		updatedAt: null,
		cr: null
	};
}

function markInUse(tx: DbLike, wardId: number, id: number | null): void {
	tx.update(weightings)
		.set({ isDefault: false })
		.where(and(eq(weightings.wardId, wardId), id === null ? undefined : ne(weightings.id, id)))
		.run();
	if (id !== null) {
		tx.update(weightings)
			.set({ isDefault: true, updatedAt: Date.now() })
			.where(eq(weightings.id, id))
			.run();
	}
}

/** Saves direct weights (normalised here whatever was typed) and puts them in use. */
export function saveDirectWeights(
	db: Db,
	actor: Actor,
	wardId: number,
	raw: Record<string, number>
): Record<string, number> {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const weights = normalise(
		active.map((c) => c.key),
		raw
	);
	if (!weights) throw new ScoringError('no-criteria');
	return db.transaction((tx) => {
		const before = weightingOf(tx, wardId, 'direct');
		let id: number;
		if (before) {
			tx.update(weightings)
				.set({
					weightsJson: JSON.stringify(weights),
					createdBy: actor.userId,
					updatedAt: Date.now()
				})
				.where(eq(weightings.id, before.id))
				.run();
			id = before.id;
		} else {
			id = tx
				.insert(weightings)
				.values({
					wardId,
					name: 'Trọng số trực tiếp',
					method: 'direct',
					weightsJson: JSON.stringify(weights),
					createdBy: actor.userId
				})
				.returning()
				.get().id;
		}
		markInUse(tx, wardId, id);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: id,
			action: before ? 'update' : 'create',
			before: before ? JSON.parse(before.weightsJson) : undefined,
			after: { method: 'direct', weights }
		});
		return weights;
	});
}

/** Goes back to the product's default weights. */
export function useDefaultWeights(db: Db, actor: Actor, wardId: number): void {
	db.transaction((tx) => {
		markInUse(tx, wardId, null);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: null,
			action: 'update',
			after: { method: 'default' }
		});
	});
}

/** Puts the AHP weighting in use again (after direct weights were used). */
export function useAhpWeights(db: Db, actor: Actor, wardId: number): boolean {
	return db.transaction((tx) => {
		const w = weightingOf(tx, wardId, 'ahp');
		if (!w) return false;
		markInUse(tx, wardId, w.id);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: w.id,
			action: 'update',
			after: { method: 'ahp' }
		});
		return true;
	});
}

/** A stored matrix read for the current keys (pairs it does not cover count as equal, 1). */
export function remapMatrix(
	stored: { keys: string[]; matrix: number[][] },
	keys: string[]
): number[][] {
	const idx = new Map(stored.keys.map((k, i) => [k, i]));
	return keys.map((a, i) =>
		keys.map((b, j) => {
			if (i === j) return 1;
			const ia = idx.get(a);
			const ib = idx.get(b);
			const v = ia !== undefined && ib !== undefined ? stored.matrix[ia]?.[ib] : undefined;
			return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 1;
		})
	);
}

/** A reciprocal matrix from the upper-triangle judgements a_ij (i < j). */
export function matrixFromPairs(n: number, pairs: (i: number, j: number) => number): number[][] {
	const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const v = pairs(i, j);
			m[i][j] = v;
			m[j][i] = 1 / v;
		}
	}
	return m;
}

export interface ParticipantState {
	id: number;
	participant: string;
	userId: number | null;
	matrix: number[][];
	weights: number[];
	cr: number;
	inconsistent: InconsistentJudgment | null;
	distanceToGroup: number | null;
	kendallTauToGroup: number | null;
	updatedAt: number;
}

export interface AhpState {
	weightingId: number | null;
	keys: string[];
	participants: ParticipantState[];
	group: { weights: number[]; cr: number; matrix: number[][] } | null;
	/** Consensus measures: null with fewer than two participants (nothing to agree on). */
	meanKendallTau: number | null;
	meanDistance: number | null;
	/** Pairs sorted by how far apart the participants are (two or more participants). */
	disagreement: PairDisagreement[];
}

/** The AHP judgements of the ward for the given criteria, each member's CR and agreement. */
export function ahpState(db: DbLike, wardId: number, keys: string[]): AhpState {
	const w = weightingOf(db, wardId, 'ahp');
	const empty: AhpState = {
		weightingId: w?.id ?? null,
		keys,
		participants: [],
		group: null,
		meanKendallTau: null,
		meanDistance: null,
		disagreement: []
	};
	if (!w || keys.length < 2) return empty;
	const rows = db
		.select()
		.from(judgments)
		.where(eq(judgments.weightingId, w.id))
		.orderBy(asc(judgments.id))
		.all();
	if (rows.length === 0) return empty;
	const mats = rows.map((r) => remapMatrix(JSON.parse(r.matrixJson), keys));
	const consensus = groupConsensus(mats);
	const several = rows.length > 1;
	return {
		weightingId: w.id,
		keys,
		participants: rows.map((r, k) => ({
			id: r.id,
			participant: r.participant,
			userId: r.userId,
			matrix: mats[k],
			weights: consensus.members[k].weights,
			cr: consensus.members[k].cr,
			inconsistent: keys.length > 2 ? mostInconsistentJudgment(mats[k]) : null,
			distanceToGroup: several ? consensus.members[k].distanceToGroup : null,
			kendallTauToGroup: several ? consensus.members[k].kendallTauToGroup : null,
			updatedAt: r.updatedAt
		})),
		group: {
			weights: consensus.group.weights,
			cr: consensus.group.cr,
			matrix: aggregateJudgments(mats)
		},
		meanKendallTau: several ? consensus.meanKendallTau : null,
		meanDistance: several ? consensus.meanDistance : null,
		disagreement: several ? pairDisagreement(mats) : []
	};
}

/**
 * Who answers a set of AHP comparisons: a signed-in member answering for themself (`userId`),
 * or a named person without an account (an invitation link, or an editor typing a paper form in).
 */
export interface Judge {
	participant: string;
	userId: number | null;
}

/**
 * Saves one participant's judgements (a reciprocal matrix over `keys`), recomputes the group
 * weights (geometric mean of every participant) and puts the AHP weights in use. A CR above
 * 0.10 is returned as a warning; the judgements are saved anyway.
 *
 * A member's own answers are found by their account; a person without an account by name. A
 * name that belongs to a member's own answers cannot be overwritten by someone else
 * (`ScoringError('name-taken')`). A plain string is a person without an account.
 */
export function saveJudgments(
	db: Db,
	actor: Actor,
	wardId: number,
	who: string | Judge,
	keys: string[],
	matrix: number[][]
): { cr: number; inconsistent: InconsistentJudgment | null } {
	return db.transaction((tx) => writeJudgments(tx, actor, wardId, who, keys, matrix));
}

/** {@link saveJudgments} inside the caller's transaction. */
export function writeJudgments(
	tx: DbLike,
	actor: Actor,
	wardId: number,
	who: string | Judge,
	keys: string[],
	matrix: number[][]
): { cr: number; inconsistent: InconsistentJudgment | null } {
	const judge: Judge = typeof who === 'string' ? { participant: who, userId: null } : who;
	const participant = judge.participant;
	const own = ahp(matrix);

	let w = weightingOf(tx, wardId, 'ahp');
	if (!w) {
		w = tx
			.insert(weightings)
			.values({
				wardId,
				name: 'AHP',
				method: 'ahp',
				weightsJson: '{}',
				createdBy: actor.userId
			})
			.returning()
			.get();
	}
	const byName = tx
		.select()
		.from(judgments)
		.where(and(eq(judgments.weightingId, w.id), eq(judgments.participant, participant)))
		.get();
	const before =
		judge.userId === null
			? byName
			: tx
					.select()
					.from(judgments)
					.where(and(eq(judgments.weightingId, w.id), eq(judgments.userId, judge.userId)))
					.get();
	// Someone else's answers under the same name are never overwritten.
	if (byName && byName.id !== before?.id) throw new ScoringError('name-taken');
	if (before && judge.userId === null && before.userId !== null) {
		throw new ScoringError('name-taken');
	}
	const matrixJson = JSON.stringify({ keys, matrix });
	let jid: number;
	if (before) {
		tx.update(judgments)
			.set({ matrixJson, participant, userId: judge.userId, updatedAt: Date.now() })
			.where(eq(judgments.id, before.id))
			.run();
		jid = before.id;
	} else {
		jid = tx
			.insert(judgments)
			.values({ weightingId: w.id, participant, userId: judge.userId, matrixJson })
			.returning()
			.get().id;
	}
	const state = ahpState(tx, wardId, keys);
	const weights = state.group
		? Object.fromEntries(keys.map((k, i) => [k, state.group!.weights[i]]))
		: {};
	tx.update(weightings)
		.set({ weightsJson: JSON.stringify(weights), updatedAt: Date.now() })
		.where(eq(weightings.id, w.id))
		.run();
	markInUse(tx, wardId, w.id);
	writeAudit(tx, {
		actor,
		wardId,
		entity: 'judgment',
		entityId: jid,
		action: before ? 'update' : 'create',
		before: before ? JSON.parse(before.matrixJson) : undefined,
		after: { participant, keys, matrix, cr: own.cr, groupWeights: weights }
	});
	return { cr: own.cr, inconsistent: keys.length > 2 ? mostInconsistentJudgment(matrix) : null };
}

export function deleteJudgment(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = tx
			.select({ j: judgments })
			.from(judgments)
			.innerJoin(weightings, eq(weightings.id, judgments.weightingId))
			.where(and(eq(judgments.id, id), eq(weightings.wardId, wardId)))
			.get();
		if (!row) throw new ScoringError('not-found');
		tx.delete(judgments).where(eq(judgments.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'judgment',
			entityId: id,
			action: 'delete',
			before: row.j
		});
	});
}

// ---------------------------------------------------------------- the decision

export interface DecisionCriterion {
	id: number;
	key: string;
	labelVi: string;
	labelEn: string;
	type: CriterionType;
	unit: string;
	source: string;
	basis: string | null;
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

/** Everything the scoring needs, read from the database. */
export function buildDecision(db: Db, wardId: number): Decision {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const siteRows = allSites(db, wardId);
	const ctx = siteContext(db, wardId, siteRows);
	const required = requiredLand(db, wardId);
	const weights = weightState(db, wardId, active);
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

// ---------------------------------------------------------------- the analysis

export interface MethodResult {
	/** Score per eligible site (weighted sum in [0, 1], closeness in [0, 1], net flow in [−1, 1]). */
	scores: number[];
	ranking: number[];
}

export interface SensitivityResult {
	criterion: string;
	baseWeight: number;
	/** Weight values at which the first place changes, with the site codes before and after. */
	switches: { weight: number; from: string; to: string }[];
	/** Swept weights (0 … 1) and the scores of the top sites (at most 5) along the sweep. */
	grid: number[];
	series: { code: string; scores: number[] }[];
}

export interface SmaaSummary {
	samples: number;
	seed: number;
	method: 'weighted-sum';
	/** rankAcceptability[a][r] for the eligible sites (a in eligible order). */
	rankAcceptability: number[][];
	centralWeights: number[][];
}

export interface Analysis {
	hash: string;
	method: ScoringMethod;
	results: Record<ScoringMethod, MethodResult>;
	comparison: RankingComparison;
	/** contributions[a][c]: w_c × utility, summing to the weighted-sum score. */
	contributions: number[][];
	sensitivity: SensitivityResult[];
}

const SCORE_SOURCES = new Set(
	Object.entries(CRITERION_SOURCES)
		.filter(([, v]) => v.preference === 'usual')
		.map(([k]) => k)
);

/** 0-1 utilities per column (cost reversed); a constant column is 1 for everyone. */
export function utilities(matrix: number[][], types: CriterionType[]): number[][] {
	const cols = types.length;
	const min = new Array<number>(cols).fill(Infinity);
	const max = new Array<number>(cols).fill(-Infinity);
	for (const row of matrix) {
		for (let j = 0; j < cols; j++) {
			min[j] = Math.min(min[j], row[j]);
			max[j] = Math.max(max[j], row[j]);
		}
	}
	return matrix.map((row) =>
		row.map((x, j) => {
			const range = max[j] - min[j];
			if (!(range > 0)) return 1;
			return types[j] === 'cost' ? (max[j] - x) / range : (x - min[j]) / range;
		})
	);
}

function topsisMatrix(matrix: number[][], cols: number): number[][] {
	const constant = Array.from({ length: cols }, (_, j) =>
		matrix.every((r) => r[j] === matrix[0][j])
	);
	return matrix.map((row) => row.map((x, j) => (constant[j] ? 1 : Math.max(0, x))));
}

function prometheeFunctions(
	matrix: number[][],
	criteria: DecisionCriterion[]
): PreferenceFunction[] {
	return criteria.map((c, j) => {
		const col = matrix.map((r) => r[j]);
		const range = Math.max(...col) - Math.min(...col);
		if (SCORE_SOURCES.has(c.source) || !(range > 0)) return { type: 'usual' };
		return { type: 'linear', q: 0.05 * range, p: 0.5 * range };
	});
}

function inputHash(decision: Decision, method: string): string {
	return createHash('sha256')
		.update(
			JSON.stringify({
				m: decision.matrix,
				t: decision.criteria.map((c) => [c.key, c.type, c.source, c.weight]),
				s: decision.eligible.map((s) => s.code),
				method
			})
		)
		.digest('hex');
}

const CACHE_SIZE = 32;
const analysisCache = new Map<string, Analysis>();
const smaaCache = new Map<string, SmaaSummary>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
	cache.delete(key);
	cache.set(key, value);
	while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	return value;
}

/** Scores of the chosen method, ranked, for one sweep step (top sites only). */
const TOP_SERIES = 5;

/**
 * Runs the three methods, compares them, and computes contributions and the one-at-a-time
 * sensitivity of the chosen method. Cached by a hash of the inputs (same inputs, same result).
 * Returns null when no site or no criterion is left.
 */
export function analyse(decision: Decision, method: ScoringMethod): Analysis | null {
	const n = decision.eligible.length;
	const m = decision.criteria.length;
	if (n === 0 || m === 0) return null;
	const hash = inputHash(decision, method);
	const cached = analysisCache.get(hash);
	if (cached) return cached;
	const types = decision.criteria.map((c) => c.type);
	const weights = decision.criteria.map((c) => c.weight);
	const w = weights.some((x) => x > 0) ? weights : weights.map(() => 1);
	const benefit = types.map((): CriterionType => 'benefit');
	const u = utilities(decision.matrix, types);
	const tm = topsisMatrix(decision.matrix, m);
	const functions = prometheeFunctions(decision.matrix, decision.criteria);
	const ws = weightedSum(u, w, benefit, { normalisation: 'none' });
	const tp = topsis(tm, w, types, { normalisation: 'vector' });
	const pr = promethee2(decision.matrix, w, types, functions);
	const results: Record<ScoringMethod, MethodResult> = {
		'weighted-sum': { scores: ws.scores, ranking: ws.ranking },
		topsis: { scores: tp.closeness, ranking: tp.ranking },
		promethee2: { scores: pr.netFlow, ranking: pr.ranking }
	};
	const comparison = compareRankings(SCORING_METHODS.map((k) => results[k].ranking));
	const contributions = criterionContributions(u, w, benefit, 'none');
	const sweeps =
		method === 'weighted-sum'
			? sensitivityOneAtATime(u, w, benefit, 'weighted-sum', { normalisation: 'none' })
			: method === 'topsis'
				? sensitivityOneAtATime(tm, w, types, 'topsis', { normalisation: 'vector' })
				: sensitivityOneAtATime(decision.matrix, w, types, 'promethee2', { functions });
	const top = results[method].ranking.slice(0, TOP_SERIES);
	const code = (i: number) => decision.eligible[i].code;
	const sensitivity: SensitivityResult[] = sweeps.map((s) => ({
		criterion: decision.criteria[s.criterion].key,
		baseWeight: s.baseWeight,
		switches: s.switchPoints.map((p) => ({ weight: p.weight, from: code(p.from), to: code(p.to) })),
		grid: s.weights,
		series: top.map((a) => ({ code: code(a), scores: s.scores[a] }))
	}));
	return remember(analysisCache, hash, {
		hash,
		method,
		results,
		comparison,
		contributions,
		sensitivity
	});
}

/** The cached analysis of these inputs by `method`, if it was computed already. */
export function cachedAnalysis(decision: Decision, method: ScoringMethod): Analysis | undefined {
	return analysisCache.get(inputHash(decision, method));
}

/** Keeps an analysis computed elsewhere (a worker thread: see ./scoring-worker) for `analyse`. */
export function rememberAnalysis(analysis: Analysis): void {
	remember(analysisCache, analysis.hash, analysis);
}

/** The cached SMAA of these inputs with `samples` samples, if it was computed already. */
export function cachedSmaa(decision: Decision, samples: number): SmaaSummary | undefined {
	return smaaCache.get(`${inputHash(decision, 'smaa')}:${samples}`);
}

/** Keeps a quick SMAA estimate computed on a worker thread for {@link cachedOrQuickSmaa}. */
export function rememberQuickSmaa(decision: Decision, summary: SmaaSummary): void {
	remember(smaaCache, `${inputHash(decision, 'smaa')}:${SMAA_QUICK_SAMPLES}`, summary);
}

/**
 * SMAA-2 rank acceptabilities (weighted-sum value model on the 0-1 utilities, uniform weights,
 * seed {@link SMAA_SEED}). Cached by input hash and sample count.
 */
export function smaaFor(decision: Decision, samples: number): SmaaSummary | null {
	const n = decision.eligible.length;
	const m = decision.criteria.length;
	if (n === 0 || m === 0) return null;
	const key = `${inputHash(decision, 'smaa')}:${samples}`;
	const cached = smaaCache.get(key);
	if (cached) return cached;
	const types = decision.criteria.map((c) => c.type);
	const u = utilities(decision.matrix, types);
	const r = smaa(
		u,
		types.map(() => 'benefit'),
		{ method: 'weighted-sum', samples, seed: SMAA_SEED, normalisation: 'none' }
	);
	return remember(smaaCache, key, {
		samples,
		seed: SMAA_SEED,
		method: 'weighted-sum',
		rankAcceptability: r.rankAcceptability,
		centralWeights: r.centralWeights
	});
}

/** Forgets every cached analysis and SMAA result (tests). */
export function clearScoringCaches(): void {
	analysisCache.clear();
	smaaCache.clear();
	smaaGenerationCounter++;
}

let smaaGenerationCounter = 0;
/** Changes whenever a full SMAA result is added to the cache (page caches key on it). */
export const smaaGeneration = () => smaaGenerationCounter;

/**
 * {@link smaaFor} with `samples` samples, computed in slices on the server's thread (see
 * `./sliced`) so other requests are served meanwhile; `onProgress` gets the samples done.
 * The same result as `smaaFor(decision, samples)` (same seed), which it then returns from cache.
 */
export async function smaaForSliced(
	decision: Decision,
	samples: number,
	onProgress?: (done: number) => void
): Promise<SmaaSummary | null> {
	const n = decision.eligible.length;
	const m = decision.criteria.length;
	if (n === 0 || m === 0) return null;
	const key = `${inputHash(decision, 'smaa')}:${samples}`;
	const hit = smaaCache.get(key);
	if (hit) return hit;
	const types = decision.criteria.map((c) => c.type);
	const u = utilities(decision.matrix, types);
	const r = await runSliced(
		smaaSteps(
			u,
			types.map(() => 'benefit'),
			{ method: 'weighted-sum', samples, seed: SMAA_SEED, normalisation: 'none' }
		),
		{ onProgress }
	);
	smaaGenerationCounter++;
	return remember(smaaCache, key, {
		samples,
		seed: SMAA_SEED,
		method: 'weighted-sum',
		rankAcceptability: r.rankAcceptability,
		centralWeights: r.centralWeights
	});
}

/** The full SMAA if it was computed already, else a quick estimate (page loads stay fast). */
export function cachedOrQuickSmaa(decision: Decision): SmaaSummary | null {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
	const full = smaaCache.get(`${inputHash(decision, 'smaa')}:${SMAA_SAMPLES}`);
	return full ?? smaaFor(decision, SMAA_QUICK_SAMPLES);
}

// ---------------------------------------------------------------- scoring runs

export interface ScoringRunResult {
	version: 1;
	method: ScoringMethod;
	computedAt: number;
	inputHash: string;
	criteria: Omit<DecisionCriterion, 'id'>[];
	weights: {
		source: WeightSource;
		values: Record<string, number>;
		setBy: string[];
		cr: number | null;
		participants: {
			participant: string;
			cr: number;
			weights: Record<string, number>;
			distanceToGroup: number | null;
			kendallTauToGroup: number | null;
		}[];
		meanKendallTau: number | null;
	};
	requiredLand: RequiredLand;
	sites: {
		id: number;
		code: string;
		name: string;
		lat: number;
		lng: number;
		values: Record<string, number | null>;
	}[];
	screenedOut: { code: string; name: string; reasons: ScreenReason[] }[];
	/** Codes of the scored sites, in matrix order. */
	eligible: string[];
	matrix: number[][];
	results: Record<ScoringMethod, { code: string; score: number; rank: number }[]>;
	comparison: RankingComparison;
	contributions: { code: string; values: Record<string, number> }[];
	sensitivity: SensitivityResult[];
	smaa: SmaaSummary | null;
}

export interface ScoringRun {
	id: number;
	name: string;
	method: string;
	createdAt: number;
	createdBy: string | null;
	result: ScoringRunResult;
}

/** The record kept for the proposal packet (inputs, weights and who set them, every result). */
export function runResult(db: Db, wardId: number, decision: Decision, method: ScoringMethod) {
	const analysis = analyse(decision, method);
	const smaaResult = smaaFor(decision, SMAA_SAMPLES);
	const keys = decision.criteria.map((c) => c.key);
	const ahpInfo = decision.weights.source === 'ahp' ? ahpState(db, wardId, keys) : null;
	const codes = decision.eligible.map((s) => s.code);
	const byMethod = (k: ScoringMethod) => {
		if (!analysis) return [];
		const r = analysis.results[k];
		const rank = new Array<number>(codes.length);
		r.ranking.forEach((a, i) => (rank[a] = i + 1));
		return r.ranking.map((a) => ({ code: codes[a], score: r.scores[a], rank: rank[a] }));
	};
	const result: ScoringRunResult = {
		version: 1,
		method,
		computedAt: Date.now(),
		inputHash: analysis?.hash ?? inputHash(decision, method),
		criteria: decision.criteria.map(({ id: _id, ...c }) => c),
		weights: {
			source: decision.weights.source,
			values: decision.weights.weights,
			setBy: decision.weights.setBy,
			cr: decision.weights.cr,
			participants:
				ahpInfo?.participants.map((p) => ({
					participant: p.participant,
					cr: p.cr,
					weights: Object.fromEntries(keys.map((k, i) => [k, p.weights[i]])),
					distanceToGroup: p.distanceToGroup,
					kendallTauToGroup: p.kendallTauToGroup
				})) ?? [],
			meanKendallTau: ahpInfo?.meanKendallTau ?? null
		},
		requiredLand: decision.required,
		sites: decision.sites.map((s) => ({
			id: s.id,
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			values: s.values
		})),
		screenedOut: decision.sites
			.filter((s) => s.reasons.length > 0)
			.map((s) => ({ code: s.code, name: s.name, reasons: s.reasons })),
		eligible: codes,
		matrix: decision.matrix,
		results: {
			'weighted-sum': byMethod('weighted-sum'),
			topsis: byMethod('topsis'),
			promethee2: byMethod('promethee2')
		},
		comparison: analysis?.comparison ?? {
			firstPlaceAgreement: true,
			firstPlaces: [],
			kendallTau: [],
			pairs: []
		},
		contributions:
			analysis?.contributions.map((row, a) => ({
				code: codes[a],
				values: Object.fromEntries(keys.map((k, j) => [k, row[j]]))
			})) ?? [],
		sensitivity: analysis?.sensitivity ?? [],
		smaa: smaaResult
	};
	return result;
}

/** Computes everything (10,000-sample SMAA included) and stores it as a named, dated run. */
export function saveScoringRun(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; method: ScoringMethod }
): ScoringRun {
	const decision = buildDecision(db, wardId);
	const result = runResult(db, wardId, decision, input.method);
	const json = JSON.stringify(result);
	return db.transaction((tx) => {
		const row = tx
			.insert(scoringRuns)
			.values({
				wardId,
				name: input.name,
				method: input.method,
				resultJson: json,
				createdBy: actor.userId
			})
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scoring-run',
			entityId: row.id,
			action: 'create',
			after: {
				id: row.id,
				name: row.name,
				method: row.method,
				sha256: createHash('sha256').update(json).digest('hex')
			}
		});
		return {
			id: row.id,
			name: row.name,
			method: row.method,
			createdAt: row.createdAt,
			createdBy: actor.username,
			result: JSON.parse(json) as ScoringRunResult
		};
	});
}

export function listScoringRuns(db: DbLike, wardId: number) {
	return db
		.select({
			id: scoringRuns.id,
			name: scoringRuns.name,
			method: scoringRuns.method,
			createdAt: scoringRuns.createdAt,
			createdBy: users.displayName
		})
		.from(scoringRuns)
		.leftJoin(users, eq(users.id, scoringRuns.createdBy))
		.where(eq(scoringRuns.wardId, wardId))
		.orderBy(desc(scoringRuns.createdAt), desc(scoringRuns.id))
		.all();
}

/** A run of the ward, or undefined (another ward's run is never found). */
export function getScoringRun(db: DbLike, wardId: number, id: number): ScoringRun | undefined {
	const row = db
		.select({ r: scoringRuns, createdBy: users.displayName })
		.from(scoringRuns)
		.leftJoin(users, eq(users.id, scoringRuns.createdBy))
		.where(and(eq(scoringRuns.id, id), eq(scoringRuns.wardId, wardId)))
		.get();
	if (!row) return undefined;
	return {
		id: row.r.id,
		name: row.r.name,
		method: row.r.method,
		createdAt: row.r.createdAt,
		createdBy: row.createdBy,
		result: JSON.parse(row.r.resultJson) as ScoringRunResult
	};
}

export function deleteScoringRun(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = tx
			.select({ id: scoringRuns.id, name: scoringRuns.name, method: scoringRuns.method })
			.from(scoringRuns)
			.where(and(eq(scoringRuns.id, id), eq(scoringRuns.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		tx.delete(scoringRuns).where(eq(scoringRuns.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scoring-run',
			entityId: id,
			action: 'delete',
			before
		});
	});
}

/** Scores of the latest run by site id, scaled to 0-1 for colouring a map (empty if none). */
export function latestRunScores(db: DbLike, wardId: number): Map<number, number> {
	const last = listScoringRuns(db, wardId)[0];
	if (!last) return new Map();
	const run = getScoringRun(db, wardId, last.id);
	if (!run) return new Map();
	const rows = run.result.results[run.result.method] ?? [];
	const ids = new Map(run.result.sites.map((s) => [s.code, s.id]));
	const scores = rows.map((r) => r.score);
	const lo = Math.min(...scores);
	const hi = Math.max(...scores);
	return new Map(
		rows.map((r) => [ids.get(r.code) ?? -1, hi > lo ? (r.score - lo) / (hi - lo) : 1])
	);
}

/**
 * The ward's sites as a GeoJSON FeatureCollection: the polygon when there is one, else the
 * point; properties are the attributes, the computed values, the value of every active criterion
 * and the screening reasons.
 */
export function sitesGeoJson(db: Db, wardId: number) {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const siteRows = allSites(db, wardId);
	const ctx = siteContext(db, wardId, siteRows);
	const required = requiredLand(db, wardId);
	return {
		type: 'FeatureCollection' as const,
		features: siteRows.map((s) => {
			const { polygonGeojson, wardId: _w, ...attributes } = s;
			return {
				type: 'Feature' as const,
				id: s.id,
				geometry: polygonGeojson
					? (JSON.parse(polygonGeojson) as GeoJsonPolygon)
					: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
				properties: {
					...attributes,
					computed: computedValues(s, ctx),
					criteria: Object.fromEntries(
						active.map((c) => [c.key, criterionValue(c.source, s, ctx)])
					),
					screenedOut: screenSite(s, ctx, required, active)
				}
			};
		})
	};
}
