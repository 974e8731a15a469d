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

/** The inventory table and format a download address names (`rooms.csv`, `facilities.xlsx`). */
export function inventoryTableFile(
	file: string
): { kind: 'rooms' | 'facilities'; format: 'csv' | 'xlsx' } | null {
	const m = /^(rooms|facilities)\.(csv|xlsx)$/.exec(file);
	return m ? { kind: m[1] as 'rooms' | 'facilities', format: m[2] as 'csv' | 'xlsx' } : null;
}
