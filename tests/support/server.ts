/**
 * Starting the production build in a child process for tests that need a real server
 * (faults, security). Each server gets its own port and temporary database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export { loginCookie } from '../../scripts/lib/http';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
	base: string;
	process: ChildProcess;
	/** What the server wrote so far (standard output and error, interleaved). */
	output(): string;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port nobody listens on now (the system picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(port));
		});
	});
}

export async function startServer(env: {
	port: number;
	databasePath: string;
	uploadDir: string;
	extra?: Record<string, string>;
	/** Run as another user (e.g. 65534 "nobody" when the tests run as root). */
	uid?: number;
	gid?: number;
}): Promise<RunningServer> {
	if (env.uid !== undefined) assertReadableBy(env.uid, env.gid ?? env.uid);
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		...(env.uid === undefined ? {} : { uid: env.uid, gid: env.gid ?? env.uid }),
		env: {
			...process.env,
			PORT: String(env.port),
			HOST: '127.0.0.1',
			DATABASE_PATH: env.databasePath,
			UPLOAD_DIR: env.uploadDir,
			TILE_URL: 'none',
			...env.extra
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += String(d)));
	child.stderr?.on('data', (d) => (output += String(d)));
	const base = `http://127.0.0.1:${env.port}`;
	// Up to a minute: a shared machine may be busy building or running other servers.
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
		try {
			if ((await fetch(`${base}/health`)).ok) break;
		} catch {
			// not up yet
		}
		if (i === 400) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer /health within a minute:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		base,
		process: child,
		output: () => output,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}

/** Fails with a clear message when the other user cannot reach the checkout (a 0700 folder above it). */
function assertReadableBy(uid: number, gid: number): void {
	const serve = path.join(root, 'scripts', 'serve.js');
	const probe = spawnSync(
		process.execPath,
		[
			'-e',
			`require('node:fs').accessSync(${JSON.stringify(serve)}, require('node:fs').constants.R_OK)`
		],
		{ uid, gid, stdio: 'ignore' }
	);
	if (probe.status !== 0) {
		throw new Error(
			`user ${uid} cannot read ${serve}: every folder above the checkout must be searchable by others (chmod o+x)`
		);
	}
}
