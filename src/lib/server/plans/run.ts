/**
 * Solving a scenario: through the server's fair solver queue, on a solver worker thread, with
 * the result stored only when the inputs did not change meanwhile.
 */
import { and, eq } from 'drizzle-orm';
import type { AllocationWeights } from '../../allocation/types';
import type { Actor } from '../audit';
import { revision } from '../core/cache';
import type { Db } from '../db';
import { scenarios } from '../db/schema';
import { AllocationInputError } from '../../allocation/types';
import { translate, type Locale } from '../../i18n';
import { QueueFullError, queueFullMessage, solverQueue, type Job } from '../jobs';
import { PlansError } from './errors';
import { buildInstance, inputFingerprint } from './instance';
import { createScenario, saveScenario, scenarioRow } from './scenarios';
import { defaultSettings, fullWeights, settingsOf } from './settings';
import { solveWardOffThread } from './solve-pool';

/**
 * Solves a scenario with its settings against today's inventory and stores the plan (see
 * {@link saveScenario}); the previous plan and manual edits are replaced.
 *
 * HiGHS works on a worker thread, so other requests are served meanwhile. If one of them changed
 * what the instance is built from, the plan answers an outdated question: it is not stored and
 * `PlansError('stale')` is thrown. The comparison and the write run synchronously.
 *
 * Example: `await solveScenario(db, actor, wardId, id, { timeLimitS: 10 })` seats the 119
 * people of the sample ward Bình Trưng with its default settings.
 */
export async function solveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Promise<number> {
	return queueSolve(db, actor, wardId, id, input).promise;
}

/** The solver queue's key of a scenario's solve. */
export const solveJobKey = (wardId: number, id: number) => `solve:${wardId}:${id}`;

/**
 * Puts the scenario's solve in the server's fair solver queue (`jobs/queue.ts`) and returns the
 * job at once: running (the caller may await it) or waiting (the caller answers "busy, position
 * N"; the plan is stored when its turn comes). Asking again while it waits or runs joins the same
 * job. Throws `PlansError('not-found')` at once for an unknown scenario and `QueueFullError` when
 * the queue is full (nothing is queued then). The inventory is read when the job starts.
 */
export function queueSolve(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Job<number> {
	scenarioRow(db, wardId, id);
	return solverQueue.submit(wardId, solveJobKey(wardId, id), () =>
		solveNow(db, actor, wardId, id, input)
	);
}

async function solveNow(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { timeLimitS: number }
): Promise<number> {
	const row = scenarioRow(db, wardId, id);
	const settings = settingsOf(db, wardId, row);
	const before = revision(db);
	// Built from today's inventory, solved (model, heuristic, HiGHS) and prepared for storing on a
	// solver worker thread.
	const solved = await solveWardOffThread(db, wardId, settings, { timeLimitS: input.timeLimitS });
	const again = scenarioRow(db, wardId, id);
	// Nothing written since the solve began: the inputs are those solved. Otherwise today's
	// instance is built again and compared (this thread, then the write, with nothing between).
	if (
		again.settingsJson !== row.settingsJson ||
		(revision(db) !== before &&
			inputFingerprint(buildInstance(db, wardId, settings)) !== solved.instance.inputHash)
	) {
		throw new PlansError('stale');
	}
	return saveScenario(db, actor, wardId, row.name, solved.instance, solved.result, id);
}

/**
 * Creates a scenario with the ward's default settings and the given weights, and solves it
 * (the list page's "Giải" and older callers). Returns the new scenario's id; on a stale solve
 * the draft is removed again.
 */
export async function solveNewScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; weights: AllocationWeights; timeLimitS: number }
): Promise<number> {
	const settings = { ...defaultSettings(db, wardId), weights: fullWeights(input.weights) };
	const id = createScenario(db, actor, wardId, input.name, settings);
	try {
		return await solveScenario(db, actor, wardId, id, { timeLimitS: input.timeLimitS });
	} catch (e) {
		db.delete(scenarios).where(eq(scenarios.id, id)).run();
		throw e;
	}
}

/**
 * Like {@link solveNewScenario} but without waiting for a solver slot: creates the scenario and
 * queues its solve (see {@link queueSolve}). When the queue is full nothing is created and
 * `QueueFullError` is thrown. A solve that fails leaves the scenario as an unsolved draft.
 */
export function queueNewScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; weights: AllocationWeights; timeLimitS: number }
): { id: number; job: Job<number> } {
	const settings = { ...defaultSettings(db, wardId), weights: fullWeights(input.weights) };
	// Refuse before creating anything (no await between this check and the submit below).
	solverQueue.assertRoom(wardId);
	const id = createScenario(db, actor, wardId, input.name, settings);
	return { id, job: queueSolve(db, actor, wardId, id, { timeLimitS: input.timeLimitS }) };
}

/**
 * Removes a scenario created by {@link queueNewScenario} whose solve failed while its creator
 * waited for it (as {@link solveNewScenario} does); a scenario solved meanwhile is kept.
 */
export function discardUnsolved(db: Db, wardId: number, id: number): void {
	db.delete(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId), eq(scenarios.status, 'draft')))
		.run();
}

/**
 * What a page says when a solve could not be queued or failed: the queue is full (503, its
 * refusal), the inputs changed during the solve (409), the instance is malformed (400); null
 * for any other error (a bug: the route rethrows it).
 */
export function solveRefusal(
	e: unknown,
	locale: Locale
): { status: number; message: string } | null {
	if (e instanceof QueueFullError) return { status: 503, message: queueFullMessage(e, locale) };
	if (e instanceof PlansError && e.code === 'stale') {
		return { status: 409, message: translate(locale, 'plans.solve.stale') };
	}
	if (e instanceof AllocationInputError) {
		return {
			status: 400,
			message: translate(locale, 'plans.solve.inputError', { message: e.message })
		};
	}
	return null;
}
