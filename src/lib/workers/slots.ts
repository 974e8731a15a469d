/**
 * The bookkeeping of a small pool of worker threads, shared by the HiGHS solver pool
 * (`allocation/worker-pool.ts`) and the module pools of the server (`server/jobs/module-pool.ts`):
 * at most `size` workers (never more than the CPUs), started on first use and kept; jobs beyond
 * them wait in order; each job has a deadline after which its worker is terminated and the job
 * rejected; a worker that dies rejects its job and is replaced on the next one; idle workers do
 * not keep the process alive.
 *
 * What differs between pools is given by the `spec`: how a worker starts, the message a job
 * posts and how a reply reads.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';

/** A worker's answer to job `id`: its output, or an error (`discard`: replace that worker). */
export type SlotReply<O> = { id: number; ok: O } | { id: number; error: Error; discard?: boolean };

export interface WorkerSlotsSpec<J, O> {
	/** Workers at most (at least 1, never more than the CPUs). */
	size: number;
	/** Starts a worker. */
	start(): Worker;
	/** What job `id` posts to the worker, and the buffers it transfers. */
	message(id: number, job: J): { value: unknown; transfer?: ArrayBuffer[] };
	/** Reads a message of the worker. */
	read(message: unknown): SlotReply<O>;
	/** How long the job may take (ms), and the error when it took longer. */
	deadlineMs(job: J): number;
	timeoutError(job: J): Error;
	/** The error of a job whose worker stopped. */
	exitError(code: number): Error;
}

export interface WorkerSlots<J, O> {
	/**
	 * Runs the job on a pooled worker (jobs beyond the pool size wait their turn). When `signal`
	 * aborts, a waiting job leaves the queue and a running one has its worker terminated (a new
	 * worker is started for the next job); either way the job rejects with the signal's reason.
	 */
	run(job: J, signal?: AbortSignal): Promise<O>;
	/** Terminates every worker (jobs in flight are rejected); the pool restarts on demand. */
	stop(): Promise<void>;
	/** Workers the pool runs at most. */
	readonly size: number;
}

interface Pending<J, O> {
	job: J;
	resolve: (output: O) => void;
	reject: (error: Error) => void;
	signal?: AbortSignal;
}

interface Slot<J, O> {
	worker: Worker | null;
	current: (Pending<J, O> & { id: number; timer: ReturnType<typeof setTimeout> }) | null;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

const abortError = (signal: AbortSignal) =>
	signal.reason instanceof Error ? signal.reason : new Error('the job was withdrawn');

export function workerSlots<J, O>(spec: WorkerSlotsSpec<J, O>): WorkerSlots<J, O> {
	const size = Math.max(1, Math.min(spec.size, availableParallelism()));
	const slots: Slot<J, O>[] = [];
	const queue: Pending<J, O>[] = [];
	let nextId = 1;

	/** Clears the slot's job; an idle worker no longer keeps the process alive. */
	const finish = (slot: Slot<J, O>) => {
		if (slot.current) clearTimeout(slot.current.timer);
		slot.current = null;
		slot.worker?.unref();
	};

	/** Terminates the slot's worker (a new one is started for the next job). */
	const discard = (slot: Slot<J, O>) => {
		const worker = slot.worker;
		slot.worker = null;
		if (worker) void worker.terminate();
	};

	const start = (slot: Slot<J, O>): Worker => {
		const worker = spec.start();
		worker.unref();
		worker.on('message', (message: unknown) => {
			const reply = spec.read(message);
			const cur = slot.current;
			if (!cur || cur.id !== reply.id) return;
			finish(slot);
			if ('ok' in reply) cur.resolve(reply.ok);
			else {
				if (reply.discard) discard(slot);
				cur.reject(reply.error);
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
		worker.on('error', (e) => fail(asError(e)));
		worker.on('exit', (code) => fail(spec.exitError(code)));
		return worker;
	};

	const dispatch = () => {
		while (queue.length > 0) {
			let slot = slots.find((s) => s.current === null);
			if (!slot && slots.length < size) {
				slot = { worker: null, current: null };
				slots.push(slot);
			}
			if (!slot) return;
			const pending = queue.shift()!;
			let worker: Worker;
			try {
				worker = slot.worker ?? start(slot);
			} catch (e) {
				pending.reject(asError(e));
				continue;
			}
			slot.worker = worker;
			const id = nextId++;
			const s = slot;
			const timer = setTimeout(() => {
				const cur = s.current;
				if (!cur || cur.id !== id) return;
				finish(s);
				discard(s);
				cur.reject(spec.timeoutError(cur.job));
				dispatch();
			}, spec.deadlineMs(pending.job));
			timer.unref();
			slot.current = { ...pending, id, timer };
			worker.ref();
			const { value, transfer = [] } = spec.message(id, pending.job);
			worker.postMessage(value, transfer);
		}
	};

	/** Withdraws an aborted job: from the queue, or from its worker, which is terminated. */
	const abort = (pending: Pending<J, O>) => {
		const error = abortError(pending.signal!);
		const queued = queue.indexOf(pending);
		if (queued >= 0) {
			queue.splice(queued, 1);
			pending.reject(error);
			return;
		}
		const slot = slots.find((s) => s.current?.resolve === pending.resolve);
		if (!slot) return; // already answered
		finish(slot);
		discard(slot);
		pending.reject(error);
		dispatch();
	};

	return {
		size,
		run(job, signal) {
			return new Promise<O>((resolve, reject) => {
				if (signal?.aborted) return reject(abortError(signal));
				const pending: Pending<J, O> = { job, resolve, reject, signal };
				signal?.addEventListener('abort', () => abort(pending), { once: true });
				queue.push(pending);
				dispatch();
			});
		},
		async stop() {
			const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}
