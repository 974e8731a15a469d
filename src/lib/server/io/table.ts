/**
 * Reading an uploaded table (CSV or XLSX) into header names and string cells.
 *
 * CSV: UTF-8 with or without BOM (anything else, e.g. Windows-1258, is refused with
 * `io.encoding`), ',' or ';' as delimiter (Vietnamese Excel writes ';'), chosen from the header
 * line. XLSX: the first worksheet, row 1 = headers; numbers are written with a '.' decimal
 * point, dates as yyyy-mm-dd, rich text flattened, formulas replaced by their cached result.
 * Headers are trimmed; fully empty rows are skipped but keep their place in the row numbering.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IoError } from './common';
import { machineNumber } from '../../schemas/number';
import { checkXlsxArchive, XLSX_LIMITS, type XlsxLimits } from './xlsx-guard';
import { modulePool, WorkerJobError } from '../jobs/module-pool';

export { IoError };

/** Largest accepted file. */
export const MAX_FILE_MB = 20;
const MAX_BYTES = MAX_FILE_MB * 1024 * 1024;

export interface ParsedTable {
	headers: string[];
	rows: Record<string, string>[];
	/** The file row of each entry of `rows` as a spreadsheet shows it (header = row 1). */
	rowNumbers: number[];
}

function extensionOf(filename: string): string {
	const m = /\.([^./\\]+)$/.exec(filename.trim());
	return m ? m[1].toLowerCase() : '';
}

interface ParseRequest {
	data: Uint8Array;
	filename: string;
	limits: XlsxLimits;
}

/** Parsing runs on a worker thread (ExcelJS on 50,000 rows holds a thread for seconds). */
const parsePool = modulePool(
	import.meta.url,
	'trusoTableParse',
	(req: ParseRequest) => parseTableHere(req.data, req.filename, req.limits),
	{ size: 2, deadlineMs: 2 * 60 * 1000, maxHeapMb: 1024 }
);

/**
 * Parses an uploaded CSV or XLSX file on a worker thread (see {@link parseTableHere}); throws
 * IoError for anything the user must fix. The file's bytes are copied to the worker.
 */
export async function parseTable(
	data: Uint8Array,
	filename: string,
	limits: XlsxLimits = XLSX_LIMITS
): Promise<ParsedTable> {
	if (parsePool.inWorker) return parseTableHere(data, filename, limits);
	// Refused at once without a worker: wrong kind, too large, empty.
	precheck(data, filename);
	try {
		return await parsePool.run({ data, filename, limits });
	} catch (e) {
		if (e instanceof WorkerJobError && e.originalName === 'IoError') {
			throw new IoError(e.fields.key as IoError['key'], e.fields.params as IoError['params']);
		}
		throw e;
	}
}

function precheck(data: Uint8Array, filename: string): 'csv' | 'xlsx' {
	const ext = extensionOf(filename);
	if (ext !== 'csv' && ext !== 'xlsx') {
		throw new IoError('io.unreadable', { detail: `.${ext || '?'} (CSV, XLSX)` });
	}
	if (data.byteLength > MAX_BYTES) throw new IoError('io.tooLarge', { max: MAX_FILE_MB });
	if (data.byteLength === 0) throw new IoError('io.empty');
	return ext;
}

/**
 * Parses an uploaded CSV or XLSX file on the calling thread; throws IoError for anything the
 * user must fix. An XLSX is checked against `limits` (entries, inflated size, rows: see
 * xlsx-guard.ts) before it is inflated; a CSV against the row limit.
 */
export async function parseTableHere(
	data: Uint8Array,
	filename: string,
	limits: XlsxLimits = XLSX_LIMITS
): Promise<ParsedTable> {
	const ext = precheck(data, filename);
	const table = ext === 'csv' ? parseCsv(data) : await parseXlsx(data, limits);
	if (table.rows.length === 0) throw new IoError('io.empty');
	if (table.rows.length > limits.rows) throw new IoError('io.tooManyRows', { max: limits.rows });
	return table;
}

