/**
 * The facility inventory: facilities → buildings → rooms, condition surveys and photos.
 * Every function takes `db` and the ward's id, so a record of another ward is never found.
 * Writes run in one transaction with their audit row.
 */
import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DangerLevel } from '../../constants';
import { ConditionInputError, gradeSurvey, ratingsFromSurvey } from '../../condition';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { buildings, conditionSurveys, facilities, orgUnits, photos, rooms } from '../db/schema';
import type { BuildingInput, FacilityInput, RoomInput, SurveyInput } from '../../schemas/inventory';
import { isUniqueViolation } from '../db/errors';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { translate, type Locale, type MessageKey } from '../../i18n';

export type Facility = typeof facilities.$inferSelect;
export type Building = typeof buildings.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Survey = typeof conditionSurveys.$inferSelect;
export type Photo = typeof photos.$inferSelect;

/** A write refused for a reason the user can fix (duplicate code, unknown parent …). */
export class InventoryError extends Error {
	constructor(
		public readonly code:
			'duplicate-code' | 'not-found' | 'invalid-unit' | 'has-children' | 'implausible' | 'grade',
		public readonly field?: string,
		/** For 'implausible' and 'grade': the message key and its values (vi-VN numbers). */
		public readonly key?: MessageKey,
		public readonly params?: Record<string, string | number>
	) {
		super(key ? `${code}: ${key} ${JSON.stringify(params ?? {})}` : code);
	}
}

/**
 * The field and the message (in the user's language) of an error a form can show next to a
 * field, or null for errors that are not the user's to fix (e.g. not-found).
 */
export function inventoryErrorField(
	e: unknown,
	locale: Locale
): { field: string; message: string } | null {
	if (!(e instanceof InventoryError)) return null;
	if (e.code === 'duplicate-code') {
		return { field: e.field ?? 'code', message: translate(locale, 'err.duplicateCode') };
	}
	if (e.code === 'invalid-unit') {
		return { field: e.field ?? 'orgUnitId', message: translate(locale, 'err.invalidUnit') };
	}
	if ((e.code === 'implausible' || e.code === 'grade') && e.key) {
		return { field: e.field ?? '_', message: translate(locale, e.key, e.params) };
	}
	return null;
}

/** A room's figures checked against its building (see {@link roomPlausibilityIssue}). */
export interface RoomFigures {
	level: number;
	areaM2: number;
}

/** A building's figures the rooms are checked against. */
export interface BuildingFigures {
	levelsAboveGround: number;
	grossFloorAreaM2: number | null;
}

/** An implausible entry: the field, the message key and its values. */
export interface PlausibilityIssue {
	field: string;
	key: MessageKey;
	params: Record<string, string | number>;
}

const area = (x: number) => Math.round(x * 100) / 100;

/**
 * Why a room does not fit its building, or null. Levels are numbered as in Viet Nam: the ground
 * floor is tầng 1, so a building of N storeys above ground has levels 1..N; level 0 does not
 * exist; negative levels are basements, which the building record does not describe, so they are
 * not checked. With a gross floor area, a room may not be larger than it, and the rooms of the
 * building together (`otherRoomsM2` = the other rooms) may not exceed it. The building record
 * holds no per-level floor area, so the gross floor area is the bound for one room too.
 *
 * @example
 * roomPlausibilityIssue({ levelsAboveGround: 3, grossFloorAreaM2: 607 }, { level: 9, areaM2: 20 }, 0);
 * // { field: 'level', key: 'err.roomLevel', params: { level: 9, levels: 3 } }
 * roomPlausibilityIssue({ levelsAboveGround: 3, grossFloorAreaM2: 607 }, { level: 1, areaM2: 100 }, 550);
 * // { field: 'areaM2', key: 'err.roomAreaSum', params: { sum: 650, others: 550, area: 100, gross: 607 } }
 */
