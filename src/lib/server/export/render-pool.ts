/**
 * Worker threads that render packet files (DOCX, PDF, XLSX, ZIP): the server's thread only reads
 * the snapshot (fast database reads) and hands it over; pdfmake, docx, ExcelJS, the charts, the
 * map and JSZip run here. A small pool (one worker per CPU, at most {@link MAX_RENDER_WORKERS}) is
 * started on first use and kept (fonts and code stay warm); idle workers do not keep the process
 * alive; a worker that dies or overruns {@link RENDER_DEADLINE_MS} is replaced.
 *
 * The worker finds this module as `../jobs/module-pool.ts` describes (the pattern of
 * `allocation/worker-pool.ts`): an inline bootstrap imports `import.meta.url`, the source file
 * through tsx under Vite's dev server and Vitest, the built chunk under adapter-node.
 */
import type { PacketSnapshot } from '../../packet';
import { modulePool } from '../jobs/module-pool';
import type { DocLocale } from './common';
import { renderPacketFile, renderVersionFiles, type PacketExt, type RenderMeta } from './render';

/** Upper bound on the pool size. */
export const MAX_RENDER_WORKERS = 2;
/** A render that takes longer is abandoned (its worker terminated). */
export const RENDER_DEADLINE_MS = 5 * 60 * 1000;

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

/** Renders a request on the current thread (the worker's side; also usable directly). */
export async function renderHere(req: RenderRequest): Promise<RenderedFile[]> {
	if (req.kind === 'file') {
		return [
			{ name: '', bytes: await renderPacketFile(req.snapshot, req.ext, req.locale, req.meta) }
		];
	}
	return renderVersionFiles(req.snapshot, req.meta);
}

const pool = modulePool(
	import.meta.url,
	'trusoPacketRender',
	// Own, exactly-sized buffers, transferred (not copied) back.
	async (req: RenderRequest) =>
		(await renderHere(req)).map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
	{
		size: MAX_RENDER_WORKERS,
		deadlineMs: RENDER_DEADLINE_MS,
		transferOut: (files) => files.map((f) => f.bytes.buffer as ArrayBuffer)
	}
);

/** Renders on a pooled worker thread; rejects when rendering throws or the worker dies. */
export function renderInWorker(req: RenderRequest): Promise<RenderedFile[]> {
	return pool.run(req);
}

/** Terminates the render workers (jobs in flight are rejected); the pool restarts on demand. */
export function stopRenderWorkers(): Promise<void> {
	return pool.stop();
}
