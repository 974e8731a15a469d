/**
 * Password-guessing throttle (login and the current-password check of a password change), kept
 * in the database so a restart does not reset it.
 *
 * Every attempt is recorded BEFORE the password is verified, in the same transaction as the
 * check (`beginAttempt`), so a burst of requests sent together cannot all pass the check while
 * the first ones are still being verified: with 5 free failures, 200 simultaneous guesses give
 * 5 Argon2 verifications. A correct password deletes the account's records (`clearFailures`).
 *
 * - Per account (OWASP: growing delays rather than a hard lock): the first FREE_FAILURES
 *   failures within ACCOUNT_WINDOW_MS are free; then each further attempt waits
 *   accountDelayMs(failures) after the last failure: 1, 2, 4, 8 minutes, then 15 minutes.
 * - Per address, a much higher ceiling (ADDRESS_MAX_FAILURES in ADDRESS_WINDOW_MS) so an office
 *   behind one NAT is not locked out by one user's typing: a correct password from that address
 *   still works unless the account itself (or the ceiling) is reached.
 */
import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { loginAttempts } from '../db/schema';

export const FREE_FAILURES = 5;
export const BASE_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 15 * 60_000;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const ADDRESS_MAX_FAILURES = 100;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/** Records older than this are deleted when a new one is written. */
const KEEP_MS = 24 * 60 * 60_000;

/** The wait after the last failure once an account has `failures` failures in its window. */
export function accountDelayMs(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Milliseconds until the account may try again (0 = now). */
function accountWaitMs(db: Db, username: string, now: number): number {
	const where = and(
		eq(loginAttempts.username, username),
		gt(loginAttempts.at, now - ACCOUNT_WINDOW_MS)
	);
	const n = db.select({ n: count() }).from(loginAttempts).where(where).get()?.n ?? 0;
	if (n < FREE_FAILURES) return 0;
	const last = db
		.select({ at: loginAttempts.at })
		.from(loginAttempts)
		.where(where)
		.orderBy(desc(loginAttempts.at))
		.limit(1)
		.get();
	return Math.max(0, (last?.at ?? 0) + accountDelayMs(n) - now);
}

/** Milliseconds until the address is under its ceiling again (0 = now). */
function addressWaitMs(db: Db, ip: string, now: number): number {
	const where = and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, now - ADDRESS_WINDOW_MS));
	const n = db.select({ n: count() }).from(loginAttempts).where(where).get()?.n ?? 0;
	if (n < ADDRESS_MAX_FAILURES) return 0;
	// Allowed again once only MAX - 1 records are left in the window: when the MAX-th newest leaves.
	const row = db
		.select({ at: loginAttempts.at })
		.from(loginAttempts)
		.where(where)
		.orderBy(desc(loginAttempts.at))
		.limit(1)
		.offset(ADDRESS_MAX_FAILURES - 1)
		.get();
	return Math.max(0, (row?.at ?? now) + ADDRESS_WINDOW_MS - now);
}

/** Seconds until another attempt is allowed for this account from this address, 0 when allowed. */
export function throttledFor(db: Db, username: string, ip: string, now = Date.now()): number {
	const name = username.toLowerCase();
	return Math.ceil(Math.max(accountWaitMs(db, name, now), addressWaitMs(db, ip, now)) / 1000);
}

export type AttemptStart = { ok: true } | { ok: false; retryAfterS: number };

/**
 * Checks the throttle and, when allowed, records the attempt as a failure, in one immediate
 * transaction (nothing can run between the check and the record). Call before verifying the
 * password; on success call clearFailures.
 */
export function beginAttempt(db: Db, username: string, ip: string, now = Date.now()): AttemptStart {
	return db.transaction(
		(tx) => {
			const wait = throttledFor(tx as unknown as Db, username, ip, now);
			if (wait > 0) return { ok: false, retryAfterS: wait };
			recordAttempt(tx as unknown as Db, username, ip, now);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** Records a (failed) attempt and forgets records older than a day. */
export function recordAttempt(db: Db, username: string, ip: string, now = Date.now()): void {
	db.insert(loginAttempts).values({ username: username.toLowerCase(), ip, at: now }).run();
	db.delete(loginAttempts)
		.where(lt(loginAttempts.at, now - KEEP_MS))
		.run();
}

export function clearFailures(db: Db, username: string): void {
	db.delete(loginAttempts).where(eq(loginAttempts.username, username.toLowerCase())).run();
}

export function failureCount(db: Db): number {
	return db.select({ n: count() }).from(loginAttempts).get()?.n ?? 0;
}
