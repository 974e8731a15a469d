// @ts-check
/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test`): Stryker changes the pure
 * domain modules and the authorisation guard one small edit at a time and checks that some test
 * fails. Scores and the surviving mutants: docs/mutation.md.
 *
 * One module: npx stryker run --mutate src/lib/condition/grading.ts
 * The machine is shared: concurrency 1 by default (raise with --concurrency N).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.mjs', related: true },
	plugins: ['@stryker-mutator/vitest-runner'],
	mutate: [
		'src/lib/allocation/evaluate.ts',
		'src/lib/allocation/validate.ts',
		'src/lib/norms/*.ts',
		'!src/lib/norms/*.spec.ts',
		'!src/lib/norms/types.ts',
		'!src/lib/norms/index.ts',
		'src/lib/condition/*.ts',
		'!src/lib/condition/*.spec.ts',
		'!src/lib/condition/index.ts',
		'src/lib/server/auth/guard.ts'
	],
	// Not copied into the sandbox: builds (some are symlinks), data, reports, other tools' output.
	ignorePatterns: [
		'/build',
		'/build-*',
		'/.svelte-kit*',
		'/data',
		'/tmp',
		'/test-results',
		'/bench-results',
		'/.drizzle-check-*',
		'/.build*.lock'
	],
	coverageAnalysis: 'perTest',
	concurrency: 1,
	timeoutMS: 30_000,
	tempDirName: 'tmp/stryker',
	cleanTempDir: true,
	reporters: ['clear-text', 'progress', 'json', 'html'],
	jsonReporter: { fileName: 'tmp/mutation/mutation.json' },
	htmlReporter: { fileName: 'tmp/mutation/mutation.html' },
	thresholds: { high: 90, low: 75, break: null }
};
