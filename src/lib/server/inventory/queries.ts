/**
 * Reading the inventory of a ward: the facility list with its figures, map markers, one
 * facility with its buildings, rooms, surveys and photos, and single records by id (always
 * within the ward).
 */
import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DangerLevel } from '../../constants';
import type { Db, DbLike } from '../db';
import { buildings, conditionSurveys, facilities, orgUnits, photos, rooms } from '../db/schema';
import { wardUnits } from '../org/queries';
import { pagedQuery, sortOrder, type Paged } from '../core/paged';

export type Facility = typeof facilities.$inferSelect;
export type Building = typeof buildings.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Survey = typeof conditionSurveys.$inferSelect;
export type Photo = typeof photos.$inferSelect;

export interface FacilityListRow {
	id: number;
	code: string;
	name: string;
	kind: Facility['kind'];
	originWard: string | null;
	lat: number;
	lng: number;
	landAreaM2: number | null;
	legalStatus: Facility['legalStatus'];
	buildingCount: number;
	roomCount: number;
	roomAreaM2: number;
	occupants: number;
	worstDangerLevel: DangerLevel | null;
}

export interface ListOptions {
	q?: string;
	page?: number;
	pageSize?: number;
	sort?: 'code' | 'name' | 'area' | 'rooms';
}

/** The list's sort keys (the first is the default); area and rooms largest first. */
const FACILITY_SORTS = {
	code: asc(facilities.code),
	name: asc(facilities.name),
	area: desc(sql`room_area_m2`),
	rooms: desc(sql`room_count`)
};

/** Facilities of a ward with their aggregate figures, searched and paginated. */
export function listFacilities(
	db: Db,
	wardId: number,
	options: ListOptions = {}
): Paged<FacilityListRow> {
	const q = options.q?.trim();
	const where = and(
		eq(facilities.wardId, wardId),
		q
			? or(
					like(facilities.name, `%${q}%`),
					like(facilities.code, `%${q}%`),
					like(facilities.originWard, `%${q}%`),
					like(facilities.address, `%${q}%`)
				)
			: undefined
	);
	const query = db
		.select({
			id: facilities.id,
			code: facilities.code,
			name: facilities.name,
			kind: facilities.kind,
			originWard: facilities.originWard,
			lat: facilities.lat,
			lng: facilities.lng,
			landAreaM2: facilities.landAreaM2,
			legalStatus: facilities.legalStatus,
			buildingCount: sql<number>`(select count(*) from buildings b where b.facility_id = facilities.id)`,
			roomCount:
				sql<number>`(select count(*) from rooms r join buildings b on b.id = r.building_id where b.facility_id = facilities.id)`.as(
					'room_count'
				),
			roomAreaM2:
				sql<number>`(select coalesce(sum(r.area_m2), 0) from rooms r join buildings b on b.id = r.building_id where b.facility_id = facilities.id)`.as(
					'room_area_m2'
				),
			occupants: sql<number>`(select coalesce(sum(r.occupants), 0) from rooms r join buildings b on b.id = r.building_id where b.facility_id = facilities.id)`,
			worstDangerLevel: sql<DangerLevel | null>`(select max(lvl) from (
				select (select s.danger_level from condition_surveys s where s.building_id = b.id
				        order by s.surveyed_on desc, s.id desc limit 1) as lvl
				from buildings b where b.facility_id = facilities.id))`
		})
		.from(facilities)
		.where(where)
		.$dynamic();
	return pagedQuery(
		db,
		query,
		sortOrder(FACILITY_SORTS, options.sort, asc(facilities.id)),
		options
	);
}

/** All facilities of a ward as map markers (small rows, no pagination). */
export function facilityMarkers(db: Db, wardId: number) {
	return db
		.select({
			id: facilities.id,
			code: facilities.code,
			name: facilities.name,
			kind: facilities.kind,
			lat: facilities.lat,
			lng: facilities.lng
		})
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all();
}

export function getFacility(db: Db, wardId: number, id: number): Facility | undefined {
	return db
		.select()
		.from(facilities)
		.where(and(eq(facilities.id, id), eq(facilities.wardId, wardId)))
		.get();
}

export interface BuildingDetail extends Building {
	rooms: (Room & { unitName: string | null })[];
	surveys: (Survey & { photos: Photo[] })[];
	latestSurvey: Survey | null;
}

/** The rooms of the buildings `ids` with their unit's name, by level and code (none for none). */
export function roomsOfBuildings(db: Db, ids: number[]) {
	return ids.length
		? db
				.select({ room: rooms, unitName: orgUnits.name })
				.from(rooms)
				.leftJoin(orgUnits, eq(orgUnits.id, rooms.orgUnitId))
				.where(inArray(rooms.buildingId, ids))
				.orderBy(asc(rooms.level), asc(rooms.code))
				.all()
		: [];
}

/** A facility with its buildings, their rooms (by level) and surveys (newest first). */
export function getFacilityDetail(
	db: Db,
	wardId: number,
	id: number
): (Facility & { buildings: BuildingDetail[] }) | undefined {
	const facility = getFacility(db, wardId, id);
	if (!facility) return undefined;
	const bs = db
		.select()
		.from(buildings)
		.where(eq(buildings.facilityId, id))
		.orderBy(asc(buildings.code))
		.all();
	const ids = bs.map((b) => b.id);
	const rs = roomsOfBuildings(db, ids);
	const ss = ids.length
		? db
				.select()
				.from(conditionSurveys)
				.where(inArray(conditionSurveys.buildingId, ids))
				.orderBy(desc(conditionSurveys.surveyedOn), desc(conditionSurveys.id))
				.all()
		: [];
	const sids = ss.map((s) => s.id);
	const ps = sids.length
		? db.select().from(photos).where(inArray(photos.surveyId, sids)).orderBy(asc(photos.id)).all()
		: [];
	return {
		...facility,
		buildings: bs.map((b) => {
			const surveys = ss
				.filter((s) => s.buildingId === b.id)
				.map((s) => ({ ...s, photos: ps.filter((p) => p.surveyId === s.id) }));
			return {
				...b,
				rooms: rs
					.filter((r) => r.room.buildingId === b.id)
					.map((r) => ({ ...r.room, unitName: r.unitName })),
				surveys,
				latestSurvey: surveys[0] ?? null
			};
		})
	};
}

/** A building of the ward, or undefined when it belongs to another ward or does not exist. */
export function getBuilding(db: DbLike, wardId: number, buildingId: number): Building | undefined {
	return db
		.select({ b: buildings })
		.from(buildings)
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(and(eq(buildings.id, buildingId), eq(facilities.wardId, wardId)))
		.get()?.b;
}

/** A room of the ward, or undefined. */
export function getRoom(db: DbLike, wardId: number, roomId: number): Room | undefined {
	return db
		.select({ r: rooms })
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(and(eq(rooms.id, roomId), eq(facilities.wardId, wardId)))
		.get()?.r;
}

/** A photo of the ward, for serving its file. */
export function getPhoto(db: DbLike, wardId: number, photoId: number): Photo | undefined {
	return db
		.select()
		.from(photos)
		.where(and(eq(photos.id, photoId), eq(photos.wardId, wardId)))
		.get();
}

/** The ward's organisational units, for occupancy pickers. */
export function listUnits(db: DbLike, wardId: number) {
	return wardUnits(db, wardId).map(({ id, code, name, publicFacing }) => ({
		id,
		code,
		name,
		publicFacing
	}));
}
