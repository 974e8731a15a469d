/**
 * The proposal workflow (src/lib/server/proposals/index.ts) beyond the state table of
 * proposal-workflow.spec.ts: what each accepted step writes besides the status — the audit
 * entry (before and after), the notifications (who, which message, which link), the version,
 * comment and decision rows — and the input checks of a comment. Written to kill mutants that
 * survived (docs/mutation.md).
 *
 * Each test starts from a fresh sample database: Bình Trưng's sample proposal (two submitted
 * versions) put into a given status; four users of our own: the ward's editor and viewer, and
 * two city reviewers.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/connection';
import { ConflictError } from '../../src/lib/server/core/concurrency';
import {
	auditLog,
	decisions,
	notifications,
	proposalVersions,
	proposals,
	reviewComments,
	rooms,
	wards
} from '../../src/lib/server/db/schema';
import {
	addComment,
	claimProposal,
	createProposal,
	decideProposal,
	getProposal,
	reassemble,
	saveDraft,
	sha256,
	submitProposal,
	type PacketGenerator,
	type ProposalStatus
} from '../../src/lib/server/proposals';
import type { PacketSnapshot } from '../../src/lib/packet';
import { binhTrungProposal, refused, type Actor, type WorkflowFixture } from '../helpers/proposals';

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-workflow-mut-'));
});

const files: PacketGenerator = async (_s, meta) => [
	{ name: 'packet.zip', bytes: new TextEncoder().encode(`zip v${meta.version}`) },
	{ name: 'to-trinh.pdf', bytes: new TextEncoder().encode('pdf') }
];

/** Bình Trưng's sample proposal in `status` (claimed by mw.reviewer when `claimed`), users mw.*. */
const fixture = (status: ProposalStatus, claimed = false) =>
	binhTrungProposal(status, { prefix: 'mw', claimed });

/** The audit entries written after `fromId`, parsed. */
function auditSince(db: Db, fromId: number) {
	return db
		.select()
		.from(auditLog)
		.where(sql`${auditLog.id} > ${fromId}`)
		.orderBy(asc(auditLog.id))
		.all()
		.map((a) => ({
			userId: a.userId,
			username: a.username,
			wardId: a.wardId,
			entity: a.entity,
			entityId: a.entityId,
			action: a.action,
			before: a.beforeJson === null ? null : JSON.parse(a.beforeJson),
			after: a.afterJson === null ? null : JSON.parse(a.afterJson)
		}));
}
const lastAuditId = (db: Db) =>
	db
		.select({ n: sql<number>`coalesce(max(${auditLog.id}), 0)` })
		.from(auditLog)
		.get()!.n;

/** Notifications written after `fromId`: the recipients (sorted), message and link of each kind. */
function notesSince(db: Db, fromId: number) {
	const rows = db
		.select()
		.from(notifications)
		.where(sql`${notifications.id} > ${fromId}`)
		.orderBy(asc(notifications.id))
		.all();
	const kinds = [...new Set(rows.map((r) => `${r.message}|${r.link}`))];
	return kinds.map((k) => {
		const [message, link] = k.split('|');
		return {
			message: JSON.parse(message),
			link: link === 'null' ? null : link,
			to: rows
				.filter((r) => `${r.message}|${r.link}` === k)
				.map((r) => r.userId)
				.sort((a, b) => a - b)
		};
	});
}
const lastNoteId = (db: Db) =>
	db
		.select({ n: sql<number>`coalesce(max(${notifications.id}), 0)` })
		.from(notifications)
		.get()!.n;

/** The stored version `n` of the fixture's proposal. */
const versionOf = (f: WorkflowFixture, n: number) =>
	f.db
		.select()
		.from(proposalVersions)
		.where(and(eq(proposalVersions.proposalId, f.id), eq(proposalVersions.number, n)))
		.get()!;

const actor = (w: Actor) => ({ userId: w.userId, username: w.username });

