/**
 * The proposal state machine as a table: every workflow action from every status gives either
 * the resulting status or the ProposalError code, and a refused action changes nothing (status,
 * versions, decisions, comments). Each case runs on a fresh sample database: Bình Trưng's sample
 * proposal (two submitted versions) is put into the starting status, then the action is run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { Db } from '../db';
import { seedSample } from '../db/seed';
import { decisions, proposalVersions, proposals, reviewComments, users, wards } from '../db/schema';
import {
	addComment,
	claimProposal,
	createProposal,
	decideProposal,
	getProposal,
	ProposalError,
	reassemble,
	saveDraft,
	submitProposal,
	type PacketGenerator,
	type ProposalStatus
} from './';

const STATUSES: ProposalStatus[] = [
	'draft',
	'submitted',
	'in-review',
	'returned',
	'approved',
	'rejected',
	'superseded'
];

type Action =
	| 'submit'
	| 'save'
	| 'reassemble'
	| 'claim'
	| 'comment'
	| 'return'
	| 'approve'
	| 'reject'
	| 'create-new';

/** Expected outcome: `status:<s>` = the proposal's status afterwards, `error:<code>` = refused. */
type Outcome = `status:${ProposalStatus}` | `error:${string}`;

// Rows: action; columns: starting status in the order of STATUSES.
// prettier-ignore
const TABLE: Record<Action, Record<ProposalStatus, Outcome>> = {
	submit: {
		draft: 'status:submitted', submitted: 'error:not-editable', 'in-review': 'error:not-editable',
		returned: 'status:submitted', approved: 'error:not-editable', rejected: 'error:not-editable',
		superseded: 'error:not-editable'
	},
	save: {
		draft: 'status:draft', submitted: 'error:not-editable', 'in-review': 'error:not-editable',
		returned: 'status:returned', approved: 'error:not-editable', rejected: 'error:not-editable',
		superseded: 'error:not-editable'
	},
	reassemble: {
		draft: 'status:draft', submitted: 'error:not-editable', 'in-review': 'error:not-editable',
		returned: 'status:returned', approved: 'error:not-editable', rejected: 'error:not-editable',
		superseded: 'error:not-editable'
	},
	claim: {
		draft: 'error:not-found', submitted: 'status:in-review', 'in-review': 'error:not-submitted',
		returned: 'error:not-submitted', approved: 'error:not-submitted', rejected: 'error:not-submitted',
		superseded: 'error:not-submitted'
	},
	comment: {
		draft: 'error:not-found', submitted: 'status:in-review', 'in-review': 'status:in-review',
		returned: 'error:not-submitted', approved: 'error:not-submitted', rejected: 'error:not-submitted',
		superseded: 'error:not-submitted'
	},
	return: {
		draft: 'error:not-found', submitted: 'status:returned', 'in-review': 'status:returned',
		returned: 'error:not-submitted', approved: 'error:final', rejected: 'error:final',
		superseded: 'error:final'
	},
	approve: {
		draft: 'error:not-found', submitted: 'status:approved', 'in-review': 'status:approved',
		returned: 'error:not-submitted', approved: 'error:final', rejected: 'error:final',
		superseded: 'error:final'
	},
	reject: {
		draft: 'error:not-found', submitted: 'status:rejected', 'in-review': 'status:rejected',
		returned: 'error:not-submitted', approved: 'error:final', rejected: 'error:final',
		superseded: 'error:final'
	},
	// A new proposal of the same ward: supersedes one in the ward's hands, is refused while the
	// city holds one, and leaves final ones as they are.
	'create-new': {
		draft: 'status:superseded', submitted: 'error:live-exists', 'in-review': 'error:live-exists',
		returned: 'status:superseded', approved: 'status:approved', rejected: 'status:rejected',
		superseded: 'status:superseded'
	}
};

const fakeFiles: PacketGenerator = async (_s, meta) => [
	{ name: 'packet.zip', bytes: new TextEncoder().encode(`zip ${meta.version}`) }
];

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-workflow-'));
});

interface Fixture {
	db: Db;
	wardId: number;
	id: number;
	editor: { userId: number; username: string };
	reviewer: { userId: number; username: string };
}

function fixture(status: ProposalStatus): Fixture {
	const db = createTestDb();
	seedSample(db);
	const wardId = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
	const add = (username: string, role: 'ward_editor' | 'city_reviewer', wid: number | null) => ({
		userId: db
			.insert(users)
			.values({ username, displayName: username, passwordHash: 'x', role, wardId: wid })
			.returning({ id: users.id })
			.get().id,
		username
	});
	const editor = add('wf.editor', 'ward_editor', wardId);
	const reviewer = add('wf.reviewer', 'city_reviewer', null);
	const own = db.select().from(proposals).where(eq(proposals.wardId, wardId)).all();
	expect(own).toHaveLength(1);
	const id = own[0].id;
	// A proposal the city has taken up has its reviewer; a draft or a fresh submission has none.
	const reviewerId = ['in-review', 'returned', 'approved', 'rejected'].includes(status)
		? reviewer.userId
		: null;
	db.update(proposals).set({ status, reviewerId }).where(eq(proposals.id, id)).run();
	expect(getProposal(db, wardId, id)!.status).toBe(status);
	return { db, wardId, id, editor, reviewer };
}

