/** Users: password changes and administration, each audited. */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, like, ne, or, sql } from 'drizzle-orm';
import type { Role } from '../../constants';
import type { MessageKey } from '../../i18n';
import { writeAudit, type Actor } from '../audit';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { userWardColumns, type UserWard } from '../auth/sessions';
import { beginAttempt, clearFailures } from '../auth/throttle';
import { issueToken, revokeToken } from '../auth/tokens';
import type { Db, DbLike } from '../db';
import { apiTokens, sessions, users, wards } from '../db/schema';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { createRecord } from '../core/records';
import { pagedQuery, type PageRequest, type Paged } from '../core/paged';
import { DomainError } from '../core/errors';

export type PasswordChangeResult =
	| { ok: true }
	| { ok: false; reason: 'wrong-current' | 'mismatch' | 'too-short' | 'too-long' | 'too-simple' }
	| { ok: false; reason: 'throttled'; retryAfterS: number };

/**
 * Changes a user's password and logs out their other sessions. The current-password check
 * shares the login throttle (per account and per address, recorded before verifying), so a
 * stolen session cannot be used to guess the password.
 */
export async function changePassword(
	db: Db,
	actor: Actor,
	userId: number,
	input: { current: string; next: string; confirm: string; keepSession?: string; ip?: string }
): Promise<PasswordChangeResult> {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) return { ok: false, reason: 'wrong-current' };
	const start = beginAttempt(db, user.username, input.ip ?? 'unknown');
	if (!start.ok) return { ok: false, reason: 'throttled', retryAfterS: start.retryAfterS };
	if (!(await verifyPassword(user.passwordHash, input.current))) {
		return { ok: false, reason: 'wrong-current' };
	}
	clearFailures(db, user.username);
	if (input.next !== input.confirm) return { ok: false, reason: 'mismatch' };
	const problem = passwordProblem(input.next);
	if (problem) return { ok: false, reason: problem };
	const hashed = await hashPassword(input.next);
	changeAccount(db, actor, userId, {
		set: { passwordHash: hashed, passwordChangedAt: Date.now() },
		before: () => ({ passwordChanged: false }),
		after: { passwordChanged: true },
		keepSession: input.keepSession
	});
	return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Administration: the users list, creating users, resetting passwords, disabling, roles.
// ---------------------------------------------------------------------------------------------

/** Roles that belong to one ward (a ward is required); the others must have no ward. */
export const WARD_ROLES: readonly Role[] = ['ward_editor', 'ward_viewer'];

/** A change refused for a reason the admin can fix. */
type UserCode =
	| 'duplicate-username'
	| 'not-found'
	| 'ward-required'
	| 'ward-forbidden'
	| 'unknown-ward'
	| 'last-admin'
	| 'self';

export class UserError extends DomainError<UserCode> {
	constructor(code: UserCode, field?: string) {
		super(code, field, USER_ERROR_KEYS[code]);
	}
}

export interface UserListRow extends UserWard {
	wardName: string | null;
	disabled: boolean;
	createdAt: number;
	passwordChangedAt: number | null;
	activeSessions: number;
	/** The row version an edit form is loaded with (optimistic concurrency). */
	version: number;
}

const userColumns = {
	...userWardColumns,
	wardName: wards.name,
	disabled: users.disabled,
	createdAt: users.createdAt,
	passwordChangedAt: users.passwordChangedAt,
	version: users.version,
	activeSessions: sql<number>`(select count(*) from sessions s where s.user_id = "users"."id" and s.expires_at > (unixepoch('subsec') * 1000))`
};

/** Users searched by username, display name or ward, paginated. */
export function listUsers(
	db: Db,
	options: { q?: string; page?: number; pageSize?: number } = {}
): Paged<UserListRow> {
	const q = options.q?.trim();
	const where = q
		? or(
				like(users.username, `%${q}%`),
				like(users.displayName, `%${q}%`),
				like(wards.name, `%${q}%`),
				like(wards.code, `%${q}%`)
			)
		: undefined;
	const query = db
		.select(userColumns)
		.from(users)
		.leftJoin(wards, eq(wards.id, users.wardId))
		.where(where)
		.$dynamic();
	return pagedQuery(db, query, [asc(users.username)], options);
}

export function getUser(db: DbLike, id: number): UserListRow | undefined {
	return db
		.select(userColumns)
		.from(users)
		.leftJoin(wards, eq(wards.id, users.wardId))
		.where(eq(users.id, id))
		.get();
}

/** The user `id`, or UserError 'not-found' (the 404 of the user's page and its actions). */
export function requireUser(db: DbLike, id: number): UserListRow {
	const user = getUser(db, id);
	if (!user) throw new UserError('not-found');
	return user;
}

