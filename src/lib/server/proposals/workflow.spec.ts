import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import {
	auditLog,
	notifications,
	orgUnits,
	positions,
	proposals,
	users,
	wards
} from '../db/schema';
import {
	addComment,
	claimProposal,
	createProposal,
	decideProposal,
	getProposal,
	getVersion,
	lastVersionDiff,
	listComments,
	listProposals,
	listVersions,
	portfolio,
	proposalHead,
	proposalsForApi,
	ProposalError,
	readPacketFile,
	reassemble,
	recomputeCheck,
	reviewQueue,
	sha256,
	submitProposal,
	type PacketGenerator
} from './';
import { listNotifications, unreadCount } from './notifications';
import { section } from '../../packet';
import { sampleDb } from '../../../../tests/helpers/sample';

const fakeFiles: PacketGenerator = async (s, meta) => [
	{ name: 'packet.zip', bytes: new TextEncoder().encode(`zip ${meta.version} ${s.ward.code}`) }
];

let db: Db;
let wardId: number;
let editor: { userId: number; username: string };
let reviewer: { userId: number; username: string };

function addUser(
	username: string,
	role: 'ward_editor' | 'city_reviewer' | 'ward_viewer',
	wid: number | null
) {
	const u = db
		.insert(users)
		.values({ username, displayName: username, passwordHash: 'x', role, wardId: wid })
		.returning({ id: users.id })
		.get();
	return { userId: u.id, username };
}

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-proposals-'));
});

beforeEach(() => {
	({ db, bt: wardId } = sampleDb());
	editor = addUser('bt.editor', 'ward_editor', wardId);
	reviewer = addUser('city.rev', 'city_reviewer', null);
	addUser('bt.viewer', 'ward_viewer', wardId);
});

describe('sample proposals', () => {
	it('Bình Trưng has version 1 in review with a comment; An Khánh has a draft', () => {
		const bt = listProposals(db, wardId);
		expect(bt).toHaveLength(1);
		expect(bt[0].status).toBe('in-review');
		expect(listVersions(db, bt[0].id).map((v) => v.number)).toEqual([1, 2]);
		expect(listComments(db, bt[0].id)[0].section).toBe('estimate');
		// The head a page naming the proposal reads (no draft): its status and version count.
		expect(proposalHead(db, wardId, bt[0].id)).toEqual({
			id: bt[0].id,
			title: bt[0].title,
			status: 'in-review',
			versions: 2
		});
		// Another ward's proposal is not found by id.
		expect(proposalHead(db, wardId + 1000, bt[0].id)).toBeUndefined();
		const ak = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!;
		expect(listProposals(db, ak.id).map((p) => p.status)).toEqual(['draft']);
		// The city's queue hides the draft.
		expect(reviewQueue(db).map((q) => q.wardCode)).toEqual(['binh-trung']);
	});

	it('the sample snapshot has the ward numbers traced to their sources', () => {
		const p = listProposals(db, wardId)[0];
		const v = getVersion(db, p.id, 1)!;
		const nec = section(v.snapshot, 'necessity').numbers;
		expect(nec.headcount.value).toBeGreaterThan(0);
		expect(nec.ratioToNorm.source.kind).toBe('needs');
		const est = section(v.snapshot, 'estimate').numbers;
		// The rate of the rate table for the dossier's storeys (the dossier's estimate).
		expect(est.unitCostVndPerM2.value).toBe(v.snapshot.dossier!.estimate!.rateVndPerM2);
		expect(est.totalVnd.value).toBe(
			(est.constructionVnd.value ?? 0) +
				(est.landCostVnd.value ?? 0) +
				(est.contingencyVnd.value ?? 0)
		);
	});
});

/** One live proposal per ward: the sample's proposal under review is decided first. */
function closeSample() {
	const p = listProposals(db, wardId).find((x) => x.status === 'in-review');
	if (p) decideProposal(db, reviewer, p.id, { outcome: 'approved', note: 'Mẫu' });
}

