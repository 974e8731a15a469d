/** The production server on the sample, in a fresh temporary folder (test code, not in $lib). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer, type RunningServer } from '../support/server';

export interface SampleServer {
	server: RunningServer;
	/** The temporary folder (database and uploads): `close()` removes it. */
	dir: string;
	dbFile: string;
	uploadDir: string;
	base: string;
	/** Stops the server and removes its folder (safe to call twice). */
	close(): Promise<void>;
}

/**
 * Builds if needed, then starts the production server on a new sample database in a folder
 * named `truso-<name>-…`, on a free port, and waits for /health. Stop it with `close()`.
 */
export async function startSampleServer(
	name: string,
	extra: Record<string, string> = {}
): Promise<SampleServer> {
	const { buildIfNeeded } = (await import('../../scripts/build-if-needed.js')) as {
		buildIfNeeded: () => void;
	};
	buildIfNeeded();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `truso-${name}-`));
	const dbFile = path.join(dir, 'db.sqlite');
	const uploadDir = path.join(dir, 'uploads');
	try {
		const server = await startServer({
			port: await freePort(),
			databasePath: dbFile,
			uploadDir,
			extra: { TRUSO_SAMPLE: '1', ...extra }
		});
		return {
			server,
			dir,
			dbFile,
			uploadDir,
			base: server.base,
			close: async () => {
				await server.stop();
				fs.rmSync(dir, { recursive: true, force: true });
			}
		};
	} catch (e) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	}
}
