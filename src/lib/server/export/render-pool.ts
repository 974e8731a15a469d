/**
 * Worker threads that render packet files (DOCX, PDF, XLSX, ZIP): the server's thread only reads
 * the snapshot (fast database reads) and hands it over; pdfmake, docx, ExcelJS, the charts, the
 * map and JSZip run here. A small pool (one worker per CPU, at most {@link MAX_RENDER_WORKERS}) is
 * started on first use and kept (fonts and code stay warm); idle workers do not keep the process
 * alive; a worker that dies or overruns {@link RENDER_DEADLINE_MS} is replaced.
 *
 * Locating the worker's code follows `allocation/worker-pool.ts`: the worker is started from an
 * inline (eval) bootstrap that imports this very module by `import.meta.url`, which is the source
 * file under Vite's dev server and Vitest (then loaded through tsx, as the scripts are) and the
 * built chunk under adapter-node. Imported in a worker started here, the module serves render
 * requests instead of starting a pool.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PacketSnapshot } from '../../packet';
import type { DocLocale } from './common';
import { renderPacketFile, renderVersionFiles, type PacketExt, type RenderMeta } from './render';

/** Upper bound on the pool size. */
export const MAX_RENDER_WORKERS = 2;
/** A render that takes longer is abandoned (its worker terminated). */
export const RENDER_DEADLINE_MS = 5 * 60 * 1000;

const TAG = 'trusoPacketRender';

export type RenderRequest =
	| { kind: 'file'; snapshot: PacketSnapshot; ext: PacketExt; locale: DocLocale; meta: RenderMeta }
	| {
			kind: 'version';
			snapshot: PacketSnapshot;
			meta: { proposalId: number; version: number; sha256: string; submittedAt: number };
	  };

export interface RenderedFile {
	name: string;
	bytes: Uint8Array;
}

type Reply = { id: number; files: RenderedFile[] } | { id: number; error: string };

/** Renders a request on the current thread (the worker's side; also usable directly). */
export async function renderHere(req: RenderRequest): Promise<RenderedFile[]> {
	if (req.kind === 'file')
		return [
			{ name: '', bytes: await renderPacketFile(req.snapshot, req.ext, req.locale, req.meta) }
		];
	return renderVersionFiles(req.snapshot, req.meta);
}

/** The worker side: answers render requests one at a time. */
function serve(): void {
	const port = parentPort!;
	port.on('message', async ({ id, req }: { id: number; req: RenderRequest }) => {
		try {
			// Own, exactly-sized buffers, transferred (not copied) back.
			const files = (await renderHere(req)).map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
			port.postMessage(
				{ id, files } satisfies Reply,
				files.map((f) => f.bytes.buffer as ArrayBuffer)
			);
		} catch (e) {
			port.postMessage({
				id,
				error: e instanceof Error ? (e.stack ?? e.message) : String(e)
			} satisfies Reply);
		}
	});
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[TAG]) serve();

interface Pending {
	req: RenderRequest;
	resolve: (files: RenderedFile[]) => void;
	reject: (error: Error) => void;
}

interface Slot {
	worker: Worker | null;
	current: (Pending & { id: number; timer: ReturnType<typeof setTimeout> }) | null;
}

const BOOTSTRAP = [
	"'use strict';",
	"const { workerData } = require('node:worker_threads');",
	'(async () => {',
	'\tif (workerData.tsx) (await import(workerData.tsx)).register();',
	'\tawait import(workerData.url);',
	'})();'
].join('\n');

/** How the worker loads this module: the built chunk as is, a TypeScript source through tsx. */
function workerInit(): Record<string, unknown> {
	const url = import.meta.url;
	// tsx's ESM API (its `import` export), from the package folder.
	const tsx = /\.ts($|\?)/.test(url)
		? pathToFileURL(
				path.join(
					path.dirname(createRequire(url).resolve('tsx/package.json')),
					'dist/esm/api/index.mjs'
				)
			).href
		: null;
	return { [TAG]: true, url: url.replace(/\?.*$/, ''), tsx };
}

const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

const poolSize = () => Math.max(1, Math.min(MAX_RENDER_WORKERS, availableParallelism()));

function finish(slot: Slot): void {
	if (slot.current) clearTimeout(slot.current.timer);
	slot.current = null;
	slot.worker?.unref();
}

function startWorker(slot: Slot): Worker {
	const worker = new Worker(BOOTSTRAP, { eval: true, workerData: workerInit() });
	worker.unref();
	worker.on('message', (reply: Reply) => {
		const cur = slot.current;
		if (!cur || cur.id !== reply.id) return;
		finish(slot);
		if ('files' in reply) cur.resolve(reply.files);
		else cur.reject(new Error(reply.error));
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
	worker.on('exit', (code) => fail(new Error(`the render worker stopped (exit code ${code})`)));
	return worker;
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
		const s = slot;
		const timer = setTimeout(() => {
			const cur = s.current;
			if (!cur || cur.id !== id) return;
			finish(s);
			const w = s.worker;
			s.worker = null;
			if (w) void w.terminate();
			cur.reject(new Error(`the packet was not rendered within ${RENDER_DEADLINE_MS / 1000} s`));
			dispatch();
		}, RENDER_DEADLINE_MS);
		timer.unref();
		slot.current = { ...pending, id, timer };
		worker.ref();
		worker.postMessage({ id, req: pending.req });
	}
}

/** Renders on a pooled worker thread; rejects when rendering throws or the worker dies. */
export function renderInWorker(req: RenderRequest): Promise<RenderedFile[]> {
	return new Promise((resolve, reject) => {
		queue.push({ req, resolve, reject });
		dispatch();
	});
}

/** Terminates the render workers (jobs in flight are rejected); the pool restarts on demand. */
export async function stopRenderWorkers(): Promise<void> {
	const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
	await Promise.all(workers.map((w) => w.terminate()));
}
