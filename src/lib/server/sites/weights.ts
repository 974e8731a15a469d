/**
 * The weights in use for the site scoring (the product defaults, direct weights, or the AHP
 * group weights) and the writes that choose them. Each write runs in one transaction with its
 * audit row.
 */
import { and, desc, eq } from 'drizzle-orm';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { defaultWeights, normaliseWeights, type WeightState } from '../../scoring';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { users, weightings } from '../db/schema';
import { ahpState } from './ahp';
import { listCriteria, type Criterion } from './criteria';
import { ScoringError } from './errors';
import { markInUse, weightingOf } from './weightings';

/** The weights in use: the weighting marked in use (direct or AHP), else the defaults. */
export function weightState(db: DbLike, wardId: number, active: Criterion[]): WeightState {
	const keys = active.map((c) => c.key);
	const inUse = db
		.select({ w: weightings, username: users.displayName })
		.from(weightings)
		.leftJoin(users, eq(users.id, weightings.createdBy))
		.where(and(eq(weightings.wardId, wardId), eq(weightings.isDefault, true)))
		.orderBy(desc(weightings.updatedAt), desc(weightings.id))
		.get();
	if (inUse && keys.length) {
		if (inUse.w.method === 'ahp') {
			const state = ahpState(db, wardId, keys);
			if (state.group) {
				return {
					source: 'ahp',
					weights: Object.fromEntries(keys.map((k, i) => [k, state.group!.weights[i]])),
					setBy: state.participants.map((p) => p.participant),
					weightingId: inUse.w.id,
					updatedAt: inUse.w.updatedAt,
					cr: state.group.cr
				};
			}
		} else {
			const stored = JSON.parse(inUse.w.weightsJson) as Record<string, number>;
			const weights = normaliseWeights(keys, stored);
			if (weights) {
				return {
					source: 'direct',
					weights,
					setBy: inUse.username ? [inUse.username] : [],
					weightingId: inUse.w.id,
					updatedAt: inUse.w.updatedAt,
					cr: null
				};
			}
		}
	}
	return {
		source: 'default',
		weights: defaultWeights(active),
		setBy: [],
		weightingId: null,
		updatedAt: null,
		cr: null
	};
}

/**
 * The version of the ward's direct weights a form should carry: the stored row's, or 0 when
 * none was saved yet (a save naming 0 is refused once someone else has saved direct weights).
 */
export function directWeightsVersion(db: DbLike, wardId: number): number {
	return weightingOf(db, wardId, 'direct')?.version ?? 0;
}

/** The stored direct weights as the direct form shows them (`w:{key}`, % with one decimal). */
export function directWeightsForm(
	row: Record<string, unknown> | null,
	keys: string[]
): Record<string, string> {
	let stored: Record<string, number> = {};
	try {
		stored = JSON.parse(String(row?.weightsJson ?? '{}')) as Record<string, number>;
	} catch {
		stored = {};
	}
	const weights = normaliseWeights(keys, stored) ?? {};
	return Object.fromEntries(
		keys.map((k) => [`w:${k}`, String(Math.round((weights[k] ?? 0) * 1000) / 10)])
	);
}

/**
 * Saves direct weights (normalised here whatever was typed) and puts them in use. With
 * `expectedVersion` (the version the form was loaded with, 0 when there were none), a save
 * made after someone else's is refused with a ConflictError and changes nothing.
 */
export function saveDirectWeights(
	db: Db,
	actor: Actor,
	wardId: number,
	raw: Record<string, number>,
	expectedVersion?: number | null
): Record<string, number> {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const weights = normaliseWeights(
		active.map((c) => c.key),
		raw
	);
	if (!weights) throw new ScoringError('no-criteria');
	return db.transaction((tx) => {
		const before = weightingOf(tx, wardId, 'direct');
		let id: number;
		if (before) {
			checkVersion('weighting', before, expectedVersion);
			versionedUpdate(tx, weightings, 'weighting', before.id, expectedVersion, {
				weightsJson: JSON.stringify(weights),
				createdBy: actor.userId,
				updatedAt: Date.now()
			});
			id = before.id;
		} else {
			id = tx
				.insert(weightings)
				.values({
					wardId,
					name: 'Trọng số trực tiếp',
					method: 'direct',
					weightsJson: JSON.stringify(weights),
					createdBy: actor.userId
				})
				.returning()
				.get().id;
		}
		markInUse(tx, wardId, id);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: id,
			action: before ? 'update' : 'create',
			before: before ? JSON.parse(before.weightsJson) : undefined,
			after: { method: 'direct', weights }
		});
		return weights;
	});
}

/** Goes back to the product's default weights. */
export function useDefaultWeights(db: Db, actor: Actor, wardId: number): void {
	db.transaction((tx) => {
		markInUse(tx, wardId, null);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: null,
			action: 'update',
			after: { method: 'default' }
		});
	});
}

/** Puts the AHP weighting in use again (after direct weights were used). */
export function useAhpWeights(db: Db, actor: Actor, wardId: number): boolean {
	return db.transaction((tx) => {
		const w = weightingOf(tx, wardId, 'ahp');
		if (!w) return false;
		markInUse(tx, wardId, w.id);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'weighting',
			entityId: w.id,
			action: 'update',
			after: { method: 'ahp' }
		});
		return true;
	});
}
