/**
 * Space needs of a ward against a norm set (Decree 155/2025/NĐ-CP by default, 152/2017 or any
 * older version for comparison), the gap per unit, the justification for a new headquarters,
 * staffing gaps by field, and the ward's specialised rooms. Every function takes `db` and the
 * ward's id; writes run in one transaction with their audit row.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { ROOM_TYPES, type DangerLevel, type RoomType } from '../../constants';
import {
	JUSTIFICATION_THRESHOLD,
	LEADERSHIP_GROUP,
	LEADERSHIP_TITLE_KEYS,
	RANK_LABELS,
	UNSPECIFIED_GROUP,
	computeSpaceNeeds,
	computeStaffingGaps,
	groupVacancies,
	isRankKey,
	isRankNormKey,
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
	type SpaceNeedsResult,
	type StaffingGaps,
	type VacanciesByPosition
} from '../../norms';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { orgUnits, positions, specialisedRooms } from '../db/schema';
import { currentNormSet, getNormSet, type NormItemRow } from './norm-sets';
import { KNOWN_FIELDS, type SpecialisedRoomInput } from '../../schemas/needs';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { writeCsv, writeXlsx, type ExportCell } from '../io/common';

/**
 * Room types that count as a unit's occupied WORKING area: the types of the working class of
 * roomNeedsClass (src/lib/norms/room-classes.ts, the one place where room types map to the
 * three needs classes), i.e. offices. Meeting rooms, the one-stop area, archives and reception
 * are compared with their own allowances (common-use and specialised), not with the titles'
 * norm. Rooms count whatever the danger level of their building: this is what the unit
 * occupies today.
 */
export const OCCUPIED_ROOM_TYPES: readonly RoomType[] = Object.freeze(
	ROOM_TYPES.filter((t) => roomNeedsClass(t, 0) === 'working')
);

const OCCUPIED_TYPES_SQL = sql.raw(OCCUPIED_ROOM_TYPES.map((t) => `'${t}'`).join(', '));

/** A needs request refused for a reason the caller can report. */
export class NeedsError extends Error {
	constructor(public readonly code: 'norm-set-not-found' | 'not-found') {
		super(code);
	}
}

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

export interface WardSpecialisedRoom {
	id: number;
	key: string;
	areaM2: number;
	count: number;
	basis: string | null;
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

function unitsOf(db: DbLike, wardId: number) {
	return db
		.select({
			id: orgUnits.id,
			code: orgUnits.code,
			name: orgUnits.name,
			kind: orgUnits.kind,
			publicFacing: orgUnits.publicFacing
		})
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code))
		.all();
}

interface WardRoom {
	type: RoomType;
	areaM2: number;
	unitId: number | null;
	facilityId: number;
	buildingId: number;
}

function roomsOf(db: DbLike, wardId: number): WardRoom[] {
	return db.all<WardRoom>(
		sql`select r.type as type, r.area_m2 as areaM2,
		           case when u.ward_id = ${wardId} then r.org_unit_id end as unitId,
		           b.facility_id as facilityId, b.id as buildingId
		    from rooms r join buildings b on b.id = r.building_id
		    join facilities f on f.id = b.facility_id
		    left join org_units u on u.id = r.org_unit_id
		    where f.ward_id = ${wardId}`
	);
}

/** Area in use by class: per unit (rooms it holds) and on the sites in use. */
interface ClassAreas {
	byUnit: Map<number, Record<NeedsClass, number>>;
	/** Facilities with at least one room held by a unit. */
	sitesInUse: Set<number>;
	/** Buildings with at least one room held by a unit. */
	buildingsInUse: Set<number>;
	/** Working area held by units, by facility. */
	workingByFacility: Map<number, number>;
	/** Common-use and specialised rooms on the sites in use, held or not. */
	wardCommonM2: number;
	wardSpecialisedM2: number;
	unassignedWorkingM2: number;
}

function classAreas(rooms: readonly WardRoom[]): ClassAreas {
	const byUnit = new Map<number, Record<NeedsClass, number>>();
	const sitesInUse = new Set<number>();
	const buildingsInUse = new Set<number>();
	const workingByFacility = new Map<number, number>();
	for (const r of rooms) {
		if (r.unitId === null) continue;
		sitesInUse.add(r.facilityId);
		buildingsInUse.add(r.buildingId);
		const cls = roomNeedsClass(r.type, r.areaM2);
		let u = byUnit.get(r.unitId);
		if (!u) {
			u = { working: 0, common: 0, specialised: 0 };
			byUnit.set(r.unitId, u);
		}
		u[cls] += r.areaM2;
		if (cls === 'working') {
			workingByFacility.set(r.facilityId, (workingByFacility.get(r.facilityId) ?? 0) + r.areaM2);
		}
	}
	let wardCommonM2 = 0;
	let wardSpecialisedM2 = 0;
	let unassignedWorkingM2 = 0;
	for (const r of rooms) {
		if (!sitesInUse.has(r.facilityId)) continue;
		const cls = roomNeedsClass(r.type, r.areaM2);
		if (cls === 'common') wardCommonM2 += r.areaM2;
		else if (cls === 'specialised') wardSpecialisedM2 += r.areaM2;
		else if (r.unitId === null) unassignedWorkingM2 += r.areaM2;
	}
	return {
		byUnit,
		sitesInUse,
		buildingsInUse,
		workingByFacility,
		wardCommonM2,
		wardSpecialisedM2,
		unassignedWorkingM2
	};
}

