/**
 * `npm run test:newcomer`: the newcomer's path. Clones the repository (its committed HEAD, so
 * only committed files count) into a temporary folder, reads the README's quick-start commands
 * from the clone and runs them exactly as written (`bash -c '<line>'` in the clone):
 *
 *   1. the start command (`npm ci && npm start`) in the background, until the URL the README
 *      names (http://localhost:3000) answers; then checks that the home page answers, that the
 *      demo viewer can log in and that the sample ward's facilities page shows the ward and its
 *      facilities; then stops the server;
 *   2. the test command (`npm test`), with TRUSO_NEWCOMER_INNER=1 so this script is skipped
 *      inside it (no recursion).
 *
 * The commands run as written; only the environment is adjusted: npm prefers its local cache
 * (npm_config_prefer_offline=true), the variables a developer may have set for their own
 * database or build (DATABASE_PATH, UPLOAD_DIR, TRUSO_*, HOST, …) are removed so the clone uses
 * its own data/ folder, and PORT is set to the README's port, or to a free port when that one
 * is taken (TRUSO_NEWCOMER_PORT overrides). The temporary folder is removed when everything
 * passed and kept (its path printed) when something failed.
 *
 * Environment: TRUSO_NEWCOMER_PORT (port for the start), TRUSO_NEWCOMER_START_TIMEOUT_S
 * (default 1200: the first start installs and builds), TRUSO_NEWCOMER_KEEP=1 (keep the folder).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const TAG = '[newcomer]';

if (process.env.TRUSO_NEWCOMER_INNER === '1') {
	console.log(`${TAG} skipped: already inside a newcomer run (TRUSO_NEWCOMER_INNER=1).`);
	process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const startTimeoutS = Number(process.env.TRUSO_NEWCOMER_START_TIMEOUT_S || 1200);
const keepAlways = process.env.TRUSO_NEWCOMER_KEEP === '1';

/** @type {{ step: string; seconds: number; ok: boolean }[]} */
const timings = [];
/** @type {import('node:child_process').ChildProcess | null} */
let server = null;
let tmp = '';

/** @param {string} message */
function log(message) {
	console.log(`${TAG} ${message}`);
}

class NewcomerError extends Error {}

/** @param {string} message @returns {never} */
function fail(message) {
	throw new NewcomerError(message);
}

/**
 * Times one step and records it for the summary.
 * @template T
 * @param {string} step
 * @param {() => Promise<T> | T} fn
 * @returns {Promise<T>}
 */
async function timed(step, fn) {
	const t0 = performance.now();
	log(`▶ ${step}`);
	let ok = false;
	try {
		const result = await fn();
		ok = true;
		return result;
	} finally {
		const seconds = (performance.now() - t0) / 1000;
		timings.push({ step, seconds, ok });
		log(`${ok ? '✔' : '✘'} ${step} (${seconds.toFixed(1)} s)`);
	}
}

/**
 * The quick-start commands of a README: the lines of the shell code block(s) under the heading
 * that says "Quick start", up to the next heading (so its subsections, e.g. a production start,
 * are not part of it).
 * Lines ending in a backslash are joined; blank lines and comment-only lines are dropped.
 * @param {string} readme
 * @returns {{ commands: string[]; url: string | null }}
 */
