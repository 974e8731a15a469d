/** HTTP throughput and latency on loopback with autocannon (bounded duration). */
import autocannon from 'autocannon';

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
