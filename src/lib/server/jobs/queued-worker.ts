/**
 * One worker thread of a module (`modulePool`, size 1) behind a fair queue (`FairQueue`): the
 * shape of the server's off-thread reads (staffing board, plan pages, packet assembly). One job
 * runs at a time; at most `queued` wait, `perWard` of one ward (default: no ward's share); a job
 * beyond that is refused at once with `QueueFullError`, nothing queued.
 *
 * A database without a file (in memory: tests, scripts) cannot be opened by a worker, and code
 * already running on the worker must not queue itself: {@link QueuedWorker.onWorker} says where
 * a job goes.
 */
import type { Db } from '../db';
import { databaseFile } from '../db/readonly';
import { modulePool, type ModulePool } from './module-pool';
import { FairQueue } from './queue';

export interface QueuedWorker<I, O> {
	pool: ModulePool<I, O>;
	queue: FairQueue;
	/** Runs `input` on the worker after its turn in the queue (full: rejects at once). */
	run<T extends O>(owner: number, label: string, input: I): Promise<T>;
	/**
	 * The database file a worker can read, or null when the job must run on this thread (no
	 * file, or this is the worker).
	 */
	onWorker(db: Db): string | null;
}

export function queuedWorker<I, O>(
	moduleUrl: string,
	tag: string,
	work: (input: I) => O | Promise<O>,
	options: { deadlineMs: number; queued: number; perWard?: number }
): QueuedWorker<I, O> {
	const pool = modulePool<I, O>(moduleUrl, tag, work, {
		size: 1,
		deadlineMs: options.deadlineMs
	});
	const queue = new FairQueue({
		running: 1,
		queued: options.queued,
		perWard: options.perWard ?? Infinity
	});
	let nextJob = 1;
	return {
		pool,
		queue,
		run: <T extends O>(owner: number, label: string, input: I) =>
			queue.submit(owner, `${label}:${nextJob++}`, () => pool.run(input)).promise as Promise<T>,
		onWorker: (db) => (pool.inWorker ? null : databaseFile(db))
	};
}