function quickStart(readme) {
	const lines = readme.split(/\r?\n/);
	const start = lines.findIndex((l) => /^#{1,6}\s+quick\s*start\b/i.test(l));
	if (start < 0) return { commands: [], url: null };
	const section = [];
	let inFence = false;
	for (const line of lines.slice(start + 1)) {
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		if (!inFence && /^#{1,6}\s/.test(line)) break;
		section.push(line);
	}
	/** @type {string[]} */
	const commands = [];
	/** @type {{ marker: string; shell: boolean } | null} */
	let fence = null;
	let pending = '';
	for (const line of section) {
		const mark = line.match(/^\s*(```|~~~)\s*([\w-]*)/);
		if (mark && !fence) {
			// Shell blocks only (a block without a language counts as shell).
			fence = { marker: mark[1], shell: ['', 'sh', 'bash', 'shell', 'console'].includes(mark[2]) };
			continue;
		}
		if (mark && fence && mark[1] === fence.marker) {
			fence = null;
			continue;
		}
		if (!fence?.shell) continue;
		const text = line.replace(/^\s*\$\s+/, '');
		if (text.trimEnd().endsWith('\\')) {
			pending += text.trimEnd().slice(0, -1) + ' ';
			continue;
		}
		const full = (pending + text).trim();
		pending = '';
		if (full && !full.startsWith('#')) commands.push(full);
	}
	const url = section.join('\n').match(/https?:\/\/localhost:\d+/);
	return { commands, url: url ? url[0] : null };
}

/** The command as a person reads it: without its trailing comment. @param {string} command */
function shown(command) {
	return command.replace(/\s+#.*$/, '');
}

/** @param {number} port @returns {Promise<boolean>} */
function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * The environment a newcomer's shell would have: without npm's per-script variables (they
 * point at this checkout), without the app's own settings (so the clone uses its own data/),
 * with npm preferring its local cache.
 * @param {Record<string, string>} extra
 */
function newcomerEnv(extra) {
	/** @type {Record<string, string>} */
	const env = {};
	const drop = new Set([
		'DATABASE_PATH',
		'UPLOAD_DIR',
		'HOST',
		'PORT',
		'TILE_URL',
		'TRUST_PROXY',
		'INIT_CWD',
		'NODE_ENV'
	]);
	for (const [k, v] of Object.entries(process.env)) {
		if (v === undefined || drop.has(k)) continue;
		if (k.startsWith('TRUSO_') || (k.startsWith('npm_') && k !== 'npm_config_cache')) continue;
		env[k] = v;
	}
	// `npm run` puts this checkout's node_modules/.bin first on PATH; a newcomer has none.
	env.PATH = (process.env.PATH ?? '')
		.split(path.delimiter)
		.filter((p) => !/node_modules[\\/]\.bin$/.test(p) && !/node-gyp-bin$/.test(p))
		.join(path.delimiter);
	env.npm_config_prefer_offline = 'true';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	return { ...env, ...extra };
}

/**
 * Streams a child's output with a prefix and into a log file.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} logFile
 */
function pipeOutput(child, logFile) {
	const out = fs.createWriteStream(logFile);
	for (const stream of [child.stdout, child.stderr]) {
		let rest = '';
		stream?.on('data', (chunk) => {
			out.write(chunk);
			const text = rest + String(chunk);
			const parts = text.split('\n');
			rest = parts.pop() ?? '';
			for (const line of parts) process.stdout.write(`  │ ${line}\n`);
		});
		stream?.on('end', () => {
			if (rest) process.stdout.write(`  │ ${rest}\n`);
		});
	}
	child.on('close', () => out.end());
}

/** @param {number} group @returns {boolean} whether a process of the group is still alive */
function groupAlive(group) {
	try {
		process.kill(-group, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Stops the background start command and everything it started: its whole process group
 * (npm ignores SIGTERM while it installs, so the group gets SIGKILL after 10 s).
 */
async function stopServer() {
	const child = server;
	server = null;
	const group = child?.pid;
	if (!group || !groupAlive(group)) return;
	process.kill(-group, 'SIGTERM');
	for (let i = 0; i < 100 && groupAlive(group); i++) await new Promise((r) => setTimeout(r, 100));
	if (groupAlive(group)) {
		log('the start command did not stop on SIGTERM within 10 s; sending SIGKILL');
		process.kill(-group, 'SIGKILL');
		for (let i = 0; i < 50 && groupAlive(group); i++) await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * Runs the start command in the background and waits until `url` answers.
 * @param {string} command @param {string} cwd @param {Record<string, string>} env @param {string} url
 */
async function startInBackground(command, cwd, env, url) {
	const logFile = path.join(tmp, 'start.log');
	const child = spawn('bash', ['-c', command], {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server = child;
	pipeOutput(child, logFile);
	const started = Date.now();
	const deadline = started + startTimeoutS * 1000;
	let nextNote = started + 30_000;
	while (Date.now() < deadline) {
		if (Date.now() >= nextNote) {
			// `npm ci` prints nothing until it is done; say that the run is alive.
			log(`… still waiting for ${url} (${Math.round((Date.now() - started) / 1000)} s)`);
			nextNote += 30_000;
		}
		if (child.exitCode !== null || child.signalCode !== null) {
			fail(
				`the start command exited (${child.exitCode ?? child.signalCode}) before ${url} answered; see ${logFile}`
			);
		}
		try {
			const r = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
			log(`${url} answers (HTTP ${r.status})`);
			return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	fail(
		`${url} did not answer within ${startTimeoutS} s (TRUSO_NEWCOMER_START_TIMEOUT_S); see ${logFile}`
	);
}

/** Checks that the running app answers with the sample ward. @param {string} base */
async function checkSampleWard(base) {
	const home = await fetch(`${base}/`);
	const homeHtml = await home.text();
	if (home.status !== 200) fail(`GET / answered HTTP ${home.status}`);
	if (!homeHtml.includes('Trụ sở')) fail('GET / does not show "Trụ sở"');
	log(`GET / → 200 (${new URL(home.url).pathname}), shows "Trụ sở"`);

	const login = await fetch(`${base}/login`, {
		method: 'POST',
		// As the browser's login form sends it (an Accept without text/html gets SvelteKit's JSON
		// answer for enhanced forms instead of the 303).
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			username: 'binhtrung.viewer',
			password: 'truso-demo',
			next: '/w/binh-trung/facilities'
		}),
		redirect: 'manual'
	});
	const cookie = login.headers.get('set-cookie')?.split(';')[0];
	if (login.status !== 303 || !cookie) {
		fail(`logging in as binhtrung.viewer / truso-demo answered HTTP ${login.status}, no session`);
	}
	log(`logged in as binhtrung.viewer (303 → ${login.headers.get('location')})`);

	const page = await fetch(`${base}/w/binh-trung/facilities`, { headers: { cookie } });
	const html = await page.text();
	if (page.status !== 200) fail(`GET /w/binh-trung/facilities answered HTTP ${page.status}`);
	const expected = [
		'Bình Trưng',
		'Dữ liệu mẫu',
		'Trụ sở UBND phường Bình Trưng',
		'Nguyên trụ sở UBND phường Bình Trưng Đông'
	];
	const missing = expected.filter((s) => !html.includes(s));
	if (missing.length) fail(`the sample ward's facilities page lacks: ${missing.join(', ')}`);
	log(`GET /w/binh-trung/facilities → 200, shows ${expected.map((s) => `"${s}"`).join(', ')}`);
}

/**
 * Runs one command in the foreground.
 * @param {string} command @param {string} cwd @param {Record<string, string>} env
 */
function runForeground(command, cwd, env) {
	const r = spawnSync('bash', ['-c', command], { cwd, env, stdio: 'inherit' });
	if (r.status !== 0) fail(`"${shown(command)}" exited with ${r.status ?? r.signal}`);
}

function summary() {
	console.log(`\n${TAG} summary`);
	const width = Math.max(...timings.map((t) => t.step.length), 10);
	for (const t of timings) {
		console.log(
			`  ${t.ok ? '✔' : '✘'} ${t.step.padEnd(width)}  ${t.seconds.toFixed(1).padStart(7)} s`
		);
	}
	const total = timings.reduce((s, t) => s + t.seconds, 0);
	console.log(`    ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(7)} s`);
}

async function main() {
	const git = spawnSync('git', ['--version'], { encoding: 'utf8' });
	if (git.status !== 0) fail('git is not installed (apt-get install -y git)');

	// safe.directory: the checkout may belong to another user (CI containers).
	const gitAt = ['-c', `safe.directory=${root}`, '-C', root];
	const head = spawnSync('git', [...gitAt, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	const dirty = spawnSync('git', [...gitAt, 'status', '--porcelain'], { encoding: 'utf8' });
	const changes = (dirty.stdout ?? '').split('\n').filter(Boolean).length;
	if (changes) {
		log(
			`note: ${changes} uncommitted change(s) in ${root} are not part of this run; the clone has the committed HEAD only`
		);
	}

	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-newcomer-'));
	// mkdtemp makes the folder 0700; a test that starts the server as another user (the
	// read-only database check runs it as "nobody" under root) must be able to reach the clone.
	fs.chmodSync(tmp, 0o755);
	const clone = path.join(tmp, 'truso');
	await timed(`git clone (HEAD ${head.stdout?.trim() || '?'}) into ${clone}`, () => {
		const r = spawnSync(
			'git',
			[
				'-c',
				`safe.directory=${root}`,
				'-c',
				'advice.detachedHead=false',
				'clone',
				'--quiet',
				'--no-hardlinks',
				root,
				clone
			],
			{ stdio: 'inherit' }
		);
		if (r.status !== 0) fail('git clone failed');
		const cloned = spawnSync('git', ['-C', clone, 'rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8'
		});
		if (head.stdout && cloned.stdout?.trim() !== head.stdout.trim()) {
			fail(`the clone is at ${cloned.stdout?.trim()}, not at the checkout's HEAD ${head.stdout}`);
		}
	});

	const readmePath = path.join(clone, 'README.md');
	if (!fs.existsSync(readmePath)) fail('the clone has no README.md');
	const { commands, url: readmeUrl } = quickStart(fs.readFileSync(readmePath, 'utf8'));
	const startIndex = commands.findIndex((c) => /\bnpm\s+(run\s+)?start\b/.test(shown(c)));
	const testIndex = commands.findIndex((c) => /\bnpm\s+(run\s+)?t(est)?\b/.test(shown(c)));
	if (!commands.length) {
		fail(
			'no quick-start commands found: README.md needs a "Quick start" heading with a ```sh block'
		);
	}
	if (startIndex < 0) fail(`no start command (npm start) in the README's quick start: ${commands}`);
	if (testIndex < 0) fail(`no test command (npm test) in the README's quick start: ${commands}`);
	log(`README quick start: ${commands.map((c) => `\`${shown(c)}\``).join(', ')}`);

	const readmePort = Number(new URL(readmeUrl ?? 'http://localhost:3000').port || 80);
	let port = Number(process.env.TRUSO_NEWCOMER_PORT || 0);
	if (!port) {
		port = (await portIsFree(readmePort)) ? readmePort : await freePort();
		if (port !== readmePort) log(`port ${readmePort} is in use here; the start gets PORT=${port}`);
	}
	const base = `http://localhost:${port}`;
	const env = newcomerEnv({ PORT: String(port), TRUSO_NEWCOMER_INNER: '1' });

	for (const [i, command] of commands.entries()) {
		if (i === startIndex) {
			await timed(`\`${shown(command)}\` until ${base} answers`, () =>
				startInBackground(command, clone, env, `${base}/`)
			);
			await timed('the app answers with the sample ward', () => checkSampleWard(base));
			await timed('stop the server', () => stopServer());
			const db = path.join(clone, 'data', 'truso.sqlite');
			log(
				fs.existsSync(db)
					? `the start used the clone's own database ${db}`
					: `note: no database at ${db}`
			);
		} else {
			await timed(`\`${shown(command)}\``, () => runForeground(command, clone, env));
		}
	}
}

let ok = false;
try {
	await main();
	ok = true;
} catch (e) {
	console.error(`${TAG} FAILED: ${e instanceof NewcomerError ? e.message : String(e)}`);
	if (!(e instanceof NewcomerError) && e instanceof Error) console.error(e.stack);
} finally {
	await stopServer();
	summary();
	if (tmp) {
		if (ok && !keepAlways) {
			fs.rmSync(tmp, { recursive: true, force: true });
			log(`removed ${tmp}`);
		} else {
			log(`kept ${tmp} for a look (start.log is the start command's output)`);
		}
	}
	console.log(`${TAG} ${ok ? 'PASSED' : 'FAILED'}`);
}
process.exit(ok ? 0 : 1);
