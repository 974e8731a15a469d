/**
 * The city's staffing board off the server's thread (issue 16). The board reads the vacancies of
 * every ward (one query over all positions, grouped ward by ward): 200-300 ms of CPU on a city of
 * 168 wards. A worker thread of this module's pool opens the database file read-only (reopened
 * after a restore, see `../db/readonly`) and computes the board there, and also its CSV/XLSX
 * file; the server's thread only passes the filter on and receives the result.
 *
 * - On the worker, the source of every ward (vacancies, assignments, wards) is kept while its
 *   connection's `data_version` is unchanged and the day is the same, so another filter of the
 *   same data is only filtered again (a few milliseconds). A ward's filter without that source
 *   reads the one ward only.
 * - On the server's thread, results are kept per filter (and format and language) while the
 *   database revision (`core/cache`) is unchanged: a repeat request does no work at all, and
 *   requests arriving while one is computed share its promise.
 * - Computations wait in a bounded queue ({@link boardQueue}: one runs, at most
 *   {@link BOARD_QUEUE_MAX} wait); one beyond it is refused at once with `QueueFullError` (the
 *   routes answer 503 with "Máy chủ đang bận …"), nothing is kept, the next request tries again.
 * - An in-memory database (tests, scripts) has no file a worker could open: it is computed on the
 *   calling thread.
 */
import type { Locale } from '../../i18n';
import { promiseCache } from '../core/cache';
import type { Db } from '../db';
import { readOnlyDb } from '../db/readonly';
import { queuedWorker } from '../jobs/queued-worker';
import {
	boardFrom,
	boardSource,
	exportBoard,
	MAX_ASSIGNMENTS_PER_WARD,
	staffingBoard,
	vnToday,
	type BoardFilter,
	type BoardSource,
	type StaffingBoard
} from './staffing-support';

/** A board computation that takes longer is abandoned (its worker terminated). */
export const BOARD_DEADLINE_MS = 60_000;
/** Board computations waiting at most (identical requests share one). */
export const BOARD_QUEUE_MAX = 8;
/** Results kept on the server's thread (boards and files, the least recently used dropped). */
export const BOARD_RESULTS_MAX = 32;

export type BoardFormat = 'csv' | 'xlsx';

/**
 * What the board page shows: the board with its first `rows` coverage and vacancy rows, its first
 * {@link MAX_ASSIGNMENTS_PER_WARD} assignments (so one ward's are all there) and their counts (the
 * page lists no more; the files have every vacancy), so the server's thread receives a few
 * hundred rows instead of thousands.
 */
export type BoardPage = StaffingBoard & {
	coverageCount: number;
	vacancyCount: number;
	assignmentCount: number;
};

/** The board cut to the page's rows (see {@link BoardPage}). */
export function boardPage(board: StaffingBoard, rows: number): BoardPage {
	return {
		...board,
		coverage: board.coverage.slice(0, rows),
		vacancies: board.vacancies.slice(0, rows),
		assignments: board.assignments.slice(0, MAX_ASSIGNMENTS_PER_WARD),
		coverageCount: board.coverage.length,
		vacancyCount: board.vacancies.length,
		assignmentCount: board.assignments.length
	};
}

type Request =
	| { kind: 'board'; file: string; filter: BoardFilter; day: string }
	| { kind: 'page'; file: string; filter: BoardFilter; day: string; rows: number }
	| {
			kind: 'file';
			file: string;
			filter: BoardFilter;
			day: string;
			format: BoardFormat;
			locale: Locale;
	  };

// ------------------------------------------------------------------ on the worker

/** The source of every ward read on a worker connection, with the data version it was read at. */
const sources = new WeakMap<Db, { version: number; day: string; source: BoardSource }>();

const dataVersion = (db: Db) => db.$client.pragma('data_version', { simple: true }) as number;

/**
 * The board on a worker's connection: from the kept source of every ward while the database is
 * unchanged (the version is read before the rows, so a write in between only makes the next
 * request read again), else read afresh (one ward only for a ward's filter).
 */
