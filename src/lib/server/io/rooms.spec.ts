import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { ROOM_COLUMNS, importRoomFile, importRooms, validateRoomRows } from './index';
import { ACTOR, countRows, csv, xlsxBook } from '../../../../tests/helpers/io';
import { roomsWard, storedRoom, validateLines } from '../../../../tests/helpers/rooms';

const HEADER = ROOM_COLUMNS.join(',');

let db: Db;
let wardId: number;

beforeEach(() => {
	({ db, wardId } = roomsWard());
});

/** Imports CSV rows (after the header) as rooms.csv into the ward. */
const importCsv = (rows: string[]) =>
	importRoomFile(db, ACTOR, wardId, csv([HEADER, ...rows]), 'rooms.csv');
/** How many rooms and audit rows the database holds. */
const tally = () => ({ rooms: countRows(db, 'rooms'), audit: countRows(db, 'audit_log') });
const validate = (lines: string[], filename?: string) => validateLines(db, wardId, lines, filename);
const room = (buildingCode: string, code: string, facilityCode?: string) =>
	storedRoom(db, wardId, buildingCode, code, facilityCode);

describe('validateRoomRows + importRooms', () => {
	it('imports valid rows: creates new rooms, updates existing ones, audits each', async () => {
		const before = tally();
		const outcome = await importCsv([
			'TS-01,A,N-1,Phòng mới 1,1,office,20.5,TTPVHCC,3,ghi chú',
			'TS-01,B,N-2,Phòng mới 2,2,meeting,40,,,',
			'TS-01,A,1.01,Bộ phận một cửa (sửa),1,one-stop,100,TTPVHCC,9,'
		]);
		expect(outcome).toEqual({ ok: true, created: 2, updated: 1 });
		expect(tally()).toEqual({ rooms: before.rooms + 2, audit: before.audit + 4 });
		expect(room('A', 'N-1')).toMatchObject({
			name: 'Phòng mới 1',
			level: 1,
			type: 'office',
			area_m2: 20.5,
			unit_code: 'TTPVHCC',
			occupants: 3,
			notes: 'ghi chú'
		});
		expect(room('B', 'N-2')).toMatchObject({ occupants: 0, notes: null, org_unit_id: null });
		expect(room('A', '1.01')).toMatchObject({ name: 'Bộ phận một cửa (sửa)', area_m2: 100 });

		const audits = db.$client
			.prepare(
				`select entity, action, entity_id, before_json, after_json from audit_log order by id`
			)
			.all() as Record<string, string | null>[];
		expect(audits.map((a) => `${a.entity}:${a.action}`)).toEqual([
			'room:create',
			'room:create',
			'room:update',
			'import:import'
		]);
		const update = audits[2];
		expect(JSON.parse(update.before_json!)).toMatchObject({ code: '1.01', areaM2: 96 });
		expect(JSON.parse(update.after_json!)).toMatchObject({
			code: '1.01',
			areaM2: 100,
			occupants: 9
		});
		expect(JSON.parse(audits[0].after_json!)).toMatchObject({
			id: Number(audits[0].entity_id),
			code: 'N-1'
		});
		expect(JSON.parse(audits[3].after_json!)).toEqual({
			table: 'rooms',
			rows: 3,
			created: 2,
			updated: 1
		});
	});

	it('lists the one bad row by row and column and writes nothing', async () => {
		const before = tally();
		const outcome = await importCsv([
			'TS-01,A,N-1,Phòng 1,1,office,20,,0,',
			'TS-01,A,N-2,Phòng 2,1,office,abc,,0,',
			'TS-01,A,N-3,Phòng 3,1,office,20,,0,'
		]);
		expect(outcome).toEqual({
			ok: false,
			errors: [{ row: 3, column: 'area_m2', key: 'err.notANumber', params: { input: 'abc' } }]
		});
		expect(tally()).toEqual(before);
		expect(room('A', 'N-1')).toBeUndefined();
	});

	it('reports wrong types, ranges and choices per cell', async () => {
		const v = await validate([
			HEADER,
			'TS-01,A,N-1,Phòng,2.5,office,abc,,x,',
			'TS-01,A,N-2,Phòng,99,kitchen,0,,-1,',
			'TS-01,A,N-3,,,office,,,1.5,',
			'TS-01,A,N 4,Phòng,-6,office,200000,,0,'
		]);
		expect(v.rows).toEqual([]);
		expect(v.errors).toEqual([
			{ row: 2, column: 'level', key: 'err.integerRead', params: { input: '2.5', read: '2,5' } },
			{ row: 2, column: 'area_m2', key: 'err.notANumber', params: { input: 'abc' } },
			{ row: 2, column: 'occupants', key: 'err.notANumber', params: { input: 'x' } },
			{ row: 3, column: 'level', key: 'err.max', params: { max: 60 } },
			{
				row: 3,
				column: 'room_type',
				key: 'err.choiceOf',
				params: {
					input: 'kitchen',
					allowed:
						'office, meeting, reception, one-stop, hall, archive, it, store, toilet, corridor, other'
				}
			},
			{ row: 3, column: 'area_m2', key: 'err.min', params: { min: 0.5 } },
			{ row: 3, column: 'occupants', key: 'err.min', params: { min: 0 } },
			{ row: 4, column: 'room_name', key: 'err.required' },
			{ row: 4, column: 'level', key: 'err.required' },
			{ row: 4, column: 'area_m2', key: 'err.required' },
			{
				row: 4,
				column: 'occupants',
				key: 'err.integerRead',
				params: { input: '1.5', read: '1,5' }
			},
			{ row: 5, column: 'room_code', key: 'err.code' },
			{ row: 5, column: 'level', key: 'err.min', params: { min: -5 } },
			{ row: 5, column: 'area_m2', key: 'err.max', params: { max: 100000 } }
		]);
	});

	it('reports text too long', async () => {
		const v = await validate([
			HEADER,
			`TS-01,A,${'X'.repeat(41)},${'n'.repeat(201)},1,office,10,,0,${'z'.repeat(2001)}`
		]);
		expect(v.errors).toEqual([
			{ row: 2, column: 'room_code', key: 'err.tooLong', params: { max: 40 } },
			{ row: 2, column: 'room_name', key: 'err.tooLong', params: { max: 200 } },
			{ row: 2, column: 'notes', key: 'err.tooLong', params: { max: 2000 } }
		]);
	});

	it('reports unknown facility, building and unit codes of the ward', async () => {
		const v = await validate([
			HEADER,
			'CS-TT-UB,A,N-1,Phòng,1,office,10,,0,', // a facility of another ward
			'TS-01,C,N-2,Phòng,1,office,10,,0,',
			'TS-01,A,N-3,Phòng,1,office,10,KT,0,', // a unit of another ward
			'NVH-01,B,N-4,Phòng,1,office,10,,0,'
		]);
		expect(v.rows).toEqual([]);
		expect(v.errors).toEqual([
			{ row: 2, column: 'facility_code', key: 'io.unknownFacility', params: { value: 'CS-TT-UB' } },
			{ row: 3, column: 'building_code', key: 'io.unknownBuilding', params: { value: 'C' } },
			{ row: 4, column: 'unit_code', key: 'io.unknownUnit', params: { value: 'KT' } },
			{ row: 5, column: 'building_code', key: 'io.unknownBuilding', params: { value: 'B' } }
		]);
	});

	it('reports a room that appears twice in the file, naming the first row', async () => {
		const v = await validate([
			HEADER,
			'TS-01,A,N-1,Phòng,1,office,10,,0,',
			'TS-01,B,N-1,Phòng,1,office,10,,0,',
			'TS-01,A,N-2,Phòng,1,office,10,,0,',
			'TS-01,A,N-1,Phòng khác,2,office,12,,0,'
		]);
		expect(v.errors).toEqual([
			{ row: 5, column: 'room_code', key: 'io.duplicateRow', params: { other: 2 } }
		]);
		expect(v.rows.map((r) => r.row)).toEqual([2, 3, 4]);
	});

	it('reports missing columns once, and an empty table', () => {
		const v = validateRoomRows(db, wardId, {
			headers: ['facility_code', 'building_code', 'room_code', 'room_name', 'room_type'],
			rows: [
				{
					facility_code: 'TS-01',
					building_code: 'A',
					room_code: 'N',
					room_name: 'x',
					room_type: 'office'
				}
			]
		});
		expect(v.rows).toEqual([]);
		expect(v.errors).toEqual([
			{
				row: 1,
				column: 'level',
				key: 'io.missingColumns',
				params: { columns: 'Tầng (level), Diện tích (m²) (area_m2)' }
			}
		]);
		expect(validateRoomRows(db, wardId, []).errors).toEqual([
			{ row: 1, column: '', key: 'io.empty' }
		]);
	});

	it('matches headers case-insensitively and keeps absent optional columns', async () => {
		const before = room('A', '1.01')!;
		expect(before.unit_code).toBe('TTPVHCC');
		const v = await validate([
			'Facility_Code,BUILDING_CODE,room_code,room_name,level,room_type,area_m2,extra',
			'TS-01,A,1.01,Một cửa,1,one-stop,97,ignored'
		]);
		expect(v.errors).toEqual([]);
		expect(v.rows[0]).toMatchObject({
			orgUnitId: undefined,
			occupants: undefined,
			notes: undefined
		});
		expect(importRooms(db, ACTOR, wardId, v.rows)).toEqual({ created: 0, updated: 1 });
		expect(room('A', '1.01')).toMatchObject({
			name: 'Một cửa',
			area_m2: 97,
			unit_code: 'TTPVHCC',
			occupants: before.occupants,
			notes: before.notes
		});
	});

	it('accepts a semicolon-separated file with decimal commas (Vietnamese Excel)', async () => {
		const lines = [
			ROOM_COLUMNS.join(';'),
			'TS-01;A;N-1;Phòng họp, nhỏ;1;meeting;12,5;;0;',
			'TS-01;A;N-2;Phòng 2;-1;store;"1.234,75";;;'
		];
		const outcome = await importRoomFile(db, ACTOR, wardId, csv(lines, { bom: true }), 'r.csv');
		expect(outcome).toEqual({ ok: true, created: 2, updated: 0 });
		expect(room('A', 'N-1')).toMatchObject({ name: 'Phòng họp, nhỏ', area_m2: 12.5 });
		expect(room('A', 'N-2')).toMatchObject({ level: -1, area_m2: 1234.75 });
	});

	it('rejects formula cells in text columns, judges numeric columns as numbers', async () => {
		const v = await validate([
			HEADER,
			'TS-01,A,N-1,=HYPERLINK("http://x"),1,office,10,,0,',
			'TS-01,A,N-2,+Phòng,1,office,10,,0,@SUM(A1)',
			'TS-01,A,N-3,Phòng,-1,office,=1+1,,0,',
			"TS-01,A,N-4,'=1+2,-2,office,'12,,0,'-ghi chú",
			'TS-01,A,N-5,Phòng,1,office,10,,0,-ghi chú'
		]);
		expect(v.errors).toEqual([
			{ row: 2, column: 'room_name', key: 'io.formula' },
			{ row: 3, column: 'room_name', key: 'io.formula' },
			{ row: 3, column: 'notes', key: 'io.formula' },
			{ row: 4, column: 'area_m2', key: 'io.formula' },
			{ row: 6, column: 'notes', key: 'io.formula' }
		]);
		// The escaped row: exactly one apostrophe is stripped, the rest is literal text.
		expect(v.rows.find((r) => r.code === 'N-4')).toMatchObject({
			name: '=1+2',
			level: -2,
			areaM2: 12,
			notes: '-ghi chú'
		});
	});

	it('imports an XLSX file built with exceljs (numbers as numbers, text codes)', async () => {
		// prettier-ignore
		const data = await xlsxBook([
			[...ROOM_COLUMNS],
			['TS-01', 'A', 'X-1', 'Phòng XLSX', 3, 'office', 18.25, 'P-VHXH', 2, null],
			['TS-01', 'B', 'X-2', { richText: [{ text: 'Phòng ' }, { text: 'giàu' }] }, 1, 'it', { formula: '4*3', result: 12 }, null, null, 'ghi chú']
		], 'Phòng');
		const outcome = await importRoomFile(db, ACTOR, wardId, data, 'phong.xlsx');
		expect(outcome).toEqual({ ok: true, created: 2, updated: 0 });
		expect(room('A', 'X-1')).toMatchObject({
			level: 3,
			area_m2: 18.25,
			unit_code: 'P-VHXH',
			occupants: 2
		});
		expect(room('B', 'X-2')).toMatchObject({ name: 'Phòng giàu', area_m2: 12, notes: 'ghi chú' });
	});
});
