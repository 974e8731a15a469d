/**
 * The ward's units and positions as the other features read them (allocation, needs, plans,
 * inventory figures, room pickers): one query each, in display order.
 */
import { asc, eq } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../db';
import { orgUnits, positions } from '../db/schema';

/** A unit as pickers and computations read it. */
export interface WardUnit {
	id: number;
	code: string;
	name: string;
	kind: (typeof orgUnits.$inferSelect)['kind'];
	publicFacing: boolean;
}

/** A position with its unit, as the needs and allocation computations read it. */
export interface WardPosition {
	id: number;
	unitId: number;
	titleKey: string;
	approved: number;
	filled: number;
	rank: string | null;
	concurrentTitleKeys: string[];
}

/** The ward's units in display order (sort order, then code). */
export function wardUnits(db: DbLike, wardId: number): WardUnit[] {
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
		.orderBy(...UNIT_ORDER, asc(orgUnits.id))
		.all();
}

/** Units in display order: their sort order, then code (a caller adds its own last key). */
export const UNIT_ORDER = [asc(orgUnits.sortOrder), asc(orgUnits.code)] as const;

/**
 * Positions joined to their unit, selecting `fields` (columns of either table): the start of
 * every positions query by ward; the caller adds its filter and order.
 */
export function positionsWithUnit<F extends SelectedFields>(db: DbLike, fields: F) {
	return db
		.select(fields)
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId));
}

/** The positions of the ward's units, in unit display order then entry order. */
export function wardPositions(db: DbLike, wardId: number): WardPosition[] {
	return positionsWithUnit(db, {
		id: positions.id,
		unitId: positions.orgUnitId,
		titleKey: positions.titleKey,
		approved: positions.approved,
		filled: positions.filled,
		rank: positions.rank,
		concurrentTitleKeys: positions.concurrentTitleKeys
	})
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(...UNIT_ORDER, asc(positions.id))
		.all();
}
