import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import { jobStatus, queueFullMessage } from './index';
import { FairQueue, QueueFullError } from './queue';

/** A job the test finishes by hand; `started` records the order jobs began in. */
function harness(options: { running: number; queued: number; perWard: number }) {
	const queue = new FairQueue(options);
	const started: string[] = [];
	const finish = new Map<string, { ok: () => void; fail: (e: Error) => void }>();
	const submit = (ward: number, key: string) =>
		queue.submit(ward, key, () => {
			started.push(key);
			return new Promise<string>((resolve, reject) =>
				finish.set(key, { ok: () => resolve(`result ${key}`), fail: reject })
			);
		});
	const tick = () => new Promise((r) => setImmediate(r));
	return { queue, started, finish, submit, tick };
}

describe('FairQueue', () => {
	it('interleaves wards: ward B’s one job is not behind all of ward A’s', async () => {
		const h = harness({ running: 1, queued: 32, perWard: 8 });
		for (let i = 1; i <= 6; i++) h.submit(1, `A${i}`);
		h.submit(2, 'B1');
		// A1 runs; waiting A2..A6 then B1 arrived: the ring is [A, B].
		expect(h.started).toEqual(['A1']);
		expect(h.queue.position('A1')).toBe(0);
		expect(h.queue.position('A2')).toBe(1);
		expect(h.queue.position('B1')).toBe(2);
		expect(h.queue.position('A3')).toBe(3);
		expect(h.queue.position('A6')).toBe(6);
		for (let i = 0; i < 6; i++) {
			h.finish.get(h.started.at(-1)!)!.ok();
			await h.tick();
		}
		expect(h.started).toEqual(['A1', 'A2', 'B1', 'A3', 'A4', 'A5', 'A6']);
	});

	it('three wards take turns in the order they first waited', async () => {
		const h = harness({ running: 1, queued: 32, perWard: 4 });
		h.submit(1, 'A1');
		h.submit(1, 'A2');
		h.submit(1, 'A3');
		h.submit(2, 'B1');
		h.submit(2, 'B2');
		h.submit(3, 'C1');
		expect(['A2', 'B1', 'C1', 'A3', 'B2'].map((k) => h.queue.position(k))).toEqual([1, 2, 3, 4, 5]);
		for (let i = 0; i < 5; i++) {
			h.finish.get(h.started.at(-1)!)!.ok();
			await h.tick();
		}
		expect(h.started).toEqual(['A1', 'A2', 'B1', 'C1', 'A3', 'B2']);
	});

	it('runs at most `running` jobs at once and starts the next when one finishes', async () => {
		const h = harness({ running: 2, queued: 32, perWard: 4 });
		const a = h.submit(1, 'A1');
		h.submit(2, 'B1');
		const c = h.submit(3, 'C1');
		expect(h.queue.running).toBe(2);
		expect(h.queue.waiting).toBe(1);
		expect(a.state).toBe('running');
		expect(c.state).toBe('queued');
		expect(h.queue.position('C1')).toBe(1);
		h.finish.get('A1')!.ok();
		await expect(a.promise).resolves.toBe('result A1');
		expect(a.state).toBe('done');
		expect(c.state).toBe('running');
		expect(h.queue.running).toBe(2);
		expect(h.queue.waiting).toBe(0);
	});

	it('refuses at once beyond the ward’s share and beyond the total, queuing nothing', () => {
		const h = harness({ running: 1, queued: 5, perWard: 3 });
		h.submit(1, 'A0'); // runs
		h.submit(1, 'A1');
		h.submit(1, 'A2');
		h.submit(1, 'A3');
		let err: unknown;
		try {
			h.submit(1, 'A4');
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(QueueFullError);
		expect((err as QueueFullError).scope).toBe('ward');
		expect((err as QueueFullError).max).toBe(3);
		expect(h.queue.waiting).toBe(3);
		expect(h.queue.get('A4')).toBeUndefined();
		// Another ward still gets in, up to the total of 5 waiting.
		h.submit(2, 'B1');
		h.submit(2, 'B2');
		try {
			h.submit(3, 'C1');
			err = null;
		} catch (e) {
			err = e;
		}
		expect((err as QueueFullError).scope).toBe('server');
		expect((err as QueueFullError).max).toBe(5);
		expect(h.queue.waiting).toBe(5);
		expect(h.started).toEqual(['A0']);
	});

	it('a job that throws or rejects releases its slot', async () => {
		const h = harness({ running: 1, queued: 4, perWard: 4 });
		const boom = h.queue.submit(1, 'sync', () => {
			throw new Error('sync failure');
		});
		await expect(boom.promise).rejects.toThrow('sync failure');
		expect(boom.state).toBe('error');
		expect(h.queue.running).toBe(0);
		const a = h.submit(1, 'A1');
		const b = h.submit(2, 'B1');
		h.finish.get('A1')!.fail(new Error('solver died'));
		await expect(a.promise).rejects.toThrow('solver died');
		expect(h.queue.running).toBe(1);
		expect(b.state).toBe('running');
		expect(h.queue.get('A1')?.state).toBe('error');
	});

	it('the same key joins the waiting or running job; a finished one is kept for a while', async () => {
		let now = 1_000;
		const queue = new FairQueue({
			running: 1,
			queued: 4,
			perWard: 4,
			keepMs: 60_000,
			now: () => now
		});
		let runs = 0;
		let release!: () => void;
		const first = queue.submit(1, 'k', () => {
			runs++;
			return new Promise<number>((r) => (release = () => r(42)));
		});
		const again = queue.submit(1, 'k', () => Promise.resolve(-1));
		expect(again).toBe(first);
		release();
		await expect(first.promise).resolves.toBe(42);
		expect(runs).toBe(1);
		now += 59_000;
		expect(queue.get('k')?.result).toBe(42);
		expect(queue.position('k')).toBeNull();
		now += 2_000;
		expect(queue.get('k')).toBeUndefined();
	});

	it('a rejected job nobody awaits is not an unhandled rejection', async () => {
		const queue = new FairQueue({ running: 1, queued: 4, perWard: 4 });
		const job = queue.submit(1, 'x', () => Promise.reject(new Error('nobody listens')));
		await new Promise((r) => setImmediate(r));
		expect(job.state).toBe('error');
	});
});

describe('job status messages', () => {
	it('says the position in Vietnamese and English', () => {
		const queue = new FairQueue({ running: 1, queued: 4, perWard: 4 });
		queue.submit(1, 'a', () => new Promise(() => {}));
		queue.submit(1, 'b', () => new Promise(() => {}));
		queue.submit(2, 'c', () => new Promise(() => {}));
		expect(jobStatus(queue, 'c', 'vi')).toEqual({
			state: 'queued',
			position: 2,
			message:
				'Máy chủ đang bận, vị trí 2 trong hàng đợi. Việc sẽ được làm khi đến lượt; trang tự cập nhật.'
		});
		expect(jobStatus(queue, 'c', 'en')?.message).toBe(
			'The server is busy, position 2 in the queue. The job will run in its turn; this page updates itself.'
		);
		expect(jobStatus(queue, 'a', 'vi')?.state).toBe('running');
		expect(jobStatus(queue, 'zzz', 'vi')).toBeNull();
		expect(queueFullMessage(new QueueFullError('ward', 4), 'vi')).toBe(
			translate('vi', 'jobs.wardFull', { max: 4 })
		);
		expect(queueFullMessage(new QueueFullError('server', 32), 'vi')).toContain('32 việc');
	});
});
