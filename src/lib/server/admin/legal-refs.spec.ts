import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedReference } from '../db/seed';
import { formInput, referenceDb } from '../../../../tests/helpers/admin';
import type { Db } from '../db';
import { auditLog, legalReferences } from '../db/schema';
import {
	LegalRefError,
	citation,
	createLegalReference,
	editLegalReference,
	legalBasesInForce,
	legalReferenceHistory,
	listLegalReferences,
	officialDate
} from './legal-refs';
import { legalRefSchema } from '../../schemas/dossier';

const actor = { userId: null, username: 'admin' };
let db: Db;

beforeEach(() => {
	db = referenceDb();
});

const input = (over: Record<string, unknown> = {}) =>
	formInput(legalRefSchema, {
		kind: 'decree',
		number: '275/2025/NĐ-CP',
		issuedOn: '2025-10-10',
		issuer: 'Chính phủ',
		title: 'sửa đổi, bổ sung một số điều của Nghị định số 85/2025/NĐ-CP',
		inForceFrom: '2025-10-10',
		inForceTo: '',
		verify: 'on',
		verifyNote: '',
		sortOrder: '3',
		...over
	});

describe('legal references', () => {
	it('seeds the five sample references, each marked verify, in citing order', () => {
		const refs = listLegalReferences(db);
		expect(refs.map((r) => r.number)).toEqual([
			'72/2025/QH15',
			'58/2024/QH15',
			'1685/NQ-UBTVQH15',
			'85/2025/NĐ-CP',
			'155/2025/NĐ-CP'
		]);
		expect(refs.every((r) => r.verify && r.version === 1)).toBe(true);
		// Seeding again adds nothing.
		db.transaction((tx) => seedReference(tx));
		expect(db.select().from(legalReferences).all()).toHaveLength(5);
	});

	it('writes dates and citations as official documents do', () => {
		expect(officialDate('2025-04-08')).toBe('ngày 08 tháng 4 năm 2025');
		expect(officialDate('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027');
		expect(officialDate('2026-12-15')).toBe('ngày 15 tháng 12 năm 2026');
		expect(
			citation({
				kind: 'standing-committee-resolution',
				number: '1685/NQ-UBTVQH15',
				issuedOn: '2025-06-16',
				issuer: 'Ủy ban Thường vụ Quốc hội',
				title: 'về việc sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025'
			})
		).toBe(
			'Nghị quyết số 1685/NQ-UBTVQH15 ngày 16 tháng 6 năm 2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025'
		);
	});

	it('gives the căn cứ in force on a date', () => {
		// 2025-03-01: only the Law on Public Investment (from 2025-01-01) is in force.
		expect(legalBasesInForce(db, '2025-03-01').map((r) => r.number)).toEqual(['58/2024/QH15']);
		// 2025-06-30: + Law 72/2025 (16/6), Decree 85 (8/4); not yet 155 and 1685 (1/7).
		expect(legalBasesInForce(db, '2025-06-30').map((r) => r.number)).toEqual([
			'72/2025/QH15',
			'58/2024/QH15',
			'85/2025/NĐ-CP'
		]);
		expect(legalBasesInForce(db, '2026-10-15')).toHaveLength(5);
	});

	it('an edit makes version 2, keeps version 1 as history, audits, and can end the force', () => {
		const base = listLegalReferences(db).find((r) => r.number === '85/2025/NĐ-CP')!;
		const before = db.select().from(auditLog).all().length;
		const v2 = editLegalReference(
			db,
			actor,
			base.id,
			input({
				number: '85/2025/NĐ-CP',
				issuedOn: '2025-04-08',
				title: 'quy định chi tiết một số điều của Luật Đầu tư công',
				inForceFrom: '2025-04-08',
				inForceTo: '2026-06-30',
				verify: '',
				verifyNote: 'Đã đối chiếu Công báo',
				sortOrder: '1'
			})
		);
		expect(v2.version).toBe(2);
		expect(v2.verify).toBe(false);
		const history = legalReferenceHistory(db, base.key);
		expect(history.map((h) => [h.version, h.isCurrent])).toEqual([
			[2, true],
			[1, false]
		]);
		expect(db.select().from(auditLog).all().length).toBe(before + 1);
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'legal-reference')).get()!;
		expect(JSON.parse(audit.beforeJson!).version).toBe(1);
		expect(legalBasesInForce(db, '2026-10-15').map((r) => r.number)).not.toContain('85/2025/NĐ-CP');
		// The old version cannot be edited any more.
		expect(() => editLegalReference(db, actor, base.id, input())).toThrow(
			new LegalRefError('not-current')
		);
	});

	it('creates a new key once', () => {
		const r = createLegalReference(db, actor, 'nd-275-2025', input());
		expect(r.citation).toBe(
			'Nghị định số 275/2025/NĐ-CP ngày 10 tháng 10 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 85/2025/NĐ-CP'
		);
		expect(() => createLegalReference(db, actor, 'nd-275-2025', input())).toThrow(
			new LegalRefError('duplicate-key')
		);
	});

	it('the form refuses an end before the start and a start before the issue', () => {
		const a = legalRefSchema.safeParse({
			kind: 'law',
			number: '1/2025/QH15',
			issuedOn: '2025-05-01',
			issuer: 'Quốc hội',
			title: 'Luật X',
			inForceFrom: '2025-04-01',
			inForceTo: '2025-03-01',
			sortOrder: '0'
		});
		expect(a.success).toBe(false);
		const paths = a.error!.issues.map((i) => [i.path[0], i.message]);
		expect(paths).toContainEqual(['inForceFrom', 'legalRef.err.beforeIssued']);
		expect(paths).toContainEqual(['inForceTo', 'legalRef.err.toBeforeFrom']);
	});
});
