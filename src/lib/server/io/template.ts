/**
 * Import templates: an empty rooms or facilities table with the Vietnamese column names (the
 * importer accepts them as well as the English keys of the export) and, in the XLSX, a second
 * sheet that says for each column whether it is required and how to write it, listing the
 * allowed values of the enumerated columns.
 */
import ExcelJS from 'exceljs';
import { FACILITY_KINDS, LEGAL_STATUSES, ROOM_TYPES } from '../../constants';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { writeCsv, type ColumnSpec } from './common';
import { FACILITY_COLUMNS, FACILITY_SPECS } from './facilities';
import { ROOM_COLUMNS, ROOM_SPECS } from './rooms';

/** The allowed values of the enumerated columns and the catalogue prefix of their labels. */
const CHOICES: Record<string, { values: readonly string[]; prefix: string }> = {
	room_type: { values: ROOM_TYPES, prefix: 'roomType' },
	kind: { values: FACILITY_KINDS, prefix: 'kind' },
	legal_status: { values: LEGAL_STATUSES, prefix: 'legal' }
};

interface TemplateColumn {
	key: string;
	spec: ColumnSpec;
}

function columnsOf(kind: 'rooms' | 'facilities'): TemplateColumn[] {
	return kind === 'rooms'
		? ROOM_COLUMNS.map((key) => ({ key, spec: ROOM_SPECS[key] }))
		: FACILITY_COLUMNS.map((key) => ({ key, spec: FACILITY_SPECS[key] }));
}

/** How to write a column's value, in the user's language (allowed values listed). */
export function columnGuide(key: string, spec: ColumnSpec, locale: Locale): string {
	const choice = CHOICES[key];
	if (choice) {
		const allowed = choice.values
			.map((v) => `${v} (${translate(locale, `${choice.prefix}.${v}` as MessageKey)})`)
			.join(', ');
		return translate(locale, 'io.formatChoice', { allowed });
	}
	return translate(locale, spec.kind === 'number' ? 'io.formatNumber' : 'io.formatText');
}

/**
 * The template of a table. CSV: the header row of Vietnamese names only (UTF-8 with BOM).
 * XLSX: sheet 1 with the header row, sheet 2 with the guide (column, English key, required,
 * how to write it).
 *
 * @example
 * await importTemplate('rooms', 'csv', 'vi'); // "\ufeffMã cơ sở,Mã nhà,Mã phòng,…\r\n"
 */
export async function importTemplate(
	kind: 'rooms' | 'facilities',
	format: 'csv' | 'xlsx',
	locale: Locale
): Promise<Uint8Array> {
	const cols = columnsOf(kind);
	const headers = cols.map((c) => c.spec.labelVi);
	if (format === 'csv') return writeCsv(headers, []);
	const t = (key: MessageKey) => translate(locale, key);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const sheet = wb.addWorksheet(kind === 'rooms' ? 'Phòng' : 'Cơ sở', {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.addRow(headers).font = { bold: true };
	headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, h.length + 4)));
	const guide = wb.addWorksheet('Hướng dẫn');
	guide.addRow([t('io.guideColumn'), 'English', t('io.guideRequired'), t('io.guideFormat')]).font =
		{ bold: true };
	for (const c of cols) {
		guide.addRow([
			c.spec.labelVi,
			c.key,
			c.spec.required ? t('io.yes') : t('io.no'),
			columnGuide(c.key, c.spec, locale)
		]);
	}
	[22, 16, 10, 90].forEach((w, i) => (guide.getColumn(i + 1).width = w));
	guide.getColumn(4).alignment = { wrapText: true };
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
