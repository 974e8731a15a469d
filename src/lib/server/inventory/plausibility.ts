/**
 * Whether a room fits its building and a building still holds its rooms (levels, areas).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { MessageKey } from '../../i18n';
import type { DbLike } from '../db';
import { rooms } from '../db/schema';
import { InventoryError } from './errors';

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

export function throwIfImplausible(issue: PlausibilityIssue | null): void {
	if (issue) throw new InventoryError('implausible', issue.field, issue.key, issue.params);
}

/** The rooms of a building other than `exceptRoomId`: their total area and highest level. */
export function roomTotals(
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
