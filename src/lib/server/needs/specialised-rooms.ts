/**
 * The ward's specialised rooms (diện tích chuyên dùng): the specialised programme of its
 * norm set, listed, created, updated and deleted with their audit row.
 */
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../audit';
import { createRecord, deleteRecord, updateRecord, type RecordContext } from '../core/records';
import type { Db, DbLike } from '../db';
import { specialisedRooms } from '../db/schema';
import type { SpecialisedRoomInput } from '../../schemas/needs';
import { NeedsError } from './errors';

export interface WardSpecialisedRoom {
	id: number;
	key: string;
	areaM2: number;
	count: number;
	basis: string | null;
	/** The row version an edit form is loaded with (optimistic concurrency). */
	version: number;
}

/** The ward's specialised rooms (diện tích chuyên dùng), in entry order. */
export function listSpecialisedRooms(db: DbLike, wardId: number): WardSpecialisedRoom[] {
	return db
		.select({
			id: specialisedRooms.id,
			key: specialisedRooms.key,
			areaM2: specialisedRooms.areaM2,
			count: specialisedRooms.count,
			basis: specialisedRooms.basis,
			version: specialisedRooms.version
		})
		.from(specialisedRooms)
		.where(eq(specialisedRooms.wardId, wardId))
		.orderBy(asc(specialisedRooms.id))
		.all();
}

/** Who writes: the audit row's actor and ward; a room of another ward is 'not-found'. */
const context = (actor: Actor, wardId: number): RecordContext => ({
	actor,
	wardId,
	entity: 'specialised-room',
	error: () => new NeedsError('not-found')
});

export function createSpecialisedRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	input: SpecialisedRoomInput
) {
	return createRecord(db, specialisedRooms, context(actor, wardId), { ...input, wardId });
}

/**
 * Edits a specialised room of the ward. With `expectedVersion` (the version the form was
 * loaded with), a room changed meanwhile is refused with a ConflictError.
 */
export function updateSpecialisedRoom(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: SpecialisedRoomInput,
	expectedVersion: number | null = null
) {
	return updateRecord(db, specialisedRooms, context(actor, wardId), id, input, {
		expectedVersion
	});
}

export function deleteSpecialisedRoom(db: Db, actor: Actor, wardId: number, id: number): void {
	deleteRecord(db, specialisedRooms, context(actor, wardId), id);
}