/** A second proposal of the fixture's ward, as older data may hold (one live per ward is newer). */
const olderProposal = (f: ReturnType<typeof fixture>, status: ProposalStatus, title: string) =>
	f.db
		.insert(proposals)
		.values({ wardId: f.ward.id, title, status, draftJson: '{}' })
		.returning({ id: proposals.id })
		.get().id;

describe('creating a proposal', () => {
	it('a returned one is superseded: audit of both, its reviewer is told', () => {
		const f = fixture('returned', true);
		const a0 = lastAuditId(f.db);
		const n0 = lastNoteId(f.db);
		const newId = createProposal(f.db, actor(f.editor), f.ward.id, 'Đề xuất lần hai');
		const created = getProposal(f.db, f.ward.id, newId)!;
		expect(created.title).toBe('Đề xuất lần hai');
		expect(created.status).toBe('draft');
		expect(created.createdBy).toBe(f.editor.userId);
		expect(created.state.draft).toBeTruthy();
		expect(created.state.assembled).toBeTruthy();
		const old = getProposal(f.db, f.ward.id, f.id)!;
		expect(old.status).toBe('superseded');
		expect(old.supersededBy).toBe(newId);
		expect(auditSince(f.db, a0)).toEqual([
			{
				userId: f.editor.userId,
				username: 'mw.editor',
				wardId: f.ward.id,
				entity: 'proposal',
				entityId: String(newId),
				action: 'create',
				before: null,
				after: { title: 'Đề xuất lần hai', status: 'draft', supersedes: [f.id] }
			},
			{
				userId: f.editor.userId,
				username: 'mw.editor',
				wardId: f.ward.id,
				entity: 'proposal',
				entityId: String(f.id),
				action: 'update',
				before: { status: 'returned' },
				after: { status: 'superseded', supersededBy: newId }
			}
		]);
		expect(notesSince(f.db, n0)).toEqual([
			{
				message: {
					key: 'review.notify.superseded',
					params: { ward: f.ward.name, title: f.title }
				},
				link: `/review/proposals/${f.id}`,
				to: [f.reviewer.userId]
			}
		]);
	});

	it('a returned one without a reviewer: every city reviewer is told', () => {
		const f = fixture('returned', false);
		const n0 = lastNoteId(f.db);
		createProposal(f.db, actor(f.editor), f.ward.id, 'Mới');
		expect(notesSince(f.db, n0).map((n) => n.to)).toEqual([f.reviewers]);
	});

	it('a superseded draft tells nobody', () => {
		const f = fixture('draft');
		const n0 = lastNoteId(f.db);
		createProposal(f.db, actor(f.editor), f.ward.id, 'Mới');
		expect(getProposal(f.db, f.ward.id, f.id)!.status).toBe('superseded');
		expect(notesSince(f.db, n0)).toEqual([]);
	});

	it('an unknown ward is not found', async () => {
		const f = fixture('approved');
		await refused(() => createProposal(f.db, actor(f.editor), 999_999, 'x'), 'not-found');
	});
});