/** ';' when the header line has more semicolons than commas (outside quotes), else ','. */
function detectDelimiter(text: string): ',' | ';' {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	let content = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (quoted) continue;
		else if (ch === '\n' || ch === '\r') {
			if (content) break;
		} else if (ch === ',') commas++;
		else if (ch === ';') semicolons++;
		if (ch.trim() !== '') content = true;
	}
	return semicolons > commas ? ';' : ',';
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Builds the records from header cells and data rows (first header of a name wins). */
function buildTable(
	headerCells: string[],
	dataRows: { cells: string[]; row: number }[]
): ParsedTable {
	const headers: string[] = [];
	const indexes: number[] = [];
	const seen = new Set<string>();
	headerCells.forEach((h, i) => {
		const name = h.trim();
		if (name === '' || seen.has(name)) return;
		seen.add(name);
		headers.push(name);
		indexes.push(i);
	});
	const rows: Record<string, string>[] = [];
	const rowNumbers: number[] = [];
	for (const { cells, row } of dataRows) {
		if (isBlankRow(cells)) continue;
		const rec: Record<string, string> = {};
		for (let k = 0; k < headers.length; k++) rec[headers[k]] = cells[indexes[k]] ?? '';
		rows.push(rec);
		rowNumbers.push(row);
	}
	return { headers, rows, rowNumbers };
}

function parseCsv(data: Uint8Array): ParsedTable {
	let text: string;
	try {
		// fatal: a byte sequence that is not UTF-8 throws; the BOM is removed (ignoreBOM false).
		text = new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		throw new IoError('io.encoding');
	}
	if (text.trim() === '') throw new IoError('io.empty');
	const result = Papa.parse<string[]>(text, {
		delimiter: detectDelimiter(text),
		header: false,
		skipEmptyLines: false
	});
	const quoteError = result.errors.find((e) => e.type === 'Quotes');
	if (quoteError) {
		const row = quoteError.row === undefined ? '' : `${quoteError.row + 1}: `;
		throw new IoError('io.unreadable', { detail: `${row}${quoteError.message}` });
	}
	const records = result.data;
	const first = records.findIndex((cells) => !isBlankRow(cells));
	if (first < 0) throw new IoError('io.empty');
	const dataRows: { cells: string[]; row: number }[] = [];
	for (let i = first + 1; i < records.length; i++) dataRows.push({ cells: records[i], row: i + 1 });
	return buildTable(records[first], dataRows);
}

function isoDate(d: Date): string {
	return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** An exceljs cell value as the string a user would read in the cell. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v;
	// Written so that the number reader gives it back exactly (106.745 → '106.7450').
	if (typeof v === 'number') return Number.isFinite(v) ? machineNumber(v) : '';
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	if (v instanceof Date) return isoDate(v);
	if (typeof v === 'object') {
		if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
		if ('formula' in v || 'sharedFormula' in v) {
			return cellText((v as { result?: ExcelJS.CellValue }).result);
		}
		if ('error' in v) return String(v.error);
		if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
	}
	return String(v);
}

async function parseXlsx(data: Uint8Array, limits: XlsxLimits): Promise<ParsedTable> {
	await checkXlsxArchive(data, limits);
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(
			Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer
		);
	} catch (e) {
		throw new IoError('io.unreadable', { detail: e instanceof Error ? e.message : String(e) });
	}
	const ws = wb.worksheets[0];
	if (!ws || ws.rowCount === 0) throw new IoError('io.empty');
	const headerRow = ws.getRow(1);
	const width = headerRow.cellCount;
	const headerCells: string[] = [];
	for (let c = 1; c <= width; c++) headerCells.push(cellText(headerRow.getCell(c).value));
	if (isBlankRow(headerCells)) throw new IoError('io.empty');
	const dataRows: { cells: string[]; row: number }[] = [];
	ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		if (rowNumber === 1) return;
		const cells: string[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
		dataRows.push({ cells, row: rowNumber });
	});
	return buildTable(headerCells, dataRows);
}
