import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { auditLog, buildings, facilities, rooms, wards } from '../db/schema';
import type { Db } from '../db';
import {
	checkVersion,
	ConflictError,
	conflictFailure,
	conflictInfo,
	conflictJson,
	formVersion,
	requestVersion,
	rowFormValues,
	versionedUpdate
} from './concurrency';
import { writeAudit } from '../audit';
import { sameFormValue } from '../../conflict';
import { translate } from '../../i18n';
import { updateRoom } from '../inventory/facilities';
import { roomInput, wardOfRoom } from '../../../../tests/helpers/sample';

let db: Db;
let roomId: number;

const roomRow = () => db.select().from(rooms).where(eq(rooms.id, roomId)).get()!;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	roomId = db.select({ id: rooms.id }).from(rooms).limit(1).get()!.id;
});

describe('versionedUpdate', () => {
	it('starts at version 1 and adds 1 per update, in the same statement', () => {
		expect(roomRow().version).toBe(1);
		const a = versionedUpdate(db, rooms, 'room', roomId, 1, { name: 'Phòng A' });
		expect(a.version).toBe(2);
		expect(a.name).toBe('Phòng A');
		const b = versionedUpdate(db, rooms, 'room', roomId, 2, { occupants: 7 });
		expect(b.version).toBe(3);
		expect(roomRow()).toMatchObject({ name: 'Phòng A', occupants: 7, version: 3 });
	});

	it('refuses a stale version, writes nothing and carries the stored row', () => {
		versionedUpdate(db, rooms, 'room', roomId, 1, { name: 'Đổi tên bởi A' });
		let err: unknown;
		try {
			versionedUpdate(db, rooms, 'room', roomId, 1, { occupants: 99 });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ConflictError);
		const c = err as ConflictError;
		expect(c.entity).toBe('room');
		expect(c.id).toBe(roomId);
		expect(c.expected).toBe(1);
		expect(c.currentVersion).toBe(2);
		expect(c.current).toMatchObject({ name: 'Đổi tên bởi A', version: 2 });
		expect(roomRow().occupants).not.toBe(99);
		expect(roomRow().version).toBe(2);
	});

	it('a version from the future is refused too (only the exact version saves)', () => {
		expect(() => versionedUpdate(db, rooms, 'room', roomId, 5, { occupants: 1 })).toThrow(
			ConflictError
		);
		expect(roomRow().version).toBe(1);
	});

	it('a deleted record is a conflict with no current row', () => {
		db.delete(rooms).where(eq(rooms.id, roomId)).run();
		try {
			versionedUpdate(db, rooms, 'room', roomId, 1, { occupants: 1 });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConflictError);
			expect((e as ConflictError).current).toBeNull();
			expect((e as ConflictError).currentVersion).toBeNull();
		}
	});

	it('unchecked (null) still bumps the version', () => {
		const r = versionedUpdate(db, rooms, 'room', roomId, null, { occupants: 4 });
		expect(r.version).toBe(2);
	});

	it('two saves from the same loaded version inside one transaction: the second is refused and the transaction rolls back', () => {
		const before = roomRow();
		const audits = db
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.get()!.n;
		expect(() =>
			db.transaction((tx) => {
				versionedUpdate(tx, rooms, 'room', roomId, 1, { name: 'Lần 1' });
				writeAudit(tx, {
					actor: { userId: null, username: 't' },
					wardId: null,
					entity: 'room',
					entityId: roomId,
					action: 'update'
				});
				versionedUpdate(tx, rooms, 'room', roomId, 1, { name: 'Lần 2' });
			})
		).toThrow(ConflictError);
		expect(roomRow()).toEqual(before);
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(auditLog)
				.get()!.n
		).toBe(audits);
	});

	it('inside one transaction, chaining the returned version works', () => {
		db.transaction((tx) => {
			const a = versionedUpdate(tx, rooms, 'room', roomId, 1, { name: 'Lần 1' });
			versionedUpdate(tx, rooms, 'room', roomId, a.version, { name: 'Lần 2' });
		});
		expect(roomRow()).toMatchObject({ name: 'Lần 2', version: 3 });
	});
});

