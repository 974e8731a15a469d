import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { apiTokens, auditLog, sessions, users, wards } from '../db/schema';
import type { Db } from '../db';
import { login } from '../auth/login';
import { createSession, validateSession } from '../auth/sessions';
import { principalFromBearer } from '../auth/tokens';
import { passwordProblem } from '../auth/password';
import {
	createUser,
	generatePassword,
	getUser,
	issueApiToken,
	listTokens,
	listUsers,
	resetPassword,
	revokeApiToken,
	setUserDisabled,
	updateUser,
	UserError
} from './users';

let db: Db;
let bt: number;
let ak: number;
const admin = { userId: 1, username: 'root' };
const ip = { ip: '10.0.0.1' };

const wardId = (code: string) => db.select().from(wards).where(eq(wards.code, code)).get()!.id;
const auditRows = (entity: string) =>
	db.select().from(auditLog).where(eq(auditLog.entity, entity)).all();
const userCount = () =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(users)
		.get()!.n;

beforeEach(async () => {
	db = createTestDb();
	seedSample(db);
	bt = wardId('binh-trung');
	ak = wardId('an-khanh');
	// The acting admin (id 1).
	await createUser(
		db,
		{ userId: null, username: 'system' },
		{ username: 'root', displayName: 'Root', role: 'admin', wardId: null },
		'root-password-123'
	);
});

const code = async (p: Promise<unknown> | (() => unknown)) => {
	try {
		await (typeof p === 'function' ? p() : p);
	} catch (e) {
		return e instanceof UserError ? e.code : (e as Error).message;
	}
	return 'no error';
};

describe('creating users', () => {
	it('generates a strong password that logs in, and audits without the hash', async () => {
		const { user, password } = await createUser(db, admin, {
			username: 'Lan.Nguyen',
			displayName: 'Nguyễn Thị Lan',
			role: 'ward_editor',
			wardId: bt
		});
		expect(user.username).toBe('lan.nguyen');
		expect(user.wardCode).toBe('binh-trung');
		expect(password).toHaveLength(16);
		expect(passwordProblem(password)).toBeNull();
		expect((await login(db, 'lan.nguyen', password, ip)).ok).toBe(true);
		const audit = auditRows('user').find((r) => r.entityId === String(user.id))!;
		expect(audit.action).toBe('create');
		expect(audit.username).toBe('root');
		expect(audit.wardId).toBe(bt);
		expect(JSON.parse(audit.afterJson!)).toEqual({
			username: 'lan.nguyen',
			displayName: 'Nguyễn Thị Lan',
			role: 'ward_editor',
			wardId: bt,
			disabled: false
		});
		expect(audit.afterJson).not.toContain('argon2');
	});

	it('generated passwords differ', () => {
		const set = new Set(Array.from({ length: 50 }, () => generatePassword()));
		expect(set.size).toBe(50);
	});

	it('requires a ward for ward roles and forbids one for city/admin roles', async () => {
		const base = { username: 'x.user', displayName: 'X' };
		expect(await code(createUser(db, admin, { ...base, role: 'ward_viewer', wardId: null }))).toBe(
			'ward-required'
		);
		expect(await code(createUser(db, admin, { ...base, role: 'city_reviewer', wardId: bt }))).toBe(
			'ward-forbidden'
		);
		expect(await code(createUser(db, admin, { ...base, role: 'ward_editor', wardId: 9999 }))).toBe(
			'unknown-ward'
		);
		await createUser(db, admin, { ...base, role: 'city_reviewer', wardId: null });
		expect(
			await code(
				createUser(db, admin, { ...base, username: 'X.USER', role: 'admin', wardId: null })
			)
		).toBe('duplicate-username');
		expect(userCount()).toBe(2);
	});

	it('searches and paginates the list', async () => {
		for (let i = 0; i < 7; i++) {
			await createUser(
				db,
				admin,
				{ username: `ak.user${i}`, displayName: `AK ${i}`, role: 'ward_viewer', wardId: ak },
				'long-enough-password'
			);
		}
		const page1 = listUsers(db, { pageSize: 3 });
		expect(page1.total).toBe(8);
		expect(page1.rows.map((r) => r.username)).toEqual(['ak.user0', 'ak.user1', 'ak.user2']);
		const last = listUsers(db, { pageSize: 3, page: 3 });
		expect(last.rows.map((r) => r.username)).toEqual(['ak.user6', 'root']);
		expect(listUsers(db, { q: 'An Khánh' }).total).toBe(7);
		expect(listUsers(db, { q: 'root' }).rows.map((r) => r.username)).toEqual(['root']);
	});
});

