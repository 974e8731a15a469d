/**
 * Builds the app when the build is missing or older than its sources; shared by `npm start`
 * and the tests.
 *
 * A build never happens in place: it goes to a new folder `build-<time>/` beside `build`, and
 * `build` is a symbolic link switched to it atomically (a new link renamed over the old one)
 * once the build succeeded. A server already running from the same checkout resolved `build`
 * to its own folder when it started (Node follows the link), so it keeps loading its own
 * server chunks and serving its own client files while a newer build is made and switched to.
 * The previous KEEP_PREVIOUS builds are kept, and any older one a running server marked as in
 * use (scripts/lib/builds-in-use.js); the others are removed.
 * A `build` that is a plain folder (from before this scheme) is moved aside the first time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inUse } from './lib/builds-in-use.js';

const root = path.resolve(import.meta.dirname, '..');

/** @param {string} p @returns {number} */
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p)) {
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	}
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
				if (Date.now() - fs.statSync(lockDir).mtimeMs > 15 * 60 * 1000) {
					fs.rmSync(lockDir, { recursive: true, force: true });
				}
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

/** Builds kept besides the current one, for servers still running from them. */
const KEEP_PREVIOUS = 2;

/**
 * @typedef {object} BuildOptions
 * @property {string} [buildDir] the link's path relative to the checkout (TRUSO_BUILD_DIR, default build)
 * @property {boolean} [force] build even when the stamp matches
 * @property {(outDir: string) => void} [build] makes the build in outDir (default: vite build)
 * @property {string[]} [buildArgs] Node's arguments for the default build (default: vite's
 *   `build`); the tests run a command that fails
 */

/**
 * A failed build throws (after the lock is released and the half-made folder removed) rather than
 * exiting the process from inside the lock: `process.exit` skips `finally`, so the `.build.lock`
 * folder stayed and every later start waited 15 minutes for it to be taken as stale.
 * @param {BuildOptions} [options]
 */
export function buildIfNeeded(options = {}) {
	const buildDir = options.buildDir || process.env.TRUSO_BUILD_DIR || 'build';
	withLock(path.join(root, `.${buildDir.replace(/[\\/]/g, '_')}.lock`), () =>
		buildIfStale(buildDir, options)
	);
}

/**
 * @param {string} outDir relative to the checkout
 * @param {string[]} args
 */
function spawnBuild(outDir, args) {
	const r = spawnSync(process.execPath, args, {
		cwd: root,
		stdio: 'inherit',
		// Always a production build: a build started from the test runner (vitest sets NODE_ENV
		// to "test") would otherwise compile the app in development mode (Svelte's dev checks on
		// every element, Kit's DEV branches), and `npm start` or the bench would then serve it.
		env: { ...process.env, NODE_ENV: 'production', TRUSO_BUILD_DIR: outDir }
	});
	if (r.status !== 0) {
		throw new Error(
			`[truso] the build failed (exit status ${r.status ?? r.signal}); see the messages above.`
		);
	}
}

/**
 * @param {string} buildDir
 * @param {BuildOptions} options
 */
function buildIfStale(buildDir, options) {
	const link = path.join(root, buildDir);
	const stampFile = path.join(link, '.truso-build-stamp');
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const stamp = JSON.stringify({
		// A stamp without the mode is from a build that may have been made in development mode.
		mode: 'production',
		sources: Math.max(...inputs.map((p) => newestMtime(path.join(root, p)))),
		tileUrl: process.env.TILE_URL ?? ''
	});
	const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
	if (!options.force && current === stamp && fs.existsSync(path.join(link, 'handler.js'))) return;
	console.log('[truso] building the app (first start or sources changed)…');
	let time = Date.now();
	while (
		fs.existsSync(path.join(root, path.dirname(buildDir), `${path.basename(buildDir)}-${time}`))
	) {
		time++;
	}
	const name = `${path.basename(buildDir)}-${time}`;
	const outDir = path.join(path.dirname(buildDir), name);
	const build =
		options.build ??
		((/** @type {string} */ dir) =>
			spawnBuild(
				dir,
				options.buildArgs ?? [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']
			));
	try {
		build(outDir);
	} catch (e) {
		fs.rmSync(path.join(root, outDir), { recursive: true, force: true });
		throw e;
	}
	fs.writeFileSync(path.join(root, outDir, '.truso-build-stamp'), stamp);
	switchLink(link, name);
	prune(link, name);
}

/**
 * Points `link` at `target` (a sibling folder name) atomically: a new link is made beside it
 * and renamed over the old one, so `link` always names a complete build.
 * @param {string} link
 * @param {string} target
 */
function switchLink(link, target) {
	const stat = fs.lstatSync(link, { throwIfNoEntry: false });
	if (stat && !stat.isSymbolicLink()) {
		// A plain build folder from before: moved aside (it is pruned like any older build).
		fs.renameSync(link, `${link}-${Math.floor(stat.mtimeMs)}`);
	}
	const tmp = `${link}.next-${process.pid}`;
	fs.rmSync(tmp, { force: true });
	fs.symlinkSync(target, tmp, 'junction');
	fs.renameSync(tmp, link);
}

/**
 * Removes builds older than the KEEP_PREVIOUS newest ones besides the current one, unless a
 * running server uses them.
 * @param {string} link
 * @param {string} current
 */
function prune(link, current) {
	const dir = path.dirname(link);
	const pattern = new RegExp(
		`^${path.basename(link).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`
	);
	const older = fs
		.readdirSync(dir)
		.map((n) => ({ n, m: pattern.exec(n) }))
		.filter((x) => x.m && x.n !== current)
		.sort((a, b) => Number(b.m?.[1]) - Number(a.m?.[1]));
	for (const { n } of older.slice(KEEP_PREVIOUS)) {
		if (inUse(path.join(dir, n))) continue;
		fs.rmSync(path.join(dir, n), { recursive: true, force: true });
	}
}
