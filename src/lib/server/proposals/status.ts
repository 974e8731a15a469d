/**
 * The proposal's statuses, its refusal codes and the state a draft row holds: the vocabulary
 * the gathering, the workflow, the city's review and the portfolio share.
 */
import { eq } from 'drizzle-orm';
import { writeAudit, type Actor } from '../audit';
import { DomainError } from '../core/errors';
import type { PacketDraft, PacketSnapshot } from '../../packet';
import { vnToday } from '../../packet';
import type { DbLike } from '../db';
import { proposals, wards } from '../db/schema';

export type ProposalStatus = (typeof proposals.$inferSelect)['status'];
export type DecisionOutcome = 'returned' | 'approved' | 'rejected';

/** A workflow step refused for a reason the user can understand. */
export type ProposalErrorCode =
	| 'not-found'
	| 'not-editable'
	| 'not-submitted'
	| 'bad-section'
	| 'final'
	| 'no-version'
	| 'live-exists'
	| 'comment-too-long'
	| 'no-justification';

export class ProposalError extends DomainError<ProposalErrorCode> {
	constructor(code: ProposalErrorCode) {
		super(code, undefined, `proposals.err.${code}`);
	}
}

/** What proposals.draft_json holds: the editable draft and the last assembled snapshot. */
export interface DraftState {
	draft: PacketDraft;
	assembled: PacketSnapshot | null;
}

export const EDITABLE: readonly ProposalStatus[] = ['draft', 'returned'];
export const DECIDABLE: readonly ProposalStatus[] = ['submitted', 'in-review'];
/**
 * One live proposal per ward. Live = draft, submitted, in-review or returned. Creating a new
 * proposal while one is with the city (submitted, in-review) is refused: the city reviews one
 * dossier of a ward at a time and the ward waits for its decision or its return. A live one
 * still in the ward's hands (a draft, or returned for changes) is superseded by the new one in
 * the same transaction: status superseded, superseded_by = the new one (its submitted versions
 * stay readable and unchanged; the city's reviewers are told when one of theirs is replaced).
 */
export const LIVE: readonly ProposalStatus[] = ['draft', 'submitted', 'in-review', 'returned'];
/** Live statuses that block a new proposal (the city holds the dossier). */
export const WITH_CITY: readonly ProposalStatus[] = ['submitted', 'in-review'];

/** Today in Viet Nam's time (the tờ trình's date). */
export const today = (at = new Date()) => vnToday(at);
export const wardLink = (wardCode: string, id: number) => `/w/${wardCode}/proposals/${id}`;
export const reviewLink = (id: number) => `/review/proposals/${id}`;

/** The ward's code, name and city (not-found when there is no such ward). */
export function wardRow(db: DbLike, wardId: number) {
	const w = db
		.select({ code: wards.code, name: wards.name, city: wards.city })
		.from(wards)
		.where(eq(wards.id, wardId))
		.get();
	if (!w) throw new ProposalError('not-found');
	return w;
}

/** The audit row of a change to proposal `id` of the ward (its draft, status or snapshot). */
export function auditProposal(
	tx: DbLike,
	actor: Actor,
	wardId: number,
	id: number,
	change: { before?: unknown; after: unknown },
	action: 'create' | 'update' = 'update'
): void {
	writeAudit(tx, { actor, wardId, entity: 'proposal', entityId: id, action, ...change });
}
