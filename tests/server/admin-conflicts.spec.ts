/**
 * Issue 16 through the form actions of the admin records (users, wards, legal references,
 * investment rates, norm sets) and the ward's specialised rooms: two admins load the same
 * form; A saves; B's save from the stale form answers 409 with B's values (carrying the stored
 * version, so "keep mine" is a plain re-submit) and, field by field, A's values with who saved
 * them; nothing of B's is written until B re-submits.
 */
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { specialisedRooms } from '../../src/lib/server/db/schema';
import type { ConflictFailure } from '../../src/lib/conflict';
import { createUser, getUser } from '../../src/lib/server/admin/users';
import { getWard } from '../../src/lib/server/admin/wards';
import { SEED_ACTOR, newWard, referenceDb } from '../helpers/admin';
import { listLegalReferences, getLegalReference } from '../../src/lib/server/admin/legal-refs';
import { rateForStoreys } from '../../src/lib/server/admin/investment-rates';
import { currentNormSet } from '../../src/lib/server/needs/norm-sets';
import { listSpecialisedRooms } from '../../src/lib/server/needs';
import { actions as userActions } from '../../src/routes/admin/users/[id=id]/+page.server';
import { actions as wardActions } from '../../src/routes/admin/wards/[id=id]/+page.server';
import { actions as refActions } from '../../src/routes/admin/legal-refs/[id=id]/+page.server';
import { actions as rateActions } from '../../src/routes/admin/investment-rates/[id=id]/+page.server';
import { actions as normActions } from '../../src/routes/admin/norms/[id=id]/+page.server';
import { actions as needsActions } from '../../src/routes/w/[ward]/needs/+page.server';

let db: Db;

function event(
	username: string,
	id: number | null,
	fields: Record<string, string>,
	ward: { id: number; code: string } | null = null
) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return {
		request: new Request('http://x/?/edit', { method: 'POST', body }),
		params: id === null ? {} : { id: String(id) },
		url: new URL('http://x/'),
		locals: {
			db,
			locale: 'vi',
			user: { id: null, username, role: 'admin' },
			ward,
			canEdit: true
		}
	} as never;
}

/** Runs an action: 'redirect' (saved), or the failure it returned. */
async function run(
	action: ((e: never) => unknown) | undefined,
	e: never
): Promise<'redirect' | { status: number; data: ConflictFailure }> {
	try {
		const out = await action!(e);
		if (isActionFailure(out)) return out as unknown as { status: number; data: ConflictFailure };
		throw new Error(`no failure and no redirect: ${JSON.stringify(out)}`);
	} catch (x) {
		if (isRedirect(x)) return 'redirect';
		throw x;
	}
}

/** The 409 answer: B's values with the stored version, and A's values field by field. */
function conflict(out: Awaited<ReturnType<typeof run>>) {
	expect(out).not.toBe('redirect');
	const f = out as { status: number; data: ConflictFailure };
	expect(f.status).toBe(409);
	return f.data;
}

beforeEach(() => {
	db = referenceDb();
});

const ward = {
	code: 'thu-duc',
	name: 'Phường Thủ Đức',
	adminCode: '26800',
	centreLat: '10,85',
	centreLng: '106,76',
	south: '10,8',
	west: '106,7',
	north: '10,9',
	east: '106,8',
	populationCount: '120000'
};

