/**
 * Saving a scoring run from the results page without holding the server's thread: the record
 * (decision, analysis, the 10,000-sample SMAA, the AHP session, its JSON text and SHA-256) is
 * computed on a worker thread; the server's thread inserts the row and its audit row.
 */
import { SMAA_SAMPLES, type ScoringMethod } from '../../scoring';
import type { Actor } from '../audit';
import type { Db } from '../db';
import { buildDecision } from './decision';
import { insertScoringRun, type StoredRun } from './runs';
import {
	analyseOffThread,
	databaseFile,
	runText,
	runTextOffThread,
	smaaOffThread
} from './scoring-worker';

/** Computes a run off the server's thread and stores it (see the module comment). */
export async function saveScoringRunOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	input: { name: string; method: ScoringMethod }
): Promise<StoredRun> {
	if (databaseFile(db)) {
		return insertScoringRun(
			db,
			actor,
			wardId,
			input,
			await runTextOffThread(db, wardId, input.method)
		);
	}
	// An in-memory database (tests): the SMAA and the analysis on a worker first, so
	// the record computed here finds them cached.
	const decision = buildDecision(db, wardId);
	await smaaOffThread(decision, SMAA_SAMPLES);
	await analyseOffThread(decision, input.method);
	return insertScoringRun(db, actor, wardId, input, runText(db, wardId, input.method));
}
