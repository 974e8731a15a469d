/**
 * The move list of a scenario as table rows, an XLSX workbook and an A4 PDF. The table is read
 * on the server's thread; the files are rendered from it (`movesTable` is plain data, so a
 * worker thread renders it: `./export-pool.ts`).
 */
import ExcelJS from 'exceljs';
import type { MoveRow } from '../../allocation/types';
import { formatDate, translate, type Locale, type MessageKey } from '../../i18n';
import { PDF_FONT, renderPdf } from '../export/pdf';
import { escapeText } from '../io/common';
import type { BuiltInstance } from './instance';
import { roomLabel, unitLabel } from './metrics';
import type { ScenarioDetail } from './scenarios';

/** The room a move starts from: the known room, else the unit's current rooms, else none. */
function fromLabel(built: BuiltInstance, m: MoveRow, locale: Locale): string {
	if (m.fromRoomId) return roomLabel(built, m.fromRoomId);
	if (m.fromRoomIds.length) return m.fromRoomIds.map((r) => roomLabel(built, r)).join('; ');
	return translate(locale, 'plans.moves.noRoom');
}

/** The move list as table rows in the user's language: unit, persons, from room, to room. */
export function moveRows(
	detail: Pick<ScenarioDetail, 'built' | 'moves'>,
	locale: Locale
): { head: string[]; rows: [string, number, string, string][] } {
	const t = (k: MessageKey) => translate(locale, k);
	return {
		head: [
			t('plans.moves.unit'),
			t('plans.moves.persons'),
			t('plans.moves.from'),
			t('plans.moves.to')
		],
		rows: detail.moves.map((m) => [
			unitLabel(detail.built, m.unitId),
			m.persons,
			fromLabel(detail.built, m, locale),
			roomLabel(detail.built, m.toRoomId)
		])
	};
}

/** What a move list file shows: the title, the ward, the date and the table (plain data). */
export interface MovesTable {
	title: string;
	wardName: string;
	locale: Locale;
	/** The date printed, ms since the epoch. */
	at: number;
	head: string[];
	rows: [string, number, string, string][];
}

/** The move list of a scenario as the files show it (read on the server's thread: cheap). */
export function movesTable(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): MovesTable {
	return {
		title: `${translate(locale, 'plans.moves.title')}: ${detail.name}`,
		wardName,
		locale,
		at: at.getTime(),
		...moveRows(detail, locale)
	};
}

/** The move list as an XLSX workbook: title, ward and date, then a bold header and the moves. */
export async function renderMovesXlsx(table: MovesTable): Promise<Uint8Array> {
	const { head, rows, locale } = table;
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const ws = wb.addWorksheet(translate(locale, 'plans.moves.sheet'));
	ws.addRow([escapeText(table.title)]).font = { bold: true, size: 14 };
	ws.addRow([`${escapeText(table.wardName)} — ${formatDate(new Date(table.at), locale)}`]);
	ws.addRow([]);
	ws.addRow(head).font = { bold: true };
	for (const r of rows) ws.addRow([escapeText(r[0]), r[1], escapeText(r[2]), escapeText(r[3])]);
	const total = rows.reduce((s, r) => s + r[1], 0);
	ws.addRow([translate(locale, 'common.total'), total, '', '']).font = { bold: true };
	[36, 12, 56, 44].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}

/** The move list as an A4 PDF: title, ward name, date and the table. */
export async function renderMovesPdf(table: MovesTable): Promise<Uint8Array> {
	const { head, rows, locale } = table;
	const total = rows.reduce((s, r) => s + r[1], 0);
	const doc = {
		pageSize: 'A4',
		pageMargins: [40, 48, 40, 48],
		info: { title: table.title, creator: 'Trụ sở' },
		defaultStyle: { font: PDF_FONT, fontSize: 9 },
		content: [
			{ text: table.title, fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
			{ text: table.wardName, fontSize: 11 },
			{
				text: `${translate(locale, 'plans.moves.date')}: ${formatDate(new Date(table.at), locale)}`,
				margin: [0, 0, 0, 10]
			},
			rows.length
				? {
						table: {
							headerRows: 1,
							widths: ['25%', 40, '*', '28%'],
							body: [
								head.map((h) => ({ text: h, bold: true, fillColor: '#e5e7eb' })),
								...rows.map((r) => [r[0], { text: String(r[1]), alignment: 'right' }, r[2], r[3]]),
								[
									{ text: translate(locale, 'common.total'), bold: true },
									{ text: String(total), bold: true, alignment: 'right' },
									'',
									''
								]
							]
						},
						layout: 'lightHorizontalLines'
					}
				: { text: translate(locale, 'plans.moves.empty') }
		]
	};
	return renderPdf(doc);
}

/** The move list as an XLSX workbook (on the calling thread; the route renders on a worker). */
export function exportMovesXlsx(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): Promise<Uint8Array> {
	return renderMovesXlsx(movesTable(detail, wardName, locale, at));
}

/** The move list as an A4 PDF (on the calling thread; the route renders on a worker). */
export function exportMovesPdf(
	detail: Pick<ScenarioDetail, 'built' | 'moves' | 'name'>,
	wardName: string,
	locale: Locale,
	at: Date = new Date()
): Promise<Uint8Array> {
	return renderMovesPdf(movesTable(detail, wardName, locale, at));
}
