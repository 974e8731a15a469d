/** Logging in, sessions and API tokens, on a real database file where it matters. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { MAX_FAILURES, WINDOW_MS } from '../../src/lib/server/auth/throttle';
import {
	activeSessionCount,
	createSession,
	revokeSession,
	SESSION_TTL_MS,
	validateSession
} from '../../src/lib/server/auth/sessions';
import { issueToken, principalFromBearer, revokeToken } from '../../src/lib/server/auth/tokens';
import { authorize } from '../../src/lib/server/auth/guard';
import { changePassword } from '../../src/lib/server/users';

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
	});
	afterEach(() => {
		if (db.$client.open) db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('refuses the 6th attempt, even with the right password, and survives a restart', async () => {
		for (let i = 0; i < MAX_FAILURES; i++) {
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
		expect(sixth.ok).toBe(false);
		expect(sixth.ok === false && sixth.reason).toBe('throttled');
		// The login page answers a throttled attempt with 429 and the wait in minutes.
		expect(sixth.ok === false && sixth.reason === 'throttled' && sixth.retryAfterS).toBe(
			Math.ceil((WINDOW_MS - 10) / 1000)
		);

		// A restart (the database file reopened) does not forget the failures.
		db.$client.close();
		db = openDatabase(file);
		const again = await login(db, 'BinhTrung.Editor', DEMO_PASSWORD, {
			ip: '10.0.0.3',
			now: T0 + 60_000
		});
		expect(again.ok === false && again.reason).toBe('throttled');
		// Another user from another address is not affected.
		expect(
			(await login(db, 'binhtrung.viewer', DEMO_PASSWORD, { ip: '10.0.0.4', now: T0 })).ok
		).toBe(true);
		// After the window the right password works again.
		const later = await login(db, 'binhtrung.editor', DEMO_PASSWORD, {
			ip: '10.0.0.1',
			now: T0 + WINDOW_MS + 1000
		});
		expect(later.ok).toBe(true);
	});

	it('throttles one address trying many usernames', async () => {
		for (let i = 0; i < MAX_FAILURES; i++)
			await login(db, `nobody${i}`, 'x-wrong-password', { ip: '10.9.9.9', now: T0 + i });
		const r = await login(db, 'admin', DEMO_PASSWORD, { ip: '10.9.9.9', now: T0 + 100 });
		expect(r.ok === false && r.reason).toBe('throttled');
		expect((await login(db, 'admin', DEMO_PASSWORD, { ip: '10.9.9.8', now: T0 + 100 })).ok).toBe(
			true
		);
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
