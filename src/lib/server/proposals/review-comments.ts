/**
 * Comment threads of the city's review, one or more per section of a proposal. A reviewer opens
 * a thread on a section of the latest version (addComment in ./proposals); the reviewer and the
 * ward's editors reply (one level: replies go to the thread, not to a reply); a reviewer marks
 * the thread resolved (who, when) or reopens it. Rules:
 * - replies only while the proposal is with the city or returned to the ward (submitted,
 *   in-review, returned) and only to an open thread;
 * - resolving an already resolved thread, or reopening an open one, is refused;
 * - at most MAX_REPLIES replies per thread, each body at most 4000 characters.
 * Every change writes its audit row (entity review_comment) and notifies the other side in the
 * same transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { DomainError } from '../core/errors';
import type { Db, DbLike } from '../db';
import { proposalVersions, proposals, reviewComments, wards } from '../db/schema';
import { notify, reviewerIds, wardUserIds } from './notifications';
import { commentRows } from './reading';

export const MAX_REPLIES = 200;
export const MAX_BODY = 4000;
/** Statuses in which a thread takes replies. */
export const REPLYABLE = ['submitted', 'in-review', 'returned'] as const;

export type ThreadErrorCode =
	| 'thread-not-found'
	| 'thread-resolved'
	| 'thread-open'
	| 'thread-closed'
	| 'thread-full'
	| 'thread-body';

/** A reply or a resolve/reopen refused (the thread is gone, resolved, full …). */
export class ThreadError extends DomainError<ThreadErrorCode> {
	constructor(code: ThreadErrorCode) {
		super(code, undefined, `review.err.${code}`);
	}
}

export interface ThreadReply {
	id: number;
	body: string;
	author: string | null;
	/** The author's side: the city (reviewer) or the ward. */
	fromWard: boolean;
	createdAt: number;
}

export interface Thread {
	id: number;
	section: string;
	versionNumber: number;
	body: string;
	author: string | null;
	createdAt: number;
	resolvedAt: number | null;
	resolvedBy: string | null;
	replies: ThreadReply[];
}

/** The proposal's threads in order of their first comment, each with its replies. */
export function listThreads(db: DbLike, proposalId: number): Thread[] {
	const rows = commentRows(db, proposalId);
	const threads = new Map<number, Thread>();
	for (const r of rows) {
		if (r.parentId !== null) continue;
		threads.set(r.id, {
			id: r.id,
			section: r.section,
			versionNumber: r.versionNumber,
			body: r.body,
			author: r.author,
			createdAt: r.createdAt,
			resolvedAt: r.resolvedAt,
			resolvedBy: r.resolvedAt !== null ? r.resolvedBy : null,
			replies: []
		});
	}
	for (const r of rows) {
		if (r.parentId === null) continue;
		threads.get(r.parentId)?.replies.push({
			id: r.id,
			body: r.body,
			author: r.author,
			fromWard: r.authorWard !== null,
			createdAt: r.createdAt
		});
	}
	return [...threads.values()];
}

/** The thread's first comment and its proposal (the proposal of the ward when wardId given). */
function rootOf(tx: DbLike, proposalId: number, rootId: number, wardId: number | null) {
	const row = tx
		.select({
			id: reviewComments.id,
			versionId: reviewComments.versionId,
			section: reviewComments.section,
			parentId: reviewComments.parentId,
			resolvedAt: reviewComments.resolvedAt,
			proposalId: proposals.id,
			wardId: proposals.wardId,
			status: proposals.status,
			title: proposals.title,
			reviewerId: proposals.reviewerId
		})
		.from(reviewComments)
		.innerJoin(proposalVersions, eq(proposalVersions.id, reviewComments.versionId))
		.innerJoin(proposals, eq(proposals.id, proposalVersions.proposalId))
		.where(and(eq(reviewComments.id, rootId), eq(proposals.id, proposalId)))
		.get();
	if (!row || row.parentId !== null || (wardId !== null && row.wardId !== wardId)) {
		throw new ThreadError('thread-not-found');
	}
	return row;
}

