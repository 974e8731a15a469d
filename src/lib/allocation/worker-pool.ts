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
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
	highsWorkerMain,
	runHighsJob,
	type HighsJob,
	type RawOutcome,
	type WorkerReply
} from './highs-job';

/** Upper bound on the pool size (solves beyond it queue). */
export const MAX_WORKERS = 2;

interface Pending {
	job: HighsJob;
	deadlineMs: number;
	resolve: (outcome: RawOutcome) => void;
	reject: (error: Error) => void;
}

interface Slot {
	worker: Worker | null;
	/** The job running on this slot's worker, if any. */
	current: (Pending & { id: number; timer: ReturnType<typeof setTimeout> }) | null;
}

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

const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

/** Number of worker threads the pool runs at most (one per CPU, at most MAX_WORKERS). */
export function workerCount(): number {
	return poolSize();
}

function poolSize(): number {
	return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

function startWorker(slot: Slot): Worker {
	const worker = new Worker(workerSource(), { eval: true });
	worker.unref();
	worker.on('message', (reply: WorkerReply) => {
		const cur = slot.current;
		if (!cur || cur.id !== reply.id) return;
		finish(slot);
		if ('outcome' in reply) cur.resolve(reply.outcome);
		else {
			// HiGHS threw: its wasm instance may be in a bad state, so this worker is replaced.
			discard(slot);
			cur.reject(new Error(reply.error));
		}
		dispatch();
	});
	const fail = (error: Error) => {
		if (slot.worker !== worker) return;
		const cur = slot.current;
		slot.worker = null;
		if (cur) {
			finish(slot);
			cur.reject(error);
		}
		dispatch();
	};
	worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
	worker.on('exit', (code) => fail(new Error(`the solver worker stopped (exit code ${code})`)));
	return worker;
}

/** Clears the slot's job; an idle worker no longer keeps the process alive. */
function finish(slot: Slot): void {
	if (slot.current) clearTimeout(slot.current.timer);
	slot.current = null;
	slot.worker?.unref();
}

/** Terminates the slot's worker (a new one is started for the next job). */
function discard(slot: Slot): void {
	const worker = slot.worker;
	slot.worker = null;
	if (worker) void worker.terminate();
}

function dispatch(): void {
	while (queue.length > 0) {
		let slot = slots.find((s) => s.current === null);
		if (!slot && slots.length < poolSize()) {
			slot = { worker: null, current: null };
			slots.push(slot);
		}
		if (!slot) return;
		const pending = queue.shift()!;
		let worker: Worker;
		try {
			worker = slot.worker ?? startWorker(slot);
		} catch (e) {
			pending.reject(e instanceof Error ? e : new Error(String(e)));
			continue;
		}
		slot.worker = worker;
		const id = nextId++;
		const timer = setTimeout(() => {
			const cur = slot.current;
			if (!cur || cur.id !== id) return;
			finish(slot);
			discard(slot);
			cur.reject(new Error(`HiGHS did not stop within ${Math.round(pending.deadlineMs / 1000)} s`));
			dispatch();
		}, pending.deadlineMs);
		timer.unref();
		slot.current = { ...pending, id, timer };
		worker.ref();
		const transfer = pending.job.start ? [pending.job.start.buffer as ArrayBuffer] : [];
		worker.postMessage({ id, job: pending.job }, transfer);
	}
}

/**
 * Runs the job on a pooled worker thread. Rejects when HiGHS throws, when the worker dies, or
 * when no answer came within `deadlineMs` (the worker is then terminated). The job's `start`
 * buffer is transferred to the worker (unusable afterwards in the caller).
 */
export function runInWorker(job: HighsJob, deadlineMs: number): Promise<RawOutcome> {
	return new Promise((resolve, reject) => {
		queue.push({ job, deadlineMs, resolve, reject });
		dispatch();
	});
}

/** Terminates every solver worker (jobs in flight are rejected); the pool restarts on demand. */
export async function stopWorkers(): Promise<void> {
	const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
	await Promise.all(workers.map((w) => w.terminate()));
}
