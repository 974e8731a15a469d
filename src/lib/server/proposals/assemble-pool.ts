/**
 * Assembling the packet off the server's thread (issue 16): gathering the ward's data (needs,
 * justification, the scoring run or a live decision, sites, staffing …) takes 100-250 ms on a
 * ward of 5,000 rooms and 200 sites, so a worker thread of this module's pool opens the same
 * database file read-only (reopened after a restore replaced it, see `../db/readonly`) and runs
 * `assemble` there; the server's thread only receives the snapshot. An in-memory database
 * (tests, scripts) has no file a worker could open: it is assembled on the calling thread.
 *
 * Assemblies wait their turn in a bounded, fair queue ({@link assembleQueue}: one runs, at most
 * 32 wait, 4 per ward, wards served round-robin); one beyond a cap is refused at once with
 * `QueueFullError` (the routes answer 503 "Máy chủ đang bận …", nothing is written).
 */
import type { PacketDraft, PacketSnapshot } from '../../packet';
import type { Db } from '../db';
import { readOnlyDb } from '../db/readonly';
import { MAX_QUEUED, MAX_QUEUED_PER_WARD } from '../jobs';
import { WorkerJobError } from '../jobs/module-pool';
import { queuedWorker } from '../jobs/queued-worker';
import { assemble } from './gathering';
import { ProposalError, type ProposalErrorCode } from './status';

/** An assembly that takes longer is abandoned (its worker terminated). */
export const ASSEMBLE_DEADLINE_MS = 60_000;

interface AssembleRequest {
	file: string;
	wardId: number;
	draft: PacketDraft;
	at: number;
}

function assembleIn(req: AssembleRequest): PacketSnapshot {
	return assemble(readOnlyDb(req.file), req.wardId, req.draft, new Date(req.at));
}

const worker = queuedWorker(import.meta.url, 'trusoAssemble', assembleIn, {
	deadlineMs: ASSEMBLE_DEADLINE_MS,
	queued: MAX_QUEUED,
	perWard: MAX_QUEUED_PER_WARD
});

/** Assemblies waiting for the worker: one runs at a time, fair across wards. */
export const assembleQueue = worker.queue;

/**
 * The packet of the ward now with the draft (as {@link assemble}), assembled on the pool's worker
 * thread when the database is a file, after its turn in {@link assembleQueue} (a full queue
 * throws `QueueFullError` at once); errors (e.g. ProposalError not-found) come back as
 * `WorkerJobError` with the original name and code, rebuilt here as the caller expects.
 */
export async function assembleOffThread(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	at = new Date()
): Promise<PacketSnapshot> {
	const file = worker.onWorker(db);
	if (file === null) return assemble(db, wardId, draft, at);
	try {
		return await worker.run(wardId, 'assemble', { file, wardId, draft, at: at.getTime() });
	} catch (e) {
		// The workflow's refusals keep their class (routes match them).
		if (e instanceof WorkerJobError && e.originalName === 'ProposalError') {
			throw new ProposalError(e.fields.code as ProposalErrorCode);
		}
		throw e;
	}
}

/** Terminates the worker (assemblies in flight are rejected); the pool restarts on demand. */
export function stopAssembleWorkers(): Promise<void> {
	return worker.pool.stop();
}
