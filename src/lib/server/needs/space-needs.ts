/**
 * Space needs of a ward against a norm set (Decree 155/2025/NĐ-CP by default, 152/2017 or any
 * older version for comparison), the gap per unit, the justification for a new headquarters,
 * staffing gaps by field, and the ward's specialised rooms. Every function takes `db` and the
 * ward's id; writes run in one transaction with their audit row.
 */
import { sql } from 'drizzle-orm';
import { ROOM_TYPES, type DangerLevel, type RoomType } from '../../constants';
import {
	JUSTIFICATION_THRESHOLD,
	computeSpaceNeeds,
	isRankKey,
	justificationCriteria,
	roomNeedsClass,
	type JustificationBuilding,
	type JustificationCriteria,
	type JustificationReason,
	type JustificationSite,
	type NeedsClass,
	type NeedsLines,
	type PositionCount,
	type PricedPosition,
	type RankKey,
	type SpaceNeedsResult
} from '../../norms';
import type { DbLike } from '../db';
import { wardPositions, wardUnits } from '../org/queries';
import { currentNormSet, getNormSet, type NormItemRow } from './norm-sets';
import {
	OCCUPIED_ROOM_TYPES,
	buildingDangerLevels,
	classAreas,
	roomsOf,
	worstDangerLevelOfWard,
	type ClassAreas
} from './areas';
import { NeedsError } from './errors';
import { listSpecialisedRooms, type WardSpecialisedRoom } from './specialised-rooms';

/** The norm set a result was computed with, as cited on screen, in the API and the proposal. */
export interface NeedsNormSet {
	id: number;
	key: string;
	version: number;
	name: string;
	legalBasis: string;
	effectiveFrom: string;
	commonAreaRatio: number;
	commonAreaRatioVerify: boolean;
	isCurrent: boolean;
	items: Pick<
		NormItemRow,
		'titleKey' | 'labelVi' | 'labelEn' | 'm2PerPerson' | 'legalBasis' | 'verify'
	>[];
}

/** One unit's line of the needs table. */
export interface NeedsUnitRow {
	id: number;
	code: string;
	name: string;
	kind: string;
	publicFacing: boolean;
	headcount: number;
	workAreaM2: number;
	/** Working rooms (offices) the unit holds, m². */
	occupiedAreaM2: number;
	/** Occupied − entitled; negative = shortfall. */
	gapM2: number;
	/** Working, common-use and specialised area against their own allowances. */
	lines: NeedsLines;
}

export interface WardNeeds {
	normSet: NeedsNormSet;
	/** The result of computeSpaceNeeds; its unit ids are the units' codes. */
	result: SpaceNeedsResult;
	/** Every unit of the ward in display order, with its figures (zeros when none). */
	units: NeedsUnitRow[];
	/** Unit code → name. */
	unitNames: Record<string, string>;
	specialisedRooms: WardSpecialisedRoom[];
	occupiedRoomTypes: readonly RoomType[];
	/** Every room type with its needs class (from roomNeedsClass; halls by area). */
	roomClasses: { type: RoomType; class: NeedsClass }[];
	/** How each position row was priced (rank and concurrent titles applied), by unit code. */
	pricedPositions: PricedPosition[];
	/** Offices of sites in use that no unit holds (m²): available working area, not counted. */
	unassignedWorkingM2: number;
	/** Position rows whose title key the norm set does not have (left out of the sums). */
	unknownTitles: { unitCode: string; titleKey: string; count: number }[];
	justification: {
		justified: boolean;
		reasons: JustificationReason[];
		ratioToNorm: number;
		threshold: number;
		worstDangerLevel: DangerLevel | null;
		/** Sites (facilities) in use: at least one room held by a unit. */
		siteCount: number;
		/** The test criterion by criterion, with evidence (see justificationCriteria). */
		criteria: JustificationCriteria;
	};
}

/** Facilities of the ward with coordinates and kind, for the justification test. */
function facilitiesOf(db: DbLike, wardId: number) {
	return db.all<{ id: number; code: string; name: string; kind: string; lat: number; lng: number }>(
		sql`select id, code, name, kind, lat, lng from facilities where ward_id = ${wardId}
		    order by (kind = 'headquarters') desc, code`
	);
}

