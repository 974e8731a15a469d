/**
 * Units (đơn vị) and positions (biên chế) edited one by one: each write is one audited row
 * (core/records), scoped to the ward; a position reaches its ward through its unit.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../audit';
import type { DbLike } from '../db';
import { createRecord, deleteRecord, updateRecord, type RecordContext } from '../core/records';
import { orgUnits, positions } from '../db/schema';
import { positionTitleKeys } from '../needs/norm-sets';
import type { PositionInput, UnitInput } from '../../schemas/needs';
import { RANK_KEYS, isRankKey, type RankKey } from '../../norms';
import { OrgError } from './errors';

/**
 * A position as written: the form's fields plus the rank (ngạch) and the titles held
 * concurrently (kiêm nhiệm); both optional (none).
 */
export type PositionWrite = PositionInput & {
	rank?: RankKey | null;
	concurrentTitleKeys?: string[];
};

/** Largest number of concurrent titles on one position. */
export const MAX_CONCURRENT_TITLES = 5;

/**
 * The rank and concurrent titles of the position form (fields `rank`, `concurrentTitleKeys`
 * repeated or comma-separated): a blank rank is none; unknown keys are refused by the server.
 */
export const positionExtrasSchema = z.object({
	rank: z
		.union([z.enum(RANK_KEYS), z.literal(''), z.null(), z.undefined()])
		.transform((v) => (v ? v : null)),
	concurrentTitleKeys: z
		.array(z.string().trim().max(60))
		.max(MAX_CONCURRENT_TITLES)
		.transform((v) => [...new Set(v.filter((k) => k !== ''))])
});

/** Reads the rank and concurrent titles of a position form. */
export function readPositionExtras(
	data: FormData
):
	{ ok: true; rank: RankKey | null; concurrentTitleKeys: string[] } | { ok: false; field: string } {
	const keys = data
		.getAll('concurrentTitleKeys')
		.flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
	const rank = data.get('rank');
	const parsed = positionExtrasSchema.safeParse({
		rank: typeof rank === 'string' ? rank : null,
		concurrentTitleKeys: keys
	});
	if (!parsed.success) return { ok: false, field: String(parsed.error.issues[0].path[0]) };
	return { ok: true, ...parsed.data };
}

export type OrgUnit = typeof orgUnits.$inferSelect;
export type Position = typeof positions.$inferSelect;

const orgRecord = (actor: Actor, wardId: number, entity: string): RecordContext => ({
	actor,
	wardId,
	entity,
	error: (code, field) => new OrgError(code, field)
});

/** The ward's units in display order, each with its positions (in entry order). */
export function listOrganisation(
	db: DbLike,
	wardId: number
): (OrgUnit & { positions: Position[] })[] {
	const units = db
		.select()
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code))
		.all();
	const ids = units.map((u) => u.id);
	const ps = ids.length
		? db
				.select()
				.from(positions)
				.where(inArray(positions.orgUnitId, ids))
				.orderBy(asc(positions.id))
				.all()
		: [];
	return units.map((u) => ({ ...u, positions: ps.filter((p) => p.orgUnitId === u.id) }));
}

export function getUnit(db: DbLike, wardId: number, id: number): OrgUnit | undefined {
	return db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.id, id), eq(orgUnits.wardId, wardId)))
		.get();
}

/** A position of the ward (through its unit), or undefined. */
export function getPosition(db: DbLike, wardId: number, id: number): Position | undefined {
	return db
		.select({ p: positions })
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(and(eq(positions.id, id), eq(orgUnits.wardId, wardId)))
		.get()?.p;
}

/** The sort order of a unit added after the ward's others. */
export function nextSortOrder(db: DbLike, wardId: number): number {
	return (
		(db
			.select({ n: sql<number | null>`max(${orgUnits.sortOrder})` })
			.from(orgUnits)
			.where(eq(orgUnits.wardId, wardId))
			.get()?.n ?? -1) + 1
	);
}

export function createUnit(db: DbLike, actor: Actor, wardId: number, input: UnitInput): OrgUnit {
	return createRecord(db, orgUnits, orgRecord(actor, wardId, 'org-unit'), {
		...input,
		wardId,
		sortOrder: nextSortOrder(db, wardId)
	});
}

export function updateUnit(
	db: DbLike,
	actor: Actor,
	wardId: number,
	id: number,
	input: UnitInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): OrgUnit {
	return updateRecord(db, orgUnits, orgRecord(actor, wardId, 'org-unit'), id, input, {
		expectedVersion
	});
}

/** Deletes a unit with its positions; its rooms stay, without a unit. */
export function deleteUnit(db: DbLike, actor: Actor, wardId: number, id: number): void {
	let ps: Position[] = [];
	deleteRecord(db, orgUnits, orgRecord(actor, wardId, 'org-unit'), id, {
		guard: (tx) => {
			ps = tx.select().from(positions).where(eq(positions.orgUnitId, id)).all();
		},
		auditBefore: (before) => ({ ...before, positions: ps })
	});
}

function checkPosition(db: DbLike, wardId: number, input: PositionWrite): void {
	if (!getUnit(db, wardId, input.orgUnitId)) throw new OrgError('invalid-unit', 'orgUnitId');
	const keys = new Set(positionTitleKeys(db).map((k) => k.titleKey));
	if (!keys.has(input.titleKey)) throw new OrgError('unknown-title-key', 'titleKey');
	if (input.rank !== undefined && input.rank !== null && !isRankKey(input.rank)) {
		throw new OrgError('invalid-rank', 'rank');
	}
	const concurrent = input.concurrentTitleKeys ?? [];
	if (concurrent.length > MAX_CONCURRENT_TITLES || concurrent.some((k) => !keys.has(k))) {
		throw new OrgError('unknown-title-key', 'concurrentTitleKeys');
	}
}

/** The row written for a position (rank and concurrent titles default to none). */
function positionValues(input: PositionWrite) {
	return {
		...input,
		rank: input.rank ?? null,
		concurrentTitleKeys: [...new Set(input.concurrentTitleKeys ?? [])]
	};
}

export function createPosition(
	db: DbLike,
	actor: Actor,
	wardId: number,
	input: PositionWrite
): Position {
	return createRecord(db, positions, orgRecord(actor, wardId, 'position'), positionValues(input), {
		guard: (tx) => checkPosition(tx, wardId, input)
	});
}

export function updatePosition(
	db: DbLike,
	actor: Actor,
	wardId: number,
	id: number,
	input: PositionWrite,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Position {
	return updateRecord(
		db,
		positions,
		orgRecord(actor, wardId, 'position'),
		id,
		positionValues(input),
		{
			expectedVersion,
			load: (tx) => getPosition(tx, wardId, id),
			guard: (tx) => checkPosition(tx, wardId, input)
		}
	);
}

/** Deletes a position of the ward; answers the deleted row (the page goes back to its unit). */
export function deletePosition(db: DbLike, actor: Actor, wardId: number, id: number): Position {
	return deleteRecord(db, positions, orgRecord(actor, wardId, 'position'), id, {
		load: (tx) => getPosition(tx, wardId, id)
	});
}
