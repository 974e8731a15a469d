/**
 * `npm start` rebuilds when the sources changed. The rebuild goes to a new folder and the
 * `build` link is switched atomically, so a server already running from the same checkout keeps
 * answering the chunk URLs of its own pages (before: build/ was rebuilt in place and the running
 * server answered 404/500 for chunks that had vanished).
 *
 * The test uses its own link (build-switchtest-<pid>) so it does not disturb the shared build;
 * its "builds" are copies of the real build, the second one without the first one's client
 * chunks, as a build of changed sources would be (other hashes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { freePort, startServer, type RunningServer } from '../support/server';

const root = path.resolve(import.meta.dirname, '..', '..');
const linkName = `build-switchtest-${process.pid}`;
const link = path.join(root, linkName);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-switch-'));
const servers: RunningServer[] = [];
let realBuild = '';

const copyOf = (dropClientChunks: boolean) => (outDir: string) => {
	const out = path.join(root, outDir);
	fs.cpSync(realBuild, out, { recursive: true });
	if (dropClientChunks) {
		fs.rmSync(path.join(out, 'client', '_app', 'immutable'), { recursive: true, force: true });
	}
};

async function start(name: string): Promise<RunningServer> {
	const server = await startServer({
		// A port the system gives (a random one could be another server's: B then read A's chunks).
		port: await freePort(),
		databasePath: path.join(dir, `${name}.sqlite`),
		uploadDir: path.join(dir, `${name}-uploads`),
		extra: { TRUSO_BUILD_DIR: linkName }
	});
	servers.push(server);
	return server;
}

/** The /_app/immutable URLs a page refers to (scripts and styles). */
async function chunkUrls(base: string): Promise<string[]> {
	const html = await (await fetch(`${base}/login`)).text();
	return [...new Set([...html.matchAll(/\/_app\/immutable\/[^"'\s)]+/g)].map((m) => m[0]))];
}

beforeAll(() => {
	buildIfNeeded();
	realBuild = fs.realpathSync(path.join(root, 'build'));
}, 600_000);

afterAll(async () => {
	for (const s of servers) await s.stop();
	for (const n of fs.readdirSync(root)) {
		if (n === linkName || n.startsWith(`${linkName}-`)) {
			fs.rmSync(path.join(root, n), { recursive: true, force: true });
		}
	}
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('a rebuild while a server runs', () => {
	it('the shared build is a link to a build-<time> folder', () => {
		expect(fs.lstatSync(path.join(root, 'build')).isSymbolicLink()).toBe(true);
		expect(path.basename(realBuild)).toMatch(/^build-\d+$/);
		expect(fs.existsSync(path.join(realBuild, 'handler.js'))).toBe(true);
	});

	it('server A keeps answering its chunk URLs with 200 after the build is switched', async () => {
		buildIfNeeded({ buildDir: linkName, force: true, build: copyOf(false) });
		const first = fs.readlinkSync(link);
		expect(first).toMatch(new RegExp(`^${linkName}-\\d+$`));
		const a = await start('a');
		const urls = await chunkUrls(a.base);
		expect(urls.length).toBeGreaterThan(2);
		for (const u of urls) expect((await fetch(`${a.base}${u}`)).status, u).toBe(200);

		// A rebuild (of "changed sources": the old chunk names are gone from the new build).
		await new Promise((r) => setTimeout(r, 5));
		buildIfNeeded({ buildDir: linkName, force: true, build: copyOf(true) });
		const second = fs.readlinkSync(link);
		expect(second).not.toBe(first);
		expect(fs.existsSync(path.join(root, second, 'client', '_app', 'immutable'))).toBe(false);

		// A still serves its own chunks, and pages whose server code it had not loaded yet.
		for (const u of urls) expect((await fetch(`${a.base}${u}`)).status, u).toBe(200);
		expect((await fetch(`${a.base}/help`)).status).toBe(200);
		expect((await fetch(`${a.base}/health`)).status).toBe(200);
		// A server started now runs the new build (which lacks those chunks): the check can fail.
		const b = await start('b');
		expect((await fetch(`${b.base}${urls[0]}`)).status).toBe(404);
	}, 120_000);

	it('keeps the two previous builds and any a running server uses; removes the others', async () => {
		const before = fs.readdirSync(root).filter((n) => n.startsWith(`${linkName}-`));
		expect(before).toHaveLength(2);
		// Servers A and B still run from these two, and say so.
		const [a, b] = servers;
		const older = before.sort();
		for (const [n, s] of [
			[older[0], a],
			[older[1], b]
		] as const) {
			expect(fs.existsSync(path.join(root, n, `.in-use-${s.process.pid}`))).toBe(true);
		}
		const rebuild = () =>
			buildIfNeeded({
				buildDir: linkName,
				force: true,
				build: (out) => fs.mkdirSync(path.join(root, out))
			});
		const builds = () => fs.readdirSync(root).filter((n) => n.startsWith(`${linkName}-`));
		for (let i = 0; i < 3; i++) rebuild();
		// The current one, the two before it, and A's and B's although older.
		expect(builds()).toHaveLength(5);
		expect(builds()).toEqual(expect.arrayContaining([...older, fs.readlinkSync(link)]));

		// A stops (its mark goes); a mark left by a process that died counts for nothing.
		await a.stop();
		expect(fs.existsSync(path.join(root, older[0], `.in-use-${a.process.pid}`))).toBe(false);
		fs.writeFileSync(path.join(root, older[1], '.in-use-999999999'), '');
		await b.stop();
		rebuild();
		expect(builds()).toHaveLength(3);
		expect(builds()).not.toContain(older[0]);
		expect(builds()).not.toContain(older[1]);
		expect(builds()).toContain(fs.readlinkSync(link));
	}, 60_000);
});
