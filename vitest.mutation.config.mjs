/**
 * The tests Stryker runs for `npm run test:mutation` (stryker.config.mjs): the specs of the
 * mutated modules only, in process (no server, no build, no solver binaries). A config of its
 * own (mergeConfig would append to the main config's include list, not replace it).
 */
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const ALL = [
	'src/lib/allocation/allocation.spec.ts',
	'src/lib/allocation/validation.spec.ts',
	'src/lib/norms/*.spec.ts',
	'src/lib/condition/*.spec.ts',
	'tests/unit/auth.spec.ts',
	'tests/unit/permissions.spec.ts',
	'tests/unit/mutation-*.spec.ts'
];

/** MUTATION_SPECS=glob,glob narrows the specs (e.g. to one module's while measuring it). */
const include = process.env.MUTATION_SPECS?.split(',').filter(Boolean) ?? ALL;

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include,
		environment: 'node',
		testTimeout: 30_000,
		pool: 'forks'
	}
});
