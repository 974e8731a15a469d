/** The production server on the sample, in a fresh temporary folder (test code, not in $lib). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer, type RunningServer } from '../support/server';

export interface SampleServer {
	server: RunningServer;
	/** The temporary folder (database and uploads): remove it after stopping the server. */
	dir: string;
	dbFile: string;
	base: string;
}

/** Builds if needed, then starts the server on a new sample database in a folder named `truso-<name>-…`. */
export async function startSampleServer(name: string): Promise<SampleServer> {
	const { buildIfNeeded } = (await import('../../scripts/build-if-needed.js')) as {
		buildIfNeeded: () => void;
	};
	buildIfNeeded();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `truso-${name}-`));
	const dbFile = path.join(dir, 'db.sqlite');
	const server = await startServer({
		port: await freePort(),
		databasePath: dbFile,
		uploadDir: path.join(dir, 'uploads'),
		extra: { TRUSO_SAMPLE: '1' }
	});
	return { server, dir, dbFile, base: server.base };
}
