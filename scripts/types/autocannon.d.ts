/** The part of autocannon's API the benchmarks and load tests use (it ships no types). */
declare module 'autocannon' {
	interface Histogram {
		average: number;
		mean: number;
		p50: number;
		p90: number;
		p99: number;
		total: number;
		max: number;
	}
	interface RequestSpec {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => unknown;
		onResponse?: (
			status: number,
			body: string,
			context: Record<string, unknown>,
			headers: Record<string, string>
		) => void;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		timeout?: number;
		headers?: Record<string, string>;
		method?: string;
		body?: string;
		requests?: RequestSpec[];
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
