/**
 * The facility table format (import and export), one row per facility of the ward:
 *
 *   code, name, kind, origin_ward, address, lat, lng, land_area_m2, legal_status, year_built, notes
 *
 * A facility is identified by its code within the ward: an existing one is updated, a new one
 * created. code, name, kind, lat and lng are required; the other columns may be left out of the
 * file (an absent column keeps the stored value; a blank cell clears it, legal_status blank =
 * 'unknown'). See common.ts for the formula/apostrophe rule.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
	FACILITY_KINDS,
	LEGAL_STATUSES,
	type FacilityKind,
	type LegalStatus
} from '../../constants';
import {
	code,
	coordinate,
	optionalInteger,
	optionalNumber,
	optionalText,
	text
} from '../../schemas/fields';
import type { Actor } from '../audit';
import type { Db, DbLike } from '../db/connection';
import { facilities } from '../db/schema';
import {
	readRow,
	resolveTable,
	type ColumnSpec,
	type ExportCell,
	type ImportIssue,
	type ImportResult,
	type RowsInput
} from './common';
import { auditImport, importAudit, tableFormat } from './import-kit';

export const FACILITY_COLUMNS = [
	'code',
	'name',
	'kind',
	'origin_ward',
	'address',
	'lat',
	'lng',
	'land_area_m2',
	'legal_status',
	'year_built',
	'notes'
] as const;
export type FacilityColumn = (typeof FACILITY_COLUMNS)[number];

export const FACILITY_SPECS: Record<FacilityColumn, ColumnSpec> = {
	code: { kind: 'text', required: true, labelVi: 'Mã cơ sở', schema: code() },
	name: { kind: 'text', required: true, labelVi: 'Tên cơ sở', schema: text(200) },
	kind: { kind: 'text', required: true, labelVi: 'Loại cơ sở', schema: z.enum(FACILITY_KINDS) },
	origin_ward: { kind: 'text', required: false, labelVi: 'Phường cũ', schema: optionalText(100) },
	address: { kind: 'text', required: false, labelVi: 'Địa chỉ', schema: optionalText(300) },
	lat: { kind: 'number', required: true, labelVi: 'Vĩ độ', schema: coordinate(-90, 90) },
	lng: { kind: 'number', required: true, labelVi: 'Kinh độ', schema: coordinate(-180, 180) },
	land_area_m2: {
		kind: 'number',
		required: false,
		labelVi: 'Diện tích đất (m²)',
		schema: optionalNumber(0, 10_000_000)
	},
	legal_status: {
		kind: 'text',
		required: false,
		labelVi: 'Tình trạng pháp lý',
		blank: 'unknown',
		schema: z.enum(LEGAL_STATUSES)
	},
	year_built: {
		kind: 'number',
		required: false,
		labelVi: 'Năm xây dựng',
		schema: optionalInteger(1800, 2100)
	},
	notes: { kind: 'text', required: false, labelVi: 'Ghi chú', schema: optionalText(2000) }
};

/** A validated facility row, ready for importFacilities (undefined = column absent, keep). */
export interface ValidFacilityRow {
	row: number;
	code: string;
	name: string;
	kind: FacilityKind;
	originWard: string | null | undefined;
	address: string | null | undefined;
	lat: number;
	lng: number;
	landAreaM2: number | null | undefined;
	legalStatus: LegalStatus | undefined;
	yearBuilt: number | null | undefined;
	notes: string | null | undefined;
}

export interface FacilityValidation {
	rows: ValidFacilityRow[];
	errors: ImportIssue[];
}

/** A facility as stored (the drizzle row shape, used for the audit trail). */
type FacilityRecord = typeof facilities.$inferSelect;

/** Validates parsed rows against the facility format (codes unique within the file). */
export function validateFacilityRows(
	_db: DbLike,
	_wardId: number,
	input: RowsInput
): FacilityValidation {
	const table = resolveTable(input, FACILITY_COLUMNS, FACILITY_SPECS);
	if (table.error) return { rows: [], errors: [table.error] };
	const valid: ValidFacilityRow[] = [];
	const errors: ImportIssue[] = [];
	const firstRowOf = new Map<string, number>();
	const v = {} as Record<FacilityColumn, unknown>;
	for (let i = 0; i < table.rows.length; i++) {
		const errorCount = errors.length;
		const { rowNo, bad } = readRow(table, i, FACILITY_COLUMNS, FACILITY_SPECS, v, errors);
		if (!bad.has('code')) {
			const other = firstRowOf.get(v.code as string);
			if (other === undefined) firstRowOf.set(v.code as string, rowNo);
			else errors.push({ row: rowNo, column: 'code', key: 'io.duplicateRow', params: { other } });
		}
		if (errors.length > errorCount) continue;
		valid.push({
			row: rowNo,
			code: v.code as string,
			name: v.name as string,
			kind: v.kind as FacilityKind,
			originWard: v.origin_ward as string | null | undefined,
			address: v.address as string | null | undefined,
			lat: v.lat as number,
			lng: v.lng as number,
			landAreaM2: v.land_area_m2 as number | null | undefined,
			legalStatus: v.legal_status as LegalStatus | undefined,
			yearBuilt: v.year_built as number | null | undefined,
			notes: v.notes as string | null | undefined
		});
	}
	return { rows: valid, errors };
}

