/**
 * Failed-login throttle: at most MAX_FAILURES failures per username and per address in
 * WINDOW_MS. Kept in the database so a restart does not reset it.
 */
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { loginAttempts } from '../db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds until another attempt is allowed, or 0 when not throttled. */
export function throttledFor(db: Db, username: string, ip: string, now = Date.now()): number {
	const since = now - WINDOW_MS;
	const check = (cond: ReturnType<typeof eq>) => {
		const rows = db
			.select({ at: loginAttempts.at })
			.from(loginAttempts)
			.where(and(cond, gt(loginAttempts.at, since)))
			.orderBy(loginAttempts.at)
			.all();
		if (rows.length < MAX_FAILURES) return 0;
		return Math.ceil((rows[rows.length - MAX_FAILURES].at + WINDOW_MS - now) / 1000);
	};
	return Math.max(
		check(eq(loginAttempts.username, username.toLowerCase())),
		check(eq(loginAttempts.ip, ip))
	);
}

export function recordFailure(db: Db, username: string, ip: string, now = Date.now()): void {
	db.insert(loginAttempts).values({ username: username.toLowerCase(), ip, at: now }).run();
	db.delete(loginAttempts)
		.where(lt(loginAttempts.at, now - 24 * 60 * 60 * 1000))
		.run();
}

export function clearFailures(db: Db, username: string): void {
	db.delete(loginAttempts).where(eq(loginAttempts.username, username.toLowerCase())).run();
}

export function failureCount(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(loginAttempts)
			.get()?.n ?? 0
	);
}
