import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, normSets } from '../db/schema';
import type { Db } from '../db';
import {
	NormSetError,
	createNormSetVersion,
	currentNormSet,
	currentNormSets,
	getNormSet,
	listNormSets,
	normSetVersions
} from './norm-sets';
import { needsForWard } from './';
import type { NormSetEdit } from '../../schemas/needs';
import { sampleDb } from '../../../../tests/helpers/sample';

const actor = { userId: null, username: 'admin-test' };
let db: Db;
let bt: number;

function editOf(id: number, change: (e: NormSetEdit) => void): NormSetEdit {
	const set = getNormSet(db, id)!;
	const edit: NormSetEdit = {
		name: set.name,
		legalBasis: set.legalBasis,
		effectiveFrom: set.effectiveFrom,
		commonAreaRatio: set.commonAreaRatio,
		commonAreaRatioVerify: set.commonAreaRatioVerify,
		reason: 'test',
		items: set.items.map((i) => ({
			itemId: i.id,
			m2PerPerson: i.m2PerPerson,
			labelVi: i.labelVi,
			labelEn: i.labelEn,
			legalBasis: i.legalBasis,
			verify: i.verify
		}))
	};
	change(edit);
	return edit;
}

beforeEach(() => {
	({ db, bt } = sampleDb());
});

describe('norm sets', () => {
	it('lists the two seeded sets, 155/2025 first among the current ones', () => {
		expect(currentNormSets(db).map((s) => s.key)).toEqual(['nd-155-2025', 'nd-152-2017']);
		expect(listNormSets(db).map((s) => [s.key, s.version, s.itemCount])).toEqual([
			['nd-152-2017', 1, 7],
			['nd-155-2025', 1, 6]
		]);
		expect(currentNormSet(db)!.items.map((i) => i.m2PerPerson)).toEqual([30, 20, 18, 15, 20, 20]);
	});

	it('editing creates a new current version; the old one stays and still gives its results', () => {
		const v1 = currentNormSet(db)!;
		const before = needsForWard(db, bt, v1.id);
		const specialist = v1.items.find((i) => i.titleKey === 'specialist')!;
		const v2 = createNormSetVersion(
			db,
			actor,
			v1.id,
			editOf(v1.id, (e) => {
				e.commonAreaRatio = 0.5;
				e.items.find((i) => i.itemId === specialist.id)!.m2PerPerson = 16;
			})
		);
		expect(v2).toMatchObject({
			key: 'nd-155-2025',
			version: 2,
			isCurrent: true,
			commonAreaRatio: 0.5
		});
		expect(v2.items).toHaveLength(6);
		expect(v2.items.find((i) => i.titleKey === 'specialist')!.m2PerPerson).toBe(16);
		expect(v2.items.find((i) => i.titleKey === 'division-head')!.m2PerPerson).toBe(18);
		expect(getNormSet(db, v1.id)!.isCurrent).toBe(false);
		expect(getNormSet(db, v1.id)!.items.find((i) => i.titleKey === 'specialist')!.m2PerPerson).toBe(
			15
		);
		expect(normSetVersions(db, 'nd-155-2025').map((s) => [s.version, s.isCurrent])).toEqual([
			[2, true],
			[1, false]
		]);

		// The default now uses version 2. Specialist posts priced at the specialist norm (rank
		// chuyên viên or none; chuyên viên chính stay at 20) in the sample: VP-DU 3 + 1, BXDD 5,
		// UBKT 4, VP-HDND-UBND 5 + 2 + 3 + 2 + 1, P-KTHTDT 5 + 5 + 3 + 2 + 2, P-VHXH 3 + 4 + 2,
		// TTPVHCC 6 + 3 + 6 + 4, MTTQ 3 = 4 + 5 + 4 + 13 + 17 + 9 + 19 + 3 = 74; each gets 1 m² more.
		const now = needsForWard(db, bt);
		expect(now.normSet).toMatchObject({ id: v2.id, version: 2 });
		expect(now.result.workAreaM2).toBe(1836 + 74);
		expect(now.result.commonAreaM2).toBeCloseTo(0.5 * (1836 + 74), 9);

		// Version 1, asked by id, still gives exactly the old result and cites itself.
		const again = needsForWard(db, bt, v1.id);
		expect(again.result).toEqual(before.result);
		expect(again.normSet).toMatchObject({ id: v1.id, version: 1, isCurrent: false });

		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'norm-set')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'create', entityId: String(v2.id), wardId: null });
		expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ basedOn: v1.id, reason: 'test' });
	});

	it('only the current version can be edited, and a third version numbers on', () => {
		const v1 = currentNormSet(db)!;
		const v2 = createNormSetVersion(
			db,
			actor,
			v1.id,
			editOf(v1.id, () => {})
		);
		expect(() =>
			createNormSetVersion(
				db,
				actor,
				v1.id,
				editOf(v1.id, () => {})
			)
		).toThrow(NormSetError);
		const v3 = createNormSetVersion(
			db,
			actor,
			v2.id,
			editOf(v2.id, () => {})
		);
		expect(v3.version).toBe(3);
		expect(
			db
				.select()
				.from(normSets)
				.where(and(eq(normSets.key, 'nd-155-2025'), eq(normSets.isCurrent, true)))
				.all()
				.map((s) => s.version)
		).toEqual([3]);
		// The other set is untouched.
		expect(currentNormSet(db, 'nd-152-2017')!.version).toBe(1);
	});

	it('rolls back everything when an item id is not of the base version', () => {
		const v1 = currentNormSet(db)!;
		const other = currentNormSet(db, 'nd-152-2017')!;
		const edit = editOf(v1.id, (e) => {
			e.items[0].itemId = other.items[0].id;
		});
		expect(() => createNormSetVersion(db, actor, v1.id, edit)).toThrow(NormSetError);
		expect(normSetVersions(db, 'nd-155-2025')).toHaveLength(1);
		expect(currentNormSet(db)!.id).toBe(v1.id);
	});
});
