import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditLog, notifications, proposals, reviewComments, users } from '../db/schema';
import {
	ProposalError,
	addComment,
	createProposal,
	decideProposal,
	getProposal,
	lastVersionDiff,
	listProposals,
	reviewQueue,
	submitProposal,
	type PacketGenerator
} from './';
import { ThreadError, listThreads, replyToThread, setThreadResolved } from './review-comments';
import { sampleDb } from '../../../../tests/helpers/sample';

const fakeFiles: PacketGenerator = async () => [
	{ name: 'packet.zip', bytes: new TextEncoder().encode('zip') }
];

let db: Db;
let bt: number;
let ak: number;
let editor: { userId: number; username: string };
let akEditor: { userId: number; username: string };
let reviewer: { userId: number; username: string };
let sampleId: number;

function addUser(username: string, role: 'ward_editor' | 'city_reviewer', wardId: number | null) {
	const u = db
		.insert(users)
		.values({ username, displayName: username, passwordHash: 'x', role, wardId })
		.returning({ id: users.id })
		.get();
	return { userId: u.id, username };
}

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-threads-'));
});

beforeEach(() => {
	({ db, bt, ak } = sampleDb());
	editor = addUser('bt.ed', 'ward_editor', bt);
	akEditor = addUser('ak.ed', 'ward_editor', ak);
	reviewer = addUser('rev', 'city_reviewer', null);
	sampleId = listProposals(db, bt)[0].id;
});

describe('comment threads', () => {
	it('reply from both sides, resolve (who, when), no reply while resolved, reopen', () => {
		const root = addComment(db, reviewer, sampleId, {
			section: 'necessity',
			body: 'Nêu rõ số cơ sở cũ.'
		});
		const r1 = replyToThread(db, editor, {
			proposalId: sampleId,
			threadId: root,
			body: 'Phường có 4 cơ sở cũ.',
			wardId: bt
		});
		replyToThread(db, reviewer, {
			proposalId: sampleId,
			threadId: root,
			body: 'Đã rõ.',
			wardId: null
		});
		// Replies go to the thread, not to a reply.
		expect(() =>
			replyToThread(db, reviewer, { proposalId: sampleId, threadId: r1, body: 'x', wardId: null })
		).toThrow(ThreadError);
		// Another ward cannot reply to this ward's thread.
		expect(() =>
			replyToThread(db, akEditor, { proposalId: sampleId, threadId: root, body: 'x', wardId: ak })
		).toThrow(ThreadError);
		setThreadResolved(
			db,
			reviewer,
			{ proposalId: sampleId, threadId: root, resolved: true },
			1_800_000_000_000
		);
		const t = listThreads(db, sampleId).find((x) => x.id === root)!;
		expect(t.replies.map((r) => [r.body, r.fromWard])).toEqual([
			['Phường có 4 cơ sở cũ.', true],
			['Đã rõ.', false]
		]);
		expect([t.resolvedAt, t.resolvedBy]).toEqual([1_800_000_000_000, 'rev']);
		const err = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return (e as ThreadError).code;
			}
			return null;
		};
		expect(
			err(() =>
				replyToThread(db, editor, { proposalId: sampleId, threadId: root, body: 'x', wardId: bt })
			)
		).toBe('thread-resolved');
		expect(
			err(() =>
				setThreadResolved(db, reviewer, { proposalId: sampleId, threadId: root, resolved: true })
			)
		).toBe('thread-resolved');
		setThreadResolved(db, reviewer, { proposalId: sampleId, threadId: root, resolved: false });
		expect(listThreads(db, sampleId).find((x) => x.id === root)!.resolvedAt).toBeNull();
		expect(
			err(() =>
				setThreadResolved(db, reviewer, { proposalId: sampleId, threadId: root, resolved: false })
			)
		).toBe('thread-open');
		expect(
			err(() =>
				replyToThread(db, editor, { proposalId: sampleId, threadId: root, body: ' ', wardId: bt })
			)
		).toBe('thread-body');
		// Audited: the thread, two replies, resolve and reopen.
		const audit = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'review_comment'), eq(auditLog.wardId, bt)))
			.all()
			.map((a) => a.action);
		expect(audit).toEqual(['create', 'create', 'create', 'update', 'update']);
		// The ward's reply notified the reviewer; the city's reply the ward's users.
		const links = db
			.select({ userId: notifications.userId, link: notifications.link })
			.from(notifications)
			.all()
			.filter((n) => n.link?.endsWith(`#thread-${root}`));
		expect(links.some((n) => n.userId === reviewer.userId)).toBe(true);
		expect(links.some((n) => n.userId === editor.userId)).toBe(true);
	});

	it('no reply once the proposal is decided; a failed reply writes nothing', () => {
		const root = addComment(db, reviewer, sampleId, { section: 'estimate', body: 'Nguồn vốn?' });
		decideProposal(db, reviewer, sampleId, { outcome: 'approved', note: 'Đồng ý' });
		const before = db.select().from(reviewComments).all().length;
		expect(() =>
			replyToThread(db, editor, {
				proposalId: sampleId,
				threadId: root,
				body: 'Ngân sách',
				wardId: bt
			})
		).toThrow(ThreadError);
		expect(db.select().from(reviewComments).all().length).toBe(before);
	});
});

