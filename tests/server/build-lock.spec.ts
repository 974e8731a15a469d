/**
 * scripts/build-if-needed.js: a failed build releases its lock folder and removes the half-made
 * build. Before, the default (vite) build called `process.exit` inside the lock, which skips
 * `finally`: `.build.lock` stayed and the next `npm start` or test file waited 15 minutes for it
 * to count as stale. The failing "build" here is a real child process (the same spawn path as
 * vite's) that creates its output folder and exits with status 3.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const linkName = `build-locktest-${process.pid}`;
const lockDir = path.join(root, `.${linkName}.lock`);
const ours = () => fs.readdirSync(root).filter((n) => n.startsWith(linkName));

afterAll(() => {
	for (const n of ours()) fs.rmSync(path.join(root, n), { recursive: true, force: true });
	fs.rmSync(lockDir, { recursive: true, force: true });
});

describe('buildIfNeeded when the build fails', () => {
	it('throws with the exit status, releases the lock and removes the partial build', () => {
		const failing = [
			'-e',
			"require('fs').mkdirSync(process.env.TRUSO_BUILD_DIR, { recursive: true }); process.exit(3)"
		];
		expect(() => buildIfNeeded({ buildDir: linkName, force: true, buildArgs: failing })).toThrow(
			'the build failed (exit status 3)'
		);
		expect(fs.existsSync(lockDir)).toBe(false);
		// Neither the link nor the build-<time> folder the child created is left behind.
		expect(ours()).toEqual([]);
	});

	it('a build after the failure runs at once (no stale lock to wait for) and switches the link', () => {
		const started = Date.now();
		buildIfNeeded({
			buildDir: linkName,
			force: true,
			build: (outDir) => {
				fs.mkdirSync(path.join(root, outDir));
				fs.writeFileSync(path.join(root, outDir, 'handler.js'), '');
			}
		});
		// withLock polls every 500 ms while the lock folder exists.
		expect(Date.now() - started).toBeLessThan(500);
		expect(fs.existsSync(lockDir)).toBe(false);
		expect(fs.lstatSync(path.join(root, linkName)).isSymbolicLink()).toBe(true);
		expect(fs.existsSync(path.join(root, linkName, 'handler.js'))).toBe(true);
	});

	it('a custom build that throws also releases the lock and leaves no folder', () => {
		expect(() =>
			buildIfNeeded({
				buildDir: `${linkName}-x`,
				force: true,
				build: (outDir) => {
					fs.mkdirSync(path.join(root, outDir));
					throw new Error('compile error');
				}
			})
		).toThrow('compile error');
		expect(fs.existsSync(path.join(root, `.${linkName}-x.lock`))).toBe(false);
		expect(ours().filter((n) => n.startsWith(`${linkName}-x`))).toEqual([]);
	});

	it('builds in production mode even when started from the test runner (NODE_ENV=test)', () => {
		expect(process.env.NODE_ENV).toBe('test');
		const recordMode = [
			'-e',
			"const fs = require('fs'); const d = process.env.TRUSO_BUILD_DIR; fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(d + '/handler.js', ''); fs.writeFileSync(d + '/mode.txt', String(process.env.NODE_ENV))"
		];
		buildIfNeeded({ buildDir: `${linkName}-m`, force: true, buildArgs: recordMode });
		expect(fs.readFileSync(path.join(root, `${linkName}-m`, 'mode.txt'), 'utf8')).toBe(
			'production'
		);
		// The stamp says so: a build stamped without the mode (perhaps a development build) is redone.
		const stamp = JSON.parse(
			fs.readFileSync(path.join(root, `${linkName}-m`, '.truso-build-stamp'), 'utf8')
		) as { mode?: string };
		expect(stamp.mode).toBe('production');
	});
});
