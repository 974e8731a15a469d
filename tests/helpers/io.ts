/** Helpers for the specs of src/lib/server/io (test code, not in $lib). */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Db } from '$lib/server/db/connection';
import { IoError } from '$lib/server/io/table';

export const ACTOR = { userId: null, username: 'import-test' };

export function wardIdOf(db: Db, code: string): number {
	const row = db.$client.prepare('select id from wards where code = ?').get(code) as
		{ id: number } | undefined;
	if (!row) throw new Error(`no ward ${code}`);
	return row.id;
}

export function countRows(db: Db, table: 'rooms' | 'facilities' | 'audit_log'): number {
	return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** UTF-8 CSV bytes from lines (joined with CRLF), optionally with a BOM. */
export function csv(lines: string[], options: { bom?: boolean } = {}): Uint8Array {
	return new TextEncoder().encode((options.bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n');
}

/** The data columns of a ward's rooms (no timestamps), in a stable order. */
export function roomSnapshot(db: Db, wardId: number): unknown[] {
	return db.$client
		.prepare(
			`select r.id, r.building_id, r.code, r.name, r.level, r.type, r.area_m2, r.org_unit_id,
			        r.occupants, r.notes, r.created_at
			 from rooms r join buildings b on b.id = r.building_id
			 join facilities f on f.id = b.facility_id where f.ward_id = ? order by r.id`
		)
		.all(wardId);
}

/** The data columns of a ward's facilities (no updated_at), in a stable order. */
export function facilitySnapshot(db: Db, wardId: number): unknown[] {
	return db.$client
		.prepare(
			`select id, code, name, kind, origin_ward, address, lat, lng, land_area_m2, legal_status,
			        year_built, notes, created_at
			 from facilities where ward_id = ? order by id`
		)
		.all(wardId);
}

/** XLSX bytes of one sheet named `sheet` holding `rows` (an empty array is an empty row). */
export async function xlsxBook(rows: ExcelJS.CellValue[][], sheet = 'rooms'): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(sheet);
	for (const r of rows) ws.addRow(r);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Awaits `p` and expects it to reject with an IoError, which it returns (to check key and params). */
export async function ioRefusal(p: Promise<unknown>): Promise<IoError> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(IoError);
		return e as IoError;
	}
	throw new Error('expected an IoError');
}
