/**
 * The guard (src/lib/server/auth/guard.ts) beyond the GET/POST matrix of permissions.spec.ts:
 * the other HTTP methods, how a route id is matched to its prefix, the exact decision of each
 * rule (canEdit and the ward handed to the route), odd proposal ids, a draft proposal, and
 * callers without a route id. Written to kill mutants that survived (docs/mutation.md).
 *
 * A small database of its own: two wards, one proposal submitted once (a version), one draft.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../src/lib/server/db/test-db';
import type { Db } from '../../src/lib/server/db';
import { proposals, proposalVersions, wards } from '../../src/lib/server/db/schema';
import { authorize, ruleFor, type Principal } from '../../src/lib/server/auth/guard';
import type { Role } from '../../src/lib/constants';

let db: Db;
let bt: number;
let ak: number;
let submitted: number;
let draft: number;

const user = (role: Role, wardId: number | null): Principal => ({
	kind: 'user',
	user: {
		id: 1,
		username: role,
		displayName: role,
		role,
		wardId,
		wardCode: null,
		sessionId: 's'
	}
});
const P = {
	btEditor: () => user('ward_editor', bt),
	btViewer: () => user('ward_viewer', bt),
	akEditor: () => user('ward_editor', ak),
	reviewer: () => user('city_reviewer', null),
	admin: () => user('admin', null),
	btToken: (): Principal => ({ kind: 'token', tokenId: 1, wardId: bt }),
	cityToken: (): Principal => ({ kind: 'token', tokenId: 2, wardId: null })
};

beforeAll(() => {
	db = createTestDb();
	const ward = (code: string, name: string, isSample: boolean) =>
		db
			.insert(wards)
			.values({ code, name, centreLat: 10.78, centreLng: 106.75, isSample })
			.returning({ id: wards.id })
			.get().id;
	bt = ward('binh-trung', 'Phường Bình Trưng', true);
	ak = ward('an-khanh', 'Phường An Khánh', false);
	const proposal = (status: 'submitted' | 'draft') =>
		db
			.insert(proposals)
			.values({ wardId: bt, title: status, status, draftJson: '{}' })
			.returning({ id: proposals.id })
			.get().id;
	submitted = proposal('submitted');
	draft = proposal('draft');
	db.insert(proposalVersions)
		.values({
			proposalId: submitted,
			number: 1,
			snapshotJson: '{}',
			sha256: '0'.repeat(64),
			submittedAt: Date.now()
		})
		.run();
});

const BT_WARD = () => ({ id: bt, code: 'binh-trung', name: 'Phường Bình Trưng', isSample: true });
const AK_WARD = () => ({ id: ak, code: 'an-khanh', name: 'Phường An Khánh', isSample: false });

const wardPage = (principal: Principal, method: string, code = 'binh-trung', route = '/w/[ward]') =>
	authorize(db, principal, route, { ward: code }, method);

describe('ruleFor: a route id matches a prefix exactly or at a "/" boundary', () => {
	it('exact ids and sub-routes take the prefix rule', () => {
		expect(ruleFor('/login')).toEqual({ kind: 'public' });
		expect(ruleFor('/login/reset')).toEqual({ kind: 'public' });
		expect(ruleFor('/review')).toEqual({ kind: 'city' });
		expect(ruleFor('/review/proposals/[id=id]')).toEqual({ kind: 'city' });
		expect(ruleFor('/admin/users')).toEqual({ kind: 'admin' });
		expect(ruleFor('/w/[ward]/facilities')).toEqual({ kind: 'ward', param: 'ward' });
		expect(ruleFor('/api/v1/wards/[code]/facilities')).toEqual({ kind: 'ward', param: 'code' });
		expect(ruleFor('/api/v1/proposals/[id=id]')).toEqual({ kind: 'proposal', param: 'id' });
	});

	it('a longer word is not the prefix: /loginx, /adminx, /reviewer are signed-in pages', () => {
		expect(ruleFor('/loginx')).toEqual({ kind: 'user' });
		expect(ruleFor('/adminx')).toEqual({ kind: 'user' });
		expect(ruleFor('/reviewer')).toEqual({ kind: 'user' });
		expect(ruleFor('/help-desk')).toEqual({ kind: 'user' });
		expect(ruleFor('/')).toEqual({ kind: 'user' });
		expect(ruleFor('')).toEqual({ kind: 'user' });
	});

	it('the special ward pages keep their flags (first match wins over /w/[ward])', () => {
		expect(ruleFor('/w/[ward]/facilities/new')).toEqual({
			kind: 'ward',
			param: 'ward',
			editOnly: true
		});
		expect(ruleFor('/w/[ward]/sites/weights/mine')).toEqual({
			kind: 'ward',
			param: 'ward',
			memberWrites: true
		});
		expect(ruleFor('/w/[ward]/sites/weights')).toEqual({ kind: 'ward', param: 'ward' });
		expect(ruleFor('/ahp/[token]')).toEqual({ kind: 'public' });
		expect(ruleFor('/api/v1/staffing-board')).toEqual({ kind: 'user' });
	});
});

describe('HTTP methods: GET, HEAD and OPTIONS read; every other method writes', () => {
	it('a viewer reads with GET, HEAD and OPTIONS and is refused PUT, PATCH and DELETE', () => {
		for (const m of ['GET', 'HEAD', 'OPTIONS']) {
			expect(wardPage(P.btViewer(), m), m).toEqual({ ok: true, ward: BT_WARD(), canEdit: false });
		}
		for (const m of ['PUT', 'PATCH', 'DELETE', 'POST']) {
			expect(wardPage(P.btViewer(), m), m).toEqual({ ok: false, status: 403 });
		}
	});

	it('the editor writes with any method', () => {
		for (const m of ['POST', 'PUT', 'DELETE']) {
			expect(wardPage(P.btEditor(), m), m).toEqual({ ok: true, ward: BT_WARD(), canEdit: true });
		}
	});

	it('a token reads the API with HEAD and OPTIONS, and is refused DELETE (403)', () => {
		const api = (method: string) =>
			authorize(db, P.btToken(), '/api/v1/wards/[code]/facilities', { code: 'binh-trung' }, method);
		expect(api('HEAD')).toEqual({ ok: true, ward: BT_WARD(), canEdit: false });
		expect(api('OPTIONS')).toEqual({ ok: true, ward: BT_WARD(), canEdit: false });
		expect(api('DELETE')).toEqual({ ok: false, status: 403 });
		expect(authorize(db, P.btToken(), '/api/v1', {}, 'HEAD')).toEqual({ ok: true, canEdit: false });
		expect(authorize(db, P.btToken(), '/api/v1', {}, 'PUT')).toEqual({ ok: false, status: 403 });
	});

	it('a proposal is read with HEAD and never written through the API', () => {
		const api = (method: string, who = P.btEditor()) =>
			authorize(db, who, '/api/v1/proposals/[id=id]', { id: String(submitted) }, method);
		expect(api('HEAD')).toEqual({ ok: true, canEdit: false });
		expect(api('OPTIONS')).toEqual({ ok: true, canEdit: false });
		expect(api('PUT')).toEqual({ ok: false, status: 403 });
		expect(api('POST', P.admin())).toEqual({ ok: false, status: 403 });
	});
});

describe('the decision of each rule', () => {
	it('public pages: anyone, nobody edits', () => {
		expect(authorize(db, null, '/login', {}, 'POST')).toEqual({ ok: true, canEdit: false });
		expect(authorize(db, P.admin(), '/help', {}, 'GET')).toEqual({ ok: true, canEdit: false });
	});

	it('signed-in pages: 401 without a principal, otherwise read-only', () => {
		expect(authorize(db, null, '/account', {}, 'GET')).toEqual({ ok: false, status: 401 });
		expect(authorize(db, P.admin(), '/account', {}, 'POST')).toEqual({ ok: true, canEdit: false });
		// No route id (a 404 page): the default rule.
		expect(authorize(db, P.btViewer(), null, {}, 'GET')).toEqual({ ok: true, canEdit: false });
		expect(authorize(db, null, null, {}, 'GET')).toEqual({ ok: false, status: 401 });
	});

	it('a token without a route id, or on a page, is refused (401), reading or writing', () => {
		expect(authorize(db, P.cityToken(), null, {}, 'GET')).toEqual({ ok: false, status: 401 });
		expect(authorize(db, P.cityToken(), '/review', {}, 'GET')).toEqual({
			ok: false,
			status: 401
		});
		expect(authorize(db, P.cityToken(), '/apiv1', {}, 'GET')).toEqual({ ok: false, status: 401 });
	});

	it('/review: the city reviewer edits, an admin only reads (canEdit false)', () => {
		expect(authorize(db, P.reviewer(), '/review', {}, 'GET')).toEqual({ ok: true, canEdit: true });
		expect(authorize(db, P.admin(), '/review', {}, 'GET')).toEqual({ ok: true, canEdit: false });
		expect(authorize(db, P.btEditor(), '/review', {}, 'GET')).toEqual({ ok: false, status: 404 });
	});

	it('/admin: admins only, who edit', () => {
		expect(authorize(db, P.admin(), '/admin', {}, 'GET')).toEqual({ ok: true, canEdit: true });
		expect(authorize(db, P.reviewer(), '/admin', {}, 'GET')).toEqual({ ok: false, status: 404 });
	});

	it('ward pages hand the ward to the route; canEdit only for its own editor', () => {
		expect(wardPage(P.akEditor(), 'GET', 'an-khanh')).toEqual({
			ok: true,
			ward: AK_WARD(),
			canEdit: true
		});
		expect(wardPage(P.reviewer(), 'GET')).toEqual({ ok: true, ward: BT_WARD(), canEdit: false });
		expect(wardPage(P.admin(), 'GET')).toEqual({ ok: true, ward: BT_WARD(), canEdit: false });
		expect(wardPage(P.admin(), 'POST')).toEqual({ ok: false, status: 403 });
		expect(wardPage(P.akEditor(), 'GET')).toEqual({ ok: false, status: 404 });
		// A missing parameter is an unknown ward.
		expect(authorize(db, P.admin(), '/w/[ward]', {}, 'GET')).toEqual({ ok: false, status: 404 });
	});

	it('an edit-only page: 403 to a reader even for GET, the editor passes', () => {
		const route = '/w/[ward]/sites/new';
		expect(wardPage(P.btViewer(), 'GET', 'binh-trung', route)).toEqual({ ok: false, status: 403 });
		expect(wardPage(P.reviewer(), 'GET', 'binh-trung', route)).toEqual({ ok: false, status: 403 });
		expect(wardPage(P.btEditor(), 'GET', 'binh-trung', route)).toEqual({
			ok: true,
			ward: BT_WARD(),
			canEdit: true
		});
	});

	it("member-writes page: the ward's viewer posts (canEdit stays false); the city does not", () => {
		const route = '/w/[ward]/sites/weights/mine';
		expect(wardPage(P.btViewer(), 'POST', 'binh-trung', route)).toEqual({
			ok: true,
			ward: BT_WARD(),
			canEdit: false
		});
		expect(wardPage(P.reviewer(), 'POST', 'binh-trung', route)).toEqual({
			ok: false,
			status: 403
		});
		expect(wardPage(P.admin(), 'POST', 'binh-trung', route)).toEqual({ ok: false, status: 403 });
	});

	it("a ward token's decision carries the ward and canEdit false", () => {
		expect(
			authorize(db, P.cityToken(), '/api/v1/wards/[code]', { code: 'an-khanh' }, 'GET')
		).toEqual({ ok: true, ward: AK_WARD(), canEdit: false });
		expect(authorize(db, P.btToken(), '/api/v1/wards/[code]', { code: 'an-khanh' }, 'GET')).toEqual(
			{ ok: false, status: 404 }
		);
	});
});

describe('proposals through the API', () => {
	const read = (who: Principal, id: string) =>
		authorize(db, who, '/api/v1/proposals/[id=id]', { id }, 'GET');

	it('ids that are not integers, or unknown, are 404 for everyone', () => {
		for (const id of ['abc', '1.5', '', String(submitted + 1000)]) {
			expect(read(P.admin(), id), id).toEqual({ ok: false, status: 404 });
			expect(read(P.btEditor(), id), id).toEqual({ ok: false, status: 404 });
		}
		expect(authorize(db, P.admin(), '/api/v1/proposals/[id=id]', {}, 'GET')).toEqual({
			ok: false,
			status: 404
		});
	});

	it("the submitted proposal: its ward and the city read it; another ward's editor gets 404", () => {
		expect(read(P.btViewer(), String(submitted))).toEqual({ ok: true, canEdit: false });
		expect(read(P.reviewer(), String(submitted))).toEqual({ ok: true, canEdit: false });
		expect(read(P.cityToken(), String(submitted))).toEqual({ ok: true, canEdit: false });
		expect(read(P.akEditor(), String(submitted))).toEqual({ ok: false, status: 404 });
	});

	it('a draft (no version): the ward and admins read it, the city gets 404', () => {
		expect(read(P.btEditor(), String(draft))).toEqual({ ok: true, canEdit: false });
		expect(read(P.btToken(), String(draft))).toEqual({ ok: true, canEdit: false });
		expect(read(P.admin(), String(draft))).toEqual({ ok: true, canEdit: false });
		expect(read(P.reviewer(), String(draft))).toEqual({ ok: false, status: 404 });
		expect(read(P.cityToken(), String(draft))).toEqual({ ok: false, status: 404 });
	});
});
