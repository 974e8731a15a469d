/**
 * The ward's weighting rows (one for direct weights, one for AHP), shared by the weights and
 * the AHP judgements: finding one, and marking which one is in use.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbLike } from '../db';
import { weightings } from '../db/schema';

/** The ward's weighting of this method (the latest), if any. */
export function weightingOf(db: DbLike, wardId: number, method: 'direct' | 'ahp') {
	return db
		.select()
		.from(weightings)
		.where(and(eq(weightings.wardId, wardId), eq(weightings.method, method)))
		.orderBy(desc(weightings.id))
		.get();
}

/** Marks the weighting `id` in use (null: none, the defaults). */
export function markInUse(tx: DbLike, wardId: number, id: number | null): void {
	tx.update(weightings)
		.set({ isDefault: false })
		.where(and(eq(weightings.wardId, wardId), id === null ? undefined : ne(weightings.id, id)))
		.run();
	if (id !== null) {
		tx.update(weightings)
			.set({ isDefault: true, updatedAt: Date.now() })
			.where(eq(weightings.id, id))
			.run();
	}
}
