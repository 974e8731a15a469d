/**
 * The server's two job queues (see `./queue.ts`): plan solves (HiGHS worker threads) and packet
 * rendering (render worker threads). Each runs as many jobs at once as it has workers, holds at
 * most 32 waiting jobs, 4 per ward, and starts them round-robin across wards.
 */
import { availableParallelism } from 'node:os';
import { MAX_WORKERS } from '../../allocation/worker-pool';
import { translate, type Locale } from '../../i18n';
import { FairQueue, QueueFullError, type Job } from './queue';

export { FairQueue, QueueFullError, type Job } from './queue';

/** Waiting jobs per queue, all wards together. */
export const MAX_QUEUED = 32;
/** Waiting jobs per queue and ward. */
export const MAX_QUEUED_PER_WARD = 4;

const workers = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));

/** Plan solves: as many run at once as the HiGHS pool has workers. */
export const solverQueue = new FairQueue({
	running: workers,
	queued: MAX_QUEUED,
	perWard: MAX_QUEUED_PER_WARD
});

/** Packet files (DOCX, PDF, XLSX, ZIP): as many at once as the render pool has workers. */
export const packetQueue = new FairQueue({
	running: workers,
	queued: MAX_QUEUED,
	perWard: MAX_QUEUED_PER_WARD
});

/** What a page says about a job that has not finished yet (null when it has). */
export interface JobStatus {
	state: 'queued' | 'running';
	/** 1 for the next to start; 0 when running. */
	position: number;
	message: string;
}

/** The status of the job under `key` for a page, or null when none waits or runs. */
export function jobStatus(queue: FairQueue, key: string, locale: Locale): JobStatus | null {
	const job = queue.get(key);
	const position = queue.position(key);
	if (!job || position === null) return null;
	return position === 0
		? { state: 'running', position, message: translate(locale, 'jobs.running') }
		: { state: 'queued', position, message: translate(locale, 'jobs.queued', { position }) };
}

/** The message of a refusal by a full queue. */
export function queueFullMessage(e: QueueFullError, locale: Locale): string {
	return translate(locale, e.scope === 'ward' ? 'jobs.wardFull' : 'jobs.full', { max: e.max });
}

/** True when the job is still waiting for a slot (the request answers "busy" instead of waiting). */
export function isWaiting(job: Job): boolean {
	return job.state === 'queued';
}
