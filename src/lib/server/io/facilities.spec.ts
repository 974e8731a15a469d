import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { seedSample } from '../db/seed/index';
import { createTestDb } from '../db/test-db';
import {
	FACILITY_COLUMNS,
	exportFacilities,
	importFacilities,
	importFacilityFile,
	parseTable,
	validateFacilityRows
} from './index';
import {
	ACTOR,
	countRows,
	csv,
	facilitySnapshot,
	wardIdOf,
	xlsxBook
} from '../../../../tests/helpers/io';

const HEADER = FACILITY_COLUMNS.join(',');

let db: Db;
let wardId: number;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	// Start each test with an empty audit trail (the sample seed records its own proposal steps).
	db.$client.exec('delete from audit_log');
	wardId = wardIdOf(db, 'binh-trung');
});

/** Imports CSV rows (after the header) as f.csv into the ward. */
const importCsv = (rows: string[]) =>
	importFacilityFile(db, ACTOR, wardId, csv([HEADER, ...rows]), 'f.csv');

function facility(code: string, ward = wardId) {
	return db.$client
		.prepare('select * from facilities where ward_id = ? and code = ?')
		.get(ward, code) as Record<string, unknown> | undefined;
}

describe('facility import', () => {
	it('creates and updates by (ward, code) with an audit row each and a summary', async () => {
		const facilitiesBefore = countRows(db, 'facilities');
		const otherTs01 = facility('TS-01', wardIdOf(db, 'an-khanh'));
		const outcome = await importCsv([
			'NEW-1,Cơ sở mới,annex,Bình Trưng Tây,"12 đường A, phường Bình Trưng",10.78,106.75,850,,1999,',
			'TS-01,Trụ sở (đổi tên),headquarters,,,10.787,106.757,1500.5,leased,2004,ghi chú'
		]);
		expect(outcome).toEqual({ ok: true, created: 1, updated: 1 });
		expect(countRows(db, 'facilities')).toBe(facilitiesBefore + 1);
		expect(facility('NEW-1')).toMatchObject({
			name: 'Cơ sở mới',
			kind: 'annex',
			address: '12 đường A, phường Bình Trưng',
			land_area_m2: 850,
			legal_status: 'unknown',
			year_built: 1999,
			notes: null
		});
		expect(facility('TS-01')).toMatchObject({
			name: 'Trụ sở (đổi tên)',
			origin_ward: null,
			land_area_m2: 1500.5,
			legal_status: 'leased',
			notes: 'ghi chú'
		});
		// The other ward's facility with the same code is untouched.
		expect(facility('TS-01', wardIdOf(db, 'an-khanh'))).toEqual(otherTs01);
		const audits = db.$client
			.prepare('select entity, action, ward_id from audit_log order by id')
			.all() as { entity: string; action: string; ward_id: number }[];
		expect(audits.map((a) => `${a.entity}:${a.action}`)).toEqual([
			'facility:create',
			'facility:update',
			'import:import'
		]);
		expect(audits.every((a) => a.ward_id === wardId)).toBe(true);
	});

	it('reports bad cells by row and column and writes nothing', async () => {
		const before = { facilities: facilitySnapshot(db, wardId), audit: countRows(db, 'audit_log') };
		const outcome = await importCsv([
			'NEW-1,Cơ sở,annex,,,10.78,106.75,,,,',
			'NEW-2,Cơ sở,palace,,,95,abc,-1,owned,1700,',
			'NEW-1,Cơ sở,annex,,=1+1,10.78,106.75,,,2025.5,',
			',,,,,,,,,,x'
		]);
		expect(outcome).toEqual({
			ok: false,
			errors: [
				{
					row: 3,
					column: 'kind',
					key: 'err.choiceOf',
					params: {
						input: 'palace',
						allowed: 'headquarters, party-office, committee-office, cultural-house, annex, other'
					}
				},
				{ row: 3, column: 'lat', key: 'err.max', params: { max: 90 } },
				{ row: 3, column: 'lng', key: 'err.notANumber', params: { input: 'abc' } },
				{ row: 3, column: 'land_area_m2', key: 'err.min', params: { min: 0 } },
				{
					row: 3,
					column: 'legal_status',
					key: 'err.choiceOf',
					params: {
						input: 'owned',
						allowed: 'certificate, allocated, leased, pending, disputed, unknown'
					}
				},
				{ row: 3, column: 'year_built', key: 'err.min', params: { min: 1800 } },
				{ row: 4, column: 'address', key: 'io.formula' },
				{
					row: 4,
					column: 'year_built',
					key: 'err.integerRead',
					params: { input: '2025.5', read: '2.025,5' }
				},
				{ row: 4, column: 'code', key: 'io.duplicateRow', params: { other: 2 } },
				{ row: 5, column: 'code', key: 'err.required' },
				{ row: 5, column: 'name', key: 'err.required' },
				{ row: 5, column: 'kind', key: 'err.required' },
				{ row: 5, column: 'lat', key: 'err.required' },
				{ row: 5, column: 'lng', key: 'err.required' }
			]
		});
		expect(facilitySnapshot(db, wardId)).toEqual(before.facilities);
		expect(countRows(db, 'audit_log')).toBe(before.audit);
	});

	it('reports missing columns and accepts semicolons with decimal commas', async () => {
		const missing = await parseTable(csv(['code;name;kind', 'X;Y;annex']), 'f.csv');
		expect(validateFacilityRows(db, wardId, missing).errors).toEqual([
			{
				row: 1,
				column: 'lat',
				key: 'io.missingColumns',
				params: { columns: 'Vĩ độ (lat), Kinh độ (lng)' }
			}
		]);
		const ok = await parseTable(
			csv(['code;name;kind;lat;lng;land_area_m2', 'X;Y;annex;10,7801;106,75;1.250,5']),
			'f.csv'
		);
		const checked = validateFacilityRows(db, wardId, ok);
		expect(checked.errors).toEqual([]);
		expect(checked.rows[0]).toMatchObject({ lat: 10.7801, lng: 106.75, landAreaM2: 1250.5 });
	});

	it('imports an XLSX file', async () => {
		// prettier-ignore
		const data = await xlsxBook([
			[...FACILITY_COLUMNS],
			['X-1', 'Nhà văn hóa', 'cultural-house', null, null, 10.79, 106.76, 640, 'allocated', 2001, null]
		], 'facilities');
		expect(await importFacilityFile(db, ACTOR, wardId, data, 'f.xlsx')).toEqual({
			ok: true,
			created: 1,
			updated: 0
		});
		expect(facility('X-1')).toMatchObject({ lat: 10.79, lng: 106.76, year_built: 2001 });
	});

	for (const format of ['csv', 'xlsx'] as const) {
		it(`round trip ${format}: export → import gives 0 created, N updated, identical rows`, async () => {
			db.$client
				.prepare(
					`insert into facilities (ward_id, code, name, kind, origin_ward, address, lat, lng, notes)
					 values (?, 'Z', '=HYPERLINK("x")', 'other', '-', '@nhà', 10.123456789, -106.5, 'a\nb')`
				)
				.run(wardId);
			const before = facilitySnapshot(db, wardId);
			const bytes = await exportFacilities(db, wardId, format);
			const checked = validateFacilityRows(db, wardId, await parseTable(bytes, `f.${format}`));
			expect(checked.errors).toEqual([]);
			expect(importFacilities(db, ACTOR, wardId, checked.rows)).toEqual({
				created: 0,
				updated: before.length
			});
			expect(facilitySnapshot(db, wardId)).toEqual(before);
		});
	}

	it('writes nothing when a row fails in the database mid-import', async () => {
		const checked = validateFacilityRows(db, wardId, [
			{ code: 'A-1', name: 'A', kind: 'annex', lat: '10', lng: '106' },
			{ code: 'TS-01', name: 'B', kind: 'annex', lat: '10', lng: '106' },
			{ code: 'A-3', name: 'C', kind: 'annex', lat: '10', lng: '106' }
		]);
		expect(checked.errors).toEqual([]);
		const before = facilitySnapshot(db, wardId);
		const rows = checked.rows.map((r, i) =>
			i === 2 ? { ...r, lat: null as unknown as number } : r
		);
		expect(() => importFacilities(db, ACTOR, wardId, rows)).toThrow(/NOT NULL/);
		expect(facilitySnapshot(db, wardId)).toEqual(before);
		expect(countRows(db, 'audit_log')).toBe(0);
	});
});
