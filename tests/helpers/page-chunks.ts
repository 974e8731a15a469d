/**
 * Every client JavaScript file a page can load, read from a build: its first-load files
 * ({@link firstLoadFiles}) and, transitively, each chunk they import statically or dynamically
 * (Vite writes both as quoted relative paths: `from"./x.js"`, `import("./x.js")`, and the
 * `__vite__mapDeps` lists of preloads). The app entry (`entry/app.*.js`) lists every page's
 * node and their files: it is not read, and no node is followed (the page's own layout and leaf
 * nodes are among its first-load files).
 */
import fs from 'node:fs';
import path from 'node:path';
import { firstLoadFiles } from './bundle';

const quotedJs = /["'`]((?:\.{1,2}\/|_app\/)[\w./-]+\.js)["'`]/g;

/** Client files (relative to `client/`) reachable from the page `routeId`, each once. */
export function reachableFiles(buildDir: string, routeId: string): string[] {
	const client = path.join(buildDir, 'client');
	const seen = new Set<string>();
	const queue = [...firstLoadFiles(buildDir, routeId)];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		if (/(^|\/)entry\/app\.[^/]*\.js$/.test(file)) continue;
		const text = fs.readFileSync(path.join(client, file), 'utf8');
		for (const m of text.matchAll(quotedJs)) {
			const spec = m[1];
			const candidates = spec.startsWith('_app/')
				? [spec]
				: [path.join(path.dirname(file), spec), path.join('_app/immutable', spec)];
			for (const c of candidates) {
				const rel = path.normalize(c);
				if (rel.includes('/nodes/')) break;
				if (!seen.has(rel) && fs.existsSync(path.join(client, rel))) {
					queue.push(rel);
					break;
				}
			}
		}
	}
	return [...seen];
}

/** The text of each reachable file, by file. */
export function reachableTexts(buildDir: string, routeId: string): Map<string, string> {
	const client = path.join(buildDir, 'client');
	return new Map(
		reachableFiles(buildDir, routeId).map((f) => [f, fs.readFileSync(path.join(client, f), 'utf8')])
	);
}
