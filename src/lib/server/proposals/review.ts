/** The city's side of the workflow: claim, comment on a section, decide. */
import { desc, eq } from 'drizzle-orm';
import { SECTION_KEYS } from '../../packet';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { decisions, proposalVersions, proposals, reviewComments } from '../db/schema';
import { notify, wardUserIds } from './notifications';
import { getProposal } from './reading';
import {
	auditProposal,
	DECIDABLE,
	ProposalError,
	wardLink,
	wardRow,
	type DecisionOutcome
} from './status';

function forReview(db: DbLike, id: number) {
	const p = getProposal(db, null, id);
	if (!p || p.status === 'draft') throw new ProposalError('not-found');
	return p;
}

function latestVersionId(db: DbLike, id: number): number {
	const v = db
		.select({ id: proposalVersions.id })
		.from(proposalVersions)
		.where(eq(proposalVersions.proposalId, id))
		.orderBy(desc(proposalVersions.number))
		.get();
	if (!v) throw new ProposalError('no-version');
	return v.id;
}

function claimIn(tx: DbLike, actor: Actor, p: NonNullable<ReturnType<typeof getProposal>>) {
	tx.update(proposals)
		.set({ status: 'in-review', reviewerId: actor.userId, updatedAt: Date.now() })
		.where(eq(proposals.id, p.id))
		.run();
	auditProposal(tx, actor, p.wardId, p.id, {
		before: { status: p.status, reviewerId: p.reviewerId },
		after: { status: 'in-review', reviewerId: actor.userId }
	});
	const w = wardRow(tx, p.wardId);
	notify(
		tx,
		wardUserIds(tx, p.wardId),
		{ key: 'proposals.notify.inReview', params: { title: p.title, reviewer: actor.username } },
		wardLink(w.code, p.id)
	);
}

/** A reviewer takes a submitted proposal: status in-review, reviewer set. */
export function claimProposal(db: Db, actor: Actor, id: number): void {
	db.transaction((tx) => {
		const p = forReview(tx, id);
		if (p.status !== 'submitted') throw new ProposalError('not-submitted');
		claimIn(tx, actor, p);
	});
}

/** A reviewer's comment on one section of the latest version (claims it when submitted). */
export function addComment(
	db: Db,
	actor: Actor,
	id: number,
	input: { section: string; body: string }
): number {
	if (!(SECTION_KEYS as readonly string[]).includes(input.section) && input.section !== 'general') {
		throw new ProposalError('bad-section');
	}
	if (input.body.trim().length === 0 || input.body.length > 4000) {
		throw new ProposalError('comment-too-long');
	}
	return db.transaction((tx) => {
		const p = forReview(tx, id);
		if (!DECIDABLE.includes(p.status)) throw new ProposalError('not-submitted');
		if (p.status === 'submitted') claimIn(tx, actor, p);
		const versionId = latestVersionId(tx, id);
		const row = tx
			.insert(reviewComments)
			.values({ versionId, section: input.section, body: input.body, authorId: actor.userId })
			.returning({ id: reviewComments.id })
			.get();
		writeAudit(tx, {
			actor,
			wardId: p.wardId,
			entity: 'review_comment',
			entityId: row.id,
			action: 'create',
			after: { proposalId: id, versionId, section: input.section, body: input.body }
		});
		return row.id;
	});
}

/** Returns, approves or rejects the latest version with a decision note. */
export function decideProposal(
	db: Db,
	actor: Actor,
	id: number,
	input: { outcome: DecisionOutcome; note: string }
): void {
	db.transaction((tx) => {
		const p = forReview(tx, id);
		if (!DECIDABLE.includes(p.status)) {
			throw new ProposalError(p.status === 'returned' ? 'not-submitted' : 'final');
		}
		const versionId = latestVersionId(tx, id);
		const d = tx
			.insert(decisions)
			.values({
				proposalId: id,
				versionId,
				outcome: input.outcome,
				note: input.note,
				decidedBy: actor.userId
			})
			.returning({ id: decisions.id })
			.get();
		tx.update(proposals)
			.set({
				status: input.outcome,
				reviewerId: p.reviewerId ?? actor.userId,
				updatedAt: Date.now()
			})
			.where(eq(proposals.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId: p.wardId,
			entity: 'decision',
			entityId: d.id,
			action: 'decide',
			before: { status: p.status },
			after: { proposalId: id, versionId, outcome: input.outcome, note: input.note }
		});
		const w = wardRow(tx, p.wardId);
		notify(
			tx,
			wardUserIds(tx, p.wardId),
			{ key: `proposals.notify.${input.outcome}`, params: { title: p.title } },
			wardLink(w.code, id)
		);
	});
}
