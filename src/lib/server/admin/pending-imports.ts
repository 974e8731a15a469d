/**
 * Uploaded import files kept between the preview and the confirmation, so the import works
 * without JavaScript (the confirm form carries only a token). Files expire after an hour.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const MAX_AGE_MS = 60 * 60 * 1000;

function dir(): string {
	return path.resolve(process.env.UPLOAD_DIR || 'data/uploads', '..', 'pending-imports');
}

export async function keepUpload(
	wardId: number,
	filename: string,
	data: Uint8Array
): Promise<string> {
	await fs.mkdir(dir(), { recursive: true });
	const token = `${wardId}-${randomUUID()}`;
	const ext = path.extname(filename).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
	await fs.writeFile(path.join(dir(), token + ext), data);
	void sweep();
	return token + ext;
}

/** Reads a kept upload of this ward, or null when the token is unknown, foreign or expired. */
export async function readUpload(
	wardId: number,
	token: string
): Promise<{ name: string; data: Uint8Array } | null> {
	if (!new RegExp(`^${wardId}-[0-9a-f-]{36}\\.(csv|xlsx)$`).test(token)) return null;
	try {
		const data = await fs.readFile(path.join(dir(), token));
		return { name: token, data: new Uint8Array(data) };
	} catch {
		return null;
	}
}

export async function dropUpload(token: string): Promise<void> {
	if (/^\d+-[0-9a-f-]{36}\.(csv|xlsx)$/.test(token)) {
		await fs.rm(path.join(dir(), token), { force: true });
	}
}

async function sweep(): Promise<void> {
	try {
		const now = Date.now();
		for (const name of await fs.readdir(dir())) {
			const stat = await fs.stat(path.join(dir(), name));
			if (now - stat.mtimeMs > MAX_AGE_MS) await fs.rm(path.join(dir(), name), { force: true });
		}
	} catch {
		// Nothing to sweep.
	}
}
