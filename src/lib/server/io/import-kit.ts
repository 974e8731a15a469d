/**
 * What the table imports and exports share (facilities, rooms, positions): the file round
 * (parse → validate → write only when every row is valid), the audit rows of a bulk write and
 * the export in either format. Kept apart from common.ts, which the parsing worker loads.
 */
import { writeAudit, type Actor } from '../audit';
import type { Db, DbLike } from '../db';
import { AUDIT_INSERT_SQL, writeCsv, writeXlsx, type ExportCell } from './common';
import { parseTable, type ParsedTable } from './table';

/** Writes the rows as CSV (UTF-8 with BOM) or XLSX (one sheet named `sheetName`). */
export async function writeTable(
	format: 'csv' | 'xlsx',
	sheetName: string,
	headers: readonly string[],
	rows: ExportCell[][]
): Promise<Uint8Array> {
	return format === 'csv' ? writeCsv(headers, rows) : writeXlsx(sheetName, headers, rows);
}

/**
 * The audit rows of a bulk import, through one prepared statement (same columns and JSON as
 * writeAudit): `record(id, action, before, after)` for one row of `entity`.
 */
export function importAudit(
	db: Db,
	actor: Actor,
	wardId: number,
	entity: string,
	at: number
): (id: number, action: 'create' | 'update', before: unknown, after: unknown) => void {
	const audit = db.$client.prepare(AUDIT_INSERT_SQL);
	return (id, action, before, after) => {
		audit.run(
			at,
			actor.userId,
			actor.username,
			wardId,
			entity,
			String(id),
			action,
			before === null ? null : JSON.stringify(before),
			JSON.stringify(after)
		);
	};
}

/** The one summary audit row of an import: which table, how many rows, what changed. */
export function auditImport(
	tx: DbLike,
	actor: Actor,
	wardId: number,
	table: string,
	rows: number,
	result: object,
	at: number
): void {
	writeAudit(tx, {
		actor,
		wardId,
		entity: 'import',
		entityId: null,
		action: 'import',
		after: { table, rows, ...result },
		at
	});
}

/**
 * Parses, validates and (only when every row is valid) writes an uploaded file. File-level
 * problems (encoding, empty, corrupt, missing columns …) throw IoError or come back as errors;
 * nothing is written unless the whole file is valid.
 */
export async function importTableFile<Row, Issue, Result extends object>(
	data: Uint8Array,
	filename: string,
	validate: (table: ParsedTable) => { rows: Row[]; errors: Issue[] },
	write: (rows: Row[]) => Result
): Promise<({ ok: true } & Result) | { ok: false; errors: Issue[] }> {
	const table = await parseTable(data, filename);
	const checked = validate(table);
	if (checked.errors.length) return { ok: false, errors: checked.errors };
	return { ok: true, ...write(checked.rows) };
}

/** One table format of a ward's data, as {@link tableFormat} takes it. */
export interface TableFormatSpec<Row, Issue, Result extends object> {
	/** The XLSX sheet's name. */
	sheet: string;
	/** The header row, in the file's order. */
	columns: readonly string[];
	validate: (db: DbLike, wardId: number, table: ParsedTable) => { rows: Row[]; errors: Issue[] };
	/** Writes the valid rows (one transaction, audited). */
	write: (db: Db, actor: Actor, wardId: number, rows: Row[]) => Result;
	/** The ward's rows in the file's columns. */
	exportRows: (db: DbLike, wardId: number) => ExportCell[][];
}

/**
 * The file round of one table format: `importFile` parses an upload, validates it and writes
 * only when every row is valid (file-level problems throw IoError, row problems come back as
 * errors); `exportFile` writes the ward's rows as CSV (UTF-8 with BOM) or XLSX.
 */
export function tableFormat<Row, Issue, Result extends object>(
	spec: TableFormatSpec<Row, Issue, Result>
) {
	return {
		importFile: (db: Db, actor: Actor, wardId: number, data: Uint8Array, filename: string) =>
			importTableFile(
				data,
				filename,
				(table) => spec.validate(db, wardId, table),
				(rows) => spec.write(db, actor, wardId, rows)
			),
		exportFile: (db: DbLike, wardId: number, format: 'csv' | 'xlsx') =>
			writeTable(format, spec.sheet, spec.columns, spec.exportRows(db, wardId))
	};
}

/** The inventory table and format a download address names (`rooms.csv`, `facilities.xlsx`). */
export function inventoryTableFile(
	file: string
): { kind: 'rooms' | 'facilities'; format: 'csv' | 'xlsx' } | null {
	const m = /^(rooms|facilities)\.(csv|xlsx)$/.exec(file);
	return m ? { kind: m[1] as 'rooms' | 'facilities', format: m[2] as 'csv' | 'xlsx' } : null;
}
