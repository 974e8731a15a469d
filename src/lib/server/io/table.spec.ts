import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable } from './index';
import { csv, ioRefusal, xlsxBook } from '../../../../tests/helpers/io';

describe('parseTable: CSV', () => {
	it('reads a UTF-8 CSV with BOM, trims headers and keeps cells as strings', async () => {
		const t = await parseTable(
			csv([' code , name ,area', 'A1,"Phòng họp, tầng 2",12.5', 'A2,"Nói ""xin chào""",8'], {
				bom: true
			}),
			'x.csv'
		);
		expect(t.headers).toEqual(['code', 'name', 'area']);
		expect(t.rows).toEqual([
			{ code: 'A1', name: 'Phòng họp, tầng 2', area: '12.5' },
			{ code: 'A2', name: 'Nói "xin chào"', area: '8' }
		]);
		expect(t.rowNumbers).toEqual([2, 3]);
	});

	it('reads a CSV without BOM, with LF line ends and a quoted newline', async () => {
		const data = new TextEncoder().encode('code,notes\nA1,"dòng 1\ndòng 2"\nA2,x\n');
		const t = await parseTable(data, 'X.CSV');
		expect(t.rows).toEqual([
			{ code: 'A1', notes: 'dòng 1\ndòng 2' },
			{ code: 'A2', notes: 'x' }
		]);
	});

	it('detects the semicolon delimiter and keeps decimal commas in the cell', async () => {
		const t = await parseTable(csv(['code;area', 'A1;12,5', 'A2;"1.234,5"']), 'x.csv');
		expect(t.headers).toEqual(['code', 'area']);
		expect(t.rows).toEqual([
			{ code: 'A1', area: '12,5' },
			{ code: 'A2', area: '1.234,5' }
		]);
	});

	it('skips fully empty lines but keeps the file row numbers', async () => {
		const t = await parseTable(csv(['code;area', 'A1;1', '', ';;', 'A2;2']), 'x.csv');
		expect(t.rows.map((r) => r.code)).toEqual(['A1', 'A2']);
		expect(t.rowNumbers).toEqual([2, 5]);
	});

	it('fills short rows with blanks and ignores cells beyond the headers', async () => {
		const t = await parseTable(csv(['a,b,c', '1', '1,2,3,4']), 'x.csv');
		expect(t.rows).toEqual([
			{ a: '1', b: '', c: '' },
			{ a: '1', b: '2', c: '3' }
		]);
	});

	it('refuses a Windows-1258/1252 file with io.encoding', async () => {
		// "Phòng" in Windows-1258 is 50 68 F2 6E 67; "à" is E0: neither is valid UTF-8.
		const bytes = new Uint8Array([
			...new TextEncoder().encode('code,name\r\nA1,Ph'),
			0xf2,
			...new TextEncoder().encode('ng h'),
			0xe0,
			...new TextEncoder().encode('nh\r\n')
		]);
		expect((await ioRefusal(parseTable(bytes, 'x.csv'))).key).toBe('io.encoding');
	});

	it('refuses an empty file, a blank file and a file with only headers with io.empty', async () => {
		expect((await ioRefusal(parseTable(new Uint8Array(0), 'x.csv'))).key).toBe('io.empty');
		expect((await ioRefusal(parseTable(csv(['', '  '], { bom: true }), 'x.csv'))).key).toBe(
			'io.empty'
		);
		expect((await ioRefusal(parseTable(csv(['code,name']), 'x.csv'))).key).toBe('io.empty');
		expect((await ioRefusal(parseTable(csv(['code,name', ',', '']), 'x.csv'))).key).toBe(
			'io.empty'
		);
	});

	it('refuses an unterminated quote with io.unreadable', async () => {
		const e = await ioRefusal(parseTable(csv(['code,name', 'A1,"open']), 'x.csv'));
		expect(e.key).toBe('io.unreadable');
		expect(String(e.params.detail)).toMatch(/quote/i);
	});

	it('refuses an unknown extension and a file over 20 MB', async () => {
		const e = await ioRefusal(parseTable(csv(['a', '1']), 'rooms.txt'));
		expect(e.key).toBe('io.unreadable');
		expect(e.params.detail).toContain('.txt');
		const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
		const tooLarge = await ioRefusal(parseTable(big, 'x.csv'));
		expect(tooLarge.key).toBe('io.tooLarge');
		expect(tooLarge.params).toEqual({ max: 20 });
	});
});

describe('parseTable: XLSX', () => {
	it('reads the first sheet: numbers with a point, dates, rich text, formula results', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('first');
		wb.addWorksheet('second').addRow(['ignored']);
		ws.addRow([' code ', 'area', 'date', 'name', 'total', 'flag']);
		ws.addRow([
			'A1',
			12.5,
			new Date(Date.UTC(2025, 8, 12)),
			{ richText: [{ text: 'Phòng ' }, { font: { bold: true }, text: 'họp' }] },
			{ formula: 'B2*2', result: 25 },
			true
		]);
		ws.addRow([]);
		ws.addRow(['A2', 3, null, 'x', { formula: 'B4*2' }, false]);
		const data = new Uint8Array(await wb.xlsx.writeBuffer());
		const t = await parseTable(data, 'book.xlsx');
		expect(t.headers).toEqual(['code', 'area', 'date', 'name', 'total', 'flag']);
		expect(t.rows).toEqual([
			{
				code: 'A1',
				area: '12.5',
				date: '2025-09-12',
				name: 'Phòng họp',
				total: '25',
				flag: 'TRUE'
			},
			{ code: 'A2', area: '3', date: '', name: 'x', total: '', flag: 'FALSE' }
		]);
		expect(t.rowNumbers).toEqual([2, 4]);
	});

	it('refuses a corrupt XLSX with io.unreadable and a header-only sheet with io.empty', async () => {
		const corrupt = new TextEncoder().encode('PK\u0003\u0004 this is not a zip file at all');
		expect((await ioRefusal(parseTable(corrupt, 'x.xlsx'))).key).toBe('io.unreadable');

		const headersOnly = await xlsxBook([['code', 'name']]);
		expect((await ioRefusal(parseTable(headersOnly, 'x.xlsx'))).key).toBe('io.empty');
	});
});