/**
 * Each building of the ward with the danger level of its latest survey (the per-building
 * level the inventory shows; null = not surveyed).
 */
export function buildingDangerLevels(
	db: DbLike,
	wardId: number
): {
	buildingId: number;
	facilityId: number;
	facilityCode: string;
	buildingCode: string;
	name: string;
	dangerLevel: DangerLevel | null;
}[] {
	return db.all(
		sql`select b.id as buildingId, f.id as facilityId, f.code as facilityCode,
		           b.code as buildingCode, b.name as name,
		           (select s.danger_level from condition_surveys s where s.building_id = b.id
		            order by s.surveyed_on desc, s.id desc limit 1) as dangerLevel
		    from buildings b join facilities f on f.id = b.facility_id
		    where f.ward_id = ${wardId}
		    order by f.code, b.code`
	);
}

/** Worst latest danger level over the ward's buildings (null when none surveyed). */
export function worstDangerLevelOfWard(db: DbLike, wardId: number): DangerLevel | null {
	const row = db.get<{ level: DangerLevel | null }>(
		sql`select max(lvl) as level from (
		      select (select s.danger_level from condition_surveys s where s.building_id = b.id
		              order by s.surveyed_on desc, s.id desc limit 1) as lvl
		      from buildings b join facilities f on f.id = b.facility_id
		      where f.ward_id = ${wardId})`
	);
	return row?.level ?? null;
}