describe('workflow', () => {
	it('two submissions racing (a double click): one version, whose stored files are its own; the other leaves nothing', async () => {
		closeSample();
		const id = createProposal(db, editor, wardId, 'Nộp hai lần');
		let calls = 0;
		const slow: PacketGenerator = async (_s, meta) => {
			const n = ++calls;
			await new Promise((r) => setTimeout(r, 20 * n));
			const bytes = new TextEncoder().encode(`attempt ${n} of version ${meta.version}`);
			return [{ name: 'packet.zip', bytes }];
		};
		const results = await Promise.allSettled([
			submitProposal(db, editor, wardId, id, slow),
			submitProposal(db, editor, wardId, id, slow)
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(lost.reason).toBeInstanceOf(ProposalError);
		expect(listVersions(db, id).map((v) => v.number)).toEqual([1]);
		const files = getVersion(db, id, 1)!.files;
		expect(files).toHaveLength(1);
		const bytes = await readPacketFile(files[0]);
		expect(new TextDecoder().decode(bytes!)).toBe('attempt 1 of version 1');
		expect(sha256(bytes!)).toBe(files[0].sha256);
		// Only the winning attempt's folder is left.
		const dirs = readdirSync(path.join(process.env.UPLOAD_DIR!, 'packets', String(id)));
		expect(dirs).toHaveLength(1);
	});

	it('draft → submitted → in-review → returned → resubmitted → approved, audited and notified', async () => {
		closeSample();
		const id = createProposal(db, editor, wardId, 'Đề xuất thử');
		expect(getProposal(db, wardId, id)!.status).toBe('draft');
		// The city never sees drafts.
		expect(() => claimProposal(db, reviewer, id)).toThrow(ProposalError);

		const v1 = await submitProposal(db, editor, wardId, id, fakeFiles);
		expect(v1.version).toBe(1);
		expect(v1.sha256).toMatch(/^[0-9a-f]{64}$/);
		const stored = getVersion(db, id, 1)!;
		expect(stored.files[0].name).toBe('packet.zip');
		expect(getProposal(db, wardId, id)!.status).toBe('submitted');
		expect(unreadCount(db, reviewer.userId)).toBeGreaterThan(0);
		// Submitting again while submitted is refused.
		await expect(submitProposal(db, editor, wardId, id, fakeFiles)).rejects.toThrow(ProposalError);

		claimProposal(db, reviewer, id);
		expect(getProposal(db, wardId, id)!.status).toBe('in-review');
		expect(getProposal(db, wardId, id)!.reviewerId).toBe(reviewer.userId);
		addComment(db, reviewer, id, { section: 'necessity', body: 'Kiểm tra lại biên chế.' });
		expect(() => addComment(db, reviewer, id, { section: 'nope', body: 'x' })).toThrow(
			ProposalError
		);
		decideProposal(db, reviewer, id, { outcome: 'returned', note: 'Bổ sung số liệu' });
		expect(getProposal(db, wardId, id)!.status).toBe('returned');
		expect(listNotifications(db, editor.userId, 'vi').some((n) => n.text.includes('trả lại'))).toBe(
			true
		);

		// The editor changes a number at its source: one more approved post.
		const pos = db
			.select({ id: positions.id, approved: positions.approved })
			.from(positions)
			.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
			.where(eq(orgUnits.wardId, wardId))
			.get()!;
		db.update(positions)
			.set({ approved: pos.approved + 5 })
			.where(eq(positions.id, pos.id))
			.run();
		const state = getProposal(db, wardId, id)!.state;
		const changes = recomputeCheck(db, wardId, state);
		expect(changes.map((c) => c.key)).toContain('necessity.headcount');
		const hc = changes.find((c) => c.key === 'necessity.headcount')!;
		expect((hc.after!.value ?? 0) - (hc.before!.value ?? 0)).toBe(5);
		reassemble(db, editor, wardId, id);
		expect(recomputeCheck(db, wardId, getProposal(db, wardId, id)!.state)).toEqual([]);

		const v2 = await submitProposal(db, editor, wardId, id, fakeFiles);
		expect(v2.version).toBe(2);
		// Version 1 never changes.
		expect(getVersion(db, id, 1)!.sha256).toBe(v1.sha256);
		const diff = lastVersionDiff(db, id)!;
		expect(diff.sections.find((s) => s.key === 'necessity')!.numbers.map((n) => n.key)).toContain(
			'headcount'
		);

		decideProposal(db, reviewer, id, { outcome: 'approved', note: 'Đồng ý chủ trương' });
		expect(getProposal(db, wardId, id)!.status).toBe('approved');
		expect(() => decideProposal(db, reviewer, id, { outcome: 'rejected', note: 'x' })).toThrow(
			ProposalError
		);

		const audit = db.select().from(auditLog).where(eq(auditLog.wardId, wardId)).all();
		const kinds = audit.map((a) => `${a.entity}:${a.action}`);
		expect(kinds).toEqual(
			expect.arrayContaining([
				'proposal:create',
				'proposal_version:submit',
				'proposal:update',
				'review_comment:create',
				'decision:decide'
			])
		);
		expect(kinds.filter((k) => k === 'proposal_version:submit').length).toBe(4); // sample 2 + 2
		const row = portfolio(db).find((r) => r.wardCode === 'binh-trung')!;
		expect(row.proposalId).toBe(id);
		expect(row.version).toBe(2);
		expect(row.ratioToNorm).not.toBeNull();
	});

	it('the JSON API lists versions with stable file URLs and hides drafts when asked', () => {
		const ak = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!;
		expect(proposalsForApi(db, ak.id, false)).toEqual([]);
		expect(proposalsForApi(db, ak.id, true).map((p) => p.status)).toEqual(['draft']);
		const [bt] = proposalsForApi(db, wardId, false);
		expect(bt.versions[0].files.zip).toBe(`/api/v1/proposals/${bt.id}/versions/1/packet.zip`);
		expect(bt.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a ward cannot read another ward’s proposal', () => {
		const ak = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!;
		const akProposal = db.select().from(proposals).where(eq(proposals.wardId, ak.id)).get()!;
		expect(getProposal(db, wardId, akProposal.id)).toBeUndefined();
	});

	it('notifications go to the ward’s users on a decision', () => {
		const p = listProposals(db, wardId)[0];
		decideProposal(db, reviewer, p.id, { outcome: 'rejected', note: 'Không phù hợp quy hoạch' });
		const rows = db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, editor.userId)))
			.all();
		expect(rows).toHaveLength(1);
		expect(rows[0].link).toBe(`/w/binh-trung/proposals/${p.id}`);
	});
});
