/**
 * A small pool of worker threads that run one function of a module: the worker imports the
 * module itself (by its `import.meta.url`) and, seeing it was started for that pool, serves the
 * requests instead of starting a pool of its own.
 *
 * How the worker finds the code follows `allocation/worker-pool.ts` (whose queue and worker
 * bookkeeping, `workers/slots.ts`, it shares): an inline (eval) bootstrap
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
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { workerSlots } from '../../workers/slots';

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

	const init = () => ({
		poolTag: tag,
		url: moduleUrl.replace(/\?.*$/, ''),
		tsx: tsxApi(moduleUrl)
	});
	const deadlineMs = options.deadlineMs ?? 5 * 60 * 1000;
	// The queue and worker bookkeeping are the solver pool's (`workers/slots.ts`).
	const pool = workerSlots<{ input: I; transfer: ArrayBuffer[] }, O>({
		size: options.size ?? 2,
		start: () =>
			new Worker(BOOTSTRAP, {
				eval: true,
				workerData: init(),
				resourceLimits: options.maxHeapMb
					? { maxOldGenerationSizeMb: options.maxHeapMb }
					: undefined
			}),
		message: (id, { input, transfer }) => ({ value: { id, input }, transfer }),
		read: (message) => {
			const reply = message as Reply<O>;
			if ('ok' in reply) return reply;
			const { name, message: text, fields } = reply.error;
			return { id: reply.id, error: new WorkerJobError(text, name, fields) };
		},
		deadlineMs: () => deadlineMs,
		timeoutError: () => new Error(`the ${tag} worker did not answer within ${deadlineMs / 1000} s`),
		exitError: (code) => new Error(`the ${tag} worker stopped (exit code ${code})`)
	});

	return {
		inWorker,
		run: (input, transfer = []) => pool.run({ input, transfer }),
		stop: () => pool.stop()
	};
}
