import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/connection';
import { seedSynthetic } from '../db/seed/synthetic';
import { createTestDb } from '../db/test-db';
import { ROOM_COLUMNS, exportRooms, importRooms, parseTable, validateRoomRows } from './index';
import { ACTOR, countRows, csv, roomSnapshot, wardIdOf } from '../../../../tests/helpers/io';
import { importTemplate } from './template';
import { roomsWard, validateLines } from '../../../../tests/helpers/rooms';

const HEADER = ROOM_COLUMNS.join(',');

let db: Db;
let wardId: number;

beforeEach(() => {
	({ db, wardId } = roomsWard());
});

const validate = (lines: string[], filename?: string) => validateLines(db, wardId, lines, filename);

describe('export and round trip', () => {
	function addTrickyRoom() {
		const b = db.$client
			.prepare(
				`select b.id from buildings b join facilities f on f.id = b.facility_id
				 where f.ward_id = ? and f.code = 'TS-01' and b.code = 'B'`
			)
			.get(wardId) as { id: number };
		const ins = db.$client.prepare(
			`insert into rooms (building_id, code, name, level, type, area_m2, org_unit_id, occupants, notes)
			 values (?, ?, ?, ?, ?, ?, null, ?, ?)`
		);
		ins.run(b.id, 'Z-1', '=cmd|"/c calc"!A1', -2, 'archive', 12.35, 0, 'dòng 1\ndòng 2, "trích"');
		ins.run(b.id, 'Z-2', "'trích dẫn", -1, 'other', 0.5, 7, '@ghi chú');
		ins.run(b.id, 'Z-3', '-Phòng', 60, 'hall', 100000, 10000, '+  x');
	}

	it('writes CSV with BOM, the header row and ordered rows', async () => {
		addTrickyRoom();
		const bytes = await exportRooms(db, wardId, 'csv');
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.startsWith('\ufeff')).toBe(true);
		const lines = text.slice(1).split('\r\n');
		expect(lines[0]).toBe(HEADER);
		expect(lines[1].startsWith('CS-AP-UB,A,1.01,')).toBe(true);
		expect(text).toContain('TS-01,B,Z-1,"\'=cmd|""/c calc""!A1",-2,archive,12.35,,0,');
		expect(text).toContain(`TS-01,B,Z-2,''trích dẫn,-1,other,0.5,,7,'@ghi chú`);
		const order = (await parseTable(bytes, 'r.csv')).rows.map((r) => [
			r.facility_code,
			r.building_code,
			Number(r.level),
			r.room_code
		]);
		const sorted = [...order].sort((a, b) => {
			for (let i = 0; i < 4; i++) {
				if (a[i] < b[i]) return -1;
				if (a[i] > b[i]) return 1;
			}
			return 0;
		});
		expect(order).toEqual(sorted);
		expect(order.length).toBe(
			(
				db.$client
					.prepare(
						'select count(*) as n from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?'
					)
					.get(wardId) as { n: number }
			).n
		);
	});

	it('writes XLSX with one bold-headed sheet "rooms" and numeric cells', async () => {
		const bytes = await exportRooms(db, wardId, 'xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['rooms']);
		const ws = wb.worksheets[0];
		expect(ws.getRow(1).values).toEqual([undefined, ...ROOM_COLUMNS]);
		expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(typeof ws.getRow(2).getCell(5).value).toBe('number');
		expect(typeof ws.getRow(2).getCell(7).value).toBe('number');
		expect(typeof ws.getRow(2).getCell(3).value).toBe('string');
	});

	for (const format of ['csv', 'xlsx'] as const) {
		it(`round trip ${format}: export → import gives 0 created, N updated, identical rows`, async () => {
			addTrickyRoom();
			const before = roomSnapshot(db, wardId);
			const other = roomSnapshot(db, wardIdOf(db, 'an-khanh'));
			const csvBefore = await exportRooms(db, wardId, 'csv');
			const bytes = await exportRooms(db, wardId, format);
			const table = await parseTable(bytes, `rooms.${format}`);
			const checked = validateRoomRows(db, wardId, table);
			expect(checked.errors).toEqual([]);
			expect(importRooms(db, ACTOR, wardId, checked.rows)).toEqual({
				created: 0,
				updated: before.length
			});
			expect(roomSnapshot(db, wardId)).toEqual(before);
			expect(roomSnapshot(db, wardIdOf(db, 'an-khanh'))).toEqual(other);
			expect(await exportRooms(db, wardId, 'csv')).toEqual(csvBefore);
		});
	}
});

