/**
 * AHP judgements of the ward: each participant's pairwise comparisons of the active criteria,
 * their consistency and agreement, and the group weights (AHP of the geometric mean of every
 * participant's matrix). Saving a participant's judgements puts the AHP weights in use.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
	aggregateJudgments,
	ahp,
	groupConsensus,
	mostInconsistentJudgment,
	pairDisagreement,
	type InconsistentJudgment,
	type PairDisagreement
} from '../../mcda';
import { remapMatrix } from '../../scoring';
import { formatSaaty } from '../../schemas/sites';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { judgments, weightings } from '../db/schema';
import { ScoringError } from './errors';
import { checkVersion, ConflictError, versionedUpdate } from '../core/concurrency';
import { markInUse, weightingOf } from './weightings';

export interface ParticipantState {
	id: number;
	participant: string;
	userId: number | null;
	matrix: number[][];
	weights: number[];
	cr: number;
	inconsistent: InconsistentJudgment | null;
	distanceToGroup: number | null;
	kendallTauToGroup: number | null;
	updatedAt: number;
	/** The row's version: a form of these answers sends it back (see saveJudgments). */
	version: number;
}

export interface AhpState {
	weightingId: number | null;
	keys: string[];
	participants: ParticipantState[];
	group: { weights: number[]; cr: number; matrix: number[][] } | null;
	/** Consensus measures: null with fewer than two participants (nothing to agree on). */
	meanKendallTau: number | null;
	meanDistance: number | null;
	/** Pairs sorted by how far apart the participants are (two or more participants). */
	disagreement: PairDisagreement[];
}

/** The AHP judgements of the ward for the given criteria, each member's CR and agreement. */
export function ahpState(db: DbLike, wardId: number, keys: string[]): AhpState {
	const w = weightingOf(db, wardId, 'ahp');
	const empty: AhpState = {
		weightingId: w?.id ?? null,
		keys,
		participants: [],
		group: null,
		meanKendallTau: null,
		meanDistance: null,
		disagreement: []
	};
	if (!w || keys.length < 2) return empty;
	const rows = db
		.select()
		.from(judgments)
		.where(eq(judgments.weightingId, w.id))
		.orderBy(asc(judgments.id))
		.all();
	if (rows.length === 0) return empty;
	const mats = rows.map((r) => remapMatrix(JSON.parse(r.matrixJson), keys));
	const consensus = groupConsensus(mats);
	const several = rows.length > 1;
	return {
		weightingId: w.id,
		keys,
		participants: rows.map((r, k) => ({
			id: r.id,
			participant: r.participant,
			userId: r.userId,
			matrix: mats[k],
			weights: consensus.members[k].weights,
			cr: consensus.members[k].cr,
			inconsistent: keys.length > 2 ? mostInconsistentJudgment(mats[k]) : null,
			distanceToGroup: several ? consensus.members[k].distanceToGroup : null,
			kendallTauToGroup: several ? consensus.members[k].kendallTauToGroup : null,
			updatedAt: r.updatedAt,
			version: r.version
		})),
		group: {
			weights: consensus.group.weights,
			cr: consensus.group.cr,
			matrix: aggregateJudgments(mats)
		},
		meanKendallTau: several ? consensus.meanKendallTau : null,
		meanDistance: several ? consensus.meanDistance : null,
		disagreement: several ? pairDisagreement(mats) : []
	};
}

/**
 * Who answers a set of AHP comparisons: a signed-in member answering for themself (`userId`),
 * or a named person without an account (an invitation link, or an editor typing a paper form in).
 */
export interface Judge {
	participant: string;
	userId: number | null;
}

/**
 * Saves one participant's judgements (a reciprocal matrix over `keys`), recomputes the group
 * weights (geometric mean of every participant) and puts the AHP weights in use. A CR above
 * 0.10 is returned as a warning; the judgements are saved anyway.
 *
 * A member's own answers are found by their account; a person without an account by name. A
 * name that belongs to a member's own answers cannot be overwritten by someone else
 * (`ScoringError('name-taken')`). A plain string is a person without an account.
 *
 * `expectedVersion` is the version of the participant's answers the form was loaded with (0:
 * there were none); when they changed (or were created, or deleted) since, the save is refused
 * with a ConflictError and nothing is written. null or undefined: not checked (invitation
 * links, which are answered once).
 */
export function saveJudgments(
	db: Db,
	actor: Actor,
	wardId: number,
	who: string | Judge,
	keys: string[],
	matrix: number[][],
	expectedVersion?: number | null
): { cr: number; inconsistent: InconsistentJudgment | null } {
	return db.transaction((tx) =>
		writeJudgments(tx, actor, wardId, who, keys, matrix, expectedVersion)
	);
}

