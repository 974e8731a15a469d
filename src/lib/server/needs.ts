/**
 * Space needs of a ward against a norm set (Decree 155/2025/NĐ-CP by default, 152/2017 or any
 * older version for comparison), the gap per unit, the justification for a new headquarters,
 * staffing gaps by field, and the ward's specialised rooms. Every function takes `db` and the
 * ward's id; writes run in one transaction with their audit row.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DangerLevel, RoomType } from '../constants';
import {
	JUSTIFICATION_THRESHOLD,
	computeSpaceNeeds,
	computeStaffingGaps,
	isNewHeadquartersJustified,
	type JustificationReason,
	type PositionCount,
	type SpaceNeedsResult,
	type StaffingGaps
} from '../norms';
import type { Actor } from './audit';
import { writeAudit } from './audit';
import type { Db, DbLike } from './db';
import { facilities, orgUnits, positions, specialisedRooms } from './db/schema';
import { currentNormSet, getNormSet, type NormItemRow } from './norm-sets';
import { KNOWN_FIELDS, type SpecialisedRoomInput } from '../schemas/needs';
import { translate, type Locale, type MessageKey } from '../i18n';
import { writeCsv, writeXlsx, type ExportCell } from './io/common';

/**
 * Room types that count as a unit's occupied working area: offices, meeting rooms, reception,
 * the one-stop counters, archives and IT rooms the unit uses (rooms.org_unit_id). Halls,
 * stores, toilets, corridors and "other" rooms never count. Rooms count whatever the danger
 * level of their building: this is what the unit occupies today.
 */