export function roomPlausibilityIssue(
	building: BuildingFigures,
	room: RoomFigures,
	otherRoomsM2: number
): PlausibilityIssue | null {
	if (room.level === 0 || room.level > building.levelsAboveGround) {
		return {
			field: 'level',
			key: 'err.roomLevel',
			params: { level: String(room.level), levels: String(building.levelsAboveGround) }
		};
	}
	const gross = building.grossFloorAreaM2;
	if (gross !== null && gross > 0) {
		if (room.areaM2 > gross) {
			return {
				field: 'areaM2',
				key: 'err.roomAreaAboveBuilding',
				params: { area: area(room.areaM2), gross: area(gross) }
			};
		}
		const sum = otherRoomsM2 + room.areaM2;
		if (sum > gross + 1e-9) {
			return {
				field: 'areaM2',
				key: 'err.roomAreaSum',
				params: {
					sum: area(sum),
					others: area(otherRoomsM2),
					area: area(room.areaM2),
					gross: area(gross)
				}
			};
		}
	}
	return null;
}

/**
 * Why a building's new figures no longer hold its rooms, or null: its storeys must reach the
 * highest room level, its gross floor area the sum of its rooms.
 */
export function buildingPlausibilityIssue(
	building: BuildingFigures,
	highestRoomLevel: number | null,
	roomsM2: number
): PlausibilityIssue | null {
	if (highestRoomLevel !== null && highestRoomLevel > building.levelsAboveGround) {
		return {
			field: 'levelsAboveGround',
			key: 'err.buildingLevelsBelowRooms',
			params: { level: String(highestRoomLevel), levels: String(building.levelsAboveGround) }
		};
	}
	const gross = building.grossFloorAreaM2;
	if (gross !== null && gross > 0 && roomsM2 > gross + 1e-9) {
		return {
			field: 'grossFloorAreaM2',
			key: 'err.buildingAreaBelowRooms',
			params: { sum: area(roomsM2), gross: area(gross) }
		};
	}
	return null;
}

function throwIfImplausible(issue: PlausibilityIssue | null): void {
	if (issue) throw new InventoryError('implausible', issue.field, issue.key, issue.params);
}

/** The rooms of a building other than `exceptRoomId`: their total area and highest level. */
function roomTotals(
	db: DbLike,
	buildingId: number,
	exceptRoomId = 0
): { areaM2: number; highestLevel: number | null } {
	const row = db
		.select({
			areaM2: sql<number>`coalesce(sum(${rooms.areaM2}), 0)`,
			highestLevel: sql<number | null>`max(${rooms.level})`
		})
		.from(rooms)
		.where(and(eq(rooms.buildingId, buildingId), sql`${rooms.id} <> ${exceptRoomId}`))
		.get();
	return { areaM2: row?.areaM2 ?? 0, highestLevel: row?.highestLevel ?? null };
}

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

