/**
 * Shared pieces of the table import/export: the error type, the per-cell validation (with the
 * formula guard and the apostrophe escape), and the CSV and XLSX writers.
 *
 * The apostrophe rule (CSV injection guard), applied identically by every exporter and importer:
 * - On export, a text cell whose first non-blank character is `=`, `+`, `-`, `@` or `'` is
 *   written with one leading apostrophe (`=SUM(A1)` → `'=SUM(A1)`, `'x` → `''x`), so a
 *   spreadsheet never evaluates it; numeric cells are written as plain numbers.
 * - On import, exactly one leading apostrophe is stripped from every cell before validation and
 *   the rest of the cell is taken literally (no formula check). A cell of a text column that
 *   starts with `=`, `+`, `-` or `@` without the apostrophe is refused with `io.formula`; in a
 *   numeric column such a cell is judged as a number (`-1` is minus one) and refused with
 *   `io.formula` only when it is not a number.
 * This makes export → import an identity for every stored text.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { isMessageKey, type MessageKey } from '../../i18n';
import { DomainError } from '../core/errors';
import { machineNumber, readNumber } from '../../schemas/number';

/** Message keys an import or export may report (see src/lib/i18n/vi.ts). */
export type IoMessageKey = Extract<MessageKey, `err.${string}` | `io.${string}`>;
export type IoParams = Record<string, string | number>;

/** A file-level failure the user can fix (wrong encoding, empty file, corrupt XLSX …). */
export class IoError extends DomainError<'invalid-file'> {
	/** The message key (an own field, so it crosses the worker boundary). */
	readonly key: IoMessageKey;
	declare readonly params: IoParams;
	constructor(key: IoMessageKey, params: IoParams = {}) {
		super('invalid-file', undefined, key, params);
		this.message = Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key;
		this.key = key;
	}
}

/** One problem of an imported file, located as the user sees it (header = row 1). */
export interface ImportIssue {
	row: number;
	column: string;
	key: IoMessageKey;
	params?: IoParams;
}

export interface ImportResult {
	created: number;
	updated: number;
}

/** The outcome of importing a whole file: written, or refused with every row error. */
export type FileImportOutcome =
	({ ok: true } & ImportResult) | { ok: false; errors: ImportIssue[] };

/** Rows as produced by parseTable (headers and row numbers are optional). */
export interface TableInput {
	headers?: string[];
	rows: Record<string, string>[];
	/** The file row number of each data row (header = 1); defaults to index + 2. */
	rowNumbers?: number[];
}
export type RowsInput = Record<string, string>[] | TableInput;

/** How one column of a table format is validated. */
export interface ColumnSpec {
	kind: 'text' | 'number';
	/** The column must be in the file and the cell must not be blank. */
	required: boolean;
	/** The value of a blank cell of an optional column (default null). */
	blank?: unknown;
	/** The field parser (from src/lib/schemas/fields.ts). */
	schema: z.ZodType;
	/** The Vietnamese column name of the template (accepted on import as well as the key). */
	labelVi: string;
}

export type CellResult =
	{ ok: true; value: unknown } | { ok: false; key: IoMessageKey; params?: IoParams };

