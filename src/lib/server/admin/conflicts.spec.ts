/**
 * Issue 16, lost updates in the admin records: a save from a form loaded before someone else's
 * save is refused with the stored values (ConflictError), writes nothing and no audit row; a
 * save naming the stored version ("keep mine") goes through.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, specialisedRooms, users, wards } from '../db/schema';
import type { Db } from '../db';
import { ConflictError } from '../core/concurrency';
import {
	changePassword,
	createUser,
	getUser,
	resetPassword,
	setUserDisabled,
	updateUser
} from './users';
import { getWard, setBoundary, updateWard } from './wards';
import { THU_DUC, newWard, referenceDb } from '../../../../tests/helpers/admin';
import { editLegalReference, legalReferenceHistory, listLegalReferences } from './legal-refs';
import { editInvestmentRate, investmentRateHistory, rateForStoreys } from './investment-rates';
import {
	createNormSetVersion,
	currentNormSet,
	getNormSet,
	normSetFormValues
} from '../needs/norm-sets';
import { listSpecialisedRooms, updateSpecialisedRoom } from '../needs';
import { legalRefSchema, investmentRateSchema } from '../../schemas/dossier';
import type { NormSetEdit } from '../../schemas/needs';

const admin = { userId: null, username: 'admin' };
const other = { userId: null, username: 'other-admin' };
let db: Db;

const audits = () =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

/** What `fn` throws, which must be a ConflictError. */
function conflictOf(fn: () => unknown): ConflictError {
	try {
		fn();
	} catch (e) {
		if (e instanceof ConflictError) return e;
		throw e;
	}
	throw new Error('no conflict');
}

beforeEach(() => {
	db = referenceDb();
});

const refInput = (over: Record<string, string> = {}) =>
	legalRefSchema.parse({
		kind: 'decree',
		number: '85/2025/NĐ-CP',
		issuedOn: '2025-04-08',
		issuer: 'Chính phủ',
		title: 'quy định chi tiết một số điều của Luật Đầu tư công',
		inForceFrom: '2025-04-08',
		inForceTo: '',
		verify: 'on',
		verifyNote: '',
		sortOrder: '3',
		...over
	});

