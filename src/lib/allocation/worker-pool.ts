/**
 * Worker threads for HiGHS, so that a solve (seconds, up to the time limit) never blocks the
 * calling thread: in the web server every other request keeps being answered meanwhile.
 *
 * A small pool (one worker per CPU, at most {@link MAX_WORKERS}) is created on first use and
 * kept, since a worker's first solve is slower while V8 optimises the HiGHS WebAssembly code.
 * Solves beyond the pool size wait their turn. Idle workers do not keep the process alive.
 * A worker whose HiGHS threw, that exceeded its deadline, or whose solve was withdrawn (a race
 * already won) is terminated and replaced.
 *
 * The HiGHS WebAssembly is compiled once, on this thread and asynchronously, and every worker
 * instantiates that compiled module (the loader's `wasmModule`): V8 shares its machine code,
 * including the optimised code of solves already run, so a replacement worker starts in
 * milliseconds and its first solve is as fast as the next ones (a worker compiling its own copy
 * took about 2 s more for its first small ward).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** The path of the `highs` package's loader (resolved from this module: `src/` and the build). */
const highsPath = () => createRequire(import.meta.url).resolve('highs');

let compiling: Promise<WebAssembly.Module | null> | null = null;
/** The compiled module once `compiledHighs` has settled (null: workers compile their own). */
let compiled: WebAssembly.Module | null = null;

/** Compiles `highs.wasm` once; a failure leaves each worker to load it itself. */
function compiledHighs(): Promise<WebAssembly.Module | null> {
	compiling ??= readFile(join(dirname(highsPath()), 'highs.wasm'))
		.then((bytes) => WebAssembly.compile(bytes))
		.then(
			(module) => (compiled = module),
			() => null
		);
	return compiling;
}

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
			highsPath()
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
	start: () => new Worker(workerSource(), { eval: true, workerData: { wasmModule: compiled } }),
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
 * Runs the job on a pooled worker thread. Rejects when HiGHS throws, when the worker dies, when
 * no answer came within `deadlineMs`, or when `signal` aborts (in the last two cases the worker
 * is terminated). The job's `start` buffer is transferred to the worker (unusable afterwards in
 * the caller).
 */
export async function runInWorker(
	job: HighsJob,
	deadlineMs: number,
	signal?: AbortSignal
): Promise<RawOutcome> {
	await compiledHighs();
	return pool.run({ job, deadlineMs }, signal);
}

/** Terminates every solver worker (jobs in flight are rejected); the pool restarts on demand. */
export function stopWorkers(): Promise<void> {
	return pool.stop();
}
