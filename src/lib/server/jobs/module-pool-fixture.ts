/** A module pool for the tests of `module-pool.ts`: echoes, throws, exits or hangs on request. */
import { modulePool } from './module-pool';

export type FixtureRequest =
	{ op: 'echo'; bytes: Uint8Array } | { op: 'throw' } | { op: 'exit' } | { op: 'hang' };

class FixtureError extends Error {
	constructor(public readonly key: string) {
		super(`fixture failure ${key}`);
		this.name = 'FixtureError';
	}
}

export const fixturePool = modulePool(
	import.meta.url,
	'trusoPoolFixture',
	async (req: FixtureRequest) => {
		if (req.op === 'echo') return { thread: 'worker', bytes: req.bytes.map((b) => b + 1) };
		if (req.op === 'throw') throw new FixtureError('io.example');
		if (req.op === 'exit') process.exit(3);
		await new Promise(() => {});
		return { thread: 'never', bytes: new Uint8Array() };
	},
	{ size: 1, deadlineMs: 3000 }
);
