import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { workerSlots } from './slots';

/** A worker that answers { id, ok: x × 2 } after `ms`, or an error for x < 0. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, x, ms }) => setTimeout(() => {
	parentPort.postMessage(x < 0 ? { id, error: 'negative ' + x } : { id, ok: x * 2, thread: require('node:worker_threads').threadId });
}, ms));`;

type Job = { x: number; ms: number; deadline?: number };
let started = 0;
const pools: { stop(): Promise<void> }[] = [];

function pool(size: number) {
	const p = workerSlots<Job, number>({
		size,
		start: () => {
			started++;
			return new Worker(SOURCE, { eval: true });
		},
		message: (id, job) => ({ value: { id, ...job } }),
		read: (m) => {
			const r = m as { id: number; ok?: number; error?: string };
			return r.error
				? { id: r.id, error: new Error(r.error), discard: true }
				: { id: r.id, ok: r.ok! };
		},
		deadlineMs: (job) => job.deadline ?? 5000,
		timeoutError: (job) => new Error(`late ${job.x}`),
		exitError: (code) => new Error(`exit ${code}`)
	});
	pools.push(p);
	return p;
}

afterEach(async () => {
	await Promise.all(pools.splice(0).map((p) => p.stop()));
	started = 0;
});

describe('workerSlots', () => {
	it('answers every job in order on at most `size` workers, reusing them', async () => {
		const p = pool(1);
		expect(p.size).toBe(1);
		const finished: number[] = [];
		const jobs = [3, 5, 7].map((x) => p.run({ x, ms: 20 }).then((v) => (finished.push(x), v)));
		expect(await Promise.all(jobs)).toEqual([6, 10, 14]);
		expect(finished).toEqual([3, 5, 7]);
		expect(started).toBe(1);
	});

	it('rejects a job past its deadline, replaces that worker and goes on', async () => {
		const p = pool(1);
		const late = p.run({ x: 1, ms: 2000, deadline: 100 });
		const next = p.run({ x: 4, ms: 10 });
		await expect(late).rejects.toThrow('late 1');
		expect(await next).toBe(8);
		expect(started).toBe(2);
	});

	it('rejects with the worker’s error and replaces a worker marked for discarding', async () => {
		const p = pool(1);
		await expect(p.run({ x: -2, ms: 0 })).rejects.toThrow('negative -2');
		expect(await p.run({ x: 21, ms: 0 })).toBe(42);
		expect(started).toBe(2);
	});

	it('withdraws an aborted job: a running one loses its worker, a waiting one never runs', async () => {
		const p = pool(1);
		const running = new AbortController();
		const waiting = new AbortController();
		const first = p.run({ x: 1, ms: 5000 }, running.signal);
		const second = p.run({ x: 2, ms: 10 }, waiting.signal);
		const third = p.run({ x: 3, ms: 10 });
		waiting.abort(new Error('not needed'));
		await expect(second).rejects.toThrow('not needed');
		running.abort();
		await expect(first).rejects.toThrow(/withdrawn|abort/i);
		// The third job runs at once on a new worker, not after the first job's 5 s.
		expect(await third).toBe(6);
		expect(started).toBe(2);
		// A job whose signal had already aborted is refused without a worker.
		await expect(p.run({ x: 4, ms: 0 }, AbortSignal.abort(new Error('late')))).rejects.toThrow(
			'late'
		);
		// Aborting after the answer changes nothing.
		const done = new AbortController();
		expect(await p.run({ x: 5, ms: 0 }, done.signal)).toBe(10);
		done.abort();
		expect(await p.run({ x: 6, ms: 0 })).toBe(12);
		expect(started).toBe(2);
	});
});
