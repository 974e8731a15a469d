/**
 * The ward's specialised rooms (diện tích chuyên dùng): the specialised programme of its
 * norm set, listed, created, updated and deleted with their audit row.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
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
