/**
 * HTTP responses with the packet files (stored files of a version first, else rendered).
 *
 * Rendering goes through the server's fair packet queue (`../jobs`) onto the render worker
 * threads (`./render-pool.ts`): the request only reads the snapshot. A render that has to wait
 * for a worker answers at once with 503 "busy, position N" (the HTML page reloads itself; the
 * API says `Retry-After`); the file rendered meanwhile is kept for a short while and handed to
 * the next request for it.
 */
import { createHash } from 'node:crypto';
import type { PacketSnapshot } from '../../packet';
import { translate } from '../../i18n';
import { jobStatus, packetQueue, QueueFullError, queueFullMessage } from '../jobs';
import { readPacketFile, type PacketFile } from '../proposals';
import type { DocLocale } from './common';
import { ALL_DOCS, type PacketExt } from './render';
import { renderInWorker } from './render-pool';
// The download response alone (the toolkit's index reads SvelteKit's request context).
import { download } from '../http/download';

export { ALL_DOCS, type PacketExt };

export function parsePacketExt(x: string): PacketExt | null {
	if (x === 'zip' || x === 'docx' || x === 'pdf' || x === 'xlsx') return x;
	return /^(submission|report|letter)\.(docx|pdf)$/.test(x) ? (x as PacketExt) : null;
}

export function packetLocale(url: URL): DocLocale {
	return url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
}

type VersionMeta = { number: number; sha256: string; files: PacketFile[]; submittedAt: number };

/** The stored file of a submitted version (Vietnamese only), or null. */
async function storedBytes(
	ext: PacketExt,
	locale: DocLocale,
	v: VersionMeta | undefined
): Promise<Uint8Array | null> {
	if (!v || locale !== 'vi') return null;
	const stored = v.files.find((f) => f.name === `packet.${ext}`);
	return stored ? readPacketFile(stored) : null;
}

/** The bytes of one packet file: the version's stored file, else rendered on a worker thread. */
export async function packetBytes(
	s: PacketSnapshot,
	ext: PacketExt,
	locale: DocLocale,
	meta: { proposalId?: number; version?: VersionMeta } = {}
): Promise<Uint8Array> {
	const stored = await storedBytes(ext, locale, meta.version);
	if (stored) return stored;
	const [file] = await renderInWorker({
		kind: 'file',
		snapshot: s,
		ext,
		locale,
		meta: renderMeta(meta)
	});
	return file.bytes;
}

function renderMeta(meta: { proposalId?: number; version?: VersionMeta }) {
	const v = meta.version;
	return {
		proposalId: meta.proposalId,
		version: v ? { number: v.number, sha256: v.sha256, submittedAt: v.submittedAt } : undefined
	};
}

/** Keys answered "busy": their file, once rendered, is handed to the next request for it. */
const owed = new Set<string>();

export async function packetResponse(
	s: PacketSnapshot,
	ext: PacketExt,
	locale: DocLocale,
	meta: {
		/** The ward whose turn in the packet queue this is. */
		wardId: number;
		proposalId?: number;
		version?: VersionMeta;
		baseName: string;
		/** How a "busy" answer is written: a page that reloads itself, or API JSON. */
		answer?: 'html' | 'json';
	}
): Promise<Response> {
	const name = `${meta.baseName}${locale === 'en' ? '-en' : ''}.${ext}`;
	const type = ext.slice(ext.lastIndexOf('.') + 1) as 'zip' | 'docx' | 'pdf' | 'xlsx';
	const file = (bytes: Uint8Array) => download(bytes, type, name);
	const stored = await storedBytes(ext, locale, meta.version);
	if (stored) return file(stored);

	// A draft's key names its assembly; a version's files never change.
	const of = meta.version ? `v${meta.version.number}` : `d${digest(s.assembledAt)}`;
	const key = `packet:${meta.wardId}:${meta.proposalId ?? 0}:${of}:${ext}:${locale}`;
	const kept = packetQueue.get(key);
	if (kept?.state === 'done' && owed.has(key)) {
		owed.delete(key);
		packetQueue.forget(key);
		return file(kept.result as Uint8Array);
	}
	if (kept && (kept.state === 'done' || kept.state === 'error')) packetQueue.forget(key);
	let job;
	try {
		job = packetQueue.submit(meta.wardId, key, async () => {
			const [f] = await renderInWorker({
				kind: 'file',
				snapshot: s,
				ext,
				locale,
				meta: renderMeta(meta)
			});
			return f.bytes;
		});
	} catch (e) {
		if (e instanceof QueueFullError) {
			return busy(queueFullMessage(e, locale), null, meta.answer, locale);
		}
		throw e;
	}
	if (job.state === 'queued') {
		owed.add(key);
		// Bounded: at most as many owed files as the queue holds waiting jobs and kept results.
		if (owed.size > 2 * packetQueue.options.queued) owed.delete(owed.values().next().value!);
		const status = jobStatus(packetQueue, key, locale)!;
		return busy(status.message, status.position, meta.answer, locale);
	}
	const bytes = await job.promise;
	owed.delete(key);
	packetQueue.forget(key);
	return file(bytes);
}

const digest = (x: string) => createHash('sha1').update(x).digest('hex').slice(0, 12);

/** 503 with Retry-After: a small page that reloads itself, or the API's JSON error. */
function busy(
	message: string,
	position: number | null,
	answer: 'html' | 'json' = 'html',
	locale: DocLocale = 'vi'
): Response {
	const headers = { 'retry-after': '5', 'cache-control': 'private, no-store' };
	if (answer === 'json') {
		return new Response(JSON.stringify({ error: { code: 'busy', message, position } }), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	}
	const esc = (t: string) =>
		t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">${
		position === null ? '' : '<meta http-equiv="refresh" content="5">'
	}<title>${esc(message)}</title></head><body><p role="status">${esc(message)}</p><p><a href="">${esc(
		translate(locale, 'jobs.retry')
	)}</a></p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}