describe('large import', () => {
	it('imports 10,000 new rooms into a synthetic ward', async () => {
		const synth = createTestDb();
		const id = seedSynthetic(synth, { rooms: 2000, code: 'synthetic-io' });
		const targets = synth.$client
			.prepare(
				`select f.code as f, b.code as b from buildings b join facilities f on f.id = b.facility_id
				 where f.ward_id = ? order by f.code, b.code`
			)
			.all(id) as { f: string; b: string }[];
		expect(targets.length).toBe(40);
		const lines = [HEADER];
		for (let i = 0; i < 10_000; i++) {
			const t = targets[i % targets.length];
			const level = 1 + (i % 5);
			lines.push(
				`${t.f},${t.b},N${level}.${String(i).padStart(5, '0')},Phòng nhập ${i},${level},office,${(10 + (i % 50) / 4).toFixed(2)},,${i % 4},`
			);
		}
		const roomsBefore = countRows(synth, 'rooms');
		const auditBefore = countRows(synth, 'audit_log');
		const table = await parseTable(csv(lines, { bom: true }), 'big.csv');
		const checked = validateRoomRows(synth, id, table);
		expect(checked.errors).toEqual([]);
		expect(importRooms(synth, ACTOR, id, checked.rows)).toEqual({ created: 10_000, updated: 0 });
		expect(countRows(synth, 'rooms')).toBe(roomsBefore + 10_000);
		expect(countRows(synth, 'audit_log')).toBe(auditBefore + 10_001);
	});
});

describe('transaction', () => {
	async function validRows() {
		const checked = await validate([
			HEADER,
			'TS-01,A,N-1,Phòng 1,1,office,20,,0,',
			'TS-01,A,1.01,Sửa tên,1,one-stop,96,TTPVHCC,8,',
			'TS-01,A,N-3,Phòng 3,1,office,20,,0,',
			'TS-01,B,N-4,Phòng 4,1,office,20,,0,'
		]);
		expect(checked.errors).toEqual([]);
		return checked.rows;
	}

	it('writes nothing when a row violates a database constraint mid-import', async () => {
		const rows = await validRows();
		const roomsBefore = roomSnapshot(db, wardId);
		const auditBefore = countRows(db, 'audit_log');
		rows[2] = { ...rows[2], name: null as unknown as string }; // NOT NULL, after 2 writes
		expect(() => importRooms(db, ACTOR, wardId, rows)).toThrow(/NOT NULL/);
		expect(roomSnapshot(db, wardId)).toEqual(roomsBefore);
		expect(countRows(db, 'audit_log')).toBe(auditBefore);
		expect(auditBefore).toBe(0);
	});

	it('writes nothing when an audit insert fails', async () => {
		const rows = await validRows();
		const roomsBefore = roomSnapshot(db, wardId);
		const sqlite = db.$client;
		const prepare = sqlite.prepare.bind(sqlite);
		const spy = vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
			const stmt = prepare(source);
			if (!source.startsWith('insert into audit_log')) return stmt;
			let calls = 0;
			const run = stmt.run.bind(stmt);
			return Object.assign(Object.create(stmt), {
				run: (...args: unknown[]) => {
					if (++calls === 3) throw new Error('disk full');
					return run(...args);
				}
			});
		}) as typeof sqlite.prepare);
		try {
			expect(() => importRooms(db, ACTOR, wardId, rows)).toThrow('disk full');
		} finally {
			spy.mockRestore();
		}
		expect(roomSnapshot(db, wardId)).toEqual(roomsBefore);
		expect(countRows(db, 'audit_log')).toBe(0);
		// The same rows import once the failure is gone.
		expect(importRooms(db, ACTOR, wardId, rows)).toEqual({ created: 3, updated: 1 });
	});

	it('refuses rows validated for another ward', async () => {
		const rows = await validRows();
		const other = wardIdOf(db, 'an-khanh');
		const before = countRows(db, 'rooms');
		expect(() => importRooms(db, ACTOR, other, rows)).toThrow(/not in ward/);
		expect(countRows(db, 'rooms')).toBe(before);
		expect(countRows(db, 'audit_log')).toBe(0);
	});
});

