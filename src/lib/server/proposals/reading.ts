/** Reading proposals: lists, one proposal, its versions, comments, decisions and diffs. */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import {
	changedNumbers,
	diffSnapshots,
	type NumberChange,
	type PacketSnapshot,
	type SnapshotDiff
} from '../../packet';
import type { Db, DbLike } from '../db';
import { decisions, proposalVersions, proposals, reviewComments, users } from '../db/schema';
import type { PacketFile } from './files';
import { assemble } from './gathering';
import { assembleOffThread } from './assemble-pool';
import type { DraftState, ProposalStatus } from './status';

export type ProposalRow = typeof proposals.$inferSelect;

export interface ProposalListRow {
	id: number;
	title: string;
	status: ProposalStatus;
	versions: number;
	updatedAt: number;
	createdAt: number;
}

function parseState(json: string): DraftState {
	return JSON.parse(json) as DraftState;
}

export function listProposals(
	db: DbLike,
	wardId: number,
	opts: { includeDrafts?: boolean } = {}
): ProposalListRow[] {
	const rows = db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			updatedAt: proposals.updatedAt,
			createdAt: proposals.createdAt,
			// Spelled out: drizzle writes a bare "id" here, which the subquery reads as v.id.
			versions: sql<number>`(select count(*) from proposal_versions v where v.proposal_id = "proposals"."id")`
		})
		.from(proposals)
		.where(
			opts.includeDrafts === false
				? and(eq(proposals.wardId, wardId), ne(proposals.status, 'draft'))
				: eq(proposals.wardId, wardId)
		)
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all();
	return rows;
}

/** A proposal of the ward (or of any ward with wardId null), or undefined. */
export function getProposal(db: DbLike, wardId: number | null, id: number) {
	const row = db
		.select()
		.from(proposals)
		.where(
			wardId === null
				? eq(proposals.id, id)
				: and(eq(proposals.id, id), eq(proposals.wardId, wardId))
		)
		.get();
	if (!row) return undefined;
	return { ...row, state: parseState(row.draftJson) };
}

/**
 * A proposal's id, title and status with its number of submitted versions, without reading its
 * draft (a big ward's draft is a large JSON): for pages that only name the proposal.
 */
export function proposalHead(db: DbLike, wardId: number, id: number) {
	const head = db
		.select({ id: proposals.id, title: proposals.title, status: proposals.status })
		.from(proposals)
		.where(and(eq(proposals.id, id), eq(proposals.wardId, wardId)))
		.get();
	if (!head) return undefined;
	const versions =
		db
			.select({ n: sql<number>`count(*)` })
			.from(proposalVersions)
			.where(eq(proposalVersions.proposalId, id))
			.get()?.n ?? 0;
	return { ...head, versions };
}

/** The proposal's row version now (what its edit forms send back), null when there is none. */
export function proposalVersion(db: DbLike, wardId: number, id: number): number | null {
	return (
		db
			.select({ version: proposals.version })
			.from(proposals)
			.where(and(eq(proposals.id, id), eq(proposals.wardId, wardId)))
			.get()?.version ?? null
	);
}

export interface VersionRow {
	id: number;
	number: number;
	sha256: string;
	files: PacketFile[];
	submittedAt: number;
	submittedBy: string | null;
}

export function listVersions(db: DbLike, proposalId: number): VersionRow[] {
	return db
		.select({
			id: proposalVersions.id,
			number: proposalVersions.number,
			sha256: proposalVersions.sha256,
			filesJson: proposalVersions.filesJson,
			submittedAt: proposalVersions.submittedAt,
			submittedBy: users.displayName
		})
		.from(proposalVersions)
		.leftJoin(users, eq(users.id, proposalVersions.submittedBy))
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(asc(proposalVersions.number))
		.all()
		.map(({ filesJson, ...v }) => ({ ...v, files: JSON.parse(filesJson) as PacketFile[] }));
}

