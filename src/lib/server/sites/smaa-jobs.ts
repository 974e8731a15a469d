/**
 * The full SMAA of a ward as a background job with progress: a ward runs at most one at a time
 * (asking again joins it), the server at most {@link MAX_RUNNING}. The computation runs in
 * steps on a worker thread (`smaaOffThread`), so the server keeps answering meanwhile; the
 * page polls the progress and shows the result this job computed when it ends.
 */
import { DomainError } from '../core/errors';
import type { Decision } from '../../scoring';
import { SMAA_SAMPLES } from '../../scoring';
import { smaaOffThread } from './scoring-worker';

/** Full SMAA computations running at once across all wards. */
export const MAX_RUNNING = 4;
/** How long a finished job's state stays readable. */
const KEEP_MS = 10 * 60 * 1000;

export type SmaaJobState = 'running' | 'done' | 'error' | 'idle';

export interface SmaaProgress {
	state: SmaaJobState;
	done: number;
	total: number;
}

interface Job extends SmaaProgress {
	promise: Promise<void>;
	finishedAt: number | null;
}

const jobs = new Map<number, Job>();

/** The server already runs the most full SMAA computations it allows (try again later). */
export class SmaaBusyError extends DomainError<'busy'> {
	constructor() {
		super('busy');
	}
}

const running = () => [...jobs.values()].filter((j) => j.state === 'running').length;

/**
 * Starts the ward's full SMAA (or joins the one running). Throws {@link SmaaBusyError} when the
 * server already runs {@link MAX_RUNNING} for other wards.
 */
export function startFullSmaa(wardId: number, decision: Decision): Promise<void> {
	const now = Date.now();
	for (const [id, j] of jobs) {
		if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) jobs.delete(id);
	}
	const current = jobs.get(wardId);
	if (current?.state === 'running') return current.promise;
	if (running() >= MAX_RUNNING) throw new SmaaBusyError();
	const job: Job = {
		state: 'running',
		done: 0,
		total: SMAA_SAMPLES,
		finishedAt: null,
		promise: Promise.resolve()
	};
	job.promise = smaaOffThread(decision, SMAA_SAMPLES, (done) => (job.done = done)).then(
		() => {
			job.state = 'done';
			job.done = job.total;
			job.finishedAt = Date.now();
		},
		() => {
			job.state = 'error';
			job.finishedAt = Date.now();
		}
	);
	jobs.set(wardId, job);
	return job.promise;
}

/** Progress of the ward's last full SMAA ('idle' when none was asked for lately). */
export function smaaProgress(wardId: number): SmaaProgress {
	const j = jobs.get(wardId);
	return j
		? { state: j.state, done: j.done, total: j.total }
		: { state: 'idle', done: 0, total: SMAA_SAMPLES };
}
