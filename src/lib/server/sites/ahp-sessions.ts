/**
 * Group AHP as a session: the ward's editor invites the people who set the weights. A member
 * with an account (the ward's leaders have viewer accounts) answers their own comparisons when
 * signed in; a person without one gets a one-time link. Each answers alone; the group weights
 * are the AHP of the geometric mean of everybody's judgements (`ahpState` in `./scoring`).
 *
 * A link carries a random 256-bit token; only its SHA-256 is stored. It can be answered once,
 * before it expires, unless the editor revoked it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { DomainError } from '../core/errors';
import type { Db, DbLike } from '../db';
import { ahpInvites, judgments, wards, weightings } from '../db/schema';
import { parseSaaty } from '../../schemas/sites';
import { matrixFromPairs, writeJudgments } from './scoring';

/** How long a link stays valid. */
export const INVITE_TTL_MS = 14 * 24 * 3600 * 1000;
/** Open (unanswered, unexpired, unrevoked) links a ward may hold at once. */
export const MAX_OPEN_INVITES = 30;

export type AhpSessionErrorCode =
	'not-found' | 'name-taken' | 'too-many' | 'expired' | 'used' | 'revoked';

export class AhpSessionError extends DomainError<AhpSessionErrorCode> {
	constructor(code: AhpSessionErrorCode) {
		super(code);
	}
}

export type InviteStatus = 'open' | 'answered' | 'expired' | 'revoked';

export interface InviteRow {
	id: number;
	participant: string;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	status: InviteStatus;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function statusOf(
	row: { usedAt: number | null; revokedAt: number | null; expiresAt: number },
	now: number
): InviteStatus {
	if (row.usedAt !== null) return 'answered';
	if (row.revokedAt !== null) return 'revoked';
	return row.expiresAt <= now ? 'expired' : 'open';
}

/** Names already answering in the ward's AHP session (their answers must not be overwritten). */
function answeringNames(db: DbLike, wardId: number): Set<string> {
	const rows = db
		.select({ participant: judgments.participant })
		.from(judgments)
		.innerJoin(weightings, eq(weightings.id, judgments.weightingId))
		.where(and(eq(weightings.wardId, wardId), eq(weightings.method, 'ahp')))
		.all();
	return new Set(rows.map((r) => r.participant.toLocaleLowerCase('vi')));
}

/**
 * Creates a one-time link for `participant`. Returns the token once (the link is
 * `/ahp/{token}`); refuses a name that already answers or holds an open link.
 */
export function createInvite(
	db: Db,
	actor: Actor,
	wardId: number,
	participant: string,
	now = Date.now()
): { id: number; token: string; expiresAt: number } {
	const name = participant.trim();
	return db.transaction((tx) => {
		const open = listInvites(tx, wardId, now).filter((i) => i.status === 'open');
		if (open.length >= MAX_OPEN_INVITES) throw new AhpSessionError('too-many');
		const lower = name.toLocaleLowerCase('vi');
		if (
			answeringNames(tx, wardId).has(lower) ||
			open.some((i) => i.participant.toLocaleLowerCase('vi') === lower)
		) {
			throw new AhpSessionError('name-taken');
		}
		const token = randomBytes(32).toString('base64url');
		const expiresAt = now + INVITE_TTL_MS;
		const row = tx
			.insert(ahpInvites)
			.values({
				wardId,
				participant: name,
				tokenHash: hashToken(token),
				createdBy: actor.userId,
				createdAt: now,
				expiresAt
			})
			.returning()
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'ahp-invite',
			entityId: row.id,
			action: 'create',
			after: { participant: name, expiresAt }
		});
		return { id: row.id, token, expiresAt };
	});
}

/** The ward's links, newest first. */
export function listInvites(db: DbLike, wardId: number, now = Date.now()): InviteRow[] {
	return db
		.select()
		.from(ahpInvites)
		.where(eq(ahpInvites.wardId, wardId))
		.orderBy(desc(ahpInvites.id))
		.limit(200)
		.all()
		.map((r) => ({
			id: r.id,
			participant: r.participant,
			createdAt: r.createdAt,
			expiresAt: r.expiresAt,
			usedAt: r.usedAt,
			status: statusOf(r, now)
		}));
}

