/**
 * Where a ward's area is: rooms in use by needs class (working, common-use, specialised) per
 * unit and per site, the latest danger level of each building, and the working area per
 * building for the chart.
 */
import { sql } from 'drizzle-orm';
import { ROOM_TYPES, type DangerLevel, type RoomType } from '../../constants';
import { roomNeedsClass, type NeedsClass } from '../../norms';
import type { DbLike } from '../db';

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

export interface WardRoom {
	type: RoomType;
	areaM2: number;
	unitId: number | null;
	facilityId: number;
	buildingId: number;
}

export function roomsOf(db: DbLike, wardId: number): WardRoom[] {
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
export interface ClassAreas {
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

export function classAreas(rooms: readonly WardRoom[]): ClassAreas {
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
