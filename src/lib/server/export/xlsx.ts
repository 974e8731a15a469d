/** The data appendices as a workbook: every number with its trace, then one sheet per table. */
import ExcelJS from 'exceljs';
import { SECTION_TITLES, formatTraced, numberLabel, type PacketSnapshot } from '../../packet';
import { escapeText } from '../io/common';
import { tableHead, tableTitle, type DocLocale } from './common';

const text = (c: unknown) => (typeof c === 'string' ? escapeText(c) : c);

export async function buildAppendixXlsx(s: PacketSnapshot, locale: DocLocale): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const vi = locale === 'vi';
	const ws = wb.addWorksheet(vi ? 'So lieu' : 'Figures');
	ws.addRow([escapeText(s.ward.name), s.assembledAt]).font = { bold: true };
	ws.addRow([]);
	ws.addRow(
		vi
			? [
					'Mục',
					'Chỉ tiêu',
					'Giá trị',
					'Đơn vị',
					'Hiển thị',
					'Nguồn',
					'Mã nguồn',
					'Phiên bản',
					'Trường',
					'Ghi chú'
				]
			: [
					'Section',
					'Item',
					'Value',
					'Unit',
					'Shown as',
					'Source',
					'Source id',
					'Version',
					'Field',
					'Note'
				]
	).font = { bold: true };
	for (const sec of s.sections) {
		for (const [k, n] of Object.entries(sec.numbers)) {
			ws.addRow([
				SECTION_TITLES[sec.key][locale],
				numberLabel(`${sec.key}.${k}`, locale),
				n.value,
				n.unit,
				formatTraced(n.value, n.unit, locale),
				n.source.kind,
				n.source.id ?? null,
				n.source.version ?? null,
				escapeText(n.source.field),
				n.source.note ? escapeText(n.source.note) : null
			]);
		}
	}
	[28, 36, 18, 10, 24, 14, 10, 14, 40, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const used = new Set<string>();
	for (const sec of s.sections) {
		for (const t of sec.tables) {
			let name = `${sec.key}-${t.key}`.slice(0, 31);
			while (used.has(name)) name = name.slice(0, 29) + used.size;
			used.add(name);
			const sh = wb.addWorksheet(name);
			sh.addRow([escapeText(tableTitle(t, locale))]).font = { bold: true };
			sh.addRow(tableHead(t, locale)).font = { bold: true };
			for (const r of t.rows) sh.addRow(r.map(text));
			tableHead(t, locale).forEach((_, i) => (sh.getColumn(i + 1).width = i === 0 ? 36 : 18));
		}
	}
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}
