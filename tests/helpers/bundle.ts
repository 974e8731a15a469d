/**
 * What a page's first load costs in JavaScript, read from a build (no browser): SvelteKit's
 * server manifest names the client entry's files and, per route, its layout and page nodes,
 * each with the client files it imports statically (the files the HTML preloads).
 * Works on the adapter's output (`build/`: server/chunks/manifest.js-<hash>.js) and on
 * SvelteKit's own (`.svelte-kit/output/`: server/manifest.js).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
	/** Client files (relative to `client/`), each once. */
	files: string[];
	/** Their total size in bytes, raw and gzip (level 9 per file). */
	raw: number;
	gzip: number;
}

function manifestPath(buildDir: string): string {
	for (const dir of [path.join(buildDir, 'server'), path.join(buildDir, 'server', 'chunks')]) {
		if (!fs.existsSync(dir)) continue;
		const file = fs
			.readdirSync(dir)
			.find((f) => f === 'manifest.js' || /^manifest\.js-[\w-]+\.js$/.test(f));
		if (file) return path.join(dir, file);
	}
	throw new Error(`no SvelteKit server manifest under ${buildDir}/server`);
}

const stringList = (text: string): string[] => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/** The client JavaScript files the first load of `routeId` (e.g. "/login") needs. */
export function firstLoadFiles(buildDir: string, routeId: string): string[] {
	const manifestFile = manifestPath(buildDir);
	const manifest = fs.readFileSync(manifestFile, 'utf8');
	const client = /client:\s*\{[^}]*?imports:\s*\[([^\]]*)\]/.exec(manifest);
	if (!client) throw new Error('no client entry in the manifest');
	const nodes = [...manifest.matchAll(/import\('\.\/(nodes\/[^']+)'\)/g)].map((m) => m[1]);
	const escaped = routeId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const route = new RegExp(
		`id: "${escaped}",[\\s\\S]*?page: \\{ layouts: \\[([\\d,]*)\\], errors: \\[[\\d,]*\\], leaf: (\\d+) \\}`
	).exec(manifest);
	if (!route) throw new Error(`no page ${routeId} in the manifest`);
	const branch = [...route[1].split(',').filter(Boolean).map(Number), Number(route[2])];
	const files = new Set(stringList(client[1]));
	for (const n of branch) {
		const node = fs.readFileSync(path.join(path.dirname(manifestFile), nodes[n]), 'utf8');
		const imports = /\bimports = \[([^\]]*)\]/.exec(node);
		if (!imports) throw new Error(`node ${n} lists no imports`);
		for (const f of stringList(imports[1])) files.add(f);
	}
	return [...files].filter((f) => f.endsWith('.js'));
}

/** The ids of every page route in the build ("/login", "/w/[ward]/facilities", …). */
export function pageRoutes(buildDir: string): string[] {
	const manifest = fs.readFileSync(manifestPath(buildDir), 'utf8');
	return [...manifest.matchAll(/id: "([^"]+)",\n[^\n]*\n[^\n]*\n\s*page: \{ layouts/g)].map(
		(m) => m[1]
	);
}

/** The files of {@link firstLoadFiles} with their raw and gzip sizes summed. */
export function firstLoad(buildDir: string, routeId: string): FirstLoad {
	const files = firstLoadFiles(buildDir, routeId);
	let raw = 0;
	let gzip = 0;
	for (const f of files) {
		const bytes = fs.readFileSync(path.join(buildDir, 'client', f));
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return { files, raw, gzip };
}

/** The text of the first-load files, joined (to look for strings that must not ship). */
export function firstLoadText(buildDir: string, routeId: string): string {
	return firstLoadFiles(buildDir, routeId)
		.map((f) => fs.readFileSync(path.join(buildDir, 'client', f), 'utf8'))
		.join('\n');
}

// `npx tsx tests/helpers/bundle.ts <build dir> [route]` prints the figures.
if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
	const [dir = 'build', route = '/login'] = process.argv.slice(2);
	const r = firstLoad(dir, route);
	console.log(
		`${route}: ${r.files.length} JS files, ${(r.raw / 1024).toFixed(1)} KB raw, ` +
			`${(r.gzip / 1024).toFixed(1)} KB gzip`
	);
}