/** Withdraws an open link (an answered one stays: its answers are part of the group). */
export function revokeInvite(db: Db, actor: Actor, wardId: number, id: number, now = Date.now()) {
	db.transaction((tx) => {
		const row = tx
			.select()
			.from(ahpInvites)
			.where(and(eq(ahpInvites.id, id), eq(ahpInvites.wardId, wardId)))
			.get();
		if (!row) throw new AhpSessionError('not-found');
		if (row.usedAt !== null) throw new AhpSessionError('used');
		tx.update(ahpInvites).set({ revokedAt: now }).where(eq(ahpInvites.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'ahp-invite',
			entityId: id,
			action: 'delete',
			before: { participant: row.participant }
		});
	});
}

export interface OpenedInvite {
	id: number;
	participant: string;
	expiresAt: number;
	status: InviteStatus;
	ward: { id: number; code: string; name: string };
}

/** The link behind a token, whatever its status; undefined for an unknown token. */
export function openInvite(db: DbLike, token: string, now = Date.now()): OpenedInvite | undefined {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
	const row = db
		.select({ invite: ahpInvites, ward: { id: wards.id, code: wards.code, name: wards.name } })
		.from(ahpInvites)
		.innerJoin(wards, eq(wards.id, ahpInvites.wardId))
		.where(eq(ahpInvites.tokenHash, hashToken(token)))
		.get();
	if (!row) return undefined;
	return {
		id: row.invite.id,
		participant: row.invite.participant,
		expiresAt: row.invite.expiresAt,
		status: statusOf(row.invite, now),
		ward: row.ward
	};
}

/**
 * The version of the answers stored under the invited person's name (0: none), which the
 * answer form carries: answers typed in under that name after the form was loaded (an editor
 * entering the person's paper form) are not overwritten unseen (see {@link answerInvite}).
 */
export function inviteAnswerVersion(db: DbLike, invite: OpenedInvite): number {
	const row = db
		.select({ version: judgments.version })
		.from(judgments)
		.innerJoin(weightings, eq(weightings.id, judgments.weightingId))
		.where(
			and(
				eq(weightings.wardId, invite.ward.id),
				eq(weightings.method, 'ahp'),
				eq(judgments.participant, invite.participant)
			)
		)
		.get();
	return row?.version ?? 0;
}

/**
 * Saves the invited person's comparisons and uses up the link, in one transaction. Refuses an
 * unknown, answered, revoked or expired link with the matching code. `expectedVersion` is the
 * version of the answers under the person's name when the form was loaded (0: none; see
 * {@link inviteAnswerVersion}): answers stored or changed since → ConflictError, nothing written
 * and the link still open. null or undefined: not checked.
 */
export function answerInvite(
	db: Db,
	token: string,
	keys: string[],
	matrix: number[][],
	now = Date.now(),
	expectedVersion?: number | null
): { cr: number; participant: string } {
	return db.transaction((tx) => {
		const invite = openInvite(tx, token, now);
		if (!invite) throw new AhpSessionError('not-found');
		if (invite.status === 'answered') throw new AhpSessionError('used');
		if (invite.status === 'revoked') throw new AhpSessionError('revoked');
		if (invite.status === 'expired') throw new AhpSessionError('expired');
		// Mark first: a second submission racing this one finds the link used.
		const marked = tx
			.update(ahpInvites)
			.set({ usedAt: now })
			.where(and(eq(ahpInvites.id, invite.id), isNull(ahpInvites.usedAt)))
			.run();
		if (marked.changes !== 1) throw new AhpSessionError('used');
		const actor: Actor = { userId: null, username: invite.participant };
		const r = writeJudgments(
			tx,
			actor,
			invite.ward.id,
			{ participant: invite.participant, userId: null },
			keys,
			matrix,
			expectedVersion
		);
		return { cr: r.cr, participant: invite.participant };
	});
}

/**
 * The comparisons posted by a pairwise form (`p:{a}:{b}` = a Saaty option for each pair of
 * `keys`, a before b) as a reciprocal matrix; null when a value is not on the scale. A pair left
 * out counts as "equal".
 */
export function matrixFromForm(data: FormData, keys: string[]): number[][] | null {
	let bad = false;
	const matrix = matrixFromPairs(keys.length, (i, j) => {
		const v = parseSaaty(String(data.get(`p:${keys[i]}:${keys[j]}`) ?? '1'));
		if (v === null) bad = true;
		return v ?? 1;
	});
	return bad ? null : matrix;
}
