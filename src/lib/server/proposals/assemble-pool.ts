/**
 * Assembling the packet off the server's thread (issue 16): gathering the ward's data (needs,
 * justification, the scoring run or a live decision, sites, staffing …) takes 100-250 ms on a
 * ward of 5,000 rooms and 200 sites, so a worker thread of this module's pool opens the same
 * database file (read-only use, no migrations) and runs `assemble` there; the server's thread
 * only receives the snapshot. An in-memory database (tests, scripts) has no file a worker could
 * open: it is assembled on the calling thread, as before.
 */
import type { PacketDraft, PacketSnapshot } from '../../packet';
import { openDatabase, type Db } from '../db';
import { modulePool, WorkerJobError } from '../jobs/module-pool';
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

/** The worker's own connection per database file (opened on first use). */
const connections = new Map<string, Db>();

function assembleIn(req: AssembleRequest): PacketSnapshot {
	let db = connections.get(req.file);
	if (!db) {
		db = openDatabase(req.file, { migrate: false });
		connections.set(req.file, db);
	}
	return assemble(db, req.wardId, req.draft, new Date(req.at));
}

const pool = modulePool(import.meta.url, 'trusoAssemble', assembleIn, {
	size: 1,
	deadlineMs: ASSEMBLE_DEADLINE_MS
});

/** The database file behind a handle, or null for an in-memory one. */
function fileOf(db: Db): string | null {
	const name = (db as { $client?: { name?: string; memory?: boolean } }).$client;
	if (!name || name.memory || !name.name || name.name === ':memory:') return null;
	return name.name;
}

/**
 * The packet of the ward now with the draft (as {@link assemble}), assembled on the pool's worker
 * thread when the database is a file; errors (e.g. ProposalError not-found) come back as
 * `WorkerJobError` with the original name and code, rebuilt here as the caller expects.
 */
export async function assembleOffThread(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	at = new Date()
): Promise<PacketSnapshot> {
	const file = fileOf(db);
	if (file === null || pool.inWorker) return assemble(db, wardId, draft, at);
	try {
		return await pool.run({ file, wardId, draft, at: at.getTime() });
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
	return pool.stop();
}
