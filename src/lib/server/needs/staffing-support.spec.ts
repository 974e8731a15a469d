import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { Db } from '../db';
import { seedSample } from '../db/seed';
import { auditLog, orgUnits, positions, staffingSupport, users, wards } from '../db/schema';
import {
	NO_FIELD,
	StaffingSupportError,
	addAssignment,
	assignmentSchema,
	boardFrom,
	boardSource,
	endAssignment,
	exportBoard,
	positionVacancies,
	staffingBoard,
	supportForWard,
	vnToday
} from './staffing-support';
import { addTestWard, supportInput } from '../../../../tests/helpers/staffing';

let db: Db;
let reviewer: { userId: number; username: string };
let testWard: number;
const DAY = '2026-12-05';

const add = (over: Partial<Parameters<typeof addAssignment>[3]> = {}) =>
	addAssignment(db, reviewer, 'thu-nghiem', supportInput(over));

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	const u = db
		.insert(users)
		.values({
			username: 'rev',
			displayName: 'Chuyên viên Sở',
			passwordHash: 'x',
			role: 'city_reviewer'
		})
		.returning({ id: users.id })
		.get();
	reviewer = { userId: u.id, username: 'rev' };
	testWard = addTestWard(db).wardId;
});

describe('staffing board figures', () => {
	it('uncovered = vacancies − active assignments, per ward and field', () => {
		add();
		add({ officerName: 'Cán bộ B' });
		add({ officerName: 'Cán bộ C', field: 'construction', fromDate: '2026-12-10' }); // not yet
		add({ officerName: 'Cán bộ D', field: 'construction', toDate: '2026-11-30' }); // ended
		add({ officerName: 'Cán bộ E', field: 'accounting' }); // no vacancy: assigned, 0 uncovered
		const b = staffingBoard(db, { ward: 'thu-nghiem' }, DAY);
		const byField = Object.fromEntries(
			b.coverage.map((c) => [c.field ?? '-', [c.vacant, c.assigned, c.uncovered]])
		);
		expect(byField).toEqual({
			land: [5, 2, 3],
			construction: [2, 0, 2],
			'-': [1, 0, 1],
			accounting: [0, 1, 0]
		});
		expect(b.totals).toEqual({ vacant: 8, assigned: 3, uncovered: 6 });
		expect(b.vacancies.map((v) => [v.positionTitle, v.vacant])).toEqual([
			['Chuyên viên địa chính', 4],
			['Chuyên viên đăng ký đất đai', 1],
			['Chuyên viên xây dựng', 2],
			['Phó Trưởng phòng', 1]
		]);
		// On 10/12 the construction officer has started.
		const later = staffingBoard(db, { ward: 'thu-nghiem', field: 'construction' }, '2026-12-10');
		expect(later.coverage).toEqual([
			{
				wardCode: 'thu-nghiem',
				wardName: 'Phường Thử Nghiệm',
				field: 'construction',
				vacant: 2,
				assigned: 1,
				uncovered: 1
			}
		]);
		// The posts without a field have their own filter value.
		expect(staffingBoard(db, { ward: 'thu-nghiem', field: NO_FIELD }, DAY).totals).toEqual({
			vacant: 1,
			assigned: 0,
			uncovered: 1
		});
	});

	it('the sample ward: vacancies by field and its sample support', () => {
		const b = staffingBoard(db, { ward: 'binh-trung' }, DAY);
		const land = b.coverage.find((c) => c.field === 'land')!;
		// Land: (6 − 3) + (6 − 4) = 5 vacant posts, two officers active on 05/12/2026.
		expect([land.vacant, land.assigned, land.uncovered]).toEqual([5, 2, 3]);
		const finance = b.coverage.find((c) => c.field === 'finance')!;
		// Finance: 3 − 1 = 2 vacant, its officer's support ended on 30/11/2026.
		expect([finance.vacant, finance.assigned, finance.uncovered]).toEqual([2, 0, 2]);
		expect(supportForWard(db, wardIdOf('binh-trung'), DAY)).toHaveLength(4);
		// Across every ward the board lists both sample wards.
		const all = staffingBoard(db, {}, DAY);
		expect(new Set(all.vacancies.map((v) => v.wardCode))).toEqual(
			new Set(['an-khanh', 'binh-trung', 'thu-nghiem'])
		);
	});

	it('exports the board with Vietnamese headers and no field key', async () => {
		add();
		const b = staffingBoard(db, { ward: 'thu-nghiem' }, DAY);
		const csv = new TextDecoder().decode(await exportBoard(b, 'csv', 'vi'));
		const lines = csv.replace('\ufeff', '').trim().split('\r\n');
		expect(lines[0]).toBe(
			'Phường,Lĩnh vực,Vị trí,Đơn vị,Biên chế giao,Hiện có,Còn thiếu,Đang hỗ trợ (lĩnh vực),Chưa được hỗ trợ (lĩnh vực)'
		);
		expect(lines[1]).toBe(
			'Phường Thử Nghiệm,Đất đai,Chuyên viên địa chính,Phòng Kinh tế,6,2,4,1,4'
		);
		expect(lines.at(-1)).toBe('Tổng cộng,,,,,,8,1,7');
		expect(csv).not.toMatch(/\bland\b|construction/);
		const xlsx = await exportBoard(b, 'xlsx', 'vi');
		expect(xlsx.byteLength).toBeGreaterThan(1000);
	});
});