/** {@link saveJudgments} inside the caller's transaction. */
export function writeJudgments(
	tx: DbLike,
	actor: Actor,
	wardId: number,
	who: string | Judge,
	keys: string[],
	matrix: number[][],
	expectedVersion?: number | null
): { cr: number; inconsistent: InconsistentJudgment | null } {
	const judge: Judge = typeof who === 'string' ? { participant: who, userId: null } : who;
	const participant = judge.participant;
	const own = ahp(matrix);

	let w = weightingOf(tx, wardId, 'ahp');
	if (!w) {
		w = tx
			.insert(weightings)
			.values({
				wardId,
				name: 'AHP',
				method: 'ahp',
				weightsJson: '{}',
				createdBy: actor.userId
			})
			.returning()
			.get();
	}
	const byName = tx
		.select()
		.from(judgments)
		.where(and(eq(judgments.weightingId, w.id), eq(judgments.participant, participant)))
		.get();
	const before =
		judge.userId === null
			? byName
			: tx
					.select()
					.from(judgments)
					.where(and(eq(judgments.weightingId, w.id), eq(judgments.userId, judge.userId)))
					.get();
	// Someone else's answers under the same name are never overwritten.
	if (byName && byName.id !== before?.id) throw new ScoringError('name-taken');
	if (before && judge.userId === null && before.userId !== null) {
		throw new ScoringError('name-taken');
	}
	if (before) checkVersion('judgment', before, expectedVersion);
	else if (expectedVersion) throw new ConflictError('judgment', 0, expectedVersion, null);
	const matrixJson = JSON.stringify({ keys, matrix });
	let jid: number;
	if (before) {
		versionedUpdate(tx, judgments, 'judgment', before.id, expectedVersion, {
			matrixJson,
			participant,
			userId: judge.userId,
			updatedAt: Date.now()
		});
		jid = before.id;
	} else {
		jid = tx
			.insert(judgments)
			.values({ weightingId: w.id, participant, userId: judge.userId, matrixJson })
			.returning()
			.get().id;
	}
	const state = ahpState(tx, wardId, keys);
	const weights = state.group
		? Object.fromEntries(keys.map((k, i) => [k, state.group!.weights[i]]))
		: {};
	tx.update(weightings)
		.set({ weightsJson: JSON.stringify(weights), updatedAt: Date.now() })
		.where(eq(weightings.id, w.id))
		.run();
	markInUse(tx, wardId, w.id);
	writeAudit(tx, {
		actor,
		wardId,
		entity: 'judgment',
		entityId: jid,
		action: before ? 'update' : 'create',
		before: before ? JSON.parse(before.matrixJson) : undefined,
		after: { participant, keys, matrix, cr: own.cr, groupWeights: weights }
	});
	return { cr: own.cr, inconsistent: keys.length > 2 ? mostInconsistentJudgment(matrix) : null };
}

/**
 * Deletes one participant's answers. `expectedVersion` is the version of the answers the page
 * showed when the delete was asked: answers changed since are not deleted (ConflictError with
 * the stored row; nothing written). null or undefined: not checked.
 */
export function deleteJudgment(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const row = tx
			.select({ j: judgments })
			.from(judgments)
			.innerJoin(weightings, eq(weightings.id, judgments.weightingId))
			.where(and(eq(judgments.id, id), eq(weightings.wardId, wardId)))
			.get();
		if (!row) throw new ScoringError('not-found');
		checkVersion('judgment', row.j, expectedVersion);
		tx.delete(judgments).where(eq(judgments.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'judgment',
			entityId: id,
			action: 'delete',
			before: row.j
		});
	});
}

/**
 * Stored answers as the pairwise form shows them (`participant` and `p:{a}:{b}` Saaty values
 * over `keys`), for the conflict panel's "take theirs".
 */
export function judgmentForm(
	row: Record<string, unknown> | null,
	keys: string[]
): Record<string, string> {
	if (!row) return {};
	let stored: { keys: string[]; matrix: number[][] } = { keys: [], matrix: [] };
	try {
		stored = JSON.parse(String(row.matrixJson)) as typeof stored;
	} catch {
		// unreadable: every pair "equal"
	}
	const m = remapMatrix(stored, keys);
	const out: Record<string, string> = { participant: String(row.participant ?? '') };
	keys.forEach((a, i) =>
		keys.slice(i + 1).forEach((b, k) => (out[`p:${a}:${b}`] = formatSaaty(m[i][i + 1 + k])))
	);
	return out;
}
