/**
 * The permission matrix: every route of the app (read from src/routes, so a new route is
 * included automatically) × every kind of caller × GET/POST, checked against the guard.
 *
 * The expected outcomes are written here as rules by route prefix, independently of
 * guard.ts's POLICY: a route whose prefix has no rule below fails the test, so nobody can
 * add a page without deciding who may see it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import {
	buildings,
	facilities,
	photos,
	proposals,
	proposalVersions,
	rooms,
	users,
	wards
} from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';
import { authorize, type Principal } from '../../src/lib/server/auth/guard';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import { issueToken, principalFromBearer } from '../../src/lib/server/auth/tokens';
import {
	createBuilding,
	createRoom,
	deleteBuilding,
	deleteFacility,
	deleteRoom,
	getBuilding,
	getFacility,
	getFacilityDetail,
	getPhoto,
	getRoom,
	InventoryError,
	updateBuilding,
	updateFacility,
	updateRoom
} from '../../src/lib/server/inventory/facilities';
import { facilityForApi } from '../../src/lib/server/inventory/facilities-api';
import { queryAudit } from '../../src/lib/server/audit/audit-query';

const ROUTES_DIR = path.resolve('src/routes');
const ROUTE_FILES = new Set(['+page.svelte', '+page.server.ts', '+page.ts', '+server.ts']);

/** Route ids the way SvelteKit derives them: the folder path, groups "(x)" removed. */
function routeIds(): string[] {
	const ids = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (ROUTE_FILES.has(entry.name)) {
				const rel = path.relative(ROUTES_DIR, dir).split(path.sep).filter(Boolean);
				ids.add('/' + rel.filter((s) => !/^\(.+\)$/.test(s)).join('/'));
			}
		}
	};
	walk(ROUTES_DIR);
	return [...ids].sort();
}

type Who =
	| 'anonymous'
	| 'bt.editor'
	| 'bt.viewer'
	| 'ak.editor'
	| 'city.reviewer'
	| 'admin'
	| 'bt.token'
	| 'city.token';
const WHO: Who[] = [
	'anonymous',
	'bt.editor',
	'bt.viewer',
	'ak.editor',
	'city.reviewer',
	'admin',
	'bt.token',
	'city.token'
];
type Method = 'GET' | 'POST';
type Expect = 200 | 401 | 403 | 404;
type Rule = (who: Who, method: Method) => Expect;

const isToken = (w: Who) => w === 'bt.token' || w === 'city.token';

/** Ward pages (/w/[ward]) and ward API (/api/v1/wards/[code]) of Bình Trưng. */
const btWard =
	(api: boolean): Rule =>
	(who, method) => {
		if (who === 'anonymous') return 401;
		if (isToken(who) && !api) return 401;
		if (who === 'ak.editor') return 404;
		if (method === 'GET') return 200;
		return who === 'bt.editor' ? 200 : 403;
	};

const RULES: [prefix: string, rule: Rule][] = [
	['/login', () => 200],
	['/lang', () => 200],
	['/help', () => 200],
	['/health', () => 200],
	['/api/v1/wards/[code]', btWard(true)],
	[
		'/api/v1/proposals/[id=id]',
		(who, method) => {
			if (who === 'anonymous') return 401;
			if (who === 'ak.editor') return 404;
			return method === 'GET' ? 200 : 403;
		}
	],
	['/w/[ward]', btWard(false)],
	// Pages that only change the ward: read-only callers get 403 even to look.
	...(['/w/[ward]/facilities/new', '/w/[ward]/sites/new', '/w/[ward]/sites/import'].map((p) => [
		p,
		(who: Who, method: Method) => {
			const base = btWard(false)(who, method);
			return base === 200 && who !== 'bt.editor' ? 403 : base;
		}
	]) as [string, Rule][]),
	[
		'/w/[ward]/proposals/[id=id]/submit',
		(who: Who, method: Method) => {
			const base = btWard(false)(who, method);
			return base === 200 && who !== 'bt.editor' ? 403 : base;
		}
	],
	// Every member of the ward posts their own AHP comparisons (viewers are the leaders).
	[
		'/w/[ward]/sites/weights/mine',
		(who: Who, method: Method) =>
			who === 'bt.viewer' && method === 'POST' ? 200 : btWard(false)(who, method)
	],
	// A one-time AHP link: public, the page checks the token.
	['/ahp', () => 200],
	[
		'/review',
		(who) =>
			who === 'anonymous' || isToken(who)
				? 401
				: who === 'city.reviewer' || who === 'admin'
					? 200
					: 404
	],
	// The guard lets any signed-in caller reach the board; the route itself answers 404 to
	// ward users and ward tokens (city reviewers, admins and city-wide tokens read it).
	[
		'/api/v1/staffing-board',
		(who, method) => (who === 'anonymous' ? 401 : isToken(who) && method === 'POST' ? 403 : 200)
	],
	['/admin', (who) => (who === 'anonymous' || isToken(who) ? 401 : who === 'admin' ? 200 : 404)],
	// Signed-in pages for everyone: home, account, logout, one's own notifications.
	...(['/', '/account', '/logout', '/notifications'].map((p) => [
		p,
		(who: Who) => (who === 'anonymous' || isToken(who) ? 401 : 200)
	]) as [string, Rule][])
];