const FORMULA_START = /^[=+\-@]/;
const ESCAPE_ON_EXPORT = /^\s*[=+\-@']/;

function issueToError(
	issue: z.core.$ZodIssue,
	input: string
): { key: IoMessageKey; params?: IoParams } {
	switch (issue.code) {
		case 'invalid_type':
			return { key: issue.expected === 'int' ? 'err.integer' : 'err.number' };
		case 'too_small':
			if (issue.origin === 'string') return { key: 'err.required' };
			return { key: 'err.min', params: { min: Number(issue.minimum) } };
		case 'too_big':
			if (issue.origin === 'string') {
				return { key: 'err.tooLong', params: { max: Number(issue.maximum) } };
			}
			return { key: 'err.max', params: { max: Number(issue.maximum) } };
		case 'invalid_format':
			return { key: 'err.code' };
		case 'invalid_value': {
			// An enumerated column: list the accepted values (the message says which ones).
			const allowed = (issue.values ?? []).map(String).join(', ');
			return allowed ? { key: 'err.choiceOf', params: { input, allowed } } : { key: 'err.choice' };
		}
		case 'custom': {
			// Keyed issues of src/lib/schemas/fields.ts (number reading, ranges).
			const keyed = issue.params as { key?: string; values?: IoParams } | undefined;
			if (keyed?.key && isMessageKey(keyed.key) && /^(err|io)\./.test(keyed.key)) {
				return { key: keyed.key as IoMessageKey, ...(keyed.values && { params: keyed.values }) };
			}
			return { key: 'err.invalid' };
		}
		default:
			return { key: 'err.invalid' };
	}
}

/**
 * Validates one cell. `raw` undefined means the (optional) column is absent: the result is
 * `{ ok: true, value: undefined }`, which the importers read as "keep the stored value".
 */
export function readCell(spec: ColumnSpec, raw: string | undefined): CellResult {
	if (raw === undefined) return { ok: true, value: undefined };
	let value = raw.trim();
	if (value.startsWith("'")) {
		value = value.slice(1).trim();
	} else if (FORMULA_START.test(value)) {
		const reading = readNumber(value);
		if (spec.kind === 'text' || (!reading.ok && reading.reason === 'not-a-number')) {
			return { ok: false, key: 'io.formula' };
		}
	}
	if (value === '') {
		if (spec.required) return { ok: false, key: 'err.required' };
		return { ok: true, value: spec.blank === undefined ? null : spec.blank };
	}
	const parsed = spec.schema.safeParse(value);
	if (parsed.success) return { ok: true, value: parsed.data };
	return { ok: false, ...issueToError(parsed.error.issues[0], value) };
}

/**
 * Reads row `i` of a resolved table against a format: each column's value (undefined for a bad
 * cell, or an absent optional column) in `values`, which is reused from row to row; each bad
 * cell's problem appended to `errors` at the row's file number; the bad columns returned.
 */
export function readRow<C extends string>(
	table: ResolvedTable<C>,
	i: number,
	columns: readonly C[],
	specs: Record<C, ColumnSpec>,
	values: Record<C, unknown>,
	errors: { push(issue: ImportIssue): number }
): { rowNo: number; bad: Set<C> } {
	const record = table.rows[i];
	const rowNo = table.rowNumbers[i];
	const bad = new Set<C>();
	for (const c of columns) {
		const h = table.header[c];
		const res = readCell(specs[c], h === undefined ? undefined : (record[h] ?? ''));
		if (res.ok) values[c] = res.value;
		else {
			bad.add(c);
			values[c] = undefined;
			errors.push({
				row: rowNo,
				column: c,
				key: res.key,
				...(res.params && { params: res.params })
			});
		}
	}
	return { rowNo, bad };
}

/** A table with its columns resolved against a format. */
export interface ResolvedTable<C extends string> {
	rows: Record<string, string>[];
	rowNumbers: number[];
	/** The file header of each format column, or undefined when the column is absent. */
	header: Record<C, string | undefined>;
	error?: ImportIssue;
}

/** A header as compared: trimmed, lower case, NFC, inner spaces collapsed. */
function headerKey(h: string): string {
	return h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Matches the file's headers to the format's columns, by the English key or the Vietnamese name
 * of the template (trimmed, case-insensitive; the first match wins, unknown columns are
 * ignored) and reports missing required columns.
 */
export function resolveTable<C extends string>(
	input: RowsInput,
	columns: readonly C[],
	specs: Record<C, ColumnSpec>
): ResolvedTable<C> {
	const table: TableInput = Array.isArray(input) ? { rows: input } : input;
	const rows = table.rows;
	const rowNumbers = table.rowNumbers ?? rows.map((_, i) => i + 2);
	let headers = table.headers;
	if (!headers) {
		const seen = new Set<string>();
		for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
		headers = [...seen];
	}
	const byName = new Map<string, string>();
	for (const h of headers) {
		const name = headerKey(h);
		if (name && !byName.has(name)) byName.set(name, h);
	}
	const header = {} as Record<C, string | undefined>;
	const missing: C[] = [];
	for (const c of columns) {
		header[c] = byName.get(c) ?? byName.get(headerKey(specs[c].labelVi));
		if (header[c] === undefined && specs[c].required) missing.push(c);
	}
	if (rows.length === 0 && headers.length === 0) {
		return { rows, rowNumbers, header, error: { row: 1, column: '', key: 'io.empty' } };
	}
	if (missing.length) {
		return {
			rows,
			rowNumbers,
			header,
			error: {
				row: 1,
				column: missing[0],
				key: 'io.missingColumns',
				params: { columns: missing.map((c) => `${specs[c].labelVi} (${c})`).join(', ') }
			}
		};
	}
	if (rows.length === 0) {
		return { rows, rowNumbers, header, error: { row: 1, column: '', key: 'io.empty' } };
	}
	return { rows, rowNumbers, header };
}

/** A cell to export: numbers stay numbers, null is an empty cell, strings are escaped. */
export type ExportCell = string | number | null;

/** Prefixes one apostrophe to a text that a spreadsheet could evaluate (see the file header). */
export function escapeText(s: string): string {
	return ESCAPE_ON_EXPORT.test(s) ? `'${s}` : s;
}

function csvField(cell: ExportCell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return machineNumber(cell);
	const s = escapeText(cell);
	return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV: UTF-8 with BOM, comma-separated, CRLF line ends, '.' decimal point written so that the
 * importer reads it back exactly (machineNumber: never exactly three decimals).
 */
export function writeCsv(headers: readonly string[], rows: ExportCell[][]): Uint8Array {
	const lines = [headers.map((h) => csvField(h)).join(',')];
	for (const r of rows) lines.push(r.map(csvField).join(','));
	return new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n');
}

/**
 * The display format of an XLSX column by its header, after the one decimals policy (DECIMALS
 * in $lib/i18n): areas ("area_m2", "… (m²)") 1 decimal, scores, weights and CR 3. The stored
 * value stays exact (a format only changes how Excel shows it), so a round trip is unchanged.
 */
export function xlsxNumberFormat(header: string): string | null {
	const h = header.trim().toLowerCase();
	if (/m2$|m²\)?$|_m2_|\(m²\)/.test(h)) return '#,##0.0';
	if (/^(cr|score|weight)$|_(score|weight)$|^điểm|^trọng số/.test(h)) return '0.000';
	return null;
}

/** XLSX: one sheet, bold header row, numbers as numeric cells, texts escaped as in CSV. */
export async function writeXlsx(
	sheetName: string,
	headers: readonly string[],
	rows: ExportCell[][]
): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.addRow([...headers]).font = { bold: true };
	for (const r of rows) {
		ws.addRow(r.map((cell) => (typeof cell === 'string' ? escapeText(cell) : cell)));
	}
	headers.forEach((h, i) => {
		ws.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length + 4));
		const fmt = xlsxNumberFormat(h);
		if (fmt) ws.getColumn(i + 1).numFmt = fmt;
	});
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}

/** The audit insert as a prepared statement (same columns and JSON as writeAudit). */
export const AUDIT_INSERT_SQL =
	'insert into audit_log (at, user_id, username, ward_id, entity, entity_id, action, before_json, after_json) ' +
	'values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
