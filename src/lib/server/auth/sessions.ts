/**
 * Session cookies: a random token in an httpOnly cookie, its SHA-256 in the database.
 * Rotated at login (a new token every time), expiring, revocable (delete the row).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db, DbLike } from '../db';
import { sessions, users, wards } from '../db/schema';
import type { Role } from '../../constants';

export const SESSION_COOKIE = 'truso_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** A user and their ward's code (the columns of {@link userWardColumns}). */
export interface UserWard {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	wardId: number | null;
	wardCode: string | null;
}

export interface SessionUser extends UserWard {
	sessionId: string;
}

/**
 * A user and their ward's code, selected from users left-joined to wards: what a session carries
 * (the admin's user list reads the same columns and more).
 */
export const userWardColumns = {
	id: users.id,
	username: users.username,
	displayName: users.displayName,
	role: users.role,
	wardId: users.wardId,
	wardCode: wards.code
};

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Creates a session and returns the token for the cookie. */
export function createSession(
	db: DbLike,
	userId: number,
	meta: { userAgent?: string | null; ip?: string | null; now?: number } = {}
): { token: string; expiresAt: number } {
	const now = meta.now ?? Date.now();
	const token = newToken();
	const expiresAt = now + SESSION_TTL_MS;
	db.insert(sessions)
		.values({
			id: hashToken(token),
			userId,
			expiresAt,
			createdAt: now,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
			ip: meta.ip ?? null
		})
		.run();
	return { token, expiresAt };
}

/**
 * The user of a session token, or null when the token is unknown, expired, or the user is
 * disabled. Extends the session when more than half of its life has passed.
 */
export function validateSession(db: Db, token: string, now = Date.now()): SessionUser | null {
	const id = hashToken(token);
	const row = db
		.select({ ...userWardColumns, expiresAt: sessions.expiresAt, disabled: users.disabled })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(wards, eq(wards.id, users.wardId))
		.where(eq(sessions.id, id))
		.get();
	if (!row) return null;
	const { expiresAt, disabled, ...user } = row;
	if (expiresAt <= now || disabled) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return null;
	}
	if (expiresAt - now < SESSION_TTL_MS / 2) {
		db.update(sessions)
			.set({ expiresAt: now + SESSION_TTL_MS })
			.where(eq(sessions.id, id))
			.run();
	}
	return { ...user, sessionId: id };
}

export function revokeSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function purgeExpiredSessions(db: Db, now = Date.now()): void {
	db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

export function activeSessionCount(db: Db, userId: number, now = Date.now()): number {
	return db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.all().length;
}
