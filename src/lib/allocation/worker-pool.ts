/**
 * Worker threads for HiGHS, so that a solve (seconds, up to the time limit) never blocks the
 * calling thread: in the web server every other request keeps being answered meanwhile.
 *
 * A small pool (one worker per CPU, at most {@link MAX_WORKERS}) is created on first use and
 * kept, since a worker's first solve is slower while V8 optimises the HiGHS WebAssembly code.
 * Solves beyond the pool size wait their turn. Idle workers do not keep the process alive.
 * A worker whose HiGHS threw, or that exceeded its deadline, is terminated and replaced.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerSlots, type SlotReply } from '../workers/slots';
import {
	highsWorkerMain,
	runHighsJob,
	type HighsJob,
	type RawOutcome,
	type WorkerReply
} from './highs-job';

/** Upper bound on the pool size (solves beyond it queue). */
export const MAX_WORKERS = 2;

let source: string | null = null;

/**
 * Source of a worker: the closure-free functions of `./highs-job.ts` plus the resolved path of
 * the `highs` package (resolved from this module, so it works from `src/` and from the build).
 * `__name` is defined because some TypeScript transpilers (tsx, with keepNames) wrap nested
 * functions in `__name(fn, "name")` calls.
 */
function workerSource(): string {
	source ??= [
		"'use strict';",
		'var __name = (fn) => fn;',
		`const runHighsJob = (${runHighsJob.toString()});`,
		`(${highsWorkerMain.toString()})(require('node:worker_threads'), require(${JSON.stringify(
			createRequire(import.meta.url).resolve('highs')
		)}), runHighsJob);`
	].join('\n');
	return source;
}

interface Solve {
	job: HighsJob;
	deadlineMs: number;
}

/** The queue and worker bookkeeping are the server's module pools' (`workers/slots.ts`). */
const pool = workerSlots<Solve, RawOutcome>({
	size: MAX_WORKERS,
	start: () => new Worker(workerSource(), { eval: true }),
	message: (id, { job }) => ({
		value: { id, job },
		transfer: job.start ? [job.start.buffer as ArrayBuffer] : []
	}),
	read: (message): SlotReply<RawOutcome> => {
		const reply = message as WorkerReply;
		if ('outcome' in reply) return { id: reply.id, ok: reply.outcome };
		// HiGHS threw: its wasm instance may be in a bad state, so this worker is replaced.
		return { id: reply.id, error: new Error(reply.error), discard: true };
	},
	deadlineMs: (solve) => solve.deadlineMs,
	timeoutError: (solve) =>
		new Error(`HiGHS did not stop within ${Math.round(solve.deadlineMs / 1000)} s`),
	exitError: (code) => new Error(`the solver worker stopped (exit code ${code})`)
});

/** Number of worker threads the pool runs at most (one per CPU, at most MAX_WORKERS). */
export function workerCount(): number {
	return pool.size;
}

/**
 * Runs the job on a pooled worker thread. Rejects when HiGHS throws, when the worker dies, or
 * when no answer came within `deadlineMs` (the worker is then terminated). The job's `start`
 * buffer is transferred to the worker (unusable afterwards in the caller).
 */
export function runInWorker(job: HighsJob, deadlineMs: number): Promise<RawOutcome> {
	return pool.run({ job, deadlineMs });
}

/** Terminates every solver worker (jobs in flight are rejected); the pool restarts on demand. */
export function stopWorkers(): Promise<void> {
	return pool.stop();
}
