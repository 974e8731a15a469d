import { afterAll, describe, expect, it } from 'vitest';
import { fixturePool } from './module-pool-fixture';
import { WorkerJobError } from './module-pool';

afterAll(() => fixturePool.stop());

describe('modulePool', () => {
	it('runs the module’s function on a worker thread', async () => {
		expect(fixturePool.inWorker).toBe(false);
		const out = await fixturePool.run({ op: 'echo', bytes: new Uint8Array([1, 2, 254]) });
		expect(out.thread).toBe('worker');
		expect([...out.bytes]).toEqual([2, 3, 255]);
	}, 30_000);

	it('passes a thrown error back with its name, message and fields', async () => {
		const e = await fixturePool.run({ op: 'throw' }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(WorkerJobError);
		expect((e as WorkerJobError).originalName).toBe('FixtureError');
		expect((e as WorkerJobError).message).toBe('fixture failure io.example');
		expect((e as WorkerJobError).fields.key).toBe('io.example');
		// The same worker answers the next request.
		expect((await fixturePool.run({ op: 'echo', bytes: new Uint8Array([0]) })).bytes[0]).toBe(1);
	}, 30_000);

	it('a worker that exits rejects its request and is replaced', async () => {
		await expect(fixturePool.run({ op: 'exit' })).rejects.toThrow('exit code 3');
		expect((await fixturePool.run({ op: 'echo', bytes: new Uint8Array([7]) })).bytes[0]).toBe(8);
	}, 30_000);

	it('a request past the deadline is rejected, its worker terminated, the next one served', async () => {
		const hang = fixturePool.run({ op: 'hang' });
		// Waits behind the hanging request (one worker).
		const next = fixturePool.run({ op: 'echo', bytes: new Uint8Array([9]) });
		await expect(hang).rejects.toThrow('did not answer within 3 s');
		expect((await next).bytes[0]).toBe(10);
	}, 30_000);
});