function wardIdOf(code: string) {
	return db.select().from(wards).where(eq(wards.code, code)).get()!.id;
}

describe('assignments', () => {
	it('adding and ending are audited; ending twice is refused and changes nothing', () => {
		const id = add();
		endAssignment(db, reviewer, id, DAY);
		const row = db.select().from(staffingSupport).where(eq(staffingSupport.id, id)).get()!;
		expect(row.toDate).toBe('2026-12-04');
		expect(row.endedBy).toBe(reviewer.userId);
		expect(staffingBoard(db, { ward: 'thu-nghiem', field: 'land' }, DAY).totals.assigned).toBe(0);
		expect(() => endAssignment(db, reviewer, id, DAY)).toThrow(StaffingSupportError);
		expect(db.select().from(staffingSupport).where(eq(staffingSupport.id, id)).get()).toEqual(row);
		const audit = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'staffing_support'))
			.all()
			.map((a) => `${a.action}:${a.wardId}`);
		expect(audit).toEqual([`create:${testWard}`, `update:${testWard}`]);
	});

	it('refuses an unknown ward and an end before the start', () => {
		expect(() =>
			addAssignment(db, reviewer, 'khong-co', {
				officerName: 'X',
				field: 'land',
				positionKey: null,
				workingGroup: 'T',
				fromDate: DAY,
				toDate: null,
				note: null
			})
		).toThrow(StaffingSupportError);
		expect(() => add({ fromDate: '2026-12-05', toDate: '2026-12-01' })).toThrow(
			StaffingSupportError
		);
		const parsed = assignmentSchema.safeParse({
			ward: 'thu-nghiem',
			officerName: 'A',
			field: 'land',
			workingGroup: 'T',
			fromDate: '2026-12-05',
			toDate: '2026-12-01'
		});
		expect(parsed.success).toBe(false);
		expect(
			db.select().from(staffingSupport).where(eq(staffingSupport.wardId, testWard)).all()
		).toEqual([]);
	});

	it('one query over every ward lists the rows the wards give one by one, in their order', () => {
		// A second unit of our ward shown before the first (sort order 0 < 1), so the order within
		// a ward is the units' display order, not their ids.
		const first = db
			.insert(orgUnits)
			.values({ wardId: testWard, code: 'VP', name: 'Văn phòng', kind: 'other', sortOrder: -1 })
			.returning({ id: orgUnits.id })
			.get();
		db.insert(positions)
			.values({
				orgUnitId: first.id,
				title: 'Văn thư',
				titleKey: 'specialist',
				field: 'land',
				approved: 2,
				filled: 0
			})
			.run();
		const wardByWard = ['an-khanh', 'binh-trung', 'thu-nghiem']
			.map((code) => wardIdOf(code))
			.flatMap((id) => positionVacancies(db, [id]));
		const all = positionVacancies(db, null);
		expect(all).toEqual(wardByWard);
		expect(
			all.filter((v) => v.wardCode === 'thu-nghiem').map((v) => [v.unit, v.positionTitle, v.vacant])
		).toEqual([
			['Văn phòng', 'Văn thư', 2],
			['Phòng Kinh tế', 'Chuyên viên địa chính', 4],
			['Phòng Kinh tế', 'Chuyên viên đăng ký đất đai', 1],
			['Phòng Kinh tế', 'Chuyên viên xây dựng', 2],
			['Phòng Kinh tế', 'Phó Trưởng phòng', 1]
		]);
		// A board narrowed from every ward's source is the one-ward board.
		add();
		const source = boardSource(db, null, DAY);
		for (const filter of [
			{ ward: 'thu-nghiem' },
			{ ward: 'binh-trung', field: 'land' },
			{ ward: 'x' }
		]) {
			expect(boardFrom(source, filter)).toEqual(staffingBoard(db, filter, DAY));
		}
	});

	it('today is the date in Viet Nam', () => {
		expect(vnToday(new Date('2026-12-05T18:00:00Z'))).toBe('2026-12-06');
		expect(vnToday(new Date('2026-12-05T16:59:00Z'))).toBe('2026-12-05');
	});
});
