/**
 * Named scoring runs: computed, stored with their audit row (the SHA-256 of the record), listed,
 * read and deleted; the latest run's scores for the sites map.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import {
	analyse,
	runRecord,
	smaaFor,
	SMAA_SAMPLES,
	type Decision,
	type ScoringMethod,
	type ScoringRun,
	type ScoringRunResult
} from '../../scoring';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { scoringRuns, users } from '../db/schema';
import { buildDecision, runAhpInfo } from './decision';
import { ScoringError } from './errors';

/** The record kept for the proposal packet (inputs, weights and who set them, every result). */
export function runResult(
	db: DbLike,
	wardId: number,
	decision: Decision,
	method: ScoringMethod
): ScoringRunResult {
	return runRecord(
		decision,
		method,
		analyse(decision, method),
		smaaFor(decision, SMAA_SAMPLES),
		runAhpInfo(db, wardId, decision)
	);
}

/** A run's row as stored (without its record). */
export interface StoredRun {
	id: number;
	name: string;
	method: string;
	createdAt: number;
	createdBy: string | null;
}

/**
 * Stores a run's record (its JSON text, computed beforehand: see ./scoring-worker) as a named,
 * dated run with its audit row (the record's SHA-256), in one transaction.
 */
export function insertScoringRun(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; method: ScoringMethod },
	text: { json: string; sha256: string }
): StoredRun {
	return db.transaction((tx) => {
		const row = tx
			.insert(scoringRuns)
			.values({
				wardId,
				name: input.name,
				method: input.method,
				resultJson: text.json,
				createdBy: actor.userId
			})
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scoring-run',
			entityId: row.id,
			action: 'create',
			after: { id: row.id, name: row.name, method: row.method, sha256: text.sha256 }
		});
		return {
			id: row.id,
			name: row.name,
			method: row.method,
			createdAt: row.createdAt,
			createdBy: actor.username
		};
	});
}

/**
 * Computes everything (10,000-sample SMAA included) on the calling thread and stores it as a
 * named, dated run (seeds, scripts and tests; the page saves with `saveScoringRunOffThread`).
 */
export function saveScoringRun(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; method: ScoringMethod }
): ScoringRun {
	const decision = buildDecision(db, wardId);
	const json = JSON.stringify(runResult(db, wardId, decision, input.method));
	const sha256 = createHash('sha256').update(json).digest('hex');
	const row = insertScoringRun(db, actor, wardId, input, { json, sha256 });
	return { ...row, result: JSON.parse(json) as ScoringRunResult };
}

export function listScoringRuns(db: DbLike, wardId: number) {
	return db
		.select({
			id: scoringRuns.id,
			name: scoringRuns.name,
			method: scoringRuns.method,
			createdAt: scoringRuns.createdAt,
			createdBy: users.displayName
		})
		.from(scoringRuns)
		.leftJoin(users, eq(users.id, scoringRuns.createdBy))
		.where(eq(scoringRuns.wardId, wardId))
		.orderBy(desc(scoringRuns.createdAt), desc(scoringRuns.id))
		.all();
}

/**
 * What names a stored run without reading its result: its creation time and its author's
 * current name; undefined when it is not the ward's. A run is never edited, so its id and
 * creation time identify its content (see runViewOf).
 */
export function scoringRunStamp(db: DbLike, wardId: number, id: number) {
	return db
		.select({ createdAt: scoringRuns.createdAt, createdBy: users.displayName })
		.from(scoringRuns)
		.leftJoin(users, eq(users.id, scoringRuns.createdBy))
		.where(and(eq(scoringRuns.id, id), eq(scoringRuns.wardId, wardId)))
		.get();
}

/** A run of the ward, or undefined (another ward's run is never found). */
export function getScoringRun(db: DbLike, wardId: number, id: number): ScoringRun | undefined {
	const row = db
		.select({ r: scoringRuns, createdBy: users.displayName })
		.from(scoringRuns)
		.leftJoin(users, eq(users.id, scoringRuns.createdBy))
		.where(and(eq(scoringRuns.id, id), eq(scoringRuns.wardId, wardId)))
		.get();
	if (!row) return undefined;
	return {
		id: row.r.id,
		name: row.r.name,
		method: row.r.method,
		createdAt: row.r.createdAt,
		createdBy: row.createdBy,
		result: JSON.parse(row.r.resultJson) as ScoringRunResult
	};
}

export function deleteScoringRun(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const before = tx
			.select({ id: scoringRuns.id, name: scoringRuns.name, method: scoringRuns.method })
			.from(scoringRuns)
			.where(and(eq(scoringRuns.id, id), eq(scoringRuns.wardId, wardId)))
			.get();
		if (!before) throw new ScoringError('not-found');
		tx.delete(scoringRuns).where(eq(scoringRuns.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scoring-run',
			entityId: id,
			action: 'delete',
			before
		});
	});
}

/** Scores of the latest run by site id, scaled to 0-1 for colouring a map (empty if none). */
export function latestRunScores(db: DbLike, wardId: number): Map<number, number> {
	const last = listScoringRuns(db, wardId)[0];
	if (!last) return new Map();
	const run = getScoringRun(db, wardId, last.id);
	if (!run) return new Map();
	const rows = run.result.results[run.result.method] ?? [];
	const ids = new Map(run.result.sites.map((s) => [s.code, s.id]));
	const scores = rows.map((r) => r.score);
	const lo = Math.min(...scores);
	const hi = Math.max(...scores);
	return new Map(
		rows.map((r) => [ids.get(r.code) ?? -1, hi > lo ? (r.score - lo) / (hi - lo) : 1])
	);
}