/** What the audit trail keeps of a user (never the password hash). */
function auditView(u: typeof users.$inferSelect) {
	return {
		username: u.username,
		displayName: u.displayName,
		role: u.role,
		wardId: u.wardId,
		disabled: u.disabled
	};
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 16-character password without look-alike characters (l/1, O/0), shown once. */
export function generatePassword(length = 16): string {
	for (;;) {
		let out = '';
		for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
		if (!passwordProblem(out)) return out;
	}
}

function checkRoleWard(tx: DbLike, role: Role, wardId: number | null): void {
	if (WARD_ROLES.includes(role)) {
		if (wardId === null) throw new UserError('ward-required', 'wardId');
		const ward = tx.select({ id: wards.id }).from(wards).where(eq(wards.id, wardId)).get();
		if (!ward) throw new UserError('unknown-ward', 'wardId');
	} else if (wardId !== null) {
		throw new UserError('ward-forbidden', 'wardId');
	}
}

function activeAdminCount(tx: DbLike): number {
	return (
		tx
			.select({ n: sql<number>`count(*)` })
			.from(users)
			.where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
			.get()?.n ?? 0
	);
}

export interface NewUserInput {
	username: string;
	displayName: string;
	role: Role;
	wardId: number | null;
}

/**
 * Creates a user. Without `password` a random one is generated; either way it is returned so
 * the admin can hand it over (it is never stored in clear).
 */
export async function createUser(
	db: Db,
	actor: Actor,
	input: NewUserInput,
	password?: string
): Promise<{ user: UserListRow; password: string }> {
	const plain = password ?? generatePassword();
	const problem = passwordProblem(plain);
	if (problem) throw new Error(`password rejected: ${problem}`);
	const hashed = await hashPassword(plain);
	const username = input.username.trim().toLowerCase();
	const row = createRecord(
		db,
		users,
		{
			actor,
			wardId: input.wardId,
			entity: 'user',
			uniqueField: 'username',
			error: (code, field) =>
				new UserError(code === 'duplicate-code' ? 'duplicate-username' : code, field)
		},
		{
			username,
			displayName: input.displayName.trim(),
			role: input.role,
			wardId: input.wardId,
			passwordHash: hashed,
			passwordChangedAt: Date.now()
		},
		{
			guard: (tx) => {
				checkRoleWard(tx, input.role, input.wardId);
				const clash = tx
					.select({ id: users.id })
					.from(users)
					.where(eq(sql`lower(${users.username})`, username))
					.get();
				if (clash) throw new UserError('duplicate-username', 'username');
			},
			auditAfter: auditView
		}
	);
	return { user: getUser(db, row.id)!, password: plain };
}

/** Sets a new random password, logs the user out everywhere and returns the password once. */
export async function resetPassword(db: Db, actor: Actor, userId: number): Promise<string> {
	const plain = generatePassword();
	const hashed = await hashPassword(plain);
	changeAccount(db, actor, userId, {
		set: { passwordHash: hashed, passwordChangedAt: Date.now() },
		before: () => ({ passwordReset: false }),
		after: { passwordReset: true }
	});
	return plain;
}

/** Disables or enables an account; either way its sessions end. The last admin stays. */
export function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): void {
	changeAccount(db, actor, userId, {
		check: (tx, user) => {
			if (disabled && actor.userId === userId) throw new UserError('self');
			if (disabled && user.role === 'admin' && !user.disabled && activeAdminCount(tx) <= 1) {
				throw new UserError('last-admin');
			}
		},
		set: { disabled },
		before: (user) => ({ disabled: user.disabled }),
		after: { disabled }
	});
}

/**
 * Changes an account and ends its sessions (all but `keepSession`, the one changing its own
 * password), with an audit row (what `before` and `after` say, never the hash), in one
 * transaction; `check` may refuse first.
 */
function changeAccount(
	db: Db,
	actor: Actor,
	userId: number,
	change: {
		check?: (tx: DbLike, user: typeof users.$inferSelect) => void;
		set: Partial<typeof users.$inferInsert>;
		before: (user: typeof users.$inferSelect) => unknown;
		after: unknown;
		keepSession?: string;
	}
): void {
	db.transaction((tx) => {
		const user = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!user) throw new UserError('not-found');
		change.check?.(tx, user);
		tx.update(users).set(change.set).where(eq(users.id, userId)).run();
		const ofUser = eq(sessions.userId, userId);
		const keep = change.keepSession;
		tx.delete(sessions)
			.where(keep ? and(ofUser, ne(sessions.id, keep)) : ofUser)
			.run();
		writeAudit(tx, {
			actor,
			wardId: user.wardId,
			entity: 'user',
			entityId: userId,
			action: 'update',
			before: change.before(user),
			after: change.after
		});
	});
}