export const OCCUPIED_ROOM_TYPES: readonly RoomType[] = Object.freeze([
	'office',
	'meeting',
	'reception',
	'one-stop',
	'archive',
	'it'
] satisfies RoomType[]);

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
	occupiedAreaM2: number;
	/** Occupied − entitled; negative = shortfall. */
	gapM2: number;
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
	/** Position rows whose title key the norm set does not have (left out of the sums). */
	unknownTitles: { unitCode: string; titleKey: string; count: number }[];
	justification: {
		justified: boolean;
		reasons: JustificationReason[];
		ratioToNorm: number;
		threshold: number;
		worstDangerLevel: DangerLevel | null;
		siteCount: number;
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

/** Occupied working area (OCCUPIED_ROOM_TYPES) by unit id. */
function occupiedByUnitId(db: DbLike, wardId: number): Map<number, number> {
	const rows = db.all<{ unitId: number; areaM2: number }>(
		sql`select r.org_unit_id as unitId, sum(r.area_m2) as areaM2
		    from rooms r join buildings b on b.id = r.building_id
		    join facilities f on f.id = b.facility_id
		    join org_units u on u.id = r.org_unit_id
		    where f.ward_id = ${wardId} and u.ward_id = ${wardId}
		      and r.type in (${OCCUPIED_TYPES_SQL})
		    group by r.org_unit_id`
	);
	return new Map(rows.map((r) => [r.unitId, r.areaM2]));
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

/**
 * The ward's space needs against a norm set version (`normSetId`; default: the current version
 * of 155/2025). Throws NeedsError('norm-set-not-found') for an unknown id.
 *
 * Input of computeSpaceNeeds:
 * - positions: one PositionCount per position row, count = approved posts (biên chế được
 *   giao), unit id = the unit's code. Position rows are posts, one per post holder, so a person
 *   is never counted twice here; when people with several titles (kiêm nhiệm) are listed,
 *   resolvePersonTitles (src/lib/norms) turns them into counts at each person's highest norm.
 * - the norm set's titles and common-use area ratio, with the ward's specialised rooms;
 * - occupiedAreaM2ByUnit: Σ area of the rooms whose org_unit_id is the unit, of the types in
 *   OCCUPIED_ROOM_TYPES (office, meeting, reception, one-stop, archive, IT).
 *
 * `justification` applies isNewHeadquartersJustified to the ratio, the worst latest danger
 * level of the ward's buildings and the number of the ward's facilities (sites).
 */
export function needsForWard(db: DbLike, wardId: number, normSetId?: number): WardNeeds {
	const set = normSetId === undefined ? currentNormSet(db) : getNormSet(db, normSetId);
	if (!set) throw new NeedsError('norm-set-not-found');
	const titleKeys = new Set(set.items.map((i) => i.titleKey));

	const units = unitsOf(db, wardId);
	const codeOf = new Map(units.map((u) => [u.id, u.code]));
	const posRows = db
		.select({
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			approved: positions.approved
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
			counts.push({ unitId: unitCode, titleKey: p.titleKey, count: p.approved });
		} else {
			unknownTitles.push({ unitCode, titleKey: p.titleKey, count: p.approved });
		}
	}
	const occupied = occupiedByUnitId(db, wardId);
	const occupiedAreaM2ByUnit: Record<string, number> = {};
	for (const u of units) {
		const a = occupied.get(u.id);
		if (a !== undefined && a > 0) occupiedAreaM2ByUnit[u.code] = a;
	}
	const rooms = listSpecialisedRooms(db, wardId);
	const result = computeSpaceNeeds({
		normSet: {
			titles: set.items.map((i) => ({ key: i.titleKey, m2PerPerson: i.m2PerPerson })),
			commonAreaRatio: set.commonAreaRatio,
			specialisedRooms: rooms.map((r) => ({ key: r.key, areaM2: r.areaM2, count: r.count }))
		},
		positions: counts,
		occupiedAreaM2ByUnit
	});

	const byCode = new Map(result.byUnit.map((u) => [u.unitId, u]));
	const worstDangerLevel = worstDangerLevelOfWard(db, wardId);
	const siteCount =
		db
			.select({ n: sql<number>`count(*)` })
			.from(facilities)
			.where(eq(facilities.wardId, wardId))
			.get()?.n ?? 0;
	const verdict = isNewHeadquartersJustified({
		ratioToNorm: result.ratioToNorm,
		worstDangerLevel,
		siteCount
	});

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
				gapM2: r?.gapM2 ?? 0
			};
		}),
		unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])),
		specialisedRooms: rooms,
		occupiedRoomTypes: OCCUPIED_ROOM_TYPES,
		unknownTitles,
		justification: {
			...verdict,
			ratioToNorm: result.ratioToNorm,
			threshold: JUSTIFICATION_THRESHOLD,
			worstDangerLevel,
			siteCount
		}
	};
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

/** Columns of the staffing-gap export (the positions the ward asks the city to support). */
export const STAFFING_GAP_COLUMNS = [
	'field',
	'field_label',
	'approved',
	'filled',
	'vacant',
	'surplus',
	'planned_next_year',
	'positions'
] as const;

/** A field of expertise in the user's language (known keys translated, others as typed). */
export function staffingFieldLabel(locale: Locale, field: string | null): string {
	if (field === null || field.trim() === '') return translate(locale, 'needs.field.none');
	return (KNOWN_FIELDS as readonly string[]).includes(field)
		? translate(locale, `needs.field.${field}` as MessageKey)
		: field;
}

/** The staffing gaps as export rows, most vacant field first, then one total row. */
export function staffingGapRows(db: DbLike, wardId: number, locale: Locale): ExportCell[][] {
	const gaps = staffingGapsForWard(db, wardId);
	const rows: ExportCell[][] = gaps.rows.map((r) => [
		r.field,
		staffingFieldLabel(locale, r.field),
		r.approved,
		r.filled,
		r.vacant,
		r.surplus,
		r.planned,
		r.positions
	]);
	const t = gaps.totals;
	rows.push([
		'total',
		translate(locale, 'common.total'),
		t.approved,
		t.filled,
		t.vacant,
		t.surplus,
		t.planned,
		t.positions
	]);
	return rows;
}

/** Exports the staffing gaps (CSV: UTF-8 with BOM; XLSX: one sheet 'staffing-gaps'). */
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