/** The ward's specialised rooms (diện tích chuyên dùng), in entry order. */
export function listSpecialisedRooms(db: DbLike, wardId: number): WardSpecialisedRoom[] {
	return db
		.select({
			id: specialisedRooms.id,
			key: specialisedRooms.key,
			areaM2: specialisedRooms.areaM2,
			count: specialisedRooms.count,
			basis: specialisedRooms.basis
		})
		.from(specialisedRooms)
		.where(eq(specialisedRooms.wardId, wardId))
		.orderBy(asc(specialisedRooms.id))
		.all();
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

interface PositionQueryRow {
	unitId: number;
	titleKey: string;
	approved: number;
	rank: string | null;
	concurrentTitleKeys: string[] | null;
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

	const units = unitsOf(db, wardId);
	const codeOf = new Map(units.map((u) => [u.id, u.code]));
	const posRows: PositionQueryRow[] = db
		.select({
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			approved: positions.approved,
			rank: positions.rank,
			concurrentTitleKeys: positions.concurrentTitleKeys
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(positions.id))
		.all();
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

/** One position's vacancy with its unit and labels. */
export type WardVacancies = VacanciesByPosition & {
	/** Title keys → Vietnamese and English labels of the current norm set. */
	titleLabels: Record<string, { vi: string; en: string }>;
};

/**
 * Vacancies per position (unit, title, rank, field, approved, filled, missing) grouped under
 * the city's fields (đất đai, xây dựng, tài chính - kế hoạch, kế toán, đối ngoại first), then
 * leadership posts without a field, then the other fields, then posts without a field
 * (groupVacancies). Leadership = a title key of LEADERSHIP_TITLE_KEYS.
 */
export function vacanciesByPosition(db: DbLike, wardId: number): WardVacancies {
	const rows = db
		.select({
			unitCode: orgUnits.code,
			unitName: orgUnits.name,
			title: positions.title,
			titleKey: positions.titleKey,
			rank: positions.rank,
			field: positions.field,
			approved: positions.approved,
			filled: positions.filled
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(positions.id))
		.all();
	const grouped = groupVacancies(
		rows.map((r) => ({ ...r, leadership: LEADERSHIP_TITLE_KEYS.includes(r.titleKey) })),
		KNOWN_FIELDS
	);
	const set = currentNormSet(db);
	const titleLabels: WardVacancies['titleLabels'] = {};
	for (const i of set?.items ?? []) {
		if (!isRankNormKey(i.titleKey)) titleLabels[i.titleKey] = { vi: i.labelVi, en: i.labelEn };
	}
	return { ...grouped, titleLabels };
}

/** The ward's staffing gaps by field (approved, filled, vacant, surplus, planned). */
export function staffingGapsForWard(db: DbLike, wardId: number): StaffingGaps {
	const rows = db
		.select({
			unitId: orgUnits.code,
			titleKey: positions.titleKey,
			field: positions.field,
			approved: positions.approved,
			filled: positions.filled,
			plannedNextYear: positions.plannedNextYear
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(positions.id))
		.all();
	return computeStaffingGaps(rows);
}

/** Occupied and unassigned working area (OCCUPIED_ROOM_TYPES) per building, for the chart. */
export interface BuildingAreaRow {
	building: string;
	facilityName: string;
	dangerLevel: DangerLevel | null;
	occupiedM2: number;
	unassignedM2: number;
}

export function workAreaByBuilding(db: DbLike, wardId: number): BuildingAreaRow[] {
	return db.all<BuildingAreaRow>(
		sql`select f.code || ' / ' || b.code as building, f.name as facilityName,
		           (select s.danger_level from condition_surveys s where s.building_id = b.id
		            order by s.surveyed_on desc, s.id desc limit 1) as dangerLevel,
		           coalesce(sum(case when r.org_unit_id is not null then r.area_m2 end), 0) as occupiedM2,
		           coalesce(sum(case when r.org_unit_id is null then r.area_m2 end), 0) as unassignedM2
		    from buildings b join facilities f on f.id = b.facility_id
		    left join rooms r on r.building_id = b.id and r.type in (${OCCUPIED_TYPES_SQL})
		    where f.ward_id = ${wardId}
		    group by b.id
		    order by f.code, b.code`
	);
}

function getSpecialisedRoom(db: DbLike, wardId: number, id: number) {
	return db
		.select()
		.from(specialisedRooms)
		.where(and(eq(specialisedRooms.id, id), eq(specialisedRooms.wardId, wardId)))
		.get();
}

export function createSpecialisedRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	input: SpecialisedRoomInput
) {
	return db.transaction((tx) => {
		const row = tx
			.insert(specialisedRooms)
			.values({ ...input, wardId })
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'specialised-room',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export function updateSpecialisedRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: SpecialisedRoomInput
) {
	return db.transaction((tx) => {
		const before = getSpecialisedRoom(tx, wardId, id);
		if (!before) throw new NeedsError('not-found');
		const after = tx
			.update(specialisedRooms)
			.set(input)
			.where(eq(specialisedRooms.id, id))
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'specialised-room',
			entityId: id,
			action: 'update',
			before,
			after
		});
		return after;
	});
}

export function deleteSpecialisedRoom(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = getSpecialisedRoom(tx, wardId, id);
		if (!before) throw new NeedsError('not-found');
		tx.delete(specialisedRooms).where(eq(specialisedRooms.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'specialised-room',
			entityId: id,
			action: 'delete',
			before
		});
	});
}

/** Columns of the staffing-gap export: one row per position, grouped by field, then a total. */
export const STAFFING_GAP_COLUMNS = [
	'field_group',
	'field_group_label',
	'unit_code',
	'unit_name',
	'title',
	'title_key',
	'rank',
	'approved',
	'filled',
	'missing'
] as const;

/** A field of expertise in the user's language (known keys translated, others as typed). */
export function staffingFieldLabel(locale: Locale, field: string | null): string {
	if (field === null || field.trim() === '') return translate(locale, 'needs.field.none');
	return (KNOWN_FIELDS as readonly string[]).includes(field)
		? translate(locale, `needs.field.${field}` as MessageKey)
		: field;
}

/** A vacancy group's label: a field, "leadership" or "no field given". */
export function vacancyGroupLabel(locale: Locale, key: string): string {
	if (key === LEADERSHIP_GROUP) return translate(locale, 'needs.field.leadership');
	if (key === UNSPECIFIED_GROUP) return translate(locale, 'needs.field.none');
	return staffingFieldLabel(locale, key);
}

/** A rank (ngạch) in the user's language, '' for none. */
export function rankLabel(locale: Locale, rank: string | null): string {
	return isRankKey(rank) ? RANK_LABELS[rank][locale === 'en' ? 'en' : 'vi'] : '';
}

/** The vacancies by position as export rows, by group (city's fields first), then a total row. */
export function staffingGapRows(db: DbLike, wardId: number, locale: Locale): ExportCell[][] {
	const v = vacanciesByPosition(db, wardId);
	const rows: ExportCell[][] = v.groups.flatMap((g) =>
		g.rows.map((r) => [
			g.key,
			vacancyGroupLabel(locale, g.key),
			r.unitCode,
			r.unitName,
			r.title,
			r.titleKey,
			rankLabel(locale, r.rank),
			r.approved,
			r.filled,
			r.missing
		])
	);
	const t = v.totals;
	rows.push([
		'total',
		translate(locale, 'common.total'),
		null,
		null,
		null,
		null,
		null,
		t.approved,
		t.filled,
		t.missing
	]);
	return rows;
}

/** Exports the vacancies by position (CSV: UTF-8 with BOM; XLSX: one sheet 'staffing-gaps'). */
export async function exportStaffingGaps(
	db: DbLike,
	wardId: number,
	format: 'csv' | 'xlsx',
	locale: Locale
): Promise<Uint8Array> {
	const rows = staffingGapRows(db, wardId, locale);
	return format === 'csv'
		? writeCsv(STAFFING_GAP_COLUMNS, rows)
		: writeXlsx('staffing-gaps', STAFFING_GAP_COLUMNS, rows);
}
