/**
 * The switches of `npm run bench` read from the environment, and where its results go.
 *
 * bench-results/latest.json and latest.md hold the last FULL run (the figures docs/benchmarks.md
 * and the README quote): a run that leaves something out (BENCH_ONLY, BENCH_PAGES, BENCH_SKIP_JS,
 * BENCH_SKIP_ENGINES, BENCH_SKIP_LOOP) writes to BENCH_OUT, by default a folder under the system's
 * temporary folder, and is refused if told to write into bench-results/.
 */
import os from 'node:os';
import path from 'node:path';

export interface BenchOptions {
	/** The route ids to measure (null: all). */
	only: ((route: string) => boolean) | null;
	skipJs: boolean;
	skipEngines: boolean;
	skipLoop: boolean;
	/** The switches that make this a partial run (empty for a full run). */
	partial: string[];
	outDir: string;
	json: string;
	md: string;
}

const SKIPS = ['BENCH_SKIP_JS', 'BENCH_SKIP_ENGINES', 'BENCH_SKIP_LOOP'] as const;

/**
 * BENCH_ONLY=<regular expression on the route id>, BENCH_PAGES=<substring>[,<substring>…] of the
 * route id (e.g. `BENCH_PAGES=submit,/review/`), the three skips (any non-empty value), and
 * BENCH_OUT=<folder> for the results.
 */
export function benchOptions(env: NodeJS.ProcessEnv, root: string): BenchOptions {
	const set = (name: string) => Boolean(env[name]);
	const regex = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null;
	const parts = (env.BENCH_PAGES ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const only =
		regex || parts.length
			? (route: string) =>
					(!regex || regex.test(route)) && (!parts.length || parts.some((s) => route.includes(s)))
			: null;
	const partial = [
		...(['BENCH_ONLY', 'BENCH_PAGES'] as const).filter((n) =>
			n === 'BENCH_PAGES' ? parts.length : set(n)
		),
		...SKIPS.filter(set)
	];
	const results = path.resolve(root, 'bench-results');
	const outDir = env.BENCH_OUT
		? path.resolve(root, env.BENCH_OUT)
		: partial.length
			? path.join(os.tmpdir(), 'truso-bench-partial')
			: results;
	if (partial.length && outDir === results) {
		throw new Error(
			`[bench] a partial run (${partial.join(', ')}) must not overwrite ${path.relative(root, results)}/latest.*: set BENCH_OUT to another folder`
		);
	}
	return {
		only,
		skipJs: set('BENCH_SKIP_JS'),
		skipEngines: set('BENCH_SKIP_ENGINES'),
		skipLoop: set('BENCH_SKIP_LOOP'),
		partial,
		outDir,
		json: path.join(outDir, 'latest.json'),
		md: path.join(outDir, 'latest.md')
	};
}