describe('the trigger bumps the version of updates that do not set it', () => {
	it('a plain UPDATE of rooms, buildings and facilities adds 1 each time', () => {
		db.update(rooms).set({ occupants: 3 }).where(eq(rooms.id, roomId)).run();
		db.update(rooms).set({ occupants: 4 }).where(eq(rooms.id, roomId)).run();
		expect(roomRow().version).toBe(3);
		const b = db.select().from(buildings).limit(1).get()!;
		db.update(buildings).set({ notes: 'x' }).where(eq(buildings.id, b.id)).run();
		expect(db.select().from(buildings).where(eq(buildings.id, b.id)).get()!.version).toBe(2);
		const f = db.select().from(facilities).limit(1).get()!;
		db.update(facilities).set({ notes: 'y' }).where(eq(facilities.id, f.id)).run();
		expect(db.select().from(facilities).where(eq(facilities.id, f.id)).get()!.version).toBe(2);
	});

	it('so a form loaded before such an update is stale', () => {
		db.update(rooms).set({ occupants: 3 }).where(eq(rooms.id, roomId)).run();
		expect(() => checkVersion('room', roomRow(), 1)).toThrow(ConflictError);
		expect(() => checkVersion('room', roomRow(), 2)).not.toThrow();
		expect(() => checkVersion('room', roomRow(), null)).not.toThrow();
	});

	it('every editable table has a version column and a bump trigger', () => {
		const tables = [
			'facilities',
			'buildings',
			'rooms',
			'condition_surveys',
			'org_units',
			'positions',
			'sites',
			'criteria',
			'scenarios',
			'proposals'
		];
		for (const t of tables) {
			const cols = db.$client.prepare(`PRAGMA table_info(${t})`).all() as {
				name: string;
				dflt_value: string;
				notnull: number;
			}[];
			expect(
				cols.find((c) => c.name === 'version'),
				t
			).toMatchObject({
				dflt_value: '1',
				notnull: 1
			});
			const trig = db.$client
				.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`)
				.all(t);
			expect(trig, t).toEqual([{ name: `${t}_version_bump` }]);
		}
	});
});

describe('form and request versions', () => {
	it('reads the hidden field: absent, blank or tampered never matches (stale, not unchecked)', () => {
		const fd = (v?: string) => {
			const d = new FormData();
			if (v !== undefined) d.set('version', v);
			return d;
		};
		expect(formVersion(fd())).toBe(0);
		expect(formVersion(fd(''))).toBe(0);
		expect(formVersion(fd('  '))).toBe(0);
		expect(formVersion({})).toBe(0);
		expect(formVersion(fd('3'))).toBe(3);
		expect(formVersion(fd(' 12 '))).toBe(12);
		expect(formVersion(fd('abc'))).toBe(0);
		expect(formVersion(fd('-1'))).toBe(0);
		expect(formVersion(fd('1.5'))).toBe(0);
		expect(formVersion(fd('0'))).toBe(0);
		expect(formVersion(fd('9'.repeat(20)))).toBe(0);
	});

	it('reads a JSON body version or If-Match', () => {
		const req = (h?: string) =>
			new Request('http://x/', { method: 'PUT', headers: h ? { 'if-match': h } : {} });
		expect(requestVersion(req())).toBeNull();
		expect(requestVersion(req('"4"'))).toBe(4);
		expect(requestVersion(req('W/"5"'))).toBe(5);
		expect(requestVersion(req('6'))).toBe(6);
		expect(requestVersion(req('"x"'))).toBe(0);
		expect(requestVersion(req('"4"'), { version: 7 })).toBe(7);
		expect(requestVersion(req(), { version: 'z' })).toBe(0);
	});

	it('compares form values as the user typed them (decimal comma = point)', () => {
		expect(sameFormValue('45,5', '45.5')).toBe(true);
		expect(sameFormValue(' 12 ', '12')).toBe(true);
		expect(sameFormValue('1.234,5', '1234.5')).toBe(true);
		expect(sameFormValue('12', '13')).toBe(false);
		expect(sameFormValue('', '0')).toBe(false);
		expect(sameFormValue('P.101', 'P.102')).toBe(false);
	});

	it('stored values as form text', () => {
		expect(rowFormValues({ a: null, b: true, c: false, d: 4.5, e: 'x', f: ['k1', 'k2'] })).toEqual({
			a: '',
			b: 'on',
			c: '',
			d: '4.5',
			e: 'x',
			f: 'k1, k2'
		});
	});
});

describe('the 409 answer', () => {
	function staleRoom(): ConflictError {
		db.transaction((tx) => {
			versionedUpdate(tx, rooms, 'room', roomId, 1, { name: 'Phòng họp mới' });
			writeAudit(tx, {
				actor: { userId: null, username: 'nguoi.a' },
				wardId: db.select().from(wards).limit(1).get()!.id,
				entity: 'room',
				entityId: roomId,
				action: 'update',
				at: Date.UTC(2026, 11, 5, 8, 30)
			});
		});
		try {
			versionedUpdate(db, rooms, 'room', roomId, 1, { occupants: 9 });
		} catch (e) {
			return e as ConflictError;
		}
		throw new Error('no conflict');
	}

	it('lists the fields that differ, with the user’s and the stored value, and who saved', () => {
		const old = roomRow();
		const e = staleRoom();
		const mine = {
			version: '1',
			code: old.code,
			name: old.name,
			level: String(old.level),
			type: old.type,
			areaM2: String(old.areaM2).replace('.', ','),
			orgUnitId: old.orgUnitId === null ? '' : String(old.orgUnitId),
			occupants: String(old.occupants + 3),
			notes: old.notes ?? ''
		};
		const info = conflictInfo(db, 'vi', e, mine);
		expect(info.version).toBe(2);
		expect(info.deleted).toBe(false);
		// The name (changed by A) and the occupants (changed by B); the area typed with a comma
		// equals the stored one and the version is not a field.
		expect(info.fields).toEqual([
			{ name: 'name', mine: old.name, theirs: 'Phòng họp mới' },
			{ name: 'occupants', mine: String(old.occupants + 3), theirs: String(old.occupants) }
		]);
		expect(info.theirs.name).toBe('Phòng họp mới');
		expect(info.savedBy).toBe('Bản đã lưu bởi nguoi.a lúc 15:30 05/12/2026.');
		expect(conflictInfo(db, 'en', e, mine).savedBy).toMatch(/^Saved by nguoi\.a at /);
	});

	it('sends back only the stored values of the fields the form has, not every column', () => {
		const e = staleRoom();
		const info = conflictInfo(db, 'vi', e, { version: '1', name: 'Tên của B' });
		expect(info.theirs).toEqual({ version: '2', name: 'Phòng họp mới' });
		// The row's other columns (a scenario's are megabytes of stored instance) stay here.
		expect(Object.keys(rowFormValues(e.current!)).length).toBeGreaterThan(5);
	});

	it('posted fields named like Object.prototype members are not compared (no crash)', () => {
		const e = staleRoom();
		const info = conflictInfo(db, 'vi', e, {
			version: '1',
			constructor: '-36',
			__proto__: 'x',
			toString: 'y',
			hasOwnProperty: 'z',
			occupants: '12'
		});
		expect(info.fields.map((f) => f.name)).toEqual(['occupants']);
		const exact = conflictInfo(db, 'vi', e, { constructor: '1', name: 'a' }, { name: 'b' });
		expect(exact.fields).toEqual([{ name: 'name', mine: 'a', theirs: 'b' }]);
	});

	it('a 409 failure keeps every typed value and carries the stored version', () => {
		const e = staleRoom();
		const f = conflictFailure(db, 'vi', e, { version: '1', name: 'Tên của B', occupants: '12' });
		expect(f.status).toBe(409);
		expect(f.data.values).toEqual({ version: '2', name: 'Tên của B', occupants: '12' });
		expect(f.data.message).toContain('người khác');
		expect(f.data.conflict.fields.map((x) => x.name)).toEqual(['name', 'occupants']);
	});

	it('a form without a version is refused (409, named in Vietnamese), never saved unchecked', () => {
		const room = roomRow();
		const form = new FormData();
		form.set('name', 'Tên không kiểm tra');
		form.set('occupants', '3');
		let caught: unknown;
		try {
			updateRoom(
				db,
				{ userId: null, username: 'nguoi.b' },
				wardOfRoom(db, roomId),
				roomId,
				{ ...roomInput(room), name: 'Tên không kiểm tra', occupants: 3 },
				formVersion(form)
			);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(ConflictError);
		// Nothing written: same name, same version, no audit row for the room.
		expect(roomRow()).toMatchObject({ name: room.name, occupants: room.occupants, version: 1 });
		const audits = db
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.where(eq(auditLog.entityId, String(roomId)))
			.get()!.n;
		expect(audits).toBe(0);
		const f = conflictFailure(db, 'vi', caught as ConflictError, {
			name: 'Tên không kiểm tra',
			occupants: '3'
		});
		expect(f.status).toBe(409);
		expect(f.data.message).toBe(translate('vi', 'conflict.noVersion'));
		expect(f.data.message).toContain('phiên bản');
		// Both values shown; the stored version put into the form, so "keep mine" saves.
		expect(f.data.conflict.fields).toEqual([
			{ name: 'name', mine: 'Tên không kiểm tra', theirs: room.name },
			{ name: 'occupants', mine: '3', theirs: String(room.occupants) }
		]);
		expect(f.data.values.version).toBe('1');
		const saved = updateRoom(
			db,
			{ userId: null, username: 'nguoi.b' },
			wardOfRoom(db, roomId),
			roomId,
			{ ...roomInput(room), name: 'Tên không kiểm tra', occupants: 3 },
			formVersion(f.data.values)
		);
		expect(saved).toMatchObject({ name: 'Tên không kiểm tra', occupants: 3, version: 2 });
	});

	it('the JSON answer is 409 with the stored record and its version', async () => {
		const e = staleRoom();
		const r = conflictJson('vi', e, { id: roomId, version: 2 });
		expect(r.status).toBe(409);
		expect(r.headers.get('etag')).toBe('"2"');
		const body = await r.json();
		expect(body.error).toMatchObject({ code: 'conflict', version: 2, current: { version: 2 } });
		expect(body.error.message).toContain('phiên bản 2');
	});
});
