/**
 * The move list files (XLSX, PDF) rendered off the server's thread: the request reads the table
 * (`movesTable`, plain data), the fair packet queue (`../jobs`: bounded, round-robin per ward)
 * gives it a turn, and a worker thread of this module's pool (`../jobs/module-pool.ts`, the
 * mechanism of the packet render pool) runs ExcelJS or pdfmake. A file that has to wait for its
 * turn is answered at once with 503 "Máy chủ đang bận, vị trí N" (a page that reloads itself;
 * the file rendered meanwhile is handed to that reload), a full queue with its refusal, like the
 * packet downloads (`../export/respond.ts`).
 */
import { createHash } from 'node:crypto';
import { translate, type Locale } from '../../i18n';
import { jobStatus, packetQueue, QueueFullError, queueFullMessage } from '../jobs';
import { modulePool } from '../jobs/module-pool';
import type { DbLike } from '../db';
import { movesTable, renderMovesPdf, renderMovesXlsx, type MovesTable } from './export';
import { getScenario } from './scenarios';

export type MovesFormat = 'xlsx' | 'pdf';

/** A move list render that takes longer is abandoned (its worker terminated). */
export const MOVES_RENDER_DEADLINE_MS = 2 * 60 * 1000;

const render = (input: { table: MovesTable; format: MovesFormat }) =>
	input.format === 'xlsx' ? renderMovesXlsx(input.table) : renderMovesPdf(input.table);

const pool = modulePool(
	import.meta.url,
	'trusoPlanMoves',
	// An own, exactly-sized buffer, transferred (not copied) back.
	async (input: { table: MovesTable; format: MovesFormat }) => (await render(input)).slice(),
	{
		size: 1,
		deadlineMs: MOVES_RENDER_DEADLINE_MS,
		transferOut: (bytes) => [bytes.buffer as ArrayBuffer]
	}
);

/** Renders the file on the pool's worker thread. */
export function renderMovesInWorker(table: MovesTable, format: MovesFormat): Promise<Uint8Array> {
	return pool.run({ table, format });
}

/** Terminates the worker (renders in flight are rejected); the pool restarts on demand. */
export function stopMovesWorkers(): Promise<void> {
	return pool.stop();
}

/** Keys answered "busy": their file, once rendered, is handed to the next request for it. */
const owed = new Set<string>();

/** The queue's key of a file: the ward, the scenario, the format and what the table holds. */
export function movesJobKey(
	wardId: number,
	scenarioId: number,
	format: MovesFormat,
	table: MovesTable
) {
	const digest = createHash('sha1')
		.update(JSON.stringify([table.title, table.wardName, table.locale, table.head, table.rows]))
		.digest('hex')
		.slice(0, 16);
	return `plan-moves:${wardId}:${scenarioId}:${format}:${digest}`;
}

/**
 * The move list file through the queue: the bytes (the file rendered on a worker), or the
 * answer "busy" (`{ busy: message, position }`, position null when the queue refused it).
 */
export async function queuedMovesFile(
	wardId: number,
	scenarioId: number,
	format: MovesFormat,
	table: MovesTable
): Promise<{ bytes: Uint8Array } | { busy: string; position: number | null }> {
	const key = movesJobKey(wardId, scenarioId, format, table);
	const kept = packetQueue.get(key);
	if (kept?.state === 'done' && owed.has(key)) {
		owed.delete(key);
		packetQueue.forget(key);
		return { bytes: kept.result as Uint8Array };
	}
	if (kept && (kept.state === 'done' || kept.state === 'error')) packetQueue.forget(key);
	let job;
	try {
		job = packetQueue.submit(wardId, key, () => renderMovesInWorker(table, format));
	} catch (e) {
		if (e instanceof QueueFullError) {
			return { busy: queueFullMessage(e, table.locale), position: null };
		}
		throw e;
	}
	if (job.state === 'queued') {
		owed.add(key);
		// Bounded: at most as many owed files as the queue holds waiting jobs and kept results.
		if (owed.size > 2 * packetQueue.options.queued) owed.delete(owed.values().next().value!);
		const status = jobStatus(packetQueue, key, table.locale)!;
		return { busy: status.message, position: status.position };
	}
	const bytes = await job.promise;
	owed.delete(key);
	packetQueue.forget(key);
	return { bytes };
}

/**
 * 503 with Retry-After and a small page saying the queue's answer: it reloads itself while the
 * file waits for its turn (position known), and links back to try again.
 */
export function busyPage(message: string, position: number | null, locale: Locale): Response {
	const entities: Record<string, string> = {
		'&': '&amp;',
		'<': '&lt;',
		'>': '&gt;',
		'"': '&quot;'
	};
	const escape = (text: string) => text.replace(/[&<>"]/g, (c) => entities[c]);
	const reload = position === null ? '' : '<meta http-equiv="refresh" content="5">';
	const retry = escape(translate(locale, 'jobs.retry'));
	const body = [
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">${reload}`,
		`<title>${escape(message)}</title></head>`,
		`<body><p role="status">${escape(message)}</p><p><a href="">${retry}</a></p></body></html>`
	].join('');
	return new Response(body, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'retry-after': '5',
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * The move list file of a scenario of the ward, rendered off the server's thread through the
 * queue (see {@link queuedMovesFile}); null when the scenario is not the ward's.
 */
export async function movesFile(
	db: DbLike,
	ward: { id: number; name: string },
	scenarioId: number,
	format: MovesFormat,
	locale: Locale
): Promise<{ bytes: Uint8Array } | { busy: string; position: number | null } | null> {
	const detail = getScenario(db, ward.id, scenarioId, locale);
	if (!detail) return null;
	return queuedMovesFile(ward.id, scenarioId, format, movesTable(detail, ward.name, locale));
}