describe('saving and reassembling a draft', () => {
	it('save: the title and draft change, the audit keeps both', () => {
		const f = fixture('draft');
		const p = getProposal(f.db, f.ward.id, f.id)!;
		const draft = structuredClone(p.state.draft);
		draft.narratives.necessity = 'Lý do mới.';
		const a0 = lastAuditId(f.db);
		saveDraft(f.db, actor(f.editor), f.ward.id, f.id, { title: 'Tên mới', draft });
		const after = getProposal(f.db, f.ward.id, f.id)!;
		expect(after.title).toBe('Tên mới');
		expect(after.state.draft.narratives.necessity).toBe('Lý do mới.');
		// The assembled packet is kept as it was.
		expect(after.state.assembled).toEqual(p.state.assembled);
		const [entry] = auditSince(f.db, a0);
		expect(entry).toMatchObject({
			entity: 'proposal',
			entityId: String(f.id),
			action: 'update',
			wardId: f.ward.id
		});
		expect(entry.before.title).toBe(f.title);
		expect(entry.before.draft.narratives.necessity).toBe(p.state.draft.narratives.necessity);
		expect(entry.after.title).toBe('Tên mới');
		expect(entry.after.draft.narratives.necessity).toBe('Lý do mới.');
	});

	it("another ward's proposal is not found (save and reassemble)", async () => {
		const f = fixture('draft');
		const ak = f.db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!.id;
		const draft = getProposal(f.db, f.ward.id, f.id)!.state.draft;
		await refused(
			() => saveDraft(f.db, actor(f.editor), ak, f.id, { title: 'x', draft }),
			'not-found'
		);
		await refused(() => reassemble(f.db, actor(f.editor), ak, f.id), 'not-found');
	});

	it('reassemble: a new assembly time, the draft kept, an audit entry', () => {
		const f = fixture('returned');
		const before = getProposal(f.db, f.ward.id, f.id)!;
		const a0 = lastAuditId(f.db);
		const at = new Date('2026-12-01T03:00:00.000Z');
		reassemble(f.db, actor(f.editor), f.ward.id, f.id, at);
		const after = getProposal(f.db, f.ward.id, f.id)!;
		expect(after.state.draft).toEqual(before.state.draft);
		expect(after.state.assembled!.assembledAt).toBe(at.toISOString());
		const [entry] = auditSince(f.db, a0);
		expect(entry).toMatchObject({ entity: 'proposal', entityId: String(f.id), action: 'update' });
		expect(entry.after.assembledAt).toBe(at.toISOString());
		expect(entry.before.changedNumbers).toEqual([]);
		expect(entry.after.changedNumbers).toEqual([]);
	});

	it('reassemble after the rooms grew by 10 m² each: the changed numbers, before and after', () => {
		const f = fixture('draft');
		f.db
			.update(rooms)
			.set({ areaM2: sql`${rooms.areaM2} + 10` })
			.run();
		const a0 = lastAuditId(f.db);
		reassemble(f.db, actor(f.editor), f.ward.id, f.id);
		const [entry] = auditSince(f.db, a0);
		const before = entry.before.changedNumbers as { key: string; value: number | null }[];
		const after = entry.after.changedNumbers as { key: string; value: number | null }[];
		expect(before.length).toBeGreaterThan(0);
		expect(after.map((c) => c.key)).toEqual(before.map((c) => c.key));
		for (const [i, c] of before.entries()) {
			expect(typeof c.key).toBe('string');
			// Each changed number has a value on both sides here (no number appeared or vanished).
			expect(typeof c.value).toBe('number');
			expect(typeof after[i].value).toBe('number');
			expect(after[i].value).not.toBe(c.value);
		}
	});
});