describe('versioned catalogues: a stale edit', () => {
	it('legal reference: refused with the newest version, nothing written; keep mine writes v3', () => {
		const v1 = listLegalReferences(db).find((r) => r.number === '85/2025/NĐ-CP')!;
		expect(v1.version).toBe(1);
		// A saves first (from the page of version 1): version 2 ends the force on 30/6/2026.
		const v2 = editLegalReference(db, other, v1.id, refInput({ inForceTo: '2026-06-30' }), 1);
		const n = audits();
		// B loaded version 1 too and saves a note.
		const e = conflictOf(() =>
			editLegalReference(db, admin, v1.id, refInput({ verifyNote: 'Công báo số 12' }), 1)
		);
		expect([e.entity, e.id, e.expected, e.currentVersion]).toEqual([
			'legal-reference',
			v2.id,
			1,
			2
		]);
		expect(e.current).toMatchObject({ inForceTo: '2026-06-30', verifyNote: '' });
		expect(audits()).toBe(n);
		expect(legalReferenceHistory(db, v1.key).map((h) => h.version)).toEqual([2, 1]);
		// Keep mine: the form now names version 2 and still posts to version 1's page.
		const v3 = editLegalReference(db, admin, v1.id, refInput({ verifyNote: 'Công báo số 12' }), 2);
		expect([v3.version, v3.verifyNote, v3.inForceTo]).toEqual([3, 'Công báo số 12', null]);
		expect(legalReferenceHistory(db, v1.key).map((h) => [h.version, h.isCurrent])).toEqual([
			[3, true],
			[2, false],
			[1, false]
		]);
		expect(audits()).toBe(n + 1);
		// Without a version (an API caller) an old base is still refused as not current.
		expect(() => editLegalReference(db, admin, v1.id, refInput())).toThrow('not-current');
	});

	it('investment rate: refused with the stored band; keep mine checks overlaps on the newest', () => {
		const band = rateForStoreys(db, 3)!;
		const rate = (vnd: string) =>
			investmentRateSchema.parse({
				storeysFrom: '1',
				storeysTo: '5',
				vndPerM2: vnd,
				source: 'Bộ Xây dựng',
				year: '2025',
				verify: '',
				note: ''
			});
		const v2 = editInvestmentRate(db, other, band.id, rate('10200000'), band.version);
		const e = conflictOf(() => editInvestmentRate(db, admin, band.id, rate('9900000'), 1));
		expect([e.id, e.currentVersion, e.current?.vndPerM2]).toEqual([v2.id, 2, 10_200_000]);
		expect(rateForStoreys(db, 3)!.vndPerM2).toBe(10_200_000);
		const v3 = editInvestmentRate(db, admin, band.id, rate('9900000'), 2);
		expect([v3.version, v3.vndPerM2]).toEqual([3, 9_900_000]);
		expect(investmentRateHistory(db, band.key).map((h) => h.vndPerM2)).toEqual([
			9_900_000, 10_200_000, 9_800_000
		]);
	});

	it('norm set: keep mine applies the form items (by title key) to the newest version', () => {
		const v1 = currentNormSet(db)!;
		const edit = (m2ByTitle: Record<string, number>, name = v1.name): NormSetEdit => ({
			name,
			legalBasis: v1.legalBasis,
			effectiveFrom: v1.effectiveFrom,
			commonAreaRatio: v1.commonAreaRatio,
			commonAreaRatioVerify: v1.commonAreaRatioVerify,
			reason: 'test',
			items: v1.items.map((i) => ({
				itemId: i.id,
				m2PerPerson: m2ByTitle[i.titleKey] ?? i.m2PerPerson,
				labelVi: i.labelVi,
				labelEn: i.labelEn,
				legalBasis: i.legalBasis,
				verify: i.verify
			}))
		});
		const first = v1.items[0];
		// A renames the set (version 2); B, from version 1's page, sets the first title to 32 m².
		const v2 = createNormSetVersion(db, other, v1.id, edit({}, 'Định mức 155 (sửa tên)'), 1);
		const e = conflictOf(() =>
			createNormSetVersion(db, admin, v1.id, edit({ [first.titleKey]: 32 }), 1)
		);
		expect([e.id, e.currentVersion]).toEqual([v2.id, 2]);
		// The newest version's values under version 1's field names, for the conflict panel.
		const theirs = normSetFormValues(getNormSet(db, e.id)!, v1);
		expect(theirs.name).toBe('Định mức 155 (sửa tên)');
		expect(theirs[`m2_${first.id}`]).toBe('30');
		const v3 = createNormSetVersion(db, admin, v1.id, edit({ [first.titleKey]: 32 }), 2);
		expect(v3.version).toBe(3);
		expect(v3.items.map((i) => i.m2PerPerson)).toEqual([32, 20, 18, 15, 20, 20]);
		// B's form also sends the old name: keep mine is B's whole form.
		expect(v3.name).toBe(v1.name);
		expect(v3.items.every((i) => !v1.items.some((o) => o.id === i.id))).toBe(true);
	});
});

