/**
 * XLSX bombs: a small upload that inflates to hundreds of MB, a directory that lies about the
 * inflated size, too many entries, too many rows. Each is refused with a message before the
 * workbook library inflates it, quickly and without the memory it would take.
 */
import { describe, expect, it } from 'vitest';
// The guard's own memory, measured on this thread (`parseTable` itself hands the file to a worker).
import { parseTableHere as parseTable } from './table';
import { checkXlsxArchive, XLSX_LIMITS } from './xlsx-guard';
import { translate } from '../../i18n';
import { deflatedZeros, xlsxBomb, zip } from '../../../../tests/support/zip-bomb';
import { ioRefusal, xlsxBook } from '../../../../tests/helpers/io';

/** Runs `fn` and reports the growth of the resident memory. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; rssMb: number }> {
	const rss0 = process.memoryUsage().rss;
	const value = await fn();
	return { value, rssMb: (process.memoryUsage().rss - rss0) / (1024 * 1024) };
}

describe('XLSX limits', () => {
	it('has the documented defaults: 1,000 entries, 100 MB inflated, 50,000 rows', () => {
		expect(XLSX_LIMITS).toEqual({
			entries: 1000,
			uncompressedBytes: 100 * 1024 * 1024,
			rows: 50_000
		});
	});

	it('refuses a 600 MB zero-filled sheet (a file of well under 1 MB) before inflating it', async () => {
		const file = await xlsxBomb(600);
		expect(file.length).toBeLessThan(1024 * 1024);
		const { value: err, rssMb } = await measured(() => ioRefusal(parseTable(file, 'bomb.xlsx')));
		expect(err.key).toBe('io.xlsxTooBig');
		expect(err.params).toEqual({ max: 100 });
		expect(translate('vi', err.key, err.params)).toBe(
			'Tệp XLSX khi giải nén quá lớn (tối đa 100 MB). Hãy chia nhỏ tệp hoặc xoá các trang, hình ảnh không cần thiết.'
		);
		// Refused before inflating: the memory did not grow by the sheet (no timing: shared machine).
		expect(rssMb).toBeLessThan(50);
	}, 60_000);

	it('stops inflating an entry that lies about its size (declares 1 KB, holds 300 MB)', async () => {
		const bomb = await deflatedZeros(300);
		const file = zip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, declared: 1024 }]);
		const { value: err, rssMb } = await measured(() => ioRefusal(parseTable(file, 'lie.xlsx')));
		expect(err.key).toBe('io.unreadable');
		expect(err.params.detail).toBe('xl/worksheets/sheet1.xml: kích thước khai báo sai');
		// Stopped after the first inflated chunk(s), not after 300 MB: the memory did not grow by it.
		expect(rssMb).toBeLessThan(50);
	}, 60_000);

	it('refuses an archive with more entries than the limit, from the directory alone', async () => {
		const entries = Array.from({ length: 11 }, (_, i) => ({
			name: `xl/media/m${i}.bin`,
			data: Buffer.from('x'),
			method: 0 as const,
			declared: 1
		}));
		const err = await ioRefusal(
			parseTable(zip(entries), 'many.xlsx', { ...XLSX_LIMITS, entries: 10 })
		);
		expect(err.key).toBe('io.xlsxEntries');
		expect(translate('vi', err.key, err.params)).toBe(
			'Tệp XLSX có quá nhiều thành phần (tối đa 10).'
		);
		// The same archive with 10 entries passes the entry check (and fails later as not a workbook).
		const ten = await ioRefusal(
			parseTable(zip(entries.slice(0, 10)), 'ten.xlsx', { ...XLSX_LIMITS, entries: 10 })
		);
		expect(ten.key).not.toBe('io.xlsxEntries');
	});

	it('refuses more than 50,000 data rows before the workbook is read; 50,000 pass', async () => {
		const book = (rows: number) =>
			xlsxBook([
				['code', 'area_m2'],
				...Array.from({ length: rows }, (_, k) => [`P${k + 1}`, (k + 1) % 50])
			]);
		const over = await book(50_001);
		const err = await ioRefusal(checkXlsxArchive(over));
		expect(err.key).toBe('io.tooManyRows');
		expect(translate('vi', err.key, err.params)).toBe(
			'Tệp có quá nhiều dòng (tối đa 50.000 dòng).'
		);
		await expect(checkXlsxArchive(await book(50_000))).resolves.toBeUndefined();
		// Through parseTable with a small limit: 101 rows refused, 100 read.
		const small = { ...XLSX_LIMITS, rows: 100 };
		expect((await ioRefusal(parseTable(await book(101), 'r.xlsx', small))).key).toBe(
			'io.tooManyRows'
		);
		expect((await parseTable(await book(100), 'r.xlsx', small)).rows).toHaveLength(100);
	}, 60_000);

	it('refuses a CSV of more than the row limit too', async () => {
		const lines = ['code,area_m2', ...Array.from({ length: 101 }, (_, i) => `P${i},1`)];
		const data = new TextEncoder().encode(lines.join('\n'));
		const small = { ...XLSX_LIMITS, rows: 100 };
		expect((await ioRefusal(parseTable(data, 'r.csv', small))).key).toBe('io.tooManyRows');
		expect(
			(await parseTable(data.slice(0, data.lastIndexOf(10)), 'r.csv', small)).rows
		).toHaveLength(100);
	});
});