describe('import template', () => {
	it('has Vietnamese column names that import like the English keys', async () => {
		const template = new TextDecoder().decode(await importTemplate('rooms', 'csv', 'vi'));
		const header = template.replace('\ufeff', '').trim();
		expect(header).toBe(
			'Mã cơ sở,Mã nhà,Mã phòng,Tên phòng,Tầng,Loại phòng,Diện tích (m²),Mã đơn vị,Số người,Ghi chú'
		);
		const v = await validate([header, 'TS-01,A,N-1,Phòng mới,1,office,"1.000",,0,']);
		expect(v.errors).toEqual([]);
		// "1.000" is one thousand, as a Vietnamese user writes it.
		expect(v.rows[0]).toMatchObject({ code: 'N-1', level: 1, areaM2: 1000 });
	});

	it('lists the allowed values of the enumerated columns in its guide sheet', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(
			Buffer.from(await importTemplate('rooms', 'xlsx', 'vi')) as unknown as ExcelJS.Buffer
		);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Phòng', 'Hướng dẫn']);
		const guide = wb.worksheets[1];
		const typeRow = guide.getRow(7).values as unknown[];
		expect(typeRow[1]).toBe('Loại phòng');
		expect(typeRow[2]).toBe('room_type');
		expect(String(typeRow[4])).toContain('office (Phòng làm việc)');
	});

	it('names a missing column by its Vietnamese name and key', async () => {
		const v = await validate(['Mã cơ sở,Mã nhà,Tên phòng', 'TS-01,A,Phòng']);
		expect(v.errors[0]).toMatchObject({ key: 'io.missingColumns' });
		expect(String(v.errors[0].params?.columns)).toContain('Mã phòng (room_code)');
	});

	it('refuses a room on level 9 of a 3-storey building, and rooms above the floor area', async () => {
		db.$client.exec(
			`update buildings set levels_above_ground = 3, gross_floor_area_m2 = 1000
			 where code = 'A' and facility_id = (select id from facilities where code = 'TS-01' and ward_id = ${wardId})`
		);
		const stored = (
			db.$client
				.prepare(
					`select coalesce(sum(r.area_m2), 0) as a from rooms r join buildings b on b.id = r.building_id
					 join facilities f on f.id = b.facility_id where f.ward_id = ? and f.code = 'TS-01' and b.code = 'A'`
				)
				.get(wardId) as { a: number }
		).a;
		const v = await validate([
			HEADER,
			'TS-01,A,N-9,Phòng tầng 9,9,office,20,,0,',
			'TS-01,A,N-2,Phòng lớn,2,office,1200,,0,',
			`TS-01,A,N-3,Phòng thêm,2,office,${1000 - stored + 1},,0,`
		]);
		expect(v.errors).toEqual([
			{ row: 2, column: 'level', key: 'err.roomLevel', params: { level: '9', levels: '3' } },
			{
				row: 3,
				column: 'area_m2',
				key: 'err.roomAreaAboveBuilding',
				params: { area: 1200, gross: 1000 }
			},
			{
				row: 4,
				column: 'area_m2',
				key: 'err.roomAreaSum',
				// 646 m² stored + 355 m² = 1,001 m² > 1,000 m² (the 1,200 m² row is refused alone)
				params: { sum: 1001, others: stored, area: 1000 - stored + 1, gross: 1000 }
			}
		]);
	});
});