export function boardOnWorker(db: Db, filter: BoardFilter, day: string): StaffingBoard {
	const version = dataVersion(db);
	const kept = sources.get(db);
	if (kept && kept.version === version && kept.day === day) return boardFrom(kept.source, filter);
	if (filter.ward) return staffingBoard(db, filter, day);
	const source = boardSource(db, null, day);
	sources.set(db, { version, day, source });
	return boardFrom(source, filter);
}

type Reply = StaffingBoard | BoardPage | Uint8Array;

function work(req: Request): Reply | Promise<Reply> {
	const board = boardOnWorker(readOnlyDb(req.file), req.filter, req.day);
	switch (req.kind) {
		case 'board':
			return board;
		case 'page':
			return boardPage(board, req.rows);
		case 'file':
			return exportBoard(board, req.format, req.locale);
	}
}

const worker = queuedWorker<Request, Reply>(import.meta.url, 'trusoStaffing', work, {
	deadlineMs: BOARD_DEADLINE_MS,
	// No ward's share: the refusal is the whole queue's ("hàng đợi đã đủ N việc").
	queued: BOARD_QUEUE_MAX
});

// ------------------------------------------------------------------ on the server's thread

/** Board computations: one runs at a time, at most {@link BOARD_QUEUE_MAX} wait. */
export const boardQueue = worker.queue;
/** The board is the city's: every job is queued under one owner. */
const CITY = 0;

const results = promiseCache(BOARD_RESULTS_MAX);

/** Runs the request on the worker after its turn in {@link boardQueue} (full: throws at once). */
const queued = <T extends Reply>(request: Request) => worker.run<T>(CITY, 'staffing', request);

const filterKey = (filter: BoardFilter) =>
	JSON.stringify([filter.ward ?? null, filter.field ?? null, filter.position ?? null]);

/**
 * The staffing board (as {@link staffingBoard}) computed on the worker thread for a file
 * database, reused while the database is unchanged. Throws `QueueFullError` when the queue is full.
 */
export function staffingBoardOffThread(
	db: Db,
	filter: BoardFilter,
	day = vnToday()
): Promise<StaffingBoard> {
	return results.get(db, `board:${day}:${filterKey(filter)}`, () => {
		const file = worker.onWorker(db);
		if (file === null) return Promise.resolve(staffingBoard(db, filter, day));
		return queued<StaffingBoard>({ kind: 'board', file, filter, day });
	});
}

/**
 * The board as its page shows it ({@link boardPage}: the first `rows` coverage and vacancy rows),
 * computed on the worker thread for a file database, reused while the database is unchanged.
 * Throws `QueueFullError` when the queue is full.
 */
export function staffingPageOffThread(
	db: Db,
	filter: BoardFilter,
	rows: number,
	day = vnToday()
): Promise<BoardPage> {
	return results.get(db, `page:${day}:${rows}:${filterKey(filter)}`, () => {
		const file = worker.onWorker(db);
		if (file === null) {
			return Promise.resolve(boardPage(staffingBoard(db, filter, day), rows));
		}
		return queued<BoardPage>({ kind: 'page', file, filter, day, rows });
	});
}

/**
 * The board's CSV or XLSX file (as {@link exportBoard}) computed and written on the worker thread
 * for a file database, reused while the database is unchanged. Throws `QueueFullError` when the
 * queue is full.
 */
export function staffingFileOffThread(
	db: Db,
	filter: BoardFilter,
	format: BoardFormat,
	locale: Locale,
	day = vnToday()
): Promise<Uint8Array> {
	return results.get(db, `file:${day}:${format}:${locale}:${filterKey(filter)}`, () => {
		const file = worker.onWorker(db);
		if (file === null) {
			return exportBoard(staffingBoard(db, filter, day), format, locale);
		}
		return queued<Uint8Array>({ kind: 'file', file, filter, day, format, locale });
	});
}

/** Forgets the kept results (tests). */
export function clearStaffingResults(): void {
	results.clear();
}

/** Terminates the worker (computations in flight are rejected); the pool restarts on demand. */
export function stopStaffingWorkers(): Promise<void> {
	return worker.pool.stop();
}
