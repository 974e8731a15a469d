import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'drizzle/',
			'test-results/',
			'bench-results/',
			'tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is served at the root (no `paths.base`), so resolve() would add nothing to links.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// A body that spans lines has braces; `if (x) return;` on one line stays short.
			curly: ['error', 'multi-line'],
			'svelte/button-has-type': 'error'
		}
	},
	{
		// The domain folders are pure: no server, database, Kit or Svelte imports, so they run in
		// tests, scripts, workers and the browser alike.
		files: [
			'src/lib/allocation/**',
			'src/lib/condition/**',
			'src/lib/geo/**',
			'src/lib/mcda/**',
			'src/lib/norms/**',
			'src/lib/scoring/**'
		],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server', '$lib/server/*', '**/server/*', '**/server'],
							message: 'Domain code must not import server code.'
						},
						{
							group: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*', '$env/*'],
							message: 'Domain code must not depend on SvelteKit.'
						},
						{
							group: ['svelte', 'svelte/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
							message: 'Domain code must not depend on Svelte or the database.'
						}
					]
				}
			]
		}
	},
	{
		// Routes call their feature's services (src/lib/server/<feature>); queries live there.
		files: ['src/routes/**'],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*', '$lib/server/db/schema', '**/db/schema'],
							message: 'Routes must not query the database: call a service of $lib/server.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': [
				'error',
				// Svelte event attributes may be async functions (their promise is not awaited).
				{ checksVoidReturn: { attributes: false } }
			]
		}
	},
	{
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