describe('admin forms refuse a stale save with 409 and both values', () => {
	it('ward: B keeps the stored population beside its own name, then keeps its own', async () => {
		const w = newWard(db);
		const formA = { ...ward, populationCount: '125000', version: '1' };
		expect(await run(wardActions.update, event('an.nguyen', w.id, formA))).toBe('redirect');
		const formB = { ...ward, name: 'Phường Thủ Đức (mới)', version: '1' };
		const c = conflict(await run(wardActions.update, event('binh.tran', w.id, formB)));
		expect(c.values).toMatchObject({ name: 'Phường Thủ Đức (mới)', version: '2' });
		expect(c.conflict.fields).toEqual([
			{ name: 'name', mine: 'Phường Thủ Đức (mới)', theirs: 'Phường Thủ Đức' },
			{ name: 'populationCount', mine: '120000', theirs: '125000' }
		]);
		expect(c.conflict.theirs.south).toBe('10,8');
		expect(c.conflict.savedBy).toContain('an.nguyen');
		expect(getWard(db, w.id)!.name).toBe('Phường Thủ Đức');
		// Keep mine: the same values with the version of the answer.
		expect(await run(wardActions.update, event('binh.tran', w.id, c.values))).toBe('redirect');
		expect(getWard(db, w.id)).toMatchObject({ name: 'Phường Thủ Đức (mới)', version: 3 });
	});

	it('user: a stale role change is refused with the stored role, never the password hash', async () => {
		const w = newWard(db);
		const { user } = await createUser(
			db,
			SEED_ACTOR,
			{ username: 'lan', displayName: 'Lan', role: 'ward_viewer', wardId: w.id },
			'lan-password-2026'
		);
		const form = { displayName: 'Lan', role: 'ward_viewer', wardId: String(w.id), version: '1' };
		expect(
			await run(userActions.update, event('an.nguyen', user.id, { ...form, role: 'ward_editor' }))
		).toBe('redirect');
		const c = conflict(
			await run(
				userActions.update,
				event('binh.tran', user.id, { ...form, displayName: 'Nguyễn Lan' })
			)
		);
		expect(c.conflict.fields).toEqual([
			{ name: 'displayName', mine: 'Nguyễn Lan', theirs: 'Lan' },
			{ name: 'role', mine: 'ward_viewer', theirs: 'ward_editor' }
		]);
		expect(JSON.stringify(c)).not.toContain('argon2');
		expect(getUser(db, user.id)).toMatchObject({ displayName: 'Lan', role: 'ward_editor' });
	});

	it('legal reference: the page of version 1 after version 2 was saved, with or without a version field', async () => {
		const v1 = listLegalReferences(db).find((r) => r.number === '85/2025/NĐ-CP')!;
		const form = {
			kind: v1.kind,
			number: v1.number,
			issuedOn: v1.issuedOn,
			issuer: v1.issuer,
			title: v1.title,
			inForceFrom: v1.inForceFrom,
			inForceTo: '',
			verify: v1.verify ? 'on' : '',
			verifyNote: '',
			sortOrder: String(v1.sortOrder)
		};
		expect(
			await run(
				refActions.edit,
				event('an.nguyen', v1.id, { ...form, inForceTo: '2026-06-30', version: '1' })
			)
		).toBe('redirect');
		// A form without the hidden field edits the version of its page (1): stale as well.
		const c = conflict(
			await run(refActions.edit, event('binh.tran', v1.id, { ...form, verifyNote: 'CB 12' }))
		);
		expect(c.values.version).toBe('2');
		expect(c.conflict.fields).toEqual([
			{ name: 'inForceTo', mine: '', theirs: '2026-06-30' },
			{ name: 'verifyNote', mine: 'CB 12', theirs: '' }
		]);
		expect(await run(refActions.edit, event('binh.tran', v1.id, c.values))).toBe('redirect');
		const newest = listLegalReferences(db).find((r) => r.key === v1.key)!;
		expect([newest.version, newest.verifyNote, newest.inForceTo]).toEqual([3, 'CB 12', null]);
		expect(getLegalReference(db, v1.id)!.isCurrent).toBe(false);
	});

	it('investment rate: a stale amount is refused with the stored one', async () => {
		const band = rateForStoreys(db, 3)!;
		const form = {
			storeysFrom: '1',
			storeysTo: '5',
			vndPerM2: '9800000',
			source: band.source,
			year: String(band.year),
			verify: 'on',
			note: '',
			version: '1'
		};
		expect(
			await run(rateActions.edit, event('an.nguyen', band.id, { ...form, vndPerM2: '10200000' }))
		).toBe('redirect');
		const c = conflict(
			await run(rateActions.edit, event('binh.tran', band.id, { ...form, note: 'QĐ 409' }))
		);
		expect(c.conflict.fields).toEqual([
			{ name: 'vndPerM2', mine: '9800000', theirs: '10200000' },
			{ name: 'note', mine: 'QĐ 409', theirs: '' }
		]);
		expect(rateForStoreys(db, 3)!.vndPerM2).toBe(10_200_000);
	});

	it('norm set: the newest values under the fields of the form loaded with version 1', async () => {
		const v1 = currentNormSet(db)!;
		const first = v1.items[0];
		const form: Record<string, string> = {
			name: v1.name,
			legalBasis: v1.legalBasis,
			effectiveFrom: v1.effectiveFrom,
			commonAreaRatio: String(v1.commonAreaRatio),
			commonAreaRatioVerify: v1.commonAreaRatioVerify ? 'on' : '',
			reason: '',
			version: '1'
		};
		for (const i of v1.items) {
			form[`m2_${i.id}`] = String(i.m2PerPerson);
			form[`labelVi_${i.id}`] = i.labelVi;
			form[`labelEn_${i.id}`] = i.labelEn;
			form[`basis_${i.id}`] = i.legalBasis ?? '';
			form[`verify_${i.id}`] = i.verify ? 'on' : '';
		}
		expect(
			await run(normActions.edit, event('an.nguyen', v1.id, { ...form, [`m2_${first.id}`]: '32' }))
		).toBe('redirect');
		const c = conflict(
			await run(normActions.edit, event('binh.tran', v1.id, { ...form, [`m2_${first.id}`]: '28' }))
		);
		expect(c.conflict.fields).toEqual([{ name: `m2_${first.id}`, mine: '28', theirs: '32' }]);
		expect(await run(normActions.edit, event('binh.tran', v1.id, c.values))).toBe('redirect');
		const v3 = currentNormSet(db)!;
		expect([v3.version, v3.items[0].m2PerPerson]).toEqual([3, 28]);
	});

	it('specialised room: the ward form answers 409 with the stored area', async () => {
		const w = newWard(db);
		const room = listSpecialisedRooms(db, w.id)[0];
		const ref = { id: w.id, code: w.code };
		const form = {
			id: String(room.id),
			key: room.key,
			areaM2: String(room.areaM2),
			count: String(room.count),
			basis: room.basis ?? '',
			version: '1'
		};
		expect(
			await run(needsActions.updateRoom, event('an.nguyen', null, { ...form, areaM2: '55,5' }, ref))
		).toBe('redirect');
		const c = conflict(
			await run(needsActions.updateRoom, event('binh.tran', null, { ...form, count: '2' }, ref))
		);
		expect(c.form).toBe(`room-${room.id}`);
		expect(c.conflict.fields).toEqual([
			{ name: 'areaM2', mine: String(room.areaM2), theirs: '55.5' },
			{ name: 'count', mine: '2', theirs: String(room.count) }
		]);
		const stored = db.select().from(specialisedRooms).where(eq(specialisedRooms.id, room.id)).get();
		expect([stored?.areaM2, stored?.count, stored?.version]).toEqual([55.5, room.count, 2]);
	});
});