/**
 * The stored values of the user form (and the version), as a stale save shows them: never the
 * password hash.
 */
function formView(u: typeof users.$inferSelect) {
	return {
		id: u.id,
		version: u.version,
		displayName: u.displayName,
		role: u.role,
		wardId: u.wardId,
		disabled: u.disabled
	};
}

/**
 * Changes display name, role and ward (a ward role needs a ward; the others have none). With
 * `expectedVersion` (the version the form was loaded with), a user changed meanwhile (profile,
 * role, ward or disabled) is refused with a ConflictError carrying the stored form values.
 */
export function updateUser(
	db: Db,
	actor: Actor,
	userId: number,
	input: { displayName: string; role: Role; wardId: number | null },
	expectedVersion: number | null = null
): void {
	db.transaction((tx) => {
		const user = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!user) throw new UserError('not-found');
		checkVersion('user', formView(user), expectedVersion);
		checkRoleWard(tx, input.role, input.wardId);
		if (user.role === 'admin' && input.role !== 'admin') {
			if (actor.userId === userId) throw new UserError('self', 'role');
			if (!user.disabled && activeAdminCount(tx) <= 1) throw new UserError('last-admin', 'role');
		}
		const after = versionedUpdate(tx, users, 'user', userId, expectedVersion, {
			displayName: input.displayName.trim(),
			role: input.role,
			wardId: input.wardId
		});
		// A new role or ward must not keep old permissions in open sessions.
		if (user.role !== after.role || user.wardId !== after.wardId) {
			tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		}
		writeAudit(tx, {
			actor,
			wardId: after.wardId ?? user.wardId,
			entity: 'user',
			entityId: userId,
			action: 'update',
			before: auditView(user),
			after: auditView(after)
		});
	});
}

// ---------------------------------------------------------------------------------------------
// API tokens (read-only, for one ward or the city), issued and revoked by an admin.
// ---------------------------------------------------------------------------------------------

export interface TokenListRow {
	id: number;
	name: string;
	wardId: number | null;
	wardCode: string | null;
	wardName: string | null;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
	createdBy: string | null;
}

export function listTokens(db: Db, request: PageRequest = {}): Paged<TokenListRow> {
	const query = db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			wardId: apiTokens.wardId,
			wardCode: wards.code,
			wardName: wards.name,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			createdBy: users.username
		})
		.from(apiTokens)
		.leftJoin(wards, eq(wards.id, apiTokens.wardId))
		.leftJoin(users, eq(users.id, apiTokens.createdBy))
		.$dynamic();
	// Newest first.
	return pagedQuery(db, query, [desc(apiTokens.id)], request);
}

/** Issues a read-only token for a ward (or the city when `wardId` is null); shown once. */
export function issueApiToken(
	db: Db,
	actor: Actor,
	input: { name: string; wardId: number | null }
): { id: number; token: string } {
	return db.transaction((tx) => {
		if (input.wardId !== null) {
			const ward = tx.select({ id: wards.id }).from(wards).where(eq(wards.id, input.wardId)).get();
			if (!ward) throw new UserError('unknown-ward', 'wardId');
		}
		const issued = issueToken(tx, {
			name: input.name.trim(),
			wardId: input.wardId,
			createdBy: actor.userId
		});
		writeAudit(tx, {
			actor,
			wardId: input.wardId,
			entity: 'token',
			entityId: issued.id,
			action: 'create',
			after: { name: input.name.trim(), wardId: input.wardId, scope: 'read' }
		});
		return issued;
	});
}

export function revokeApiToken(db: Db, actor: Actor, tokenId: number): void {
	db.transaction((tx) => {
		const row = tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
		if (!row) throw new UserError('not-found');
		if (row.revokedAt !== null) return;
		revokeToken(tx, tokenId);
		writeAudit(tx, {
			actor,
			wardId: row.wardId,
			entity: 'token',
			entityId: tokenId,
			action: 'update',
			before: { name: row.name, revoked: false },
			after: { name: row.name, revoked: true }
		});
	});
}

/** The message shown for each refusal. */
export const USER_ERROR_KEYS = {
	'duplicate-username': 'user.err.duplicate',
	'not-found': 'err.notFound',
	'ward-required': 'user.err.wardRequired',
	'ward-forbidden': 'user.err.wardForbidden',
	'unknown-ward': 'user.err.unknownWard',
	'last-admin': 'user.err.lastAdmin',
	self: 'user.err.self'
} as const satisfies Record<UserError['code'], MessageKey>;