describe('one live proposal per ward', () => {
	it('refused while the city reviews one; nothing is written', () => {
		const n = db.select().from(proposals).all().length;
		let code: string | null = null;
		try {
			createProposal(db, editor, bt, 'Hồ sơ thứ hai');
		} catch (e) {
			code = (e as ProposalError).code;
		}
		expect(code).toBe('live-exists');
		expect(db.select().from(proposals).all().length).toBe(n);
		expect(getProposal(db, bt, sampleId)!.status).toBe('in-review');
	});

	it('a new one supersedes a draft (hidden from the city) and a returned one (reviewer told)', async () => {
		// An Khánh's sample draft is replaced by the new draft.
		const akOld = listProposals(db, ak)[0];
		const akNew = createProposal(db, akEditor, ak, 'Hồ sơ mới');
		const old = getProposal(db, ak, akOld.id)!;
		expect([old.status, old.supersededBy]).toEqual(['superseded', akNew]);
		expect(reviewQueue(db).some((q) => q.id === akOld.id)).toBe(false);
		// Bình Trưng's proposal, once returned, is superseded and its reviewer told.
		decideProposal(db, reviewer, sampleId, { outcome: 'returned', note: 'Bổ sung' });
		const btNew = createProposal(db, editor, bt, 'Hồ sơ thay thế');
		expect(getProposal(db, bt, sampleId)!.status).toBe('superseded');
		const told = db
			.select()
			.from(notifications)
			.where(eq(notifications.userId, reviewer.userId))
			.all()
			.filter((x) => x.message.includes('review.notify.superseded'));
		expect(told).toHaveLength(1);
		// Exactly one live proposal each.
		const live = (w: number) =>
			listProposals(db, w).filter((p) =>
				['draft', 'submitted', 'in-review', 'returned'].includes(p.status)
			);
		expect(live(bt).map((p) => p.id)).toEqual([btNew]);
		expect(live(ak).map((p) => p.id)).toEqual([akNew]);
		// The superseded one can no longer be submitted.
		await expect(submitProposal(db, editor, bt, sampleId, fakeFiles)).rejects.toThrow(
			ProposalError
		);
		await submitProposal(db, editor, bt, btNew, fakeFiles);
		expect(getProposal(db, bt, btNew)!.status).toBe('submitted');
	});
});

describe('the sample’s version diff', () => {
	it('version 2 changed a sentence of the necessity narrative: shown word by word', () => {
		const d = lastVersionDiff(db, sampleId)!;
		const nec = d.sections.find((s) => s.key === 'necessity')!;
		const ins = nec.narrative!.filter((o) => o.op === 'ins').map((o) => o.text);
		const del = nec.narrative!.filter((o) => o.op === 'del').map((o) => o.text);
		// "… tại nhiều cơ sở cũ … sáp nhập." → "… tại 4 cơ sở cũ … sáp nhập, cách nhau đến 3 km."
		expect(del).toEqual(['nhiều', 'nhập.']);
		expect(ins).toEqual(['4', 'nhập, cách nhau đến 3 km.']);
		expect(nec.narrative!.filter((o) => o.op === 'same').map((o) => o.text)[0]).toBe(
			'Trụ sở hiện nay chật hẹp, cán bộ phải làm việc tại '
		);
	});
});
