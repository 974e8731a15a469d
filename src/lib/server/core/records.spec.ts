/**
 * The audited-write kernel on a real database (the real migrations): each write leaves exactly
 * one audit row with the values before and after; a duplicate code is refused with the field;
 * a stale version is refused and nothing (row or audit) is written; another ward's row is not
 * found.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { auditLog, facilities, wards } from '../db/schema';
import type { Db } from '../db';
import type { Actor } from '../audit';
import { ConflictError } from './concurrency';
import { DomainError } from './errors';
import { createRecord, deleteRecord, mapDuplicate, updateRecord } from './records';

const actor: Actor = { userId: null, username: 'can.bo' };
let db: Db;
let wardId: number;
let otherWardId: number;

const audits = () => db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
const facility = (code: string) => ({
	wardId,
	code,
	name: `Trụ sở ${code}`,
	kind: 'headquarters' as const,
	lat: 10.78,
	lng: 106.75
});

class TestError extends DomainError {
	constructor(code: string, field?: string) {
		super(code, field);
	}
}

beforeEach(() => {
	db = createTestDb();
	wardId = db
		.insert(wards)
		.values({ code: 'p1', name: 'Phường Một', centreLat: 10.78, centreLng: 106.75 })
		.returning()
		.get().id;
	otherWardId = db
		.insert(wards)
		.values({ code: 'p2', name: 'Phường Hai', centreLat: 10.8, centreLng: 106.7 })
		.returning()
		.get().id;
});

describe('records kernel', () => {
	const ctx = () => ({ actor, wardId, entity: 'facility' });

	it('creates, updates and deletes one row, each with its audit row', () => {
		const row = createRecord(db, facilities, ctx(), facility('CS-01'));
		expect(row.version).toBe(1);
		expect(row.code).toBe('CS-01');

		const after = updateRecord(
			db,
			facilities,
			ctx(),
			row.id,
			{ name: 'Trụ sở mới' },
			{
				expectedVersion: 1
			}
		);
		expect(after.version).toBe(2);
		expect(after.name).toBe('Trụ sở mới');
		expect(after.updatedAt).toBeGreaterThanOrEqual(row.updatedAt);

		const deleted = deleteRecord(db, facilities, ctx(), row.id);
		expect(deleted.name).toBe('Trụ sở mới');
		expect(db.select().from(facilities).all()).toHaveLength(0);

		const log = audits();
		expect(log.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
		expect(log.every((a) => a.entity === 'facility' && a.entityId === String(row.id))).toBe(true);
		expect(log.every((a) => a.wardId === wardId && a.username === 'can.bo')).toBe(true);
		expect(JSON.parse(log[0].afterJson!).code).toBe('CS-01');
		expect(log[0].beforeJson).toBeNull();
		expect(JSON.parse(log[1].beforeJson!).name).toBe('Trụ sở CS-01');
		expect(JSON.parse(log[1].afterJson!)).toMatchObject({ name: 'Trụ sở mới', version: 2 });
		expect(JSON.parse(log[2].beforeJson!).version).toBe(2);
		expect(log[2].afterJson).toBeNull();
	});

	it('refuses a duplicate code with the field, writing nothing', () => {
		createRecord(db, facilities, ctx(), facility('CS-01'));
		const second = () => createRecord(db, facilities, ctx(), facility('CS-01'));
		expect(second).toThrow(DomainError);
		try {
			second();
		} catch (e) {
			expect((e as DomainError).code).toBe('duplicate-code');
			expect((e as DomainError).field).toBe('code');
		}
		expect(db.select().from(facilities).all()).toHaveLength(1);
		expect(audits()).toHaveLength(1);

		// The module's own class and field, also on update.
		const b = createRecord(db, facilities, ctx(), facility('CS-02'));
		const own = {
			...ctx(),
			uniqueField: 'maCoSo',
			error: (c: string, f?: string) => new TestError(c, f)
		};
		try {
			updateRecord(db, facilities, own, b.id, { code: 'CS-01' }, { expectedVersion: 1 });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(TestError);
			expect((e as TestError).field).toBe('maCoSo');
		}
		expect(db.select().from(facilities).where(eq(facilities.id, b.id)).get()!.code).toBe('CS-02');
		expect(audits()).toHaveLength(2);
	});

	it('refuses a stale version with the stored row; nothing written', () => {
		const row = createRecord(db, facilities, ctx(), facility('CS-01'));
		updateRecord(db, facilities, ctx(), row.id, { name: 'Sửa lần 1' }, { expectedVersion: 1 });
		let caught: unknown;
		try {
			updateRecord(db, facilities, ctx(), row.id, { notes: 'từ form cũ' }, { expectedVersion: 1 });
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(ConflictError);
		const c = caught as ConflictError;
		expect(c.expected).toBe(1);
		expect(c.currentVersion).toBe(2);
		expect(c.current?.name).toBe('Sửa lần 1');
		const stored = db.select().from(facilities).get()!;
		expect(stored.notes).toBeNull();
		expect(stored.version).toBe(2);
		expect(audits()).toHaveLength(2);
		// Not checked (null): an import may still write, and the version still moves on.
		expect(updateRecord(db, facilities, ctx(), row.id, { notes: 'nhập' }).version).toBe(3);
	});

	it("does not find another ward's row", () => {
		const row = createRecord(db, facilities, ctx(), facility('CS-01'));
		const other = { actor, wardId: otherWardId, entity: 'facility' };
		for (const write of [
			() => updateRecord(db, facilities, other, row.id, { name: 'x' }),
			() => deleteRecord(db, facilities, other, row.id)
		]) {
			try {
				write();
				expect.unreachable();
			} catch (e) {
				expect((e as DomainError).code).toBe('not-found');
			}
		}
		expect(db.select().from(facilities).get()!.name).toBe('Trụ sở CS-01');
		expect(audits()).toHaveLength(1);
	});

	it('a guard refusing rolls the write back', () => {
		const row = createRecord(db, facilities, ctx(), facility('CS-01'));
		expect(() =>
			updateRecord(
				db,
				facilities,
				ctx(),
				row.id,
				{ name: 'x' },
				{
					guard: (_tx, before) => {
						if (before.code === 'CS-01') throw new DomainError('implausible', 'name');
					}
				}
			)
		).toThrow('implausible');
		expect(db.select().from(facilities).get()!.version).toBe(1);
	});

	it('mapDuplicate maps only unique violations', () => {
		expect(() =>
			mapDuplicate(() => {
				throw new Error('UNIQUE constraint failed: facilities.ward_id, facilities.code');
			}, 'code')
		).toThrow(DomainError);
		expect(() =>
			mapDuplicate(() => {
				throw new Error('FOREIGN KEY constraint failed');
			})
		).toThrow('FOREIGN KEY');
		expect(mapDuplicate(() => 7)).toBe(7);
	});
});
