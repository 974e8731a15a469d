/**
 * Logging in: the throttle, the password check and the new session, in one place so the
 * login page and the tests share it. The attempt is recorded before the password is verified
 * (see throttle.ts), so a burst of guesses cannot outrun the throttle.
 */
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { users } from '../db/schema';
import { verifyPassword } from './password';
import { createSession } from './sessions';
import { beginAttempt, clearFailures } from './throttle';

export type LoginResult =
	| { ok: true; token: string; expiresAt: number; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterS: number };

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$WVnYkbgBHcRBBUMDbZnnW0r5mVZb6vUmrnNjdJ7nRkI';

export async function login(
	db: Db,
	username: string,
	password: string,
	meta: { ip: string; userAgent?: string | null; now?: number }
): Promise<LoginResult> {
	const now = meta.now ?? Date.now();
	const name = username.trim().toLowerCase();
	// Recorded as a failure before the (slow) verification, atomically with the throttle check.
	const start = beginAttempt(db, name, meta.ip, now);
	if (!start.ok) return { ok: false, reason: 'throttled', retryAfterS: start.retryAfterS };
	const user = db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.username})`, name))
		.get();
	const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
	if (!user || !valid || user.disabled) return { ok: false, reason: 'invalid' };
	clearFailures(db, name);
	const session = db.transaction((tx) => {
		writeAudit(tx, {
			actor: { userId: user.id, username: user.username },
			wardId: user.wardId,
			entity: 'session',
			entityId: user.id,
			action: 'login',
			at: now
		});
		return createSession(tx, user.id, { ip: meta.ip, userAgent: meta.userAgent, now });
	});
	return { ok: true, ...session, userId: user.id };
}