/** Facilities of a ward with their aggregate figures, searched and paginated. */
export function listFacilities(
	db: Db,
	wardId: number,
	options: ListOptions = {}
): { rows: FacilityListRow[]; total: number; page: number; pageSize: number } {
	const pageSize = Math.min(Math.max(options.pageSize ?? 25, 1), 200);
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
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(facilities)
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(options.page ?? 1, 1), pages);
	const order =
		options.sort === 'name'
			? asc(facilities.name)
			: options.sort === 'area'
				? desc(sql`room_area_m2`)
				: options.sort === 'rooms'
					? desc(sql`room_count`)
					: asc(facilities.code);
	const rows = db
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
		.orderBy(order, asc(facilities.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	return { rows, total, page, pageSize };
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
	const rs = ids.length
		? db
				.select({ room: rooms, unitName: orgUnits.name })
				.from(rooms)
				.leftJoin(orgUnits, eq(orgUnits.id, rooms.orgUnitId))
				.where(inArray(rooms.buildingId, ids))
				.orderBy(asc(rooms.level), asc(rooms.code))
				.all()
		: [];
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

export function createFacility(
	db: Db,
	actor: Actor,
	wardId: number,
	input: FacilityInput
): Facility {
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(facilities)
				.values({ ...input, wardId })
				.returning()
				.get();
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'facility',
				entityId: row.id,
				action: 'create',
				after: row
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

export function updateFacility(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: FacilityInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Facility {
	try {
		return db.transaction((tx) => {
			const before = tx
				.select()
				.from(facilities)
				.where(and(eq(facilities.id, id), eq(facilities.wardId, wardId)))
				.get();
			if (!before) throw new InventoryError('not-found');
			checkVersion('facility', before, expectedVersion);
			const after = versionedUpdate(tx, facilities, 'facility', id, expectedVersion, {
				...input,
				updatedAt: Date.now()
			});
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'facility',
				entityId: id,
				action: 'update',
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

/** Deletes a facility with its buildings, rooms and surveys (cascade), audited as one change. */
export function deleteFacility(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = tx
			.select()
			.from(facilities)
			.where(and(eq(facilities.id, id), eq(facilities.wardId, wardId)))
			.get();
		if (!before) throw new InventoryError('not-found');
		tx.delete(facilities).where(eq(facilities.id, id)).run();
		writeAudit(tx, { actor, wardId, entity: 'facility', entityId: id, action: 'delete', before });
	});
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

export function createBuilding(
	db: Db,
	actor: Actor,
	wardId: number,
	facilityId: number,
	input: BuildingInput
): Building {
	try {
		return db.transaction((tx) => {
			const facility = tx
				.select({ id: facilities.id })
				.from(facilities)
				.where(and(eq(facilities.id, facilityId), eq(facilities.wardId, wardId)))
				.get();
			if (!facility) throw new InventoryError('not-found');
			const row = tx
				.insert(buildings)
				.values({ ...input, facilityId })
				.returning()
				.get();
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'building',
				entityId: row.id,
				action: 'create',
				after: row
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

export function updateBuilding(
	db: Db,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: BuildingInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Building {
	try {
		return db.transaction((tx) => {
			const before = getBuilding(tx, wardId, buildingId);
			if (!before) throw new InventoryError('not-found');
			checkVersion('building', before, expectedVersion);
			const totals = roomTotals(tx, buildingId);
			throwIfImplausible(buildingPlausibilityIssue(input, totals.highestLevel, totals.areaM2));
			const after = versionedUpdate(tx, buildings, 'building', buildingId, expectedVersion, {
				...input,
				updatedAt: Date.now()
			});
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'building',
				entityId: buildingId,
				action: 'update',
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

export function deleteBuilding(db: Db, actor: Actor, wardId: number, buildingId: number): void {
	db.transaction((tx) => {
		const before = getBuilding(tx, wardId, buildingId);
		if (!before) throw new InventoryError('not-found');
		tx.delete(buildings).where(eq(buildings.id, buildingId)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'building',
			entityId: buildingId,
			action: 'delete',
			before
		});
	});
}

/** A room of the ward with its building, or undefined. */
export function getRoom(db: DbLike, wardId: number, roomId: number): Room | undefined {
	return db
		.select({ r: rooms })
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(and(eq(rooms.id, roomId), eq(facilities.wardId, wardId)))
		.get()?.r;
}

function assertUnitOfWard(db: DbLike, wardId: number, unitId: number | null): void {
	if (unitId === null) return;
	const unit = db
		.select({ id: orgUnits.id })
		.from(orgUnits)
		.where(and(eq(orgUnits.id, unitId), eq(orgUnits.wardId, wardId)))
		.get();
	if (!unit) throw new InventoryError('invalid-unit', 'orgUnitId');
}

export function createRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: RoomInput
): Room {
	try {
		return db.transaction((tx) => {
			const building = getBuilding(tx, wardId, buildingId);
			if (!building) throw new InventoryError('not-found');
			assertUnitOfWard(tx, wardId, input.orgUnitId);
			throwIfImplausible(roomPlausibilityIssue(building, input, roomTotals(tx, buildingId).areaM2));
			const row = tx
				.insert(rooms)
				.values({ ...input, buildingId })
				.returning()
				.get();
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'room',
				entityId: row.id,
				action: 'create',
				after: row
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

export function updateRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	roomId: number,
	input: RoomInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Room {
	try {
		return db.transaction((tx) => {
			const before = getRoom(tx, wardId, roomId);
			if (!before) throw new InventoryError('not-found');
			checkVersion('room', before, expectedVersion);
			assertUnitOfWard(tx, wardId, input.orgUnitId);
			const building = getBuilding(tx, wardId, before.buildingId)!;
			throwIfImplausible(
				roomPlausibilityIssue(building, input, roomTotals(tx, before.buildingId, roomId).areaM2)
			);
			const after = versionedUpdate(tx, rooms, 'room', roomId, expectedVersion, {
				...input,
				updatedAt: Date.now()
			});
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'room',
				entityId: roomId,
				action: 'update',
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new InventoryError('duplicate-code', 'code');
		throw e;
	}
}

export function deleteRoom(db: Db, actor: Actor, wardId: number, roomId: number): void {
	db.transaction((tx) => {
		const before = getRoom(tx, wardId, roomId);
		if (!before) throw new InventoryError('not-found');
		tx.delete(rooms).where(eq(rooms.id, roomId)).run();
		writeAudit(tx, { actor, wardId, entity: 'room', entityId: roomId, action: 'delete', before });
	});
}

export interface StoredPhoto {
	path: string;
	thumbPath: string;
	contentType: string;
	sizeBytes: number;
	width: number | null;
	height: number | null;
	originalName: string | null;
}

/**
 * The stored columns of a survey: the governing level (derived from the load-bearing ratings,
 * or the override with its reason; src/lib/condition/grading.ts). Throws InventoryError 'grade'
 * (field and message key) when there is no level or an override lacks its reason.
 */
export function surveyValues(
	input: SurveyInput
): Omit<typeof conditionSurveys.$inferInsert, 'buildingId'> {
	let grade;
	try {
		grade = gradeSurvey({
			ratings: ratingsFromSurvey(input),
			override: input.dangerLevelOverride,
			overrideReason: input.overrideReason
		});
	} catch (e) {
		if (e instanceof ConditionInputError && e.path === 'override') {
			throw new InventoryError('grade', 'dangerLevelOverride', 'err.levelUndetermined');
		}
		if (e instanceof ConditionInputError && e.path === 'overrideReason') {
			throw new InventoryError('grade', 'overrideReason', 'err.overrideReason');
		}
		throw e;
	}
	const { dangerLevelOverride: _override, overrideReason: _reason, ...rest } = input;
	const assessed = input.assessmentKind === 'assessed';
	return {
		...rest,
		assessorOrg: assessed ? input.assessorOrg : null,
		assessorQualification: assessed ? input.assessorQualification : null,
		reportNumber: assessed ? input.reportNumber : null,
		dangerLevel: grade.level,
		derivedDangerLevel: grade.derived?.level ?? null,
		overrideReason: grade.reason
	};
}

/** Records a survey and its (already stored) photos in one transaction. */
export function createSurvey(
	db: Db,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: SurveyInput,
	storedPhotos: StoredPhoto[] = []
): Survey {
	const values = surveyValues(input);
	return db.transaction((tx) => {
		if (!getBuilding(tx, wardId, buildingId)) throw new InventoryError('not-found');
		const row = tx
			.insert(conditionSurveys)
			.values({ ...values, buildingId })
			.returning()
			.get();
		for (const p of storedPhotos) {
			tx.insert(photos)
				.values({ ...p, wardId, surveyId: row.id })
				.run();
		}
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'survey',
			entityId: row.id,
			action: 'create',
			after: { ...row, photos: storedPhotos.map((p) => p.path) }
		});
		return row;
	});
}

export function deleteSurvey(db: Db, actor: Actor, wardId: number, surveyId: number): Photo[] {
	return db.transaction((tx) => {
		const before = tx
			.select({ s: conditionSurveys })
			.from(conditionSurveys)
			.innerJoin(buildings, eq(buildings.id, conditionSurveys.buildingId))
			.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
			.where(and(eq(conditionSurveys.id, surveyId), eq(facilities.wardId, wardId)))
			.get()?.s;
		if (!before) throw new InventoryError('not-found');
		const ps = tx.select().from(photos).where(eq(photos.surveyId, surveyId)).all();
		tx.delete(conditionSurveys).where(eq(conditionSurveys.id, surveyId)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'survey',
			entityId: surveyId,
			action: 'delete',
			before
		});
		return ps;
	});
}

/** A photo of the ward, for serving its file. */
export function getPhoto(db: Db, wardId: number, photoId: number): Photo | undefined {
	return db
		.select()
		.from(photos)
		.where(and(eq(photos.id, photoId), eq(photos.wardId, wardId)))
		.get();
}

/** The ward's organisational units, for occupancy pickers. */
export function listUnits(db: Db, wardId: number) {
	return db
		.select({
			id: orgUnits.id,
			code: orgUnits.code,
			name: orgUnits.name,
			publicFacing: orgUnits.publicFacing
		})
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code))
		.all();
}
