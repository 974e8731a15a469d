/**
 * How long the server's thread was held: a 10 ms timer notes how late it fires (the delay of the
 * event loop). The benchmark reads it through /health on a server it started (TRUSO_BENCH=1)
 * while one user runs each heavy action, against the budget p99 < 50 ms and max < 200 ms.
 * (Node's own monitorEventLoopDelay under-reports a single long block: one 120 ms block read
 * as 42 ms here, so the lateness is measured directly.)
 */

const TICK_MS = 10;
/** Samples kept between two resets (10 minutes of ticks); older ones are dropped. */
const MAX_SAMPLES = 60_000;

let timer: ReturnType<typeof setInterval> | null = null;
let last = 0;
let samples: number[] = [];
let max = 0;

export interface LoopDelay {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	samples: number;
}

/** Starts measuring (once per process). */
export function startLoopMonitor(): void {
	if (timer) return;
	last = performance.now();
	timer = setInterval(() => {
		const now = performance.now();
		const late = Math.max(0, now - last - TICK_MS);
		last = now;
		if (samples.length >= MAX_SAMPLES) samples.shift();
		samples.push(late);
		max = Math.max(max, late);
	}, TICK_MS);
	timer.unref();
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The delays since the last reset (null before the monitor started); `reset` starts afresh. */
export function loopDelay(reset = false): LoopDelay | null {
	if (!timer) return null;
	const sorted = [...samples].sort((a, b) => a - b);
	const out: LoopDelay = {
		p50Ms: round1(percentile(sorted, 50)),
		p99Ms: round1(percentile(sorted, 99)),
		maxMs: round1(max),
		samples: sorted.length
	};
	if (reset) {
		samples = [];
		max = 0;
		last = performance.now();
	}
	return out;
}
