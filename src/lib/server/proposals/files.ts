/** The packet files of a submitted version: where they are written and how they are read. */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PacketSnapshot } from '../../packet';
import { uploadDir } from '../inventory/photos';

export const sha256 = (data: string | Uint8Array) =>
	createHash('sha256').update(data).digest('hex');

export interface PacketFile {
	name: string;
	path: string;
	sha256: string;
	size: number;
}

/** Generates the packet files of a snapshot (injected so tests and routes share one path). */
export type PacketGenerator = (
	snapshot: PacketSnapshot,
	meta: { proposalId: number; version: number; sha256: string; submittedAt: Date }
) => Promise<{ name: string; bytes: Uint8Array }[]>;

/**
 * The folder of one submission attempt's files, `packets/<proposal>/v<n>-<random>`: unique, so
 * that two submissions racing for the same version number (a double click) never write over each
 * other's files. The version row records each file's path.
 */
export function packetDir(proposalId: number, version: number): string {
	return path.join('packets', String(proposalId), `v${version}-${randomBytes(4).toString('hex')}`);
}

/** Reads a stored packet file of a version (null when missing). */
export async function readPacketFile(file: PacketFile): Promise<Uint8Array | null> {
	const root = uploadDir();
	const full = path.resolve(root, file.path);
	if (!full.startsWith(root + path.sep)) return null;
	try {
		return new Uint8Array(await readFile(full));
	} catch {
		return null;
	}
}
