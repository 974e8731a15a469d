/**
 * A bounded, fair queue for heavy jobs (plan solves, packet rendering).
 *
 * - At most `running` jobs run at once (the number of worker threads behind them).
 * - At most `queued` jobs wait in all, and at most `perWard` for one ward; a job beyond a cap is
 *   refused at once with {@link QueueFullError} (nothing is queued, the caller answers "busy").
 * - Waiting jobs start round-robin across wards: one job of the ward at the head of the ring,
 *   then that ward goes to the back of the ring. Eight jobs from ward A therefore delay ward B's
 *   one job by at most one of A's, never all of them.
 * - A waiting job knows its position: 1 is the next to start (0 means running).
 * - A job with the same key as one already waiting or running joins it (asking again does not
 *   queue twice); a finished job stays readable by its key for `keepMs` (at most `queued` of
 *   them are kept, the oldest dropped first).
 * - A job that throws (or rejects) releases its slot like one that succeeds.
 *
 * Nothing here blocks: `submit` returns at once; the caller decides whether to await the job
 * (it is running) or answer "busy, position N" (it is waiting).
 */
import { DomainError } from '../core/errors';

export type JobState = 'queued' | 'running' | 'done' | 'error';

export interface Job<T = unknown> {
	readonly key: string;
	readonly wardId: number;
	state: JobState;
	/** Settles with the job's result (or its error) when it has run. */
	readonly promise: Promise<T>;
	result?: T;
	error?: unknown;
	finishedAt: number | null;
}

export interface QueueOptions {
	/** Jobs running at once. */
	running: number;
	/** Jobs waiting at once, all wards together. */
	queued: number;
	/** Jobs waiting at once for one ward. */
	perWard: number;
	/** How long a finished job stays readable by its key (ms). */
	keepMs?: number;
	/** Clock (tests). */
	now?: () => number;
}

/** Refusal of a job because the queue (`server`) or the ward's share of it (`ward`) is full. */
export class QueueFullError extends DomainError<'queue-full'> {
	override readonly status = 503;

	constructor(
		public readonly scope: 'server' | 'ward',
		public readonly max: number
	) {
		super('queue-full', undefined, scope === 'ward' ? 'jobs.wardFull' : 'jobs.full', { max });
	}
}

interface Entry<T> extends Job<T> {
	run: () => Promise<T>;
	resolve: (value: T) => void;
	reject: (error: unknown) => void;
}

export class FairQueue {
	readonly options: Required<QueueOptions>;
	/** Waiting jobs per ward, FIFO. */
	private readonly waitingByWard = new Map<number, Entry<unknown>[]>();
	/** Wards with waiting jobs, in the order they get their next turn. */
	private ring: number[] = [];
	private readonly active = new Map<string, Entry<unknown>>();
	private readonly finished = new Map<string, Entry<unknown>>();
	private runningCount = 0;

	constructor(options: QueueOptions) {
		this.options = { keepMs: 2 * 60 * 1000, now: Date.now, ...options };
	}

	/** Jobs running now. */
	get running(): number {
		return this.runningCount;
	}

	/** Jobs waiting now (all wards). */
	get waiting(): number {
		let n = 0;
		for (const list of this.waitingByWard.values()) n += list.length;
		return n;
	}

	/**
	 * Queues `run` for the ward under `key` (or joins the job waiting or running under that key)
	 * and starts it at once when a slot is free. Throws {@link QueueFullError} when the job would
	 * exceed a cap; then nothing is queued.
	 */
	submit<T>(wardId: number, key: string, run: () => Promise<T>): Job<T> {
		const existing = this.active.get(key);
		if (existing) return existing as Entry<T>;
		this.assertRoom(wardId);
		const list = this.waitingByWard.get(wardId) ?? [];
		let resolve!: (value: T) => void;
		let reject!: (error: unknown) => void;
		const promise = new Promise<T>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		// A job nobody awaits (the request answered "busy") must not be an unhandled rejection.
		promise.catch(() => {});
		const entry: Entry<T> = {
			key,
			wardId,
			state: 'queued',
			promise,
			finishedAt: null,
			run,
			resolve,
			reject
		};
		this.finished.delete(key);
		this.active.set(key, entry as Entry<unknown>);
		list.push(entry as Entry<unknown>);
		if (!this.waitingByWard.has(wardId)) {
			this.waitingByWard.set(wardId, list);
			this.ring.push(wardId);
		}
		this.dispatch();
		return entry;
	}

