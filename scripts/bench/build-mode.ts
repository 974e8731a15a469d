/**
 * Which build the bench would measure: the stamp `scripts/build-if-needed.js` writes records the
 * mode, and a development build also shows in its server code (Svelte compiles every component
 * in development mode with a `Component.render(...)` guard naming Svelte 5, absent otherwise).
 * A development build runs Svelte's and Kit's checks on every request: figures from it are
 * meaningless, so the bench rebuilds once and refuses to run if it still is not production.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A string Svelte 5 compiles into each component only in development mode. */
export const DEV_MARKER = 'is no longer valid in Svelte 5';

export interface BuildMode {
	/** 'production', the stamp's other mode, or 'unknown' (no stamp, or a stamp without mode). */
	mode: string;
	/** Why the build is not usable for the bench, or null. */
	problem: string | null;
}

/** Files under `dir` ending in .js (recursively). */
function jsFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...jsFiles(p));
		else if (e.name.endsWith('.js')) out.push(p);
	}
	return out;
}

/** The mode of the build in `buildDir` (a folder or the `build` link). */
export function buildMode(buildDir: string): BuildMode {
	const stampFile = path.join(buildDir, '.truso-build-stamp');
	if (!fs.existsSync(path.join(buildDir, 'handler.js'))) {
		return { mode: 'unknown', problem: `no build in ${buildDir}` };
	}
	let mode = 'unknown';
	try {
		const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as { mode?: unknown };
		if (typeof stamp.mode === 'string') mode = stamp.mode;
	} catch {
		// No stamp, or not JSON: the mode is unknown.
	}
	if (mode !== 'production') {
		return { mode, problem: `the build's stamp says mode "${mode}", not "production"` };
	}
	const dev = jsFiles(path.join(buildDir, 'server')).find((f) =>
		fs.readFileSync(f, 'utf8').includes(DEV_MARKER)
	);
	if (dev) {
		return {
			mode: 'development',
			problem: `${path.relative(buildDir, dev)} holds Svelte's development-mode code although the stamp says production`
		};
	}
	return { mode, problem: null };
}

/**
 * Makes sure the bench measures a production build: `build(force)` is `buildIfNeeded`; a build
 * that is not production is rebuilt once (forced); one still not production throws.
 */
export function ensureProductionBuild(
	buildDir: string,
	build: (force: boolean) => void,
	log: (line: string) => void = console.log
): BuildMode {
	build(false);
	let m = buildMode(buildDir);
	if (m.problem) {
		log(`[bench] ${m.problem}: rebuilding in production mode…`);
		build(true);
		m = buildMode(buildDir);
		if (m.problem) throw new Error(`[bench] refusing to measure: ${m.problem}`);
	}
	return m;
}
