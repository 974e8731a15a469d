/**
 * Creating a proposal assembles its first packet on the assembly worker, in the same bounded,
 * fair queue as every other assembly (issue 16), and a worker reads the restored database after
 * a restore replaced the file. A database file (a worker can open it), seeded once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../admin/backup';
import { migrationsFolder, openDatabase } from '../db/connection';
import { proposals, users, wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { MAX_QUEUED_PER_WARD } from '../jobs';
import { assembleOffThread, assembleQueue, stopAssembleWorkers } from './assemble-pool';
import { createProposalOffThread } from './workflow';
import { getProposal } from './reading';
import { defaultDraft } from '../../packet';
import type { Db } from '../db';
import { actions } from '../../../routes/w/[ward]/proposals/+page.server';
import { load as proposalPage } from '../../../routes/w/[ward]/proposals/[id=id]/+page.server';

const OTHER_WARD = 727_272;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-assemble-'));
const file = path.join(dir, 'truso.sqlite');
let db: Db;
let wardId: number;
let wardCode: string;
let wardName: string;
let editor: { id: number; username: string };
let releases: (() => void)[] = [];

beforeAll(() => {
	db = openDatabase(file);
	seedSample(db);
	const w = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!;
	wardId = w.id;
	wardCode = w.code;
	wardName = w.name;
	editor = db
		.insert(users)
		.values({
			username: 'ak.offthread',
			displayName: 'ak.offthread',
			passwordHash: 'x',
			role: 'ward_editor',
			wardId
		})
		.returning({ id: users.id, username: users.username })
		.get();
}, 120_000);

afterEach(async () => {
	for (let i = 0; i < 50 && assembleQueue.running + assembleQueue.waiting > 0; i++) {
		releases.splice(0).forEach((r) => r());
		await new Promise((r) => setTimeout(r, 10));
	}
	releases = [];
});

afterAll(async () => {
	await stopAssembleWorkers();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Holds the worker's one slot with another ward's job (released in afterEach). */
function holdSlot(tag: string) {
	assembleQueue.submit(OTHER_WARD, `${tag}:hold`, () => new Promise<void>((r) => releases.push(r)));
	expect(assembleQueue.running).toBe(1);
}

const drafts = () =>
	db
		.select({ id: proposals.id })
		.from(proposals)
		.where(and(eq(proposals.wardId, wardId), eq(proposals.status, 'draft')))
		.all();

function createRequest(title: string) {
	return {
		request: new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ title })
		}),
		locals: {
			db,
			locale: 'vi',
			user: { id: editor.id, username: editor.username, role: 'ward_editor', wardId },
			ward: { id: wardId, code: wardCode, name: 'An Khánh', isSample: true },
			canEdit: true
		} as unknown as App.Locals,
		params: { ward: wardCode }
	};
}

describe('creating a proposal: the first assembly on the worker, in the fair queue', () => {
	it('waits for its turn behind the running assembly: nothing is written before the worker answers', async () => {
		holdSlot('wait');
		const before = drafts().map((d) => d.id);
		const pending = createProposalOffThread(
			db,
			{ userId: editor.id, username: editor.username },
			wardId,
			'Đề xuất chờ lượt'
		);
		// Queued behind the held job: first in line, and no row yet (today's createProposal is
		// synchronous and had inserted the draft by now).
		await new Promise((r) => setTimeout(r, 20));
		expect(assembleQueue.waiting).toBe(1);
		expect(drafts().map((d) => d.id)).toEqual(before);
		releases.splice(0).forEach((r) => r());
		const id = await pending;
		const p = getProposal(db, wardId, id)!;
		expect(p.title).toBe('Đề xuất chờ lượt');
		expect(p.status).toBe('draft');
		// The snapshot the worker assembled is the one stored with the draft.
		expect(p.state.assembled?.ward.id).toBe(wardId);
		expect(p.state.assembled?.ward.name).toBe(wardName);
	}, 120_000);

	it('action: the ward\'s share of the queue full → 503 "Máy chủ đang bận", no draft created', async () => {
		holdSlot('full');
		for (let i = 0; i < MAX_QUEUED_PER_WARD; i++) {
			assembleQueue.submit(wardId, `full:${i}`, () => Promise.resolve());
		}
		const before = drafts().map((d) => d.id);
		let res: unknown;
		try {
			res = await actions.create(createRequest('Đề xuất bị từ chối') as never);
		} catch (e) {
			if (isRedirect(e)) throw new Error(`redirected to ${e.location}: the draft was created`);
			throw e;
		}
		const r = res as { status: number; data: { message: string; form: string } };
		expect(r.status).toBe(503);
		expect(r.data.message).toBe(
			'Máy chủ đang bận: phường đã có 4 việc chờ trong hàng đợi. Vui lòng đợi các việc đó xong rồi thử lại.'
		);
		expect(r.data.form).toBe('create');
		expect(drafts().map((d) => d.id)).toEqual(before);
	}, 60_000);

	it('action: with a free worker the draft is created and the answer redirects to it', async () => {
		let location = '';
		try {
			await actions.create(createRequest('Đề xuất mới') as never);
		} catch (e) {
			if (!isRedirect(e)) throw e;
			location = e.location;
		}
		const id = Number(location.split('/').at(-1));
		expect(location).toBe(`/w/${wardCode}/proposals/${id}`);
		expect(getProposal(db, wardId, id)!.title).toBe('Đề xuất mới');
	}, 120_000);
});

