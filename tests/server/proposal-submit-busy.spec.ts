/**
 * Submitting while the packet queue has no free slot (issue 16): the submission answers at once
 * "Máy chủ đang bận, vị trí N" (503) instead of waiting for its turn, and nothing is submitted
 * or queued. Every render slot is held by another ward's job; one job of another ward waits, so
 * the submission would have been second in line.
 */
import { isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { proposalVersions } from '$lib/server/db/schema';
import { anKhanhDraft } from '../helpers/proposals';
import { PacketQueueBusyError, versionFiles } from '$lib/server/export';
import { packetQueue } from '$lib/server/jobs';
import { getProposal, submitProposal } from '$lib/server/proposals';
import { actions } from '../../src/routes/w/[ward]/proposals/[id=id]/+page.server';

const OTHER_WARD = 535_353;
let db: Db;
let wardId: number;
let wardCode: string;
let proposalId: number;
let editor: { id: number; username: string };
let releases: (() => void)[] = [];

beforeEach(() => {
	const f = anKhanhDraft(['ak.ed']);
	({ db, wardId, wardCode, proposalId } = f);
	editor = f.editors[0];
	// Every slot running another ward's job, and one more of it waiting.
	for (let i = 0; i <= packetQueue.options.running; i++) {
		packetQueue.submit(
			OTHER_WARD,
			`busy-submit:${i}`,
			() => new Promise<void>((r) => releases.push(r))
		);
	}
});

afterEach(async () => {
	// Release until nothing of ours runs or waits (the waiting one starts once a slot frees).
	for (let i = 0; i < 50 && packetQueue.running + packetQueue.waiting > 0; i++) {
		releases.splice(0).forEach((r) => r());
		await new Promise((r) => setTimeout(r, 5));
	}
	releases = [];
});

const versions = () =>
	db.select().from(proposalVersions).where(eq(proposalVersions.proposalId, proposalId)).all();

describe('submitting while the packet queue is busy', () => {
	it('service: PacketQueueBusyError with position 2 at once; nothing submitted or queued', async () => {
		const waiting = packetQueue.waiting;
		expect(waiting).toBe(1);
		const t = performance.now();
		const err = await submitProposal(
			db,
			{ userId: editor.id, username: editor.username },
			wardId,
			proposalId,
			versionFiles
		).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(PacketQueueBusyError);
		expect((err as PacketQueueBusyError).position).toBe(2);
		// At once: the assembly only (a waiting job would hang until the test releases it).
		expect(performance.now() - t).toBeLessThan(5_000);
		expect(versions()).toHaveLength(0);
		expect(getProposal(db, wardId, proposalId)!.status).toBe('draft');
		expect(packetQueue.waiting).toBe(waiting);
	});

	it('action: 503 "Máy chủ đang bận, vị trí 2 trong hàng đợi", the proposal stays a draft', async () => {
		const request = new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ confirm: '1' })
		});
		const locals = {
			db,
			locale: 'vi',
			user: { id: editor.id, username: editor.username, role: 'ward_editor', wardId },
			ward: { id: wardId, code: wardCode, name: 'An Khánh', isSample: true },
			canEdit: true
		} as unknown as App.Locals;
		let res: unknown;
		try {
			res = await actions.submit({
				request,
				locals,
				params: { ward: wardCode, id: String(proposalId) }
			} as never);
		} catch (e) {
			if (isRedirect(e)) {
				throw new Error(`redirected to ${e.location}: the submission went through`);
			}
			throw e;
		}
		const r = res as { status: number; data: { message: string } };
		expect(r.status).toBe(503);
		expect(r.data.message).toBe(
			'Máy chủ đang bận, vị trí 2 trong hàng đợi. Hồ sơ chưa được gửi; vui lòng gửi lại sau ít phút.'
		);
		expect(versions()).toHaveLength(0);
		expect(getProposal(db, wardId, proposalId)!.status).toBe('draft');
	});
});
