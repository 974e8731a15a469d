/**
 * Submitting a packet whose snapshot carries no dossier inputs (`PacketSnapshot.dossier` is
 * optional: snapshots made before the dossier existed have none). The assembly is replaced by the
 * real one minus `dossier`, so the justification check must read it as "no problems" rather than
 * fail on the missing object (a mutant of `snapshot.dossier?.problems`, docs/mutation.md).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { proposalVersions } from '../../src/lib/server/db/schema';
import { getProposal, submitProposal, type PacketGenerator } from '../../src/lib/server/proposals';
import { binhTrungProposal } from '../helpers/proposals';

vi.mock('../../src/lib/server/proposals/assemble-pool', async (importOriginal) => {
	const real =
		await importOriginal<typeof import('../../src/lib/server/proposals/assemble-pool')>();
	return {
		...real,
		assembleOffThread: async (...args: Parameters<typeof real.assembleOffThread>) => {
			const snapshot = await real.assembleOffThread(...args);
			delete snapshot.dossier;
			return snapshot;
		}
	};
});

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-workflow-snap-'));
});

const files: PacketGenerator = async (snapshot) => [
	{ name: 'packet.json', bytes: new TextEncoder().encode(JSON.stringify(snapshot)) }
];

describe('a snapshot without dossier inputs', () => {
	it('is submitted as version 3 and stored without them', async () => {
		const f = binhTrungProposal('returned', { prefix: 'mws', claimed: false });
		const actor = { userId: f.editor.userId, username: f.editor.username };
		const r = await submitProposal(f.db, actor, f.ward.id, f.id, files);
		expect(r.version).toBe(3);
		expect(getProposal(f.db, f.ward.id, f.id)!.status).toBe('submitted');
		const v = f.db
			.select()
			.from(proposalVersions)
			.where(and(eq(proposalVersions.proposalId, f.id), eq(proposalVersions.number, 3)))
			.get()!;
		const stored = JSON.parse(v.snapshotJson) as Record<string, unknown>;
		expect('dossier' in stored).toBe(false);
		expect(stored.format).toBe('truso-packet/1');
	});
});
