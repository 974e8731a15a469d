/** HTTP throughput and latency on loopback with autocannon (bounded duration). */
import { createRequire } from 'node:module';

/** The part of autocannon's result used here (the package ships no type declarations). */
interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	errors: number;
	non2xx: number;
}
type Autocannon = (options: {
	url: string;
	connections: number;
	duration: number;
	headers: Record<string, string>;
	timeout: number;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface HttpFigures {
	url: string;
	requestsPerSec: number;
	p50Ms: number;
	p99Ms: number;
	requests: number;
	errors: number;
	non2xx: number;
}

export async function measure(
	url: string,
	cookie: string,
	options: { durationS?: number; connections?: number } = {}
): Promise<HttpFigures> {
	const result = await autocannon({
		url,
		connections: options.connections ?? 10,
		duration: options.durationS ?? 10,
		headers: { cookie },
		timeout: 30
	});
	return {
		url,
		requestsPerSec: Math.round(result.requests.average * 10) / 10,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		requests: result.requests.total,
		errors: result.errors,
		non2xx: result.non2xx
	};
}
