/** The data appendices as a workbook: every figure with its source in words, then one sheet per table. */
import ExcelJS from 'exceljs';
import {
	SECTION_TITLES,
	formatTraced,
	numberLabel,
	shortDate,
	type PacketSnapshot
} from '../../packet';
import { escapeText } from '../io/common';
import { tableHead, tableTitle, type DocLocale } from './common';

const text = (c: unknown) => (typeof c === 'string' ? escapeText(c) : c);

export async function buildAppendixXlsx(s: PacketSnapshot, locale: DocLocale): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const vi = locale === 'vi';
	const ws = wb.addWorksheet(vi ? 'Số liệu' : 'Figures');
	ws.addRow([escapeText(s.ward.name), shortDate(s.assembledAt, locale)]).font = { bold: true };
	ws.addRow([]);
	ws.addRow(
		vi
			? ['Mục', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Hiển thị', 'Nguồn số liệu']
			: ['Section', 'Item', 'Value', 'Unit', 'Shown as', 'Source']
	).font = { bold: true };
	for (const sec of s.sections) {
		for (const [k, n] of Object.entries(sec.numbers)) {
			ws.addRow([
				SECTION_TITLES[sec.key][locale],
				numberLabel(`${sec.key}.${k}`, locale),
				n.value,
				n.unit === '%' ? '' : n.unit,
				formatTraced(n.value, n.unit, locale),
				escapeText(n.source.words?.[locale] ?? '')
			]);
		}
	}
	[34, 36, 18, 10, 24, 90].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const used = new Set<string>();
	let i = 0;
	for (const sec of s.sections) {
		for (const t of sec.tables) {
			i++;
			// Sheet names: "Bảng 3 - Tiêu chí và trọng số" (31 characters at most, no : \ / ? * [ ]).
			let name = `${vi ? 'Bảng' : 'Table'} ${i} - ${tableTitle(t, locale)}`
				.replace(/[:\\/?*[\]]/g, ' ')
				.slice(0, 31)
				.trim();
			while (used.has(name)) name = `${name.slice(0, 28)} ${i}`;
			used.add(name);
			const sh = wb.addWorksheet(name);
			sh.addRow([escapeText(tableTitle(t, locale))]).font = { bold: true };
			sh.addRow(tableHead(t, locale)).font = { bold: true };
			for (const r of t.rows) sh.addRow(r.map(text));
			tableHead(t, locale).forEach((_, j) => (sh.getColumn(j + 1).width = j === 0 ? 36 : 18));
		}
	}
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}