const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);

/**
 * The columns after the code, in the order of the file format, the import's insert and update.
 */
const written = (f: FacilityRecord) =>
	[
		f.name,
		f.kind,
		f.originWard,
		f.address,
		f.lat,
		f.lng,
		f.landAreaM2,
		f.legalStatus,
		f.yearBuilt,
		f.notes
	] as const;

/**
 * Writes validated rows in ONE transaction: upsert by (ward, code), an audit row per created or
 * updated facility and one summary audit row. Anything thrown rolls everything back.
 */
export function importFacilities(
	db: Db,
	actor: Actor,
	wardId: number,
	rows: ValidFacilityRow[]
): ImportResult {
	const sqlite = db.$client;
	return db.transaction((tx) => {
		const existing = new Map<string, FacilityRecord>();
		for (const f of tx.select().from(facilities).where(eq(facilities.wardId, wardId)).all()) {
			existing.set(f.code, f);
		}
		const insert = sqlite.prepare(
			`insert into facilities (ward_id, code, name, kind, origin_ward, address, lat, lng, land_area_m2,
			                         legal_status, year_built, notes, created_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const update = sqlite.prepare(
			`update facilities set name = ?, kind = ?, origin_ward = ?, address = ?, lat = ?, lng = ?,
			        land_area_m2 = ?, legal_status = ?, year_built = ?, notes = ?, updated_at = ?
			 where id = ? and ward_id = ?`
		);
		const now = Date.now();
		const audit = importAudit(db, actor, wardId, 'facility', now);
		let created = 0;
		let updated = 0;
		for (const r of rows) {
			const before = existing.get(r.code);
			if (before) {
				const after: FacilityRecord = {
					...before,
					name: r.name,
					kind: r.kind,
					originWard: keep(r.originWard, before.originWard),
					address: keep(r.address, before.address),
					lat: r.lat,
					lng: r.lng,
					landAreaM2: keep(r.landAreaM2, before.landAreaM2),
					legalStatus: keep(r.legalStatus, before.legalStatus),
					yearBuilt: keep(r.yearBuilt, before.yearBuilt),
					notes: keep(r.notes, before.notes),
					updatedAt: now,
					// The update below leaves `version` alone: the row's trigger adds 1.
					version: before.version + 1
				};
				update.run(...written(after), now, before.id, wardId);
				audit(before.id, 'update', before, after);
				existing.set(r.code, after);
				updated++;
			} else {
				const after: FacilityRecord = {
					id: 0,
					wardId,
					code: r.code,
					name: r.name,
					kind: r.kind,
					originWard: r.originWard ?? null,
					address: r.address ?? null,
					lat: r.lat,
					lng: r.lng,
					landAreaM2: r.landAreaM2 ?? null,
					legalStatus: r.legalStatus ?? 'unknown',
					yearBuilt: r.yearBuilt ?? null,
					notes: r.notes ?? null,
					createdAt: now,
					updatedAt: now,
					version: 1
				};
				after.id = Number(
					insert.run(wardId, after.code, ...written(after), now, now).lastInsertRowid
				);
				audit(after.id, 'create', null, after);
				existing.set(r.code, after);
				created++;
			}
		}
		auditImport(tx, actor, wardId, 'facilities', rows.length, { created, updated }, now);
		return { created, updated };
	});
}

/** The ward's facilities in the import format, ordered by code. */
export function facilityExportRows(db: DbLike, wardId: number): ExportCell[][] {
	return db
		.select()
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all()
		.map((f) => [f.code, ...written(f)]);
}

const facilityFile = tableFormat({
	sheet: 'facilities',
	columns: FACILITY_COLUMNS,
	validate: validateFacilityRows,
	write: importFacilities,
	exportRows: facilityExportRows
});

/** Exports the ward's facilities as CSV (UTF-8 with BOM) or XLSX (sheet 'facilities'). */
export const exportFacilities = facilityFile.exportFile;

/**
 * Parses, validates and (only when every row is valid) imports an uploaded facilities file.
 * File-level problems (encoding, empty, corrupt, missing columns …) throw IoError or come
 * back as errors; nothing is written unless the whole file is valid.
 */
export const importFacilityFile = facilityFile.importFile;