function ruleOf(routeId: string): Rule | undefined {
	const exact = RULES.find(([p]) => p === routeId);
	if (exact) return exact[1];
	return RULES.filter(([p]) => p !== '/' && routeId.startsWith(p + '/')).sort(
		(a, b) => b[0].length - a[0].length
	)[0]?.[1];
}

let db: Db;
let bt: number;
let ak: number;
const principals = {} as Record<Who, Principal>;
const ids = { btFacility: 0, btBuilding: 0, btRoom: 0, btProposal: 0 };
const b = { facility: 0, building: 0, room: 0 };

function userPrincipal(username: string): Principal {
	const id = db.select().from(users).where(eq(users.username, username)).get()!.id;
	const user = validateSession(db, createSession(db, id).token)!;
	return { kind: 'user', user };
}

beforeAll(async () => {
	db = createTestDb();
	seedSample(db);
	await seedDemoAccounts(db);
	const wardId = (c: string) => db.select().from(wards).where(eq(wards.code, c)).get()!.id;
	bt = wardId('binh-trung');
	ak = wardId('an-khanh');
	principals.anonymous = null;
	principals['bt.editor'] = userPrincipal('binhtrung.editor');
	principals['bt.viewer'] = userPrincipal('binhtrung.viewer');
	principals['ak.editor'] = userPrincipal('ankhanh.editor');
	principals['city.reviewer'] = userPrincipal('city.reviewer');
	principals.admin = userPrincipal('admin');
	principals['bt.token'] = principalFromBearer(
		db,
		issueToken(db, { name: 'bt', wardId: bt, createdBy: null }).token
	);
	principals['city.token'] = principalFromBearer(
		db,
		issueToken(db, { name: 'city', wardId: null, createdBy: null }).token
	);
	const firstRoom = (wardId: number) =>
		db
			.select({ f: facilities.id, b: buildings.id, r: rooms.id })
			.from(rooms)
			.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
			.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
			.where(eq(facilities.wardId, wardId))
			.get()!;
	const a = firstRoom(bt);
	Object.assign(ids, { btFacility: a.f, btBuilding: a.b, btRoom: a.r });
	const other = firstRoom(ak);
	Object.assign(b, { facility: other.f, building: other.b, room: other.r });
	ids.btProposal = db
		.insert(proposals)
		.values({ wardId: bt, title: 'Đề xuất', status: 'submitted', draftJson: '{}' })
		.returning()
		.get().id;
	// Submitted = it has a version (the city sees a proposal once it has one, see visibility.ts).
	db.insert(proposalVersions)
		.values({
			proposalId: ids.btProposal,
			number: 1,
			snapshotJson: '{}',
			sha256: '0'.repeat(64),
			submittedAt: Date.now()
		})
		.run();
});

/** Sample values for a route's parameters (ward = binh-trung; ids of real rows). */
function paramsFor(routeId: string, ward = 'binh-trung'): Record<string, string> {
	const params: Record<string, string> = {};
	for (const m of routeId.matchAll(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g)) {
		const name = m[1];
		params[name] =
			name === 'ward' || name === 'code'
				? ward
				: name === 'id'
					? String(routeId.startsWith('/api/v1/proposals/') ? ids.btProposal : ids.btFacility)
					: name === 'bid'
						? String(ids.btBuilding)
						: name === 'rid'
							? String(ids.btRoom)
							: 'x';
	}
	return params;
}

const status = (who: Who, routeId: string, method: Method, ward?: string): Expect => {
	const d = authorize(db, principals[who], routeId, paramsFor(routeId, ward), method);
	return d.ok ? 200 : d.status;
};

describe('the permission matrix', () => {
	const all = routeIds();

	it('finds the routes on disk (sanity)', () => {
		expect(all).toEqual(
			expect.arrayContaining([
				'/',
				'/login',
				'/w/[ward]/facilities',
				'/w/[ward]/facilities/[id=id]/buildings/[bid=id]/rooms/[rid=id]',
				'/api/v1/wards/[code]/facilities/[id=id]',
				'/admin/users',
				'/w/[ward]/audit/export.csv'
			])
		);
		expect(all.length).toBeGreaterThan(20);
	});

	it('every route has a rule (a new prefix must be added here and to the guard)', () => {
		const missing = all.filter((id) => !ruleOf(id));
		expect(missing).toEqual([]);
	});

	for (const routeId of routeIds()) {
		it(`${routeId}: every caller gets the expected answer to GET and POST`, () => {
			const rule = ruleOf(routeId);
			expect(rule, `no rule for ${routeId}`).toBeDefined();
			const got: string[] = [];
			const want: string[] = [];
			for (const who of WHO) {
				for (const method of ['GET', 'POST'] as const) {
					got.push(`${who} ${method} ${status(who, routeId, method)}`);
					want.push(`${who} ${method} ${rule!(who, method)}`);
				}
			}
			expect(got).toEqual(want);
		});
	}

	it('canEdit is true only for the ward’s own editor', () => {
		for (const who of WHO) {
			const d = authorize(
				db,
				principals[who],
				'/w/[ward]/facilities',
				{ ward: 'binh-trung' },
				'GET'
			);
			expect(d.ok && d.canEdit, who).toBe(who === 'bt.editor');
		}
	});
});