export function getVersion(db: DbLike, proposalId: number, n: number) {
	const row = db
		.select()
		.from(proposalVersions)
		.where(and(eq(proposalVersions.proposalId, proposalId), eq(proposalVersions.number, n)))
		.get();
	if (!row) return undefined;
	return {
		id: row.id,
		number: row.number,
		sha256: row.sha256,
		snapshotJson: row.snapshotJson,
		snapshot: JSON.parse(row.snapshotJson) as PacketSnapshot,
		files: JSON.parse(row.filesJson) as PacketFile[],
		submittedAt: row.submittedAt
	};
}

export interface CommentRow {
	id: number;
	versionNumber: number;
	section: string;
	body: string;
	author: string | null;
	createdAt: number;
}

/**
 * Every comment on the proposal's versions, threads and replies alike, oldest first, with its
 * version number, its author's name and ward (null: the city) and who resolved it (listComments
 * and the review threads read this one query).
 */
export function commentRows(db: DbLike, proposalId: number) {
	return db
		.select({
			id: reviewComments.id,
			parentId: reviewComments.parentId,
			versionNumber: proposalVersions.number,
			section: reviewComments.section,
			body: reviewComments.body,
			author: users.displayName,
			authorWard: users.wardId,
			createdAt: reviewComments.createdAt,
			resolvedAt: reviewComments.resolvedAt,
			resolvedBy: sql<
				string | null
			>`(select u2.display_name from users u2 where u2.id = ${reviewComments.resolvedBy})`
		})
		.from(reviewComments)
		.innerJoin(proposalVersions, eq(proposalVersions.id, reviewComments.versionId))
		.leftJoin(users, eq(users.id, reviewComments.authorId))
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
		.all();
}

export function listComments(db: DbLike, proposalId: number): CommentRow[] {
	return commentRows(db, proposalId).map(
		({ parentId: _p, authorWard: _w, resolvedAt: _r, resolvedBy: _b, ...c }) => c
	);
}

export function listDecisions(db: DbLike, proposalId: number) {
	return db
		.select({
			id: decisions.id,
			outcome: decisions.outcome,
			note: decisions.note,
			versionNumber: proposalVersions.number,
			decidedBy: users.displayName,
			createdAt: decisions.createdAt
		})
		.from(decisions)
		.leftJoin(proposalVersions, eq(proposalVersions.id, decisions.versionId))
		.leftJoin(users, eq(users.id, decisions.decidedBy))
		.where(eq(decisions.proposalId, proposalId))
		.orderBy(asc(decisions.createdAt), asc(decisions.id))
		.all();
}

/** Numbers whose source changed since the draft was assembled (empty when none). */
export function recomputeCheck(db: Db, wardId: number, state: DraftState): NumberChange[] {
	if (!state.assembled) return [];
	const fresh = assemble(db, wardId, state.draft);
	return changedNumbers(state.assembled, fresh);
}

/** {@link recomputeCheck} with the packet assembled off the server's thread. */
export async function recomputeCheckOffThread(
	db: Db,
	wardId: number,
	state: DraftState
): Promise<NumberChange[]> {
	if (!state.assembled) return [];
	const fresh = await assembleOffThread(db, wardId, state.draft);
	return changedNumbers(state.assembled, fresh);
}

/** The diff between the last two versions (null with fewer than two). */
export function lastVersionDiff(db: DbLike, proposalId: number): SnapshotDiff | null {
	const vs = db
		.select({ n: proposalVersions.number, json: proposalVersions.snapshotJson })
		.from(proposalVersions)
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(desc(proposalVersions.number))
		.limit(2)
		.all();
	if (vs.length < 2) return null;
	return diffSnapshots(
		JSON.parse(vs[1].json) as PacketSnapshot,
		JSON.parse(vs[0].json) as PacketSnapshot
	);
}

// ------------------------------------------------------------------ writing (ward side)