describe('wards, users and specialised rooms: a stale save', () => {
	it('ward: refused after another edit or a boundary import, with the form values only', () => {
		const ward = newWard(db);
		expect(ward.version).toBe(1);
		updateWard(db, other, ward.id, { ...THU_DUC, populationCount: 125000 }, 1);
		const n = audits();
		const e = conflictOf(() =>
			updateWard(db, admin, ward.id, { ...THU_DUC, name: 'Phường Thủ Đức mới' }, 1)
		);
		expect(e.currentVersion).toBe(2);
		expect(e.current).toMatchObject({ populationCount: 125000, south: 10.8, east: 106.8 });
		expect(e.current).not.toHaveProperty('boundaryGeojson');
		expect(audits()).toBe(n);
		expect(getWard(db, ward.id)!.name).toBe('Phường Thủ Đức');
		// A boundary import bumps the version too (the trigger): the version-2 form is stale.
		setBoundary(db, other, ward.id, {
			type: 'Polygon',
			coordinates: [
				[
					[106.7, 10.8],
					[106.8, 10.8],
					[106.8, 10.9],
					[106.7, 10.8]
				]
			]
		});
		expect(getWard(db, ward.id)!.version).toBe(3);
		expect(() => updateWard(db, admin, ward.id, THU_DUC, 2)).toThrow(ConflictError);
		const saved = updateWard(db, admin, ward.id, { ...THU_DUC, name: 'Phường Thủ Đức mới' }, 3);
		expect([saved.version, saved.name, saved.populationCount]).toEqual([
			4,
			'Phường Thủ Đức mới',
			120000
		]);
	});

	it('user: refused after a role change or a disable, not after a password change', async () => {
		const ward = newWard(db);
		const { user } = await createUser(
			db,
			admin,
			{ username: 'lan', displayName: 'Lan', role: 'ward_viewer', wardId: ward.id },
			'lan-password-2026'
		);
		expect(user.version).toBe(1);
		updateUser(db, other, user.id, { displayName: 'Lan', role: 'ward_editor', wardId: ward.id }, 1);
		const e = conflictOf(() =>
			updateUser(
				db,
				admin,
				user.id,
				{ displayName: 'Nguyễn Lan', role: 'ward_viewer', wardId: ward.id },
				1
			)
		);
		expect(e.current).toEqual({
			id: user.id,
			version: 2,
			displayName: 'Lan',
			role: 'ward_editor',
			wardId: ward.id,
			disabled: false
		});
		expect(getUser(db, user.id)!.displayName).toBe('Lan');
		// The user's own password change and an admin's reset leave the admin form current.
		const changed = await changePassword(db, { userId: user.id, username: 'lan' }, user.id, {
			current: 'lan-password-2026',
			next: 'lan-new-password-2027',
			confirm: 'lan-new-password-2027'
		});
		expect(changed.ok).toBe(true);
		await resetPassword(db, admin, user.id);
		expect(getUser(db, user.id)!.version).toBe(2);
		// Disabling is an admin change: version 3.
		setUserDisabled(db, other, user.id, true);
		expect(getUser(db, user.id)!.version).toBe(3);
		expect(() =>
			updateUser(
				db,
				admin,
				user.id,
				{ displayName: 'Nguyễn Lan', role: 'ward_editor', wardId: ward.id },
				2
			)
		).toThrow(ConflictError);
		updateUser(
			db,
			admin,
			user.id,
			{ displayName: 'Nguyễn Lan', role: 'ward_editor', wardId: ward.id },
			3
		);
		const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect([row.displayName, row.version, row.disabled]).toEqual(['Nguyễn Lan', 4, true]);
	});

	it('specialised room: refused with the stored room; the kernel bumps the version', () => {
		const ward = newWard(db);
		const room = listSpecialisedRooms(db, ward.id)[0];
		expect(room.version).toBe(1);
		const input = { key: room.key, areaM2: 60, count: 1, basis: null };
		updateSpecialisedRoom(db, other, ward.id, room.id, { ...input, areaM2: 55.5 }, 1);
		const e = conflictOf(() => updateSpecialisedRoom(db, admin, ward.id, room.id, input, 1));
		expect([e.entity, e.currentVersion, e.current?.areaM2]).toEqual(['specialised-room', 2, 55.5]);
		const after = updateSpecialisedRoom(db, admin, ward.id, room.id, input, 2);
		expect([after.version, after.areaM2]).toEqual([3, 60]);
		const stored = db.select().from(specialisedRooms).where(eq(specialisedRooms.id, room.id)).get();
		expect(stored?.areaM2).toBe(60);
		// Another ward's room is not found, whatever the version.
		expect(() => updateSpecialisedRoom(db, admin, ward.id + 999, room.id, input, 3)).toThrow(
			'not-found'
		);
		expect(db.select().from(wards).all()).toHaveLength(1);
	});
});
