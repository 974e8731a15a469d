import { describe, expect, it } from 'vitest';
import { loopDelay, startLoopMonitor } from './loop-delay';

describe('event-loop delay', () => {
	it('sees a 120 ms block of the thread, and forgets it after a reset', async () => {
		expect(loopDelay()).toBeNull();
		startLoopMonitor();
		await new Promise((r) => setTimeout(r, 50));
		loopDelay(true);
		const until = performance.now() + 120;
		while (performance.now() < until) {
			// hold the thread
		}
		await new Promise((r) => setTimeout(r, 50));
		const held = loopDelay(true)!;
		expect(held.maxMs).toBeGreaterThanOrEqual(100);
		await new Promise((r) => setTimeout(r, 100));
		// Forgotten: the next window does not hold the block (compared with it, not with a time).
		expect(loopDelay()!.maxMs).toBeLessThan(held.maxMs);
	});
});