/**
 * A reply to a thread, by a reviewer (wardId null) or by an editor of the proposal's ward
 * (wardId: the ward the editor belongs to). Returns the reply's id.
 */
export function replyToThread(
	db: Db,
	actor: Actor,
	input: { proposalId: number; threadId: number; body: string; wardId: number | null }
): number {
	const body = input.body.trim();
	if (body.length === 0 || body.length > MAX_BODY) throw new ThreadError('thread-body');
	return db.transaction((tx) => {
		const root = rootOf(tx, input.proposalId, input.threadId, input.wardId);
		if (!(REPLYABLE as readonly string[]).includes(root.status)) {
			throw new ThreadError('thread-closed');
		}
		if (root.resolvedAt !== null) throw new ThreadError('thread-resolved');
		const n =
			tx
				.select({ n: sql<number>`count(*)` })
				.from(reviewComments)
				.where(eq(reviewComments.parentId, root.id))
				.get()?.n ?? 0;
		if (n >= MAX_REPLIES) throw new ThreadError('thread-full');
		const row = tx
			.insert(reviewComments)
			.values({
				versionId: root.versionId,
				section: root.section,
				body,
				authorId: actor.userId,
				parentId: root.id
			})
			.returning({ id: reviewComments.id })
			.get();
		writeAudit(tx, {
			actor,
			wardId: root.wardId,
			entity: 'review_comment',
			entityId: row.id,
			action: 'create',
			after: { proposalId: root.proposalId, threadId: root.id, section: root.section, body }
		});
		const w = tx.select({ code: wards.code }).from(wards).where(eq(wards.id, root.wardId)).get();
		if (input.wardId === null) {
			notify(
				tx,
				wardUserIds(tx, root.wardId),
				{ key: 'review.notify.reply', params: { title: root.title } },
				`/w/${w?.code ?? ''}/proposals/${root.proposalId}#thread-${root.id}`
			);
		} else {
			notify(
				tx,
				root.reviewerId ? [root.reviewerId] : reviewerIds(tx),
				{ key: 'review.notify.wardReply', params: { title: root.title } },
				`/review/proposals/${root.proposalId}#thread-${root.id}`
			);
		}
		return row.id;
	});
}

/** A reviewer marks a thread resolved (resolve = true) or opens it again (false). */
export function setThreadResolved(
	db: Db,
	actor: Actor,
	input: { proposalId: number; threadId: number; resolved: boolean },
	at = Date.now()
): void {
	db.transaction((tx) => {
		const root = rootOf(tx, input.proposalId, input.threadId, null);
		if (root.status === 'draft') throw new ThreadError('thread-not-found');
		if (input.resolved && root.resolvedAt !== null) throw new ThreadError('thread-resolved');
		if (!input.resolved && root.resolvedAt === null) throw new ThreadError('thread-open');
		tx.update(reviewComments)
			.set(
				input.resolved
					? { resolvedAt: at, resolvedBy: actor.userId }
					: { resolvedAt: null, resolvedBy: null }
			)
			.where(eq(reviewComments.id, root.id))
			.run();
		writeAudit(tx, {
			actor,
			wardId: root.wardId,
			entity: 'review_comment',
			entityId: root.id,
			action: 'update',
			before: { resolved: root.resolvedAt !== null },
			after: { resolved: input.resolved, proposalId: root.proposalId }
		});
	});
}

/** Open threads per proposal (for lists): proposal id → count. */
export function openThreadCounts(db: DbLike, proposalIds: number[]): Map<number, number> {
	if (proposalIds.length === 0) return new Map();
	const rows = db
		.select({ proposalId: proposalVersions.proposalId, n: sql<number>`count(*)` })
		.from(reviewComments)
		.innerJoin(proposalVersions, eq(proposalVersions.id, reviewComments.versionId))
		.where(
			and(
				inArray(proposalVersions.proposalId, proposalIds),
				isNull(reviewComments.parentId),
				isNull(reviewComments.resolvedAt)
			)
		)
		.groupBy(proposalVersions.proposalId)
		.all();
	return new Map(rows.map((r) => [r.proposalId, r.n]));
}
