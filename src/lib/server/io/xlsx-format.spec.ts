import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx, xlsxNumberFormat } from './common';

describe('XLSX number formats follow the decimals policy', () => {
	it('areas with 1 decimal, scores and CR with 3, other columns as they are', () => {
		expect(xlsxNumberFormat('area_m2')).toBe('#,##0.0');
		expect(xlsxNumberFormat('land_area_m2')).toBe('#,##0.0');
		expect(xlsxNumberFormat('Diện tích (m²)')).toBe('#,##0.0');
		expect(xlsxNumberFormat('score')).toBe('0.000');
		expect(xlsxNumberFormat('CR')).toBe('0.000');
		expect(xlsxNumberFormat('occupants')).toBeNull();
		expect(xlsxNumberFormat('level')).toBeNull();
		expect(xlsxNumberFormat('room_code')).toBeNull();
	});

	it('shows 607 as 607.0 while the stored value stays exact', async () => {
		const bytes = await writeXlsx(
			'rooms',
			['room_code', 'area_m2', 'occupants'],
			[
				['1.01', 607, 3],
				['1.02', 29.45, 1]
			]
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(ws.getCell('B2').value).toBe(607);
		expect(ws.getCell('B3').value).toBe(29.45);
		expect(ws.getCell('B2').numFmt).toBe('#,##0.0');
		expect(ws.getCell('C2').numFmt ?? null).not.toBe('#,##0.0');
		// Room codes are text and keep their dot.
		expect(ws.getCell('A2').value).toBe('1.01');
	});
});
