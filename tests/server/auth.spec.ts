/** Logging in, sessions and API tokens, on a real database file where it matters. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db/connection';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { sessions, users, wards } from '../../src/lib/server/db/schema';
import { login } from '../../src/lib/server/auth/login';
import {
	accountDelayMs,
	ADDRESS_MAX_FAILURES,
	FREE_FAILURES,
	recordAttempt
} from '../../src/lib/server/auth/throttle';
import {
	activeSessionCount,
	createSession,
	revokeSession,
	SESSION_TTL_MS,
	validateSession
} from '../../src/lib/server/auth/sessions';
import { issueToken, principalFromBearer, revokeToken } from '../../src/lib/server/auth/tokens';
import { authorize } from '../../src/lib/server/auth/guard';
import { changePassword } from '../../src/lib/server/admin/users';

/** Argon2 verifications made (the expensive step a throttle must keep from attackers). */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/lib/server/auth/password', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../src/lib/server/auth/password')>();
	return {
		...real,
		verifyPassword: (hashed: string, password: string) => {
			verifications.count++;
			return real.verifyPassword(hashed, password);
		}
	};
});

const T0 = Date.parse('2026-03-10T08:00:00+07:00');

describe('the login throttle', () => {
	let dir: string;
	let file: string;
	let db: Db;
	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-auth-'));
		file = path.join(dir, 'db.sqlite');
		db = openDatabase(file);
		seedSample(db);
		await seedDemoAccounts(db);
		verifications.count = 0;
	});
	afterEach(() => {
		if (db.$client.open) db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('has the documented limits: 5 free failures, then 1, 2, 4, 8, 15 (cap) minutes', () => {
		expect(FREE_FAILURES).toBe(5);
		expect([4, 5, 6, 7, 8, 9, 10, 30].map((f) => accountDelayMs(f) / 60_000)).toEqual([
			0, 1, 2, 4, 8, 15, 15, 15
		]);
		expect(ADDRESS_MAX_FAILURES).toBe(100);
	});

	it('refuses the 6th attempt, even with the right password, with growing delays, and survives a restart', async () => {
		for (let i = 0; i < FREE_FAILURES; i++) {
			const r = await login(db, 'binhtrung.editor', 'wrong-password', {
				ip: '10.0.0.1',
				now: T0 + i
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		const sixth = await login(db, 'binhtrung.editor', DEMO_PASSWORD, {
			ip: '10.0.0.2',
			now: T0 + 10
		});
		// The 5th failure was at T0 + 4: one minute from then, 59.994 s → 60 s (rounded up).
		expect(sixth).toEqual({ ok: false, reason: 'throttled', retryAfterS: 60 });

		// A restart (the database file reopened) does not forget the failures.
		db.$client.close();
		db = openDatabase(file);
		const again = await login(db, 'BinhTrung.Editor', DEMO_PASSWORD, {
			ip: '10.0.0.3',
			now: T0 + 30_000
		});
		// T0 + 4 + 60 s − (T0 + 30 s) = 30.004 s → 31 s.
		expect(again).toEqual({ ok: false, reason: 'throttled', retryAfterS: 31 });
		// After the minute one more try is allowed; a 6th failure doubles the delay (2 min).
		expect(
			await login(db, 'binhtrung.editor', 'wrong-again', { ip: '10.0.0.3', now: T0 + 61_000 })
		).toEqual({ ok: false, reason: 'invalid' });
		expect(
			await login(db, 'binhtrung.editor', DEMO_PASSWORD, { ip: '10.0.0.3', now: T0 + 62_000 })
		).toEqual({ ok: false, reason: 'throttled', retryAfterS: 119 });
		// Another user from another address is not affected.
		expect(
			(await login(db, 'binhtrung.viewer', DEMO_PASSWORD, { ip: '10.0.0.4', now: T0 })).ok
		).toBe(true);
		// After the delay the right password works, and clears the account's failures.
		const later = await login(db, 'binhtrung.editor', DEMO_PASSWORD, {
			ip: '10.0.0.1',
			now: T0 + 61_000 + 120_000
		});
		expect(later.ok).toBe(true);
		expect(
			(await login(db, 'binhtrung.editor', 'wrong', { ip: '10.0.0.1', now: T0 + 200_000 })).ok
		).toBe(false);
		expect(
			(await login(db, 'binhtrung.editor', DEMO_PASSWORD, { ip: '10.0.0.1', now: T0 + 200_001 })).ok
		).toBe(true);
	});

	it('200 wrong passwords sent together: at most 5 are verified, and a right one in the burst is refused', async () => {
		const burst = Array.from({ length: 200 }, (_, i) =>
			login(db, 'binhtrung.editor', i === 100 ? DEMO_PASSWORD : `wrong-${i}`, {
				ip: `10.1.${i >> 8}.${i & 255}`,
				now: T0 + i
			})
		);
		const results = await Promise.all(burst);
		expect(verifications.count).toBe(FREE_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(FREE_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(
			200 - FREE_FAILURES
		);
		expect(results[100].ok).toBe(false);
		// The same burst from one address: no more verifications either.
		verifications.count = 0;
		const one = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				login(db, 'binhtrung.viewer', `wrong-${i}`, { ip: '10.2.0.1', now: T0 + i })
			)
		);
		expect(verifications.count).toBe(FREE_FAILURES);
		expect(one.filter((r) => r.ok)).toHaveLength(0);
	});

	it("one user's failures from a shared address do not lock out another user with the right password", async () => {
		// An office behind one NAT: someone mistypes 20 times for a name (and for the admin).
		for (let i = 0; i < 20; i++) {
			await login(db, i % 2 ? 'admin' : 'binhtrung.editor', `wrong-${i}`, {
				ip: '10.5.5.5',
				now: T0 + i * 1000
			});
		}
		const viewer = await login(db, 'binhtrung.viewer', DEMO_PASSWORD, {
			ip: '10.5.5.5',
			now: T0 + 30_000
		});
		expect(viewer.ok).toBe(true);
		// The mistyped accounts themselves are throttled, from any address.
		const editor = await login(db, 'binhtrung.editor', DEMO_PASSWORD, {
			ip: '10.6.6.6',
			now: T0 + 30_000
		});
		expect(editor.ok === false && editor.reason).toBe('throttled');
	});

	it('one address trying many names hits a much higher ceiling (100 in 15 minutes)', async () => {
		for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) {
			recordAttempt(db, `nobody${i}`, '10.9.9.9', T0 + i);
		}
		// 99 failures: a right password from that address still works.
		expect((await login(db, 'admin', DEMO_PASSWORD, { ip: '10.9.9.9', now: T0 + 200 })).ok).toBe(
			true
		);
		recordAttempt(db, 'nobody-last', '10.9.9.9', T0 + 201);
		const r = await login(db, 'binhtrung.viewer', DEMO_PASSWORD, {
			ip: '10.9.9.9',
			now: T0 + 300
		});
		// The oldest counted failure (T0 + 0) leaves the 15-minute window at T0 + 900 s.
		expect(r).toEqual({ ok: false, reason: 'throttled', retryAfterS: 900 });
		expect(
			(await login(db, 'binhtrung.viewer', DEMO_PASSWORD, { ip: '10.9.9.8', now: T0 + 300 })).ok
		).toBe(true);
	});

	it('the current-password check of a password change shares the throttle', async () => {
		const user = db.select().from(users).where(eq(users.username, 'binhtrung.editor')).get()!;
		const actor = { userId: user.id, username: user.username };
		const input = (current: string) => ({
			current,
			next: 'a-new-password-1',
			confirm: 'a-new-password-1',
			ip: '10.7.7.7'
		});
		const burst = await Promise.all(
			Array.from({ length: 50 }, (_, i) => changePassword(db, actor, user.id, input(`bad-${i}`)))
		);
		expect(verifications.count).toBe(FREE_FAILURES);
		expect(burst.filter((r) => !r.ok && r.reason === 'wrong-current')).toHaveLength(FREE_FAILURES);
		const throttled = burst.find((r) => !r.ok && r.reason === 'throttled');
		expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
		// The right current password is refused while throttled, and so is a login.
		expect((await changePassword(db, actor, user.id, input(DEMO_PASSWORD))).ok).toBe(false);
		expect((await login(db, 'binhtrung.editor', DEMO_PASSWORD, { ip: '10.8.8.8' })).ok).toBe(false);
	});
});

describe('sessions', () => {
	let db: Db;
	let userId: number;
	beforeEach(async () => {
		db = createTestDb();
		seedSample(db);
		await seedDemoAccounts(db);
		userId = db.select().from(users).where(eq(users.username, 'binhtrung.editor')).get()!.id;
	});

	it('expire after 8 hours without use, and slide when used', () => {
		const s = createSession(db, userId, { now: T0 });
		expect(validateSession(db, s.token, T0 + 3 * 3600_000)?.username).toBe('binhtrung.editor');
		expect(validateSession(db, s.token, T0 + SESSION_TTL_MS + 1)).toBeNull();
		// A session used after more than half its life is extended.
		const t = createSession(db, userId, { now: T0 });
		expect(validateSession(db, t.token, T0 + 5 * 3600_000)).not.toBeNull();
		expect(validateSession(db, t.token, T0 + SESSION_TTL_MS + 3600_000)).not.toBeNull();
		expect(validateSession(db, t.token, T0 + 5 * 3600_000 + SESSION_TTL_MS + 1)).toBeNull();
	});

	it('are stored hashed and end when revoked or the user is disabled', () => {
		const s = createSession(db, userId);
		const row = db.select().from(sessions).where(eq(sessions.userId, userId)).get()!;
		expect(row.id).not.toBe(s.token);
		expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		const user = validateSession(db, s.token)!;
		revokeSession(db, user.sessionId);
		expect(validateSession(db, s.token)).toBeNull();
		const t = createSession(db, userId);
		db.update(users).set({ disabled: true }).where(eq(users.id, userId)).run();
		expect(validateSession(db, t.token)).toBeNull();
	});

	it('a password change keeps the current session and ends the others', async () => {
		const mine = createSession(db, userId);
		const other = createSession(db, userId);
		const me = validateSession(db, mine.token)!;
		const actor = { userId, username: me.username };
		const wrong = await changePassword(db, actor, userId, {
			current: 'not-it',
			next: 'a-new-password-1',
			confirm: 'a-new-password-1'
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong-current' });
		expect(validateSession(db, other.token)).not.toBeNull();
		const weak = await changePassword(db, actor, userId, {
			current: DEMO_PASSWORD,
			next: 'aaaaaaaaaaaa',
			confirm: 'aaaaaaaaaaaa'
		});
		expect(weak).toEqual({ ok: false, reason: 'too-simple' });
		const ok = await changePassword(db, actor, userId, {
			current: DEMO_PASSWORD,
			next: 'a-new-password-1',
			confirm: 'a-new-password-1',
			keepSession: me.sessionId
		});
		expect(ok).toEqual({ ok: true });
		expect(validateSession(db, mine.token)).not.toBeNull();
		expect(validateSession(db, other.token)).toBeNull();
		expect(activeSessionCount(db, userId)).toBe(1);
		expect((await login(db, 'binhtrung.editor', DEMO_PASSWORD, { ip: '1.1.1.1' })).ok).toBe(false);
		expect((await login(db, 'binhtrung.editor', 'a-new-password-1', { ip: '1.1.1.1' })).ok).toBe(
			true
		);
	});
});

describe('API tokens', () => {
	let db: Db;
	let bt: number;
	beforeEach(() => {
		db = createTestDb();
		seedSample(db);
		bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!.id;
	});
	const read = (token: string, code: string, method = 'GET') => {
		const d = authorize(
			db,
			principalFromBearer(db, token),
			'/api/v1/wards/[code]/facilities',
			{ code },
			method
		);
		return d.ok ? 200 : d.status;
	};

	it('a ward token reads its ward only, never writes, never opens pages', () => {
		const { token } = issueToken(db, { name: 'gis', wardId: bt, createdBy: null });
		expect(read(token, 'binh-trung')).toBe(200);
		expect(read(token, 'an-khanh')).toBe(404);
		expect(read(token, 'binh-trung', 'POST')).toBe(403);
		const page = authorize(
			db,
			principalFromBearer(db, token),
			'/w/[ward]/facilities',
			{ ward: 'binh-trung' },
			'GET'
		);
		expect(page).toEqual({ ok: false, status: 401 });
	});

	it('a city token reads every ward; a revoked or unknown token is refused (401)', () => {
		const city = issueToken(db, { name: 'city', wardId: null, createdBy: null });
		expect(read(city.token, 'an-khanh')).toBe(200);
		expect(read(city.token, 'binh-trung')).toBe(200);
		revokeToken(db, city.id);
		expect(principalFromBearer(db, city.token)).toBeNull();
		expect(read(city.token, 'binh-trung')).toBe(401);
		expect(read('truso_not-a-real-token', 'binh-trung')).toBe(401);
		expect(read('Basic abc', 'binh-trung')).toBe(401);
	});
});