describe('submitting', () => {
	it('a resubmission is version 3: files stored, audit, its reviewer told "resubmitted"', async () => {
		const f = fixture('returned', true);
		const a0 = lastAuditId(f.db);
		const n0 = lastNoteId(f.db);
		const at = new Date('2026-12-02T04:00:00.000Z');
		const r = await submitProposal(f.db, actor(f.editor), f.ward.id, f.id, files, at);
		expect(r.version).toBe(3);
		const v = versionOf(f, 3);
		expect(v.sha256).toBe(r.sha256);
		expect(sha256(v.snapshotJson)).toBe(r.sha256);
		expect(v.submittedBy).toBe(f.editor.userId);
		expect(v.submittedAt).toBe(at.getTime());
		const stored = JSON.parse(v.filesJson) as { name: string; path: string; size: number }[];
		expect(stored.map((x) => [x.name, x.size])).toEqual([
			['packet.zip', 6],
			['to-trinh.pdf', 3]
		]);
		expect(readFileSync(path.join(process.env.UPLOAD_DIR!, stored[0].path), 'utf8')).toBe('zip v3');
		const p = getProposal(f.db, f.ward.id, f.id)!;
		expect(p.status).toBe('submitted');
		expect(p.updatedAt).toBe(at.getTime());
		expect(JSON.stringify(p.state.assembled)).toBe(v.snapshotJson);
		expect(auditSince(f.db, a0)).toEqual([
			{
				userId: f.editor.userId,
				username: 'mw.editor',
				wardId: f.ward.id,
				entity: 'proposal_version',
				entityId: String(v.id),
				action: 'submit',
				before: { status: 'returned' },
				after: {
					proposalId: f.id,
					number: 3,
					sha256: r.sha256,
					files: ['packet.zip', 'to-trinh.pdf']
				}
			}
		]);
		expect(notesSince(f.db, n0)).toEqual([
			{
				message: {
					key: 'proposals.notify.resubmitted',
					params: { ward: f.ward.name, title: f.title, version: '3' }
				},
				link: `/review/proposals/${f.id}`,
				to: [f.reviewer.userId]
			}
		]);
	});

	it('a first submission is version 1 and every reviewer is told "submitted"', async () => {
		const f = fixture('approved');
		const newId = createProposal(f.db, actor(f.editor), f.ward.id, 'Lần đầu');
		const n0 = lastNoteId(f.db);
		const r = await submitProposal(f.db, actor(f.editor), f.ward.id, newId, files);
		expect(r.version).toBe(1);
		expect(notesSince(f.db, n0)).toEqual([
			{
				message: {
					key: 'proposals.notify.submitted',
					params: { ward: f.ward.name, title: 'Lần đầu', version: '1' }
				},
				link: `/review/proposals/${newId}`,
				to: f.reviewers
			}
		]);
	});

	it('a site other than the top-ranked one without a written reason is refused (no-justification)', async () => {
		const f = fixture('draft');
		const p = getProposal(f.db, f.ward.id, f.id)!;
		const draft = structuredClone(p.state.draft);
		draft.recommendedSiteCode = 'P1';
		draft.dossier!.siteJustification = '  ';
		saveDraft(f.db, actor(f.editor), f.ward.id, f.id, { title: p.title, draft });
		await refused(
			() => submitProposal(f.db, actor(f.editor), f.ward.id, f.id, files),
			'no-justification'
		);
		// With the reason written, the same choice is accepted.
		draft.dossier!.siteJustification = 'Khu đất P1 đã giải phóng mặt bằng.';
		saveDraft(f.db, actor(f.editor), f.ward.id, f.id, { title: p.title, draft });
		expect((await submitProposal(f.db, actor(f.editor), f.ward.id, f.id, files)).version).toBe(3);
	});

	it('another proposal of the ward with the city: refused after the files were written, which are removed', async () => {
		const f = fixture('draft');
		// Older data: a second proposal of the ward, submitted.
		const other = olderProposal(f, 'submitted', 'Khác');
		// (Other tests' fixtures share UPLOAD_DIR and this proposal id: compare with before.)
		const dir = path.join(process.env.UPLOAD_DIR!, 'packets', String(f.id));
		const listing = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
		const folders = listing();
		await refused(
			() => submitProposal(f.db, actor(f.editor), f.ward.id, f.id, files),
			'live-exists'
		);
		expect(getProposal(f.db, f.ward.id, f.id)!.status).toBe('draft');
		expect(getProposal(f.db, f.ward.id, other)!.status).toBe('submitted');
		// The attempt's folder (packets/<id>/v3-<random>) is gone.
		expect(listing()).toEqual(folders);
	});

	it('a failed file generation leaves nothing: no version, status unchanged', async () => {
		const f = fixture('draft');
		const broken: PacketGenerator = async () => {
			throw new Error('pdf failed');
		};
		await expect(submitProposal(f.db, actor(f.editor), f.ward.id, f.id, broken)).rejects.toThrow(
			'pdf failed'
		);
		expect(getProposal(f.db, f.ward.id, f.id)!.status).toBe('draft');
	});
});