	/**
	 * Throws {@link QueueFullError} when a new job of the ward would be refused now (it would have
	 * to wait and the ward's share or the whole queue is full).
	 */
	assertRoom(wardId: number): void {
		const mustWait = this.runningCount >= this.options.running || this.waiting > 0;
		if (!mustWait) return;
		if ((this.waitingByWard.get(wardId)?.length ?? 0) >= this.options.perWard) {
			throw new QueueFullError('ward', this.options.perWard);
		}
		if (this.waiting >= this.options.queued) {
			throw new QueueFullError('server', this.options.queued);
		}
	}

	/** The job waiting or running under `key`, else the one finished lately, else undefined. */
	get(key: string): Job | undefined {
		this.sweep();
		return this.active.get(key) ?? this.finished.get(key);
	}

	/** Forgets a finished job (e.g. once its result has been handed out). */
	forget(key: string): void {
		this.finished.delete(key);
	}

	/**
	 * Position of the job under `key`: 0 when running, 1 for the next to start, …; null when no
	 * job with that key waits or runs. Positions follow the round-robin order the jobs will start
	 * in (assuming no other ward joins meanwhile).
	 */
	position(key: string): number | null {
		const entry = this.active.get(key);
		if (!entry) return null;
		if (entry.state === 'running') return 0;
		let n = 0;
		for (const e of this.startOrder()) {
			n++;
			if (e === entry) return n;
		}
		return null;
	}

	/** The waiting jobs in the order they will start (round-robin across wards). */
	private *startOrder(): Generator<Entry<unknown>> {
		const ring = [...this.ring];
		const taken = new Map<number, number>();
		while (ring.length > 0) {
			const ward = ring.shift()!;
			const list = this.waitingByWard.get(ward)!;
			const i = taken.get(ward) ?? 0;
			yield list[i];
			taken.set(ward, i + 1);
			if (i + 1 < list.length) ring.push(ward);
		}
	}

	private next(): Entry<unknown> | undefined {
		const ward = this.ring.shift();
		if (ward === undefined) return undefined;
		const list = this.waitingByWard.get(ward)!;
		const entry = list.shift()!;
		if (list.length > 0) this.ring.push(ward);
		else this.waitingByWard.delete(ward);
		return entry;
	}

	private dispatch(): void {
		while (this.runningCount < this.options.running) {
			const entry = this.next();
			if (!entry) return;
			this.start(entry);
		}
	}

	private start(entry: Entry<unknown>): void {
		entry.state = 'running';
		this.runningCount++;
		let run: Promise<unknown>;
		try {
			run = Promise.resolve(entry.run());
		} catch (e) {
			run = Promise.reject(e);
		}
		run.then(
			(value) => {
				entry.state = 'done';
				entry.result = value;
				this.settle(entry);
				entry.resolve(value);
			},
			(error: unknown) => {
				entry.state = 'error';
				entry.error = error;
				this.settle(entry);
				entry.reject(error);
			}
		);
	}

	private settle(entry: Entry<unknown>): void {
		this.runningCount--;
		entry.finishedAt = this.options.now();
		if (this.active.get(entry.key) === entry) this.active.delete(entry.key);
		this.finished.set(entry.key, entry);
		this.sweep();
		this.dispatch();
	}

	private sweep(): void {
		const now = this.options.now();
		for (const [key, e] of this.finished) {
			if (e.finishedAt !== null && now - e.finishedAt > this.options.keepMs) {
				this.finished.delete(key);
			}
		}
		// Finished results are held for a retry only; at most as many as may wait.
		for (const key of this.finished.keys()) {
			if (this.finished.size <= this.options.queued) break;
			this.finished.delete(key);
		}
	}
}
