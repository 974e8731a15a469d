// @ts-check
/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test`): Stryker changes the domain
 * modules, the authorisation guard and the proposal workflow one small edit at a time and checks
 * that some test fails. The modules and their specs: mutation.modules.mjs. Scores and the
 * surviving mutants: docs/mutation.md.
 *
 * One module (condition, guard, workflow, norms, norms-other, allocation; comma-separated for several):
 *   MUTATION_MODULE=guard npm run test:mutation
 * The JSON/HTML reports go to tmp/mutation/<modules>.json|html, the sandbox to
 * tmp/stryker-<modules>, so two single-module runs do not collide.
 * The machine is shared: concurrency 1 by default (raise with --concurrency N).
 */
import { selectedModules } from './mutation.modules.mjs';

const modules = selectedModules();
const tag = process.env.MUTATION_MODULE ? modules.map((m) => m.name).join('-') : 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.mjs', related: true },
	plugins: ['@stryker-mutator/vitest-runner'],
	mutate: modules.flatMap((m) => m.mutate),
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
	// Per module (mutation.modules.mjs); `npm run test:mutation` runs the modules one by one.
	ignoreStatic: modules.every((m) => m.ignoreStatic === true),
	coverageAnalysis: 'perTest',
	concurrency: 1,
	timeoutMS: 30_000,
	tempDirName: `tmp/stryker-${tag}`,
	cleanTempDir: true,
	// `--incremental` re-tests only the mutants whose code or covering tests changed since the
	// module's last run (the file is kept in tmp/, git-ignored).
	incrementalFile: `tmp/mutation/${tag}.incremental.json`,
	reporters: ['clear-text', 'progress', 'json', 'html'],
	jsonReporter: { fileName: `tmp/mutation/${tag}.json` },
	htmlReporter: { fileName: `tmp/mutation/${tag}.html` },
	thresholds: { high: 90, low: 75, break: null }
};
