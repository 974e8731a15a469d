import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/server/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 30_000,
		pool: 'forks'
	}
});
