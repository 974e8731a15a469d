/**
 * The admin, staffing and organisation actions on the route toolkit (runAction / refusal):
 * each refusal keeps its message beside the field it concerns (or as the page's message), a
 * record that is not there is a 404, and nothing is written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { actionOutcome, postRequest } from '../helpers/actions';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import {
	apiTokens,
	auditLog,
	positions,
	staffingSupport,
	wards
} from '../../src/lib/server/db/schema';
import { SEED_ACTOR, newWard, referenceDb } from '../helpers/admin';
import { createUnit, createPosition } from '../../src/lib/server/org';
import { actions as newUserActions } from '../../src/routes/admin/users/new/+page.server';
import { actions as newWardActions } from '../../src/routes/admin/wards/new/+page.server';
import { actions as tokenActions } from '../../src/routes/admin/tokens/+page.server';
import { actions as staffingActions } from '../../src/routes/review/staffing/+page.server';
import { actions as orgActions } from '../../src/routes/w/[ward]/needs/organisation/+page.server';

let db: Db;

function event(fields: Record<string, string>, ward: { id: number; code: string } | null = null) {
	return {
		request: postRequest(fields),
		params: {},
		url: new URL('http://x/review/staffing'),
		locals: {
			db,
			locale: 'vi',
			user: { id: null, username: 'admin', role: 'admin' },
			ward,
			canEdit: true
		}
	} as never;
}

type Failure = {
	status: number;
	data: { errors?: Record<string, string>; message?: string; form?: string };
};

/** 'redirect', an HTTP error status, or the failure returned. */
const run = actionOutcome;

const count = (table: typeof apiTokens | typeof staffingSupport | typeof auditLog) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;

beforeEach(() => {
	db = referenceDb();
});

describe('admin actions', () => {
	it('a new ward user without a ward: the message beside the ward field, no user', async () => {
		const out = (await run(
			newUserActions.default,
			event({ username: 'lan', displayName: 'Lan', role: 'ward_editor', wardId: '' })
		)) as Failure;
		expect(out.status).toBe(400);
		expect(out.data.errors).toEqual({ wardId: 'Vai trò này cần chọn một phường.' });
	});

	it('a new ward with a centre outside its extent, then a duplicate code', async () => {
		const form = {
			code: 'thu-duc',
			name: 'Phường Thủ Đức',
			adminCode: '',
			centreLat: '10,95',
			centreLng: '106,76',
			south: '10,8',
			west: '106,7',
			north: '10,9',
			east: '106,8',
			populationCount: ''
		};
		const outside = (await run(newWardActions.default, event(form))) as Failure;
		expect(Object.keys(outside.data.errors ?? {})).toEqual(['centreLat']);
		expect(db.select().from(wards).all()).toHaveLength(0);
		expect(await run(newWardActions.default, event({ ...form, centreLat: '10,85' }))).toBe(
			'redirect'
		);
		const twice = (await run(
			newWardActions.default,
			event({ ...form, centreLat: '10,85' })
		)) as Failure;
		expect(twice.data.errors).toEqual({ code: 'Mã này đã được dùng.' });
	});

	it('a token for a ward that does not exist; revoking no token is a 404', async () => {
		const out = (await run(tokenActions.issue, event({ name: 'GIS', wardId: '999' }))) as Failure;
		expect([out.status, out.data.form, out.data.errors]).toEqual([
			400,
			'token',
			{ wardId: 'Phường không tồn tại.' }
		]);
		expect(count(apiTokens)).toBe(0);
		expect(await run(tokenActions.revoke, event({ id: '12' }))).toBe(404);
		expect(await run(tokenActions.revoke, event({ id: 'abc' }))).toBe(404);
	});
});

describe('staffing board actions', () => {
	it('ends an assignment once; the second end is refused above the list', async () => {
		const w = newWard(db);
		const add = {
			ward: w.code,
			officerName: 'Trần Văn Bình',
			field: 'land',
			positionKey: '',
			workingGroup: 'Tổ đất đai',
			fromDate: '2026-01-05',
			toDate: '',
			note: ''
		};
		expect(await run(staffingActions.add, event(add))).toBe('redirect');
		const id = db.select().from(staffingSupport).get()!.id;
		expect(await run(staffingActions.end, event({ id: String(id) }))).toBe('redirect');
		const again = (await run(staffingActions.end, event({ id: String(id) }))) as Failure;
		expect([again.status, again.data.message, again.data.errors]).toEqual([
			409,
			'Phân công này đã kết thúc.',
			undefined
		]);
		const late = (await run(
			staffingActions.add,
			event({ ...add, fromDate: '2026-03-01', toDate: '2026-02-01' })
		)) as Failure;
		expect(late.status).toBe(400);
		expect(count(staffingSupport)).toBe(1);
	});
});

describe('organisation actions', () => {
	it('a position with an unknown title: beside the title; a stale position form: 409', async () => {
		const w = newWard(db);
		const ref = { id: w.id, code: w.code };
		const unit = createUnit(db, SEED_ACTOR, w.id, {
			code: 'VP',
			name: 'Văn phòng',
			kind: 'office',
			publicFacing: false,
			sortOrder: 1
		} as never);
		const form = {
			orgUnitId: String(unit.id),
			title: 'Chuyên viên',
			titleKey: 'no-such-title',
			field: '',
			approved: '3',
			filled: '2',
			plannedNextYear: '0'
		};
		const bad = (await run(orgActions.addPosition, event(form, ref))) as Failure;
		expect([bad.data.form, bad.data.errors]).toEqual([
			`position-new-${unit.id}`,
			{ titleKey: 'Nhóm định mức không có trong bộ định mức hiện hành.' }
		]);
		const p = createPosition(db, SEED_ACTOR, w.id, {
			orgUnitId: unit.id,
			title: 'Chuyên viên',
			titleKey: 'specialist',
			field: null,
			approved: 3,
			filled: 2,
			plannedNextYear: 0,
			rank: null,
			concurrentTitleKeys: []
		} as never);
		const edit = { ...form, id: String(p.id), titleKey: 'specialist', version: '1' };
		expect(await run(orgActions.updatePosition, event({ ...edit, filled: '3' }, ref))).toBe(
			'redirect'
		);
		const stale = (await run(
			orgActions.updatePosition,
			event({ ...edit, approved: '4' }, ref)
		)) as unknown as { status: number; data: { conflict: { fields: unknown[] } } };
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.fields).toEqual([
			{ name: 'approved', mine: '4', theirs: '3' },
			{ name: 'filled', mine: '2', theirs: '3' }
		]);
		const row = db.select().from(positions).where(eq(positions.id, p.id)).get()!;
		expect([row.approved, row.filled]).toEqual([3, 3]);
	});
});