describe("ward A's users never reach ward B", () => {
	const wardRoutes = routeIds().filter(
		(id) => id.startsWith('/w/[ward]') || id.startsWith('/api/v1/wards/[code]')
	);

	it('404 on every An Khánh page and API resource for Bình Trưng users and tokens', () => {
		for (const routeId of wardRoutes) {
			for (const method of ['GET', 'POST'] as const) {
				for (const who of ['bt.editor', 'bt.viewer'] as const) {
					expect(status(who, routeId, method, 'an-khanh'), `${who} ${method} ${routeId}`).toBe(404);
				}
				expect(status('ak.editor', routeId, 'GET', 'an-khanh')).toBe(200);
				if (routeId.startsWith('/api/')) {
					expect(status('bt.token', routeId, 'GET', 'an-khanh')).toBe(404);
				}
			}
		}
	});

	it('404 for a ward that does not exist, even for an admin', () => {
		for (const who of ['admin', 'city.reviewer', 'city.token'] as const) {
			expect(status(who, '/api/v1/wards/[code]/facilities', 'GET', 'no-such-ward')).toBe(404);
		}
		expect(status('admin', '/w/[ward]/facilities', 'GET', 'no-such-ward')).toBe(404);
	});

	it("ward B's records are not found with ward A's id, and are left untouched", () => {
		const actor = { userId: null, username: 'bt.editor' };
		expect(getFacility(db, bt, b.facility)).toBeUndefined();
		expect(getFacilityDetail(db, bt, b.facility)).toBeUndefined();
		expect(getBuilding(db, bt, b.building)).toBeUndefined();
		expect(getRoom(db, bt, b.room)).toBeUndefined();
		expect(facilityForApi(db, bt, b.facility)).toBeNull();
		const photo = db.select().from(photos).where(eq(photos.wardId, ak)).get();
		if (photo) expect(getPhoto(db, bt, photo.id)).toBeUndefined();
		// Their own ward finds them (the ids are real).
		expect(getFacility(db, ak, b.facility)).toBeDefined();
		expect(getRoom(db, ak, b.room)).toBeDefined();

		const facilityBefore = getFacility(db, ak, b.facility)!;
		const buildingBefore = getBuilding(db, ak, b.building)!;
		const roomBefore = getRoom(db, ak, b.room)!;
		const refused = (f: () => unknown) => {
			try {
				f();
				return 'accepted';
			} catch (e) {
				return e instanceof InventoryError ? e.code : (e as Error).message;
			}
		};
		const { id: _f, wardId: _w, createdAt: _c, updatedAt: _u, ...fInput } = facilityBefore;
		expect(refused(() => updateFacility(db, actor, bt, b.facility, { ...fInput, name: 'X' }))).toBe(
			'not-found'
		);
		expect(refused(() => deleteFacility(db, actor, bt, b.facility))).toBe('not-found');
		const bInput = {
			code: 'ZZ',
			name: 'Z',
			levelsAboveGround: 1,
			yearBuilt: null,
			structure: null,
			grossFloorAreaM2: null,
			notes: null
		};
		expect(refused(() => createBuilding(db, actor, bt, b.facility, bInput))).toBe('not-found');
		expect(refused(() => updateBuilding(db, actor, bt, b.building, bInput))).toBe('not-found');
		expect(refused(() => deleteBuilding(db, actor, bt, b.building))).toBe('not-found');
		const rInput = {
			code: 'R-ZZ',
			name: 'R',
			level: 1,
			type: 'office' as const,
			areaM2: 10,
			orgUnitId: null,
			occupants: 0,
			notes: null
		};
		expect(refused(() => createRoom(db, actor, bt, b.building, rInput))).toBe('not-found');
		expect(refused(() => updateRoom(db, actor, bt, b.room, rInput))).toBe('not-found');
		expect(refused(() => deleteRoom(db, actor, bt, b.room))).toBe('not-found');
		expect(getFacility(db, ak, b.facility)).toEqual(facilityBefore);
		expect(getBuilding(db, ak, b.building)).toEqual(buildingBefore);
		expect(getRoom(db, ak, b.room)).toEqual(roomBefore);
		// And nothing of it reached either ward's audit trail.
		expect(queryAudit(db, { wardId: bt }, { user: 'bt.editor' }).total).toBe(0);
		expect(queryAudit(db, { wardId: ak }, { user: 'bt.editor' }).total).toBe(0);
	});
});
