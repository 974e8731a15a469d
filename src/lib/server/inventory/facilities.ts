/**
 * The facility inventory: facilities → buildings → rooms, condition surveys and photos.
 * Every function takes `db` and the ward's id, so a record of another ward is never found.
 * Each write is one row with its audit row in one transaction (core/records); rooms and
 * buildings are checked for plausibility against each other (./plausibility).
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../audit';
import type { DbLike } from '../db';
import { buildings, facilities, orgUnits, rooms } from '../db/schema';
import type { BuildingInput, FacilityInput, RoomInput } from '../../schemas/inventory';
import { createRecord, deleteRecord, updateRecord } from '../core/records';
import { InventoryError, inventoryRecord } from './errors';
import {
	buildingPlausibilityIssue,
	roomPlausibilityIssue,
	roomTotals,
	throwIfImplausible
} from './plausibility';
import { getBuilding, getRoom, type Building, type Facility, type Room } from './queries';

export * from './errors';
export * from './plausibility';
export * from './queries';
export * from './surveys';

export function createFacility(
	db: DbLike,
	actor: Actor,
	wardId: number,
	input: FacilityInput
): Facility {
	return createRecord(db, facilities, inventoryRecord(actor, wardId, 'facility'), {
		...input,
		wardId
	});
}

export function updateFacility(
	db: DbLike,
	actor: Actor,
	wardId: number,
	id: number,
	input: FacilityInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Facility {
	return updateRecord(db, facilities, inventoryRecord(actor, wardId, 'facility'), id, input, {
		expectedVersion
	});
}

/** Deletes a facility with its buildings, rooms and surveys (cascade), audited as one change. */
export function deleteFacility(db: DbLike, actor: Actor, wardId: number, id: number): void {
	deleteRecord(db, facilities, inventoryRecord(actor, wardId, 'facility'), id);
}

export function createBuilding(
	db: DbLike,
	actor: Actor,
	wardId: number,
	facilityId: number,
	input: BuildingInput
): Building {
	return createRecord(
		db,
		buildings,
		inventoryRecord(actor, wardId, 'building'),
		{ ...input, facilityId },
		{
			guard: (tx) => {
				const facility = tx
					.select({ id: facilities.id })
					.from(facilities)
					.where(and(eq(facilities.id, facilityId), eq(facilities.wardId, wardId)))
					.get();
				if (!facility) throw new InventoryError('not-found');
			}
		}
	);
}

export function updateBuilding(
	db: DbLike,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: BuildingInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Building {
	return updateRecord(
		db,
		buildings,
		inventoryRecord(actor, wardId, 'building'),
		buildingId,
		input,
		{
			expectedVersion,
			load: (tx) => getBuilding(tx, wardId, buildingId),
			guard: (tx) => {
				const totals = roomTotals(tx, buildingId);
				throwIfImplausible(buildingPlausibilityIssue(input, totals.highestLevel, totals.areaM2));
			}
		}
	);
}

export function deleteBuilding(db: DbLike, actor: Actor, wardId: number, buildingId: number): void {
	deleteRecord(db, buildings, inventoryRecord(actor, wardId, 'building'), buildingId, {
		load: (tx) => getBuilding(tx, wardId, buildingId)
	});
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
	db: DbLike,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: RoomInput
): Room {
	return createRecord(
		db,
		rooms,
		inventoryRecord(actor, wardId, 'room'),
		{ ...input, buildingId },
		{
			guard: (tx) => {
				const building = getBuilding(tx, wardId, buildingId);
				if (!building) throw new InventoryError('not-found');
				assertUnitOfWard(tx, wardId, input.orgUnitId);
				const others = roomTotals(tx, buildingId).areaM2;
				throwIfImplausible(roomPlausibilityIssue(building, input, others));
			}
		}
	);
}

export function updateRoom(
	db: DbLike,
	actor: Actor,
	wardId: number,
	roomId: number,
	input: RoomInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Room {
	return updateRecord(db, rooms, inventoryRecord(actor, wardId, 'room'), roomId, input, {
		expectedVersion,
		load: (tx) => getRoom(tx, wardId, roomId),
		guard: (tx, before) => {
			assertUnitOfWard(tx, wardId, input.orgUnitId);
			const building = getBuilding(tx, wardId, before.buildingId)!;
			const others = roomTotals(tx, before.buildingId, roomId).areaM2;
			throwIfImplausible(roomPlausibilityIssue(building, input, others));
		}
	});
}

export function deleteRoom(db: DbLike, actor: Actor, wardId: number, roomId: number): void {
	deleteRecord(db, rooms, inventoryRecord(actor, wardId, 'room'), roomId, {
		load: (tx) => getRoom(tx, wardId, roomId)
	});
}