describe('the draft page while the assembly queue is full', () => {
	it('opens without the changed-numbers check (null) and checks again on the next load', async () => {
		const id = await createProposalOffThread(
			db,
			{ userId: editor.id, username: editor.username },
			wardId,
			'Đề xuất xem khi bận'
		);
		// A change of the data after assembly, so the check has something to compare.
		db.update(wards).set({ name: wardName }).where(eq(wards.id, wardId)).run();
		const open = async () =>
			(await proposalPage({
				locals: {
					db,
					locale: 'vi',
					principal: { kind: 'user', user: { role: 'ward_editor' } },
					user: { id: editor.id, username: editor.username, role: 'ward_editor', wardId },
					ward: { id: wardId, code: wardCode, name: wardName, isSample: true },
					canEdit: true
				},
				params: { ward: wardCode, id: String(id) },
				url: new URL(`http://x/w/${wardCode}/proposals/${id}`)
			} as never)) as { changes: unknown[] | null; title: string };
		holdSlot('page');
		for (let i = 0; i < MAX_QUEUED_PER_WARD; i++) {
			assembleQueue.submit(wardId, `page:${i}`, () => Promise.resolve());
		}
		const busy = await open();
		expect(busy.changes).toBeNull();
		// The queue empties: the same page (database unchanged) runs the check this time.
		releases.splice(0).forEach((r) => r());
		for (let i = 0; i < 50 && assembleQueue.running + assembleQueue.waiting > 0; i++) {
			await new Promise((r) => setTimeout(r, 10));
		}
		const free = await open();
		expect(Array.isArray(free.changes)).toBe(true);
	}, 120_000);
});

describe('a worker after a restore', () => {
	it('reads the restored database, not the file it had open', async () => {
		const draft = defaultDraft(wardName, '2026-12-06', 'Thành phố Hồ Chí Minh');
		const before = await assembleOffThread(db, wardId, draft);
		expect(before.ward.name).toBe(wardName);
		// A backup whose ward name differs, restored over the file the worker has open.
		const backup = path.join(dir, 'renamed.sqlite');
		db.update(wards)
			.set({ name: `${wardName} (khôi phục)` })
			.where(eq(wards.id, wardId))
			.run();
		await backupDatabase(db.$client, backup);
		db.update(wards).set({ name: wardName }).where(eq(wards.id, wardId)).run();
		expect((await assembleOffThread(db, wardId, draft)).ward.name).toBe(wardName);
		await restoreDatabase(backup, file, {
			migrationsFolder: migrationsFolder(),
			keepPrevious: false
		});
		// The server's own handle still reads the old file (it restarts after a restore); the
		// worker checks the file per job and opens the restored one.
		const after = await assembleOffThread(db, wardId, draft);
		expect(after.ward.name).toBe(`${wardName} (khôi phục)`);
	}, 120_000);
});