/**
 * The justification test of a ward criterion by criterion (justificationCriteria), from the
 * working norm `workingNormM2`, the rooms and the buildings:
 * - sites in use = facilities with at least one room held by a unit; the main headquarters is
 *   the first facility of kind 'headquarters' in use;
 * - working area in use = offices held by units (the working class of roomNeedsClass);
 * - buildings: every building of the ward with its latest survey's danger level, in use when
 *   one of its rooms is held by a unit.
 */
function criteriaFor(
	db: DbLike,
	wardId: number,
	workingNormM2: number,
	areas: ClassAreas
): JustificationCriteria {
	const sites: JustificationSite[] = [];
	let hqTaken = false;
	for (const f of facilitiesOf(db, wardId)) {
		if (!areas.sitesInUse.has(f.id)) continue;
		const isHeadquarters = f.kind === 'headquarters' && !hqTaken;
		if (isHeadquarters) hqTaken = true;
		sites.push({
			code: f.code,
			name: f.name,
			lat: f.lat,
			lng: f.lng,
			isHeadquarters,
			workingInUseM2: areas.workingByFacility.get(f.id) ?? 0
		});
	}
	const buildings: JustificationBuilding[] = buildingDangerLevels(db, wardId).map((b) => ({
		facilityCode: b.facilityCode,
		buildingCode: b.buildingCode,
		name: b.name,
		dangerLevel: b.dangerLevel,
		inUse: areas.buildingsInUse.has(b.buildingId)
	}));
	return justificationCriteria({ workingNormM2, sites, buildings });
}

/**
 * The ward's space needs against a norm set version (`normSetId`; default: the current version
 * of 155/2025). Throws NeedsError('norm-set-not-found') for an unknown id.
 *
 * Input of computeSpaceNeeds:
 * - positions: one PositionCount per position row, count = approved posts (biên chế được
 *   giao), unit id = the unit's code, with the row's rank (ngạch) and concurrent titles
 *   (kiêm nhiệm): each post is priced at the highest norm that applies (positionNorm, which
 *   uses resolvePersonTitles). A concurrent title the norm set does not have is left out;
 * - the norm set's titles (rank items included) and common-use area ratio, with the ward's
 *   specialised programme (specialised rooms);
 * - occupiedAreaM2ByUnit: the working rooms (offices) each unit holds; common-use and
 *   specialised rooms each unit holds; the ward's common-use and specialised rooms on the sites
 *   in use (held by a unit or not: corridors, toilets, halls). Room types map to the classes
 *   in roomNeedsClass only.
 *
 * `justification.criteria` is the test criterion by criterion (justificationForWard);
 * `justified` and `reasons` summarise it for older callers.
 */
