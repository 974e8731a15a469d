/**
 * The verdict of one page of `npm run bench`: its throughput (or its server CPU time per
 * request) relative to the trivial page of the same ward measured just before it.
 *
 * A ratio needs two usable measurements. A trivial page measured at 0 requests (the server
 * stalled, a socket error) once made the throughput ratio Infinity, or NaN, and Infinity passed
 * the budget; a CPU counter that did not tick made the CPU ratio 0 or Infinity. Such a round is
 * an ERROR (the run re-measures the trivial page once before giving up), never a pass.
 */

/** What one autocannon run gave, with the server's CPU time per request meanwhile. */
export interface Measured {
	requestsPerSec: number;
	requests: number;
	non2xx: number;
	errors: number;
	cpuMsPerRequest: number;
}

/** One round: the trivial page of the ward, then the page. */
export interface Round {
	trivial: Measured | null | undefined;
	page: Measured | null | undefined;
}

export type Basis = 'throughput' | 'cpu';

export interface Verdict {
	result: 'PASS' | 'MISS' | 'ERROR';
	/** Why the page is an ERROR or a MISS for another reason than its ratio. */
	reason?: string;
	/** Mean over the rounds of page req/s ÷ trivial req/s (absent when not computable). */
	ratio?: number;
	/** Mean over the rounds of trivial CPU ms ÷ page CPU ms (absent when not computable). */
	cpuRatio?: number;
}

const positive = (x: number | undefined) => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * Why the trivial page's measurement cannot serve as the reference of a ratio, or null when it
 * can: no requests, socket errors, answers other than 2xx, or (on the CPU basis) no CPU time.
 */
export function unusableTrivial(m: Measured | null | undefined, basis: Basis): string | null {
	if (!m) return 'not measured';
	if (!positive(m.requests) || !positive(m.requestsPerSec)) return 'measured 0 requests';
	if (m.errors > 0) return `${m.errors} connection errors`;
	if (m.non2xx > 0) return `${m.non2xx} answers other than 2xx`;
	if (basis === 'cpu' && !positive(m.cpuMsPerRequest)) return 'no server CPU time measured';
	return null;
}

/** Why the page's own measurement gives no ratio, or null (a non-2xx answer is a MISS, below). */
function unusablePage(m: Measured | null | undefined, basis: Basis): string | null {
	if (!m) return 'not measured';
	if (!positive(m.requests) || !positive(m.requestsPerSec)) return 'measured 0 requests';
	if (m.errors > 0) return `${m.errors} connection errors`;
	if (basis === 'cpu' && !positive(m.cpuMsPerRequest)) return 'no server CPU time measured';
	return null;
}

/** The ratios of one round (undefined where a measurement is missing or 0). */
export function roundRatios(r: Round): { ratio?: number; cpuRatio?: number } {
	const out: { ratio?: number; cpuRatio?: number } = {};
	if (r.page && r.trivial && positive(r.trivial.requestsPerSec)) {
		const x = r.page.requestsPerSec / r.trivial.requestsPerSec;
		if (Number.isFinite(x)) out.ratio = x;
	}
	if (r.page && r.trivial && positive(r.page.cpuMsPerRequest)) {
		const x = r.trivial.cpuMsPerRequest / r.page.cpuMsPerRequest;
		if (Number.isFinite(x) && x > 0) out.cpuRatio = x;
	}
	return out;
}

/** The ratio a round is judged on, or null when it has none (an ERROR round). */
export function roundValue(r: Round, basis: Basis): number | null {
	const x = roundRatios(r);
	const v = basis === 'cpu' ? x.cpuRatio : x.ratio;
	return v === undefined ? null : v;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * PASS when the mean ratio of the rounds on the basis reaches the budget and the page answered
 * only 2xx; MISS otherwise; ERROR when a round has no usable trivial or page measurement.
 */
export function pageVerdict(rounds: readonly Round[], basis: Basis, budget: number): Verdict {
	if (rounds.length === 0) return { result: 'ERROR', reason: 'not measured' };
	for (const r of rounds) {
		const t = unusableTrivial(r.trivial, basis);
		if (t) return { result: 'ERROR', reason: `trivial page ${t}` };
		const p = unusablePage(r.page, basis);
		if (p) return { result: 'ERROR', reason: `page ${p}` };
	}
	const each = rounds.map(roundRatios);
	const ratios = each.map((x) => x.ratio).filter((x): x is number => x !== undefined);
	const cpuRatios = each.map((x) => x.cpuRatio).filter((x): x is number => x !== undefined);
	const verdict: Verdict = { result: 'MISS' };
	if (ratios.length === rounds.length) verdict.ratio = mean(ratios);
	if (cpuRatios.length === rounds.length) verdict.cpuRatio = mean(cpuRatios);
	const value = basis === 'cpu' ? verdict.cpuRatio : verdict.ratio;
	if (value === undefined || !Number.isFinite(value)) {
		return { ...verdict, result: 'ERROR', reason: `no ${basis} ratio` };
	}
	const non2xx = rounds.reduce((acc, r) => acc + (r.page?.non2xx ?? 0), 0);
	if (non2xx > 0) return { ...verdict, reason: `${non2xx} answers other than 2xx` };
	if (value >= budget) verdict.result = 'PASS';
	return verdict;
}
