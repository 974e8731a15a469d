/**
 * A small pool of worker threads that run one function of a module: the worker imports the
 * module itself (by its `import.meta.url`) and, seeing it was started for that pool, serves the
 * requests instead of starting a pool of its own.
 *
 * How the worker finds the code follows `allocation/worker-pool.ts`: an inline (eval) bootstrap
 * imports a URL resolved in the calling module, so it works in the three places the server runs:
 * under Vite's dev server and Vitest the URL is the TypeScript source (loaded through tsx's ESM
 * API, as the scripts are); in the adapter-node build it is the built chunk (plain JavaScript).
 *
 * Usage (in `x.ts`):
 * ```ts
 * export const pool = modulePool(import.meta.url, 'trusoX', (req: Req) => work(req));
 * await pool.run(req); // on a worker thread; `work` runs there, never on the server's thread
 * ```
 * Errors thrown by the function reach the caller as `WorkerJobError` with the original name,
 * message and own enumerable fields (e.g. an IoError's `key` and `params`) for the caller to
 * rebuild its own error class.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** An error thrown on the worker: name, message and the error's own fields. */
export class WorkerJobError extends Error {
	constructor(
		message: string,
		public readonly originalName: string,
		public readonly fields: Record<string, unknown>
	) {
		super(message);
		this.name = 'WorkerJobError';
	}
}

type Reply<O> =
	| { id: number; ok: O }
	| { id: number; error: { name: string; message: string; fields: Record<string, unknown> } };

export interface ModulePool<I, O> {
	/** Runs the function on a pooled worker thread (requests beyond the pool size wait). */
	run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
	/** Terminates the workers (requests in flight are rejected); the pool restarts on demand. */
	stop(): Promise<void>;
	/** True on a worker thread of this pool (the function should run here directly). */
	readonly inWorker: boolean;
}

export interface ModulePoolOptions<O> {
	/** Workers at most (default 2, never more than the CPUs). */
	size?: number;
	/** A request that takes longer is abandoned and its worker terminated (default 5 minutes). */
	deadlineMs?: number;
	/** Buffers of the result to transfer instead of copying. */
	transferOut?: (output: O) => ArrayBuffer[];
	/** V8 heap limit of each worker (MB). */
	maxHeapMb?: number;
}

const BOOTSTRAP = [
	"'use strict';",
	"const { workerData } = require('node:worker_threads');",
	'(async () => {',
	'\tif (workerData.tsx) (await import(workerData.tsx)).register();',
	'\tawait import(workerData.url);',
	'})();'
].join('\n');

/** tsx's ESM API (its `import` export), from the package folder, for a TypeScript source. */
function tsxApi(from: string): string | null {
	if (!/\.ts($|\?)/.test(from)) return null;
	const pkg = createRequire(from).resolve('tsx/package.json');
	return pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

function serialise(e: unknown): { name: string; message: string; fields: Record<string, unknown> } {
	if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
	const fields: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(e)) {
		try {
			structuredClone(v);
			fields[k] = v;
		} catch {
			// not transferable: left out
		}
	}
	return { name: e.name, message: e.message, fields: { ...fields, stack: e.stack } };
}

/**
 * Declares the pool of the module at `moduleUrl` (pass `import.meta.url`) running `fn`; `tag`
 * names the pool (unique per module). Called at the module's top level.
 */
export function modulePool<I, O>(
	moduleUrl: string,
	tag: string,
	fn: (input: I) => O | Promise<O>,
	options: ModulePoolOptions<O> = {}
): ModulePool<I, O> {
	const inWorker = !isMainThread && (workerData as Record<string, unknown> | null)?.poolTag === tag;
	if (inWorker) {
		const port = parentPort!;
		// `answer` never rejects: every failure becomes an error reply.
		const answer = async ({ id, input }: { id: number; input: I }) => {
			try {
				const ok = await fn(input);
				port.postMessage({ id, ok } satisfies Reply<O>, options.transferOut?.(ok) ?? []);
			} catch (e) {
				port.postMessage({ id, error: serialise(e) } satisfies Reply<O>);
			}
		};
		port.on('message', (message: { id: number; input: I }) => void answer(message));
	}

	interface Pending {
		input: I;
		transfer: ArrayBuffer[];
		resolve: (o: O) => void;
		reject: (e: Error) => void;
	}
	interface Slot {
		worker: Worker | null;
		current: (Pending & { id: number; timer: ReturnType<typeof setTimeout> }) | null;
	}
	const slots: Slot[] = [];
	const queue: Pending[] = [];
	let nextId = 1;
	const deadlineMs = options.deadlineMs ?? 5 * 60 * 1000;
	const size = () => Math.max(1, Math.min(options.size ?? 2, availableParallelism()));
	const init = () => ({
		poolTag: tag,
		url: moduleUrl.replace(/\?.*$/, ''),
		tsx: tsxApi(moduleUrl)
	});

	const finish = (slot: Slot) => {
		if (slot.current) clearTimeout(slot.current.timer);
		slot.current = null;
		slot.worker?.unref();
	};

	const start = (slot: Slot): Worker => {
		const worker = new Worker(BOOTSTRAP, {
			eval: true,
			workerData: init(),
			resourceLimits: options.maxHeapMb ? { maxOldGenerationSizeMb: options.maxHeapMb } : undefined
		});
		worker.unref();
		worker.on('message', (reply: Reply<O>) => {
			const cur = slot.current;
			if (!cur || cur.id !== reply.id) return;
			finish(slot);
			if ('ok' in reply) cur.resolve(reply.ok);
			else {
				const e = new WorkerJobError(reply.error.message, reply.error.name, reply.error.fields);
				cur.reject(e);
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
		worker.on('exit', (code) => fail(new Error(`the ${tag} worker stopped (exit code ${code})`)));
		return worker;
	};

	const dispatch = () => {
		while (queue.length > 0) {
			let slot = slots.find((s) => s.current === null);
			if (!slot && slots.length < size()) {
				slot = { worker: null, current: null };
				slots.push(slot);
			}
			if (!slot) return;
			const pending = queue.shift()!;
			let worker: Worker;
			try {
				worker = slot.worker ?? start(slot);
			} catch (e) {
				pending.reject(e instanceof Error ? e : new Error(String(e)));
				continue;
			}
			slot.worker = worker;
			const id = nextId++;
			const s = slot;
			const timer = setTimeout(() => {
				const cur = s.current;
				if (!cur || cur.id !== id) return;
				finish(s);
				const w = s.worker;
				s.worker = null;
				if (w) void w.terminate();
				cur.reject(new Error(`the ${tag} worker did not answer within ${deadlineMs / 1000} s`));
				dispatch();
			}, deadlineMs);
			timer.unref();
			slot.current = { ...pending, id, timer };
			worker.ref();
			worker.postMessage({ id, input: pending.input }, pending.transfer);
		}
	};

	return {
		inWorker,
		run(input, transfer = []) {
			return new Promise<O>((resolve, reject) => {
				queue.push({ input, transfer, resolve, reject });
				dispatch();
			});
		},
		async stop() {
			const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}