export function needsForWard(db: DbLike, wardId: number, normSetId?: number): WardNeeds {
	const set = normSetId === undefined ? currentNormSet(db) : getNormSet(db, normSetId);
	if (!set) throw new NeedsError('norm-set-not-found');
	const titleKeys = new Set(set.items.map((i) => i.titleKey));

	const units = wardUnits(db, wardId);
	const codeOf = new Map(units.map((u) => [u.id, u.code]));
	const posRows = wardPositions(db, wardId);
	const counts: PositionCount[] = [];
	const unknownTitles: WardNeeds['unknownTitles'] = [];
	for (const p of posRows) {
		const unitCode = codeOf.get(p.unitId) as string;
		if (titleKeys.has(p.titleKey)) {
			counts.push({
				unitId: unitCode,
				titleKey: p.titleKey,
				count: p.approved,
				rank: isRankKey(p.rank) ? (p.rank as RankKey) : null,
				concurrentTitleKeys: (Array.isArray(p.concurrentTitleKeys)
					? p.concurrentTitleKeys
					: []
				).filter((k) => titleKeys.has(k))
			});
		} else {
			unknownTitles.push({ unitCode, titleKey: p.titleKey, count: p.approved });
		}
	}
	const areas = classAreas(roomsOf(db, wardId));
	const occupiedAreaM2ByUnit: Record<string, number> = {};
	const commonInUseM2ByUnit: Record<string, number> = {};
	const specialisedInUseM2ByUnit: Record<string, number> = {};
	for (const u of units) {
		const a = areas.byUnit.get(u.id);
		if (!a) continue;
		if (a.working > 0) occupiedAreaM2ByUnit[u.code] = a.working;
		if (a.common > 0) commonInUseM2ByUnit[u.code] = a.common;
		if (a.specialised > 0) specialisedInUseM2ByUnit[u.code] = a.specialised;
	}
	const rooms = listSpecialisedRooms(db, wardId);
	const result = computeSpaceNeeds({
		normSet: {
			titles: set.items.map((i) => ({ key: i.titleKey, m2PerPerson: i.m2PerPerson })),
			commonAreaRatio: set.commonAreaRatio,
			specialisedRooms: rooms.map((r) => ({ key: r.key, areaM2: r.areaM2, count: r.count }))
		},
		positions: counts,
		occupiedAreaM2ByUnit,
		commonInUseM2ByUnit,
		specialisedInUseM2ByUnit,
		wardInUseM2: { common: areas.wardCommonM2, specialised: areas.wardSpecialisedM2 }
	});

	const byCode = new Map(result.byUnit.map((u) => [u.unitId, u]));
	const worstDangerLevel = worstDangerLevelOfWard(db, wardId);
	const criteria = criteriaFor(db, wardId, result.workAreaM2, areas);
	const reasons: JustificationReason[] = [];
	if (criteria.workingArea.met) reasons.push('below-70-percent');
	if (criteria.unsafeBuildings.met) reasons.push('unsafe-building');
	if (criteria.dispersion.met) reasons.push('scattered');
	const zeroLine = { inUseM2: 0, allowanceM2: 0, gapM2: 0, ratio: null };

	return {
		normSet: {
			id: set.id,
			key: set.key,
			version: set.version,
			name: set.name,
			legalBasis: set.legalBasis,
			effectiveFrom: set.effectiveFrom,
			commonAreaRatio: set.commonAreaRatio,
			commonAreaRatioVerify: set.commonAreaRatioVerify,
			isCurrent: set.isCurrent,
			items: set.items.map((i) => ({
				titleKey: i.titleKey,
				labelVi: i.labelVi,
				labelEn: i.labelEn,
				m2PerPerson: i.m2PerPerson,
				legalBasis: i.legalBasis,
				verify: i.verify
			}))
		},
		result,
		units: units.map((u) => {
			const r = byCode.get(u.code);
			return {
				...u,
				headcount: r?.headcount ?? 0,
				workAreaM2: r?.workAreaM2 ?? 0,
				occupiedAreaM2: r?.occupiedAreaM2 ?? 0,
				gapM2: r?.gapM2 ?? 0,
				lines: r?.lines ?? {
					working: zeroLine,
					common: zeroLine,
					specialised: { ...zeroLine, allowanceM2: null, gapM2: null }
				}
			};
		}),
		unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])),
		specialisedRooms: rooms,
		occupiedRoomTypes: OCCUPIED_ROOM_TYPES,
		roomClasses: ROOM_TYPES.map((type) => ({ type, class: roomNeedsClass(type, 0) })),
		pricedPositions: result.pricedPositions,
		unassignedWorkingM2: areas.unassignedWorkingM2,
		unknownTitles,
		justification: {
			justified: criteria.justified,
			reasons,
			ratioToNorm: result.ratioToNorm,
			threshold: JUSTIFICATION_THRESHOLD,
			worstDangerLevel,
			siteCount: criteria.dispersion.siteCount,
			criteria
		}
	};
}

/**
 * The justification test of the ward criterion by criterion, against the current Decree
 * 155/2025 norm set: (a) working area of the main headquarters and of all sites against the
 * titles' norm (< 70 % met), (b) buildings in danger level C or D, (c) dispersion (sites in
 * use and the distances between them). For the proposal to quote. Throws
 * NeedsError('norm-set-not-found') when no current norm set exists.
 */
export function justificationForWard(db: DbLike, wardId: number): JustificationCriteria {
	return needsForWard(db, wardId).justification.criteria;
}
