/**
 * The tests Stryker runs for `npm run test:mutation` (stryker.config.mjs): the specs of the
 * mutated modules only (mutation.modules.mjs), in process (no server, no build, no solver binaries). A config of its
 * own (mergeConfig would append to the main config's include list, not replace it).
 */
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { selectedModules } from './mutation.modules.mjs';

/**
 * The specs of the modules MUTATION_MODULE selects (all by default, see mutation.modules.mjs);
 * MUTATION_SPECS=glob,glob overrides them (e.g. one new spec while writing it).
 */
const include =
	process.env.MUTATION_SPECS?.split(',').filter(Boolean) ??
	selectedModules().flatMap((m) => m.specs);

/** Tests of the selected modules' skip lists (slow solver runs, see mutation.modules.mjs). */
const skip = selectedModules().flatMap((m) => m.skipTests ?? []);
const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include,
		environment: 'node',
		testTimeout: 30_000,
		pool: 'forks',
		testNamePattern: skip.length
			? new RegExp(`^(?!.*(?:${skip.map(escape).join('|')}))`)
			: undefined
	}
});