describe('the city side', () => {
	it('claim: in review, the reviewer set, audit, the ward users told with the ward link', () => {
		const f = fixture('submitted');
		const a0 = lastAuditId(f.db);
		const n0 = lastNoteId(f.db);
		claimProposal(f.db, actor(f.reviewer), f.id);
		const p = getProposal(f.db, f.ward.id, f.id)!;
		expect([p.status, p.reviewerId]).toEqual(['in-review', f.reviewer.userId]);
		expect(auditSince(f.db, a0)).toEqual([
			{
				userId: f.reviewer.userId,
				username: 'mw.reviewer',
				wardId: f.ward.id,
				entity: 'proposal',
				entityId: String(f.id),
				action: 'update',
				before: { status: 'submitted', reviewerId: null },
				after: { status: 'in-review', reviewerId: f.reviewer.userId }
			}
		]);
		expect(notesSince(f.db, n0)).toEqual([
			{
				message: {
					key: 'proposals.notify.inReview',
					params: { title: f.title, reviewer: 'mw.reviewer' }
				},
				link: `/w/binh-trung/proposals/${f.id}`,
				to: f.wardUsers
			}
		]);
	});

	it('claiming a proposal that does not exist: not found', async () => {
		const f = fixture('submitted');
		await refused(() => claimProposal(f.db, actor(f.reviewer), 999_999), 'not-found');
	});

	it('a comment on the latest version (version 2), with its audit; a submitted one is claimed', () => {
		const f = fixture('submitted');
		const a0 = lastAuditId(f.db);
		const cid = addComment(f.db, actor(f.reviewer2), f.id, {
			section: 'necessity',
			body: 'Bổ sung số liệu.'
		});
		const latest = versionOf(f, 2);
		const c = f.db.select().from(reviewComments).where(eq(reviewComments.id, cid)).get()!;
		expect([c.versionId, c.section, c.body, c.authorId]).toEqual([
			latest.id,
			'necessity',
			'Bổ sung số liệu.',
			f.reviewer2.userId
		]);
		expect(getProposal(f.db, f.ward.id, f.id)!.reviewerId).toBe(f.reviewer2.userId);
		const entries = auditSince(f.db, a0);
		expect(entries.map((e) => e.entity)).toEqual(['proposal', 'review_comment']);
		expect(entries[1]).toEqual({
			userId: f.reviewer2.userId,
			username: 'mw.reviewer2',
			wardId: f.ward.id,
			entity: 'review_comment',
			entityId: String(cid),
			action: 'create',
			before: null,
			after: {
				proposalId: f.id,
				versionId: latest.id,
				section: 'necessity',
				body: 'Bổ sung số liệu.'
			}
		});
	});

	it('a comment on a proposal in review keeps its reviewer and writes no claim', () => {
		const f = fixture('in-review', true);
		const a0 = lastAuditId(f.db);
		addComment(f.db, actor(f.reviewer2), f.id, { section: 'general', body: 'Ý kiến chung.' });
		expect(getProposal(f.db, f.ward.id, f.id)!.reviewerId).toBe(f.reviewer.userId);
		expect(auditSince(f.db, a0).map((e) => e.entity)).toEqual(['review_comment']);
	});

	it('comment checks: the section must be known, the body 1 to 4000 characters', async () => {
		const f = fixture('in-review', true);
		const c = (section: string, body: string) =>
			addComment(f.db, actor(f.reviewer), f.id, { section, body });
		await refused(() => c('nonsense', 'Được.'), 'bad-section');
		await refused(() => c('', 'Được.'), 'bad-section');
		await refused(() => c('general', ''), 'comment-too-long');
		await refused(() => c('general', '   \n '), 'comment-too-long');
		await refused(() => c('general', 'x'.repeat(4001)), 'comment-too-long');
		expect(c('general', 'x'.repeat(4000))).toBeGreaterThan(0);
		expect(c('facilities', 'a')).toBeGreaterThan(0);
	});

	it('a proposal marked submitted without any version: comment and decision refused (no-version)', async () => {
		const f = fixture('approved');
		const id = createProposal(f.db, actor(f.editor), f.ward.id, 'Chưa nộp');
		f.db.update(proposals).set({ status: 'submitted' }).where(eq(proposals.id, id)).run();
		await refused(
			() => addComment(f.db, actor(f.reviewer), id, { section: 'general', body: 'x' }),
			'no-version'
		);
		await refused(
			() => decideProposal(f.db, actor(f.reviewer), id, { outcome: 'approved', note: 'x' }),
			'no-version'
		);
	});

	it('decide: the decision on the latest version, the claiming reviewer kept, audit and notice', () => {
		const f = fixture('in-review', true);
		const a0 = lastAuditId(f.db);
		const n0 = lastNoteId(f.db);
		decideProposal(f.db, actor(f.reviewer2), f.id, { outcome: 'approved', note: 'Đồng ý.' });
		const p = getProposal(f.db, f.ward.id, f.id)!;
		expect([p.status, p.reviewerId]).toEqual(['approved', f.reviewer.userId]);
		const latest = versionOf(f, 2);
		// The sample already holds v1's decision (returned); ours is the one after it.
		const d = f.db
			.select()
			.from(decisions)
			.where(eq(decisions.proposalId, f.id))
			.orderBy(asc(decisions.id))
			.all()
			.slice(1);
		expect(d.map((x) => [x.versionId, x.outcome, x.note, x.decidedBy])).toEqual([
			[latest.id, 'approved', 'Đồng ý.', f.reviewer2.userId]
		]);
		expect(auditSince(f.db, a0)).toEqual([
			{
				userId: f.reviewer2.userId,
				username: 'mw.reviewer2',
				wardId: f.ward.id,
				entity: 'decision',
				entityId: String(d[0].id),
				action: 'decide',
				before: { status: 'in-review' },
				after: { proposalId: f.id, versionId: latest.id, outcome: 'approved', note: 'Đồng ý.' }
			}
		]);
		expect(notesSince(f.db, n0)).toEqual([
			{
				message: { key: 'proposals.notify.approved', params: { title: f.title } },
				link: `/w/binh-trung/proposals/${f.id}`,
				to: f.wardUsers
			}
		]);
	});

	it('deciding an unclaimed submission makes the decider its reviewer', () => {
		const f = fixture('submitted');
		decideProposal(f.db, actor(f.reviewer2), f.id, { outcome: 'returned', note: 'Bổ sung.' });
		const p = getProposal(f.db, f.ward.id, f.id)!;
		expect([p.status, p.reviewerId]).toEqual(['returned', f.reviewer2.userId]);
	});
});

