/**
 * The ward's units and positions as the other features read them (allocation, needs, plans,
 * inventory figures, room pickers): one query each, in display order.
 */
import { asc, eq } from 'drizzle-orm';
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
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(orgUnits.id))
		.all();
}

/** The positions of the ward's units, in unit display order then entry order. */
export function wardPositions(db: DbLike, wardId: number): WardPosition[] {
	return db
		.select({
			id: positions.id,
			unitId: positions.orgUnitId,
			titleKey: positions.titleKey,
			approved: positions.approved,
			filled: positions.filled,
			rank: positions.rank,
			concurrentTitleKeys: positions.concurrentTitleKeys
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(positions.id))
		.all();
}
