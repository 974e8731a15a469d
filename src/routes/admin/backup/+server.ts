import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { backupDatabase } from '$lib/server/admin/backup';
import { download } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * POST /admin/backup: a fresh online backup of the database, streamed as a download and
 * deleted once sent (a POST so a link preview or prefetch never starts one).
 */
export const POST: RequestHandler = async ({ locals }) => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'truso-backup-'));
	const file = path.join(dir, 'backup.sqlite');
	try {
		await backupDatabase(locals.db.$client, file);
	} catch (e) {
		await fs.rm(dir, { recursive: true, force: true });
		throw e;
	}
	const { size } = await fs.stat(file);
	const stream = createReadStream(file);
	const cleanup = () => void fs.rm(dir, { recursive: true, force: true });
	stream.once('close', cleanup);
	const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
	const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
	return download(body, 'sqlite', `truso-backup-${stamp}`, { size });
};