/**
 * Bình Trưng's draft whose stored packet is replaced by `assembled(stored)` (older data: no
 * packet, or one assembled by an earlier version), reassembled; the audit entry it wrote.
 */
function reassembledFrom(assembled: (stored: PacketSnapshot) => PacketSnapshot | null) {
	const f = fixture('draft');
	const p = getProposal(f.db, f.ward.id, f.id)!;
	const state = { draft: p.state.draft, assembled: assembled(structuredClone(p.state.assembled!)) };
	f.db
		.update(proposals)
		.set({ draftJson: JSON.stringify(state) })
		.where(eq(proposals.id, f.id))
		.run();
	const a0 = lastAuditId(f.db);
	reassemble(f.db, actor(f.editor), f.ward.id, f.id);
	const [entry] = auditSince(f.db, a0);
	return { entry, after: getProposal(f.db, f.ward.id, f.id)! };
}

describe('what only a second connection, a stale form or older data shows', () => {
	it('creating waits for the write lock: while another connection writes, it answers busy instead of judging from what it read', () => {
		// Bình Trưng's proposal is with the city (submitted): a creation must be refused. Under
		// an immediate transaction the check itself waits for the lock another connection holds
		// (busy here, with no waiting allowed); a deferred one would read first and answer from
		// data that the other writer may be changing (live-exists).
		const f = fixture('submitted');
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'truso-workflow-lock-')), 'db.sqlite');
		writeFileSync(file, f.db.$client.serialize());
		const a = openDatabase(file);
		const b = openDatabase(file);
		try {
			a.$client.pragma('busy_timeout = 0');
			const fresh = getProposal(a, f.ward.id, f.id)!.state.assembled!;
			b.$client.prepare('BEGIN IMMEDIATE').run();
			let error: unknown = null;
			try {
				createProposal(a, actor(f.editor), f.ward.id, 'Song song', new Date(), fresh);
			} catch (e) {
				error = e;
			}
			expect((error as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
			b.$client.prepare('COMMIT').run();
			// The lock free, the same creation gets the answer of the check.
			expect(() =>
				createProposal(a, actor(f.editor), f.ward.id, 'Song song', new Date(), fresh)
			).toThrow(expect.objectContaining({ code: 'live-exists' }));
			expect(a.select().from(proposals).where(eq(proposals.wardId, f.ward.id)).all()).toHaveLength(
				1
			);
		} finally {
			a.$client.close();
			b.$client.close();
		}
	});

	it('a draft saved from a stale form is refused as a conflict on the proposal; nothing written', () => {
		const f = fixture('draft');
		const p = getProposal(f.db, f.ward.id, f.id)!;
		const a0 = lastAuditId(f.db);
		let error: unknown = null;
		try {
			saveDraft(
				f.db,
				actor(f.editor),
				f.ward.id,
				f.id,
				{ title: 'Từ biểu mẫu cũ', draft: p.state.draft },
				p.version - 1
			);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConflictError);
		expect(error).toMatchObject({
			entity: 'proposal',
			id: f.id,
			expected: p.version - 1,
			currentVersion: p.version
		});
		expect(getProposal(f.db, f.ward.id, f.id)!.title).toBe(f.title);
		expect(auditSince(f.db, a0)).toEqual([]);
		// With the version it was loaded with, the same save goes through and bumps it.
		saveDraft(
			f.db,
			actor(f.editor),
			f.ward.id,
			f.id,
			{ title: 'Từ biểu mẫu mới', draft: p.state.draft },
			p.version
		);
		expect(getProposal(f.db, f.ward.id, f.id)).toMatchObject({
			title: 'Từ biểu mẫu mới',
			version: p.version + 1
		});
	});

	it('reassembling a draft that never had a packet: no changed numbers on either side', () => {
		const { entry, after } = reassembledFrom(() => null);
		expect(entry.before).toEqual({ changedNumbers: [] });
		expect(entry.after.changedNumbers).toEqual([]);
		expect(after.state.assembled).not.toBeNull();
	});

	it('reassembling when a number appeared and one vanished: null on the side without it', () => {
		// The first section with numbers: drop its first number (it "appears" on reassembly) and
		// add one the assembly does not make (it "vanishes").
		let section!: PacketSnapshot['sections'][number];
		let dropped = '';
		let droppedNumber!: PacketSnapshot['sections'][number]['numbers'][string];
		const { entry } = reassembledFrom((stored) => {
			section = stored.sections.find((s) => Object.keys(s.numbers).length > 0)!;
			[dropped] = Object.keys(section.numbers);
			droppedNumber = section.numbers[dropped];
			delete section.numbers[dropped];
			section.numbers.staleOnly = { ...droppedNumber, value: 7 };
			return stored;
		});
		expect(typeof droppedNumber.value).toBe('number');
		const appeared = `${section.key}.${dropped}`;
		const vanished = `${section.key}.staleOnly`;
		expect(entry.before.changedNumbers).toEqual([
			// The stored snapshot's keys first, then the ones only the new assembly has.
			{ key: vanished, value: 7 },
			{ key: appeared, value: null }
		]);
		expect(entry.after.changedNumbers).toEqual([
			{ key: vanished, value: null },
			{ key: appeared, value: droppedNumber.value }
		]);
	});

	it('two drafts of one ward (older data): submitting one is not blocked by the other', async () => {
		const f = fixture('draft');
		const other = olderProposal(f, 'draft', 'Bản nháp cũ');
		const r = await submitProposal(f.db, actor(f.editor), f.ward.id, f.id, files);
		expect(r.version).toBe(3);
		expect(getProposal(f.db, f.ward.id, f.id)!.status).toBe('submitted');
		expect(f.db.select().from(proposals).where(eq(proposals.id, other)).get()!.status).toBe(
			'draft'
		);
	});
});