async function run(action: Action, f: Fixture): Promise<void> {
	const { db, wardId, id, editor, reviewer } = f;
	switch (action) {
		case 'submit':
			await submitProposal(db, editor, wardId, id, fakeFiles);
			return;
		case 'save': {
			const p = getProposal(db, wardId, id)!;
			saveDraft(db, editor, wardId, id, { title: 'Tiêu đề mới', draft: p.state.draft });
			return;
		}
		case 'reassemble':
			reassemble(db, editor, wardId, id);
			return;
		case 'claim':
			claimProposal(db, reviewer, id);
			return;
		case 'comment':
			addComment(db, reviewer, id, { section: 'general', body: 'Đề nghị bổ sung.' });
			return;
		case 'return':
			decideProposal(db, reviewer, id, { outcome: 'returned', note: 'Bổ sung.' });
			return;
		case 'approve':
			decideProposal(db, reviewer, id, { outcome: 'approved', note: 'Đồng ý.' });
			return;
		case 'reject':
			decideProposal(db, reviewer, id, { outcome: 'rejected', note: 'Không đồng ý.' });
			return;
		case 'create-new':
			createProposal(db, editor, wardId, 'Đề xuất mới');
			return;
	}
}

const count = (db: Db, table: typeof decisions | typeof proposalVersions | typeof reviewComments) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;

function counts(db: Db) {
	return {
		versions: count(db, proposalVersions),
		decisions: count(db, decisions),
		comments: count(db, reviewComments),
		proposals: db
			.select({ n: sql<number>`count(*)` })
			.from(proposals)
			.get()!.n
	};
}

const cases = (Object.keys(TABLE) as Action[]).flatMap((action) =>
	STATUSES.map((from) => ({ action, from, expected: TABLE[action][from] }))
);

describe('proposal state machine', () => {
	it('the table covers every action from every status', () => {
		expect(cases).toHaveLength(9 * 7);
		for (const a of Object.keys(TABLE) as Action[]) {
			expect(Object.keys(TABLE[a]).sort()).toEqual([...STATUSES].sort());
		}
	});

	it.each(cases)('$action from $from → $expected', async ({ action, from, expected }) => {
		const f = fixture(from);
		const before = counts(f.db);
		const reviewerBefore = getProposal(f.db, f.wardId, f.id)!.reviewerId;
		let error: unknown = null;
		try {
			await run(action, f);
		} catch (e) {
			error = e;
		}
		const after = getProposal(f.db, f.wardId, f.id)!;
		if (expected.startsWith('error:')) {
			expect(error).toBeInstanceOf(ProposalError);
			expect((error as ProposalError).code).toBe(expected.slice('error:'.length));
			// A refused step changes nothing.
			expect(after.status).toBe(from);
			expect(after.reviewerId).toBe(reviewerBefore);
			expect(counts(f.db)).toEqual(before);
			return;
		}
		expect(error).toBeNull();
		expect(after.status).toBe(expected.slice('status:'.length));
		const now = counts(f.db);
		// What each accepted step leaves behind, beyond the status.
		switch (action) {
			case 'submit':
				expect(now.versions).toBe(before.versions + 1);
				break;
			case 'claim':
				expect(after.reviewerId).toBe(f.reviewer.userId);
				expect(now).toEqual(before);
				break;
			case 'comment':
				expect(after.reviewerId).toBe(f.reviewer.userId);
				expect(now.comments).toBe(before.comments + 1);
				break;
			case 'return':
			case 'approve':
			case 'reject':
				expect(after.reviewerId).toBe(f.reviewer.userId);
				expect(now.decisions).toBe(before.decisions + 1);
				expect(now.versions).toBe(before.versions);
				break;
			case 'save':
				expect(after.title).toBe('Tiêu đề mới');
				expect(now).toEqual(before);
				break;
			case 'reassemble':
				expect(now).toEqual(before);
				break;
			case 'create-new': {
				expect(now.proposals).toBe(before.proposals + 1);
				const superseded = expected === 'status:superseded' && from !== 'superseded';
				const newest = f.db
					.select()
					.from(proposals)
					.where(eq(proposals.wardId, f.wardId))
					.all()
					.find((p) => p.id !== f.id)!;
				expect(newest.status).toBe('draft');
				expect(after.supersededBy).toBe(superseded ? newest.id : null);
				break;
			}
		}
	});
});
