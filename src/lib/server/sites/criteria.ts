/**
 * The ward's site-scoring criteria: list, edit (versioned), add a computed one from the
 * catalogue, delete. Every write runs in one transaction with its audit row.
 */
import { and, asc, eq } from 'drizzle-orm';
import { CRITERION_SOURCES } from '../../scoring';
import type { CriterionInput } from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import type { Db, DbLike } from '../db';
import { criteria } from '../db/schema';
import { ScoringError } from './errors';

export type Criterion = typeof criteria.$inferSelect;

/** The criteria of a ward in display order. */
export function listCriteria(db: DbLike, wardId: number): Criterion[] {
	return db
		.select()
		.from(criteria)
		.where(eq(criteria.wardId, wardId))
		.orderBy(asc(criteria.sortOrder), asc(criteria.id))
		.all();
}

export function updateCriterion(
	db: Db,
	actor: Actor,
	wardId: number,
	input: CriterionInput,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): Criterion {
	return db.transaction((tx) => {
		const before = tx
			.select()
			.from(criteria)
			.where(and(eq(criteria.id, input.id), eq(criteria.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		checkVersion('criterion', before, expectedVersion);
		const { id, ...values } = input;
		const after = versionedUpdate(tx, criteria, 'criterion', id, expectedVersion, values);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'criterion',
			entityId: id,
			action: 'update',
			before,
			after
		});
		return after;
	});
}

/** Adds a computed criterion from the catalogue (active, default weight 0.1). */
export function addComputedCriterion(
	db: Db,
	actor: Actor,
	wardId: number,
	source: string
): Criterion {
	const info = CRITERION_SOURCES[source];
	if (!info || !source.startsWith('computed:')) throw new ScoringError('unknown-source');
	return db.transaction((tx) => {
		const existing = listCriteria(tx, wardId);
		if (existing.some((c) => c.source === source || c.key === info.key)) {
			throw new ScoringError('duplicate');
		}
		const row = tx
			.insert(criteria)
			.values({
				wardId,
				key: info.key,
				labelVi: info.labelVi,
				labelEn: info.labelEn,
				type: info.type,
				unit: info.unit,
				source,
				basis: info.basis,
				defaultWeight: 0.1,
				active: true,
				sortOrder: Math.max(0, ...existing.map((c) => c.sortOrder)) + 1
			})
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'criterion',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export function deleteCriterion(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = tx
			.select()
			.from(criteria)
			.where(and(eq(criteria.id, id), eq(criteria.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		tx.delete(criteria).where(eq(criteria.id, id)).run();
		writeAudit(tx, { actor, wardId, entity: 'criterion', entityId: id, action: 'delete', before });
	});
}
