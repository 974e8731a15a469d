/**
 * Builds the app when build/ is missing or older than its sources; shared by `npm start`
 * and the end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** @param {string} p @returns {number} */
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p))
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

/** Sleeps synchronously (the build step is synchronous by design). */
/** @param {number} ms */
function sleepMs(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` while holding a lock folder, so test files started in parallel do not build into
 * the same folder at once. A lock older than 15 minutes is taken as left by a crash.
 * @param {string} lockDir
 * @param {() => void} fn
 */
function withLock(lockDir, fn) {
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			break;
		} catch {
			try {
				if (Date.now() - fs.statSync(lockDir).mtimeMs > 15 * 60 * 1000)
					fs.rmSync(lockDir, { recursive: true, force: true });
			} catch {
				// The lock went away meanwhile.
			}
			sleepMs(500);
		}
	}
	try {
		fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

export function buildIfNeeded() {
	const buildDir = process.env.TRUSO_BUILD_DIR || 'build';
	withLock(path.join(root, `.${buildDir}.lock`), () => buildIfStale());
}

function buildIfStale() {
	const buildDir = process.env.TRUSO_BUILD_DIR || 'build';
	const stampFile = path.join(root, buildDir, '.truso-build-stamp');
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const stamp = JSON.stringify({
		sources: Math.max(...inputs.map((p) => newestMtime(path.join(root, p)))),
		tileUrl: process.env.TILE_URL ?? ''
	});
	const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
	if (current === stamp && fs.existsSync(path.join(root, buildDir, 'handler.js'))) return;
	console.log('[truso] building the app (first start or sources changed)…');
	const r = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (r.status !== 0) {
		console.error('[truso] the build failed; see the messages above.');
		process.exit(r.status ?? 1);
	}
	fs.writeFileSync(stampFile, stamp);
}