describe('changing accounts', () => {
	let id: number;
	let password: string;
	beforeEach(async () => {
		const created = await createUser(db, admin, {
			username: 'editor',
			displayName: 'Editor',
			role: 'ward_editor',
			wardId: bt
		});
		id = created.user.id;
		password = created.password;
	});

	it('a reset password replaces the old one and ends every session', async () => {
		const a = createSession(db, id);
		const b = createSession(db, id);
		const next = await resetPassword(db, admin, id);
		expect(next).not.toBe(password);
		expect(validateSession(db, a.token)).toBeNull();
		expect(validateSession(db, b.token)).toBeNull();
		expect((await login(db, 'editor', password, ip)).ok).toBe(false);
		expect((await login(db, 'editor', next, ip)).ok).toBe(true);
		const audit = auditRows('user').at(-1)!;
		expect(audit.afterJson).toBe('{"passwordReset":true}');
		expect(audit.afterJson).not.toContain(next);
	});

	it('disabling ends the sessions and refuses logins; enabling lets the user back', async () => {
		const s = createSession(db, id);
		setUserDisabled(db, admin, id, true);
		expect(validateSession(db, s.token)).toBeNull();
		expect((await login(db, 'editor', password, ip)).ok).toBe(false);
		setUserDisabled(db, admin, id, false);
		expect((await login(db, 'editor', password, ip)).ok).toBe(true);
		const audits = auditRows('user').filter((r) => r.entityId === String(id));
		expect(audits.map((r) => r.afterJson)).toEqual(
			expect.arrayContaining(['{"disabled":true}', '{"disabled":false}'])
		);
	});

	it('changes role and ward together, ending sessions that carry the old rights', async () => {
		const s = createSession(db, id);
		expect(
			await code(() =>
				updateUser(db, admin, id, { displayName: 'E', role: 'city_reviewer', wardId: bt })
			)
		).toBe('ward-forbidden');
		updateUser(db, admin, id, { displayName: 'Editor', role: 'ward_editor', wardId: bt });
		expect(validateSession(db, s.token)).not.toBeNull();
		updateUser(db, admin, id, { displayName: 'Viewer AK', role: 'ward_viewer', wardId: ak });
		expect(validateSession(db, s.token)).toBeNull();
		const u = getUser(db, id)!;
		expect([u.role, u.wardCode, u.displayName]).toEqual(['ward_viewer', 'an-khanh', 'Viewer AK']);
		const last = auditRows('user').at(-1)!;
		expect(JSON.parse(last.beforeJson!)).toMatchObject({ role: 'ward_editor', wardId: bt });
		expect(JSON.parse(last.afterJson!)).toMatchObject({ role: 'ward_viewer', wardId: ak });
	});

	it('keeps the last admin and forbids disabling yourself', async () => {
		expect(await code(() => setUserDisabled(db, admin, 1, true))).toBe('self');
		expect(await code(() => setUserDisabled(db, { userId: id, username: 'x' }, 1, true))).toBe(
			'last-admin'
		);
		expect(
			await code(() =>
				updateUser(db, { userId: id, username: 'x' }, 1, {
					displayName: 'Root',
					role: 'city_reviewer',
					wardId: null
				})
			)
		).toBe('last-admin');
		await createUser(db, admin, {
			username: 'root2',
			displayName: 'R2',
			role: 'admin',
			wardId: null
		});
		setUserDisabled(db, { userId: id, username: 'x' }, 1, true);
		expect(getUser(db, 1)!.disabled).toBe(true);
	});
});

describe('audit in the same transaction', () => {
	it('a failing audit insert leaves no user, no change and no audit row', async () => {
		const { user } = await createUser(db, admin, {
			username: 'victim',
			displayName: 'Victim',
			role: 'ward_viewer',
			wardId: bt
		});
		const s = createSession(db, user.id);
		const before = { users: userCount(), audit: auditRows('user').length };
		db.$client.exec(
			`create trigger fail_audit before insert on audit_log begin select raise(abort, 'audit down'); end`
		);
		expect(
			await code(
				createUser(db, admin, { username: 'ghost', displayName: 'G', role: 'admin', wardId: null })
			)
		).toContain('audit down');
		expect(await code(() => setUserDisabled(db, admin, user.id, true))).toContain('audit down');
		expect(
			await code(() =>
				updateUser(db, admin, user.id, { displayName: 'Changed', role: 'admin', wardId: null })
			)
		).toContain('audit down');
		expect(await code(resetPassword(db, admin, user.id))).toContain('audit down');
		expect(await code(() => issueApiToken(db, admin, { name: 't', wardId: bt }))).toContain(
			'audit down'
		);
		db.$client.exec('drop trigger fail_audit');
		expect(userCount()).toBe(before.users);
		expect(auditRows('user')).toHaveLength(before.audit);
		const u = getUser(db, user.id)!;
		expect([u.disabled, u.role, u.displayName]).toEqual([false, 'ward_viewer', 'Victim']);
		expect(validateSession(db, s.token)).not.toBeNull();
		expect(listTokens(db).total).toBe(0);
	});
});

describe('API tokens', () => {
	it('issues a ward token shown once (only its hash stored), lists and revokes it, audited', () => {
		const { id, token } = issueApiToken(db, admin, { name: 'GIS', wardId: bt });
		const stored = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()!;
		expect(stored.tokenHash).not.toContain(token);
		expect(principalFromBearer(db, token)).toEqual({ kind: 'token', tokenId: id, wardId: bt });
		const listed = listTokens(db).rows;
		expect(listed[0]).toMatchObject({ name: 'GIS', wardCode: 'binh-trung', createdBy: 'root' });
		expect(listed[0].lastUsedAt).not.toBeNull();
		revokeApiToken(db, admin, id);
		expect(principalFromBearer(db, token)).toBeNull();
		expect(listTokens(db).rows[0].revokedAt).not.toBeNull();
		const audit = auditRows('token');
		expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
		expect(audit.map((r) => r.afterJson).join()).not.toContain(token);
		const city = issueApiToken(db, admin, { name: 'City', wardId: null });
		expect(principalFromBearer(db, city.token)).toMatchObject({ wardId: null });
	});

	it('sessions table keeps no session of a disabled user', async () => {
		const { user } = await createUser(db, admin, {
			username: 'v',
			displayName: 'V',
			role: 'ward_viewer',
			wardId: bt
		});
		createSession(db, user.id);
		setUserDisabled(db, admin, user.id, true);
		expect(
			db
				.select()
				.from(sessions)
				.where(and(eq(sessions.userId, user.id)))
				.all()
		).toHaveLength(0);
	});
});
