/**
 * End-to-end tests: builds the app if needed, then runs Playwright against the production
 * build on a temporary database, in Debian's Chromium (no browser download).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.js';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
	console.error(
		`Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`
	);
	process.exit(1);
}
buildIfNeeded();
const r = spawnSync(
	process.execPath,
	[
		path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
		'test',
		...process.argv.slice(2)
	],
	{
		stdio: 'inherit',
		env: process.env
	}
);
process.exit(r.status ?? 1);
