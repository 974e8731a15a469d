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
import type { Db } from '../db';
import { decisions, proposalVersions, proposals, reviewComments } from '../db/schema';
import {
	addComment,
	claimProposal,
	createProposal,
	decideProposal,
	getProposal,
	reassemble,
	saveDraft,
	submitProposal,
	type PacketGenerator,
	type ProposalStatus
} from './';
import {
	binhTrungProposal,
	refused,
	type WorkflowFixture
} from '../../../../tests/helpers/proposals';

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

const NE = 'error:not-editable';
const NS = 'error:not-submitted';
const NF = 'error:not-found';
const FIN = 'error:final';
const LIVE = 'error:live-exists';

// Rows: action; columns: starting status in the order of STATUSES. `create-new` is a new proposal
// of the same ward: it supersedes one in the ward's hands, is refused while the city holds one,
// and leaves final ones as they are.
// prettier-ignore
const ROWS: Record<Action, Outcome[]> = {
	//            draft                submitted           in-review           returned             approved           rejected           superseded
	submit:      ['status:submitted',  NE,                 NE,                 'status:submitted',  NE,                NE,                NE],
	save:        ['status:draft',      NE,                 NE,                 'status:returned',   NE,                NE,                NE],
	reassemble:  ['status:draft',      NE,                 NE,                 'status:returned',   NE,                NE,                NE],
	claim:       [NF,                  'status:in-review', NS,                 NS,                  NS,                NS,                NS],
	comment:     [NF,                  'status:in-review', 'status:in-review', NS,                  NS,                NS,                NS],
	return:      [NF,                  'status:returned',  'status:returned',  NS,                  FIN,               FIN,               FIN],
	approve:     [NF,                  'status:approved',  'status:approved',  NS,                  FIN,               FIN,               FIN],
	reject:      [NF,                  'status:rejected',  'status:rejected',  NS,                  FIN,               FIN,               FIN],
	'create-new':['status:superseded', LIVE,               LIVE,               'status:superseded', 'status:approved', 'status:rejected', 'status:superseded']
};

const fakeFiles: PacketGenerator = async (_s, meta) => [
	{ name: 'packet.zip', bytes: new TextEncoder().encode(`zip ${meta.version}`) }
];

beforeAll(() => {
	process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'truso-workflow-'));
});

/** Bình Trưng's proposal in `status`; one the city has taken up has its reviewer, a draft or a fresh submission none. */
const fixture = (status: ProposalStatus) =>
	binhTrungProposal(status, {
		prefix: 'wf',
		claimed: ['in-review', 'returned', 'approved', 'rejected'].includes(status)
	});

async function run(action: Action, f: WorkflowFixture): Promise<void> {
	const { db, ward, id, editor, reviewer } = f;
	const wardId = ward.id;
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

const cases = (Object.keys(ROWS) as Action[]).flatMap((action) =>
	STATUSES.map((from, i) => ({ action, from, expected: ROWS[action][i] }))
);

describe('proposal state machine', () => {
	it('the table covers every action from every status', () => {
		expect(cases).toHaveLength(9 * 7);
		for (const a of Object.keys(ROWS) as Action[]) {
			expect(ROWS[a]).toHaveLength(STATUSES.length);
		}
	});

	it.each(cases)('$action from $from → $expected', async ({ action, from, expected }) => {
		const f = fixture(from);
		const before = counts(f.db);
		const reviewerBefore = getProposal(f.db, f.ward.id, f.id)!.reviewerId;
		if (expected.startsWith('error:')) {
			await refused(() => run(action, f), expected.slice('error:'.length));
			// A refused step changes nothing.
			const after = getProposal(f.db, f.ward.id, f.id)!;
			expect(after.status).toBe(from);
			expect(after.reviewerId).toBe(reviewerBefore);
			expect(counts(f.db)).toEqual(before);
			return;
		}
		await run(action, f);
		const after = getProposal(f.db, f.ward.id, f.id)!;
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
					.where(eq(proposals.wardId, f.ward.id))
					.all()
					.find((p) => p.id !== f.id)!;
				expect(newest.status).toBe('draft');
				expect(after.supersededBy).toBe(superseded ? newest.id : null);
				break;
			}
		}
	});
});
