/**
 * `parseTable` parses on a worker thread: the same table as on the calling thread, the same
 * IoError (key and parameters) for a file the user must fix, and the limits still apply.
 */
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseTable, parseTableHere } from './table';
import { ioRefusal, xlsxBook } from '../../../../tests/helpers/io';

describe('parseTable on a worker thread', () => {
	it('gives the table the calling thread gives (XLSX and CSV)', async () => {
		expect(isMainThread).toBe(true);
		const file = await xlsxBook([
			['code', 'areaM2', 'name'],
			['P1', 12.5, 'Phòng 1'],
			[],
			['P2', 1000, 'Phòng 2']
		]);
		const worker = await parseTable(file, 'rooms.xlsx');
		expect(worker).toEqual(await parseTableHere(file, 'rooms.xlsx'));
		expect(worker).toEqual({
			headers: ['code', 'areaM2', 'name'],
			rows: [
				{ code: 'P1', areaM2: '12.5', name: 'Phòng 1' },
				{ code: 'P2', areaM2: '1000', name: 'Phòng 2' }
			],
			rowNumbers: [2, 4]
		});
		const csv = new TextEncoder().encode('\uFEFFcode;areaM2\nP1;12,5\n');
		expect(await parseTable(csv, 'rooms.csv')).toEqual(await parseTableHere(csv, 'rooms.csv'));
	}, 60_000);

	it('rebuilds the worker’s IoError with its key and parameters', async () => {
		const rows = [['code'], ['A'], ['B'], ['C']];
		const e = await ioRefusal(
			parseTable(await xlsxBook(rows), 'x.xlsx', {
				entries: 1000,
				uncompressedBytes: 100 * 1024 * 1024,
				rows: 2
			})
		);
		expect(e.key).toBe('io.tooManyRows');
		expect(e.params).toEqual({ max: 2 });
		const bad = await ioRefusal(parseTable(new TextEncoder().encode('not a zip'), 'x.xlsx'));
		expect(bad.key).toBe(
			(await ioRefusal(parseTableHere(new TextEncoder().encode('not a zip'), 'x.xlsx'))).key
		);
	}, 60_000);

	it('refuses a wrong kind or an empty file at once, without a worker', async () => {
		expect((await ioRefusal(parseTable(new Uint8Array([1]), 'x.pdf'))).key).toBe('io.unreadable');
		expect((await ioRefusal(parseTable(new Uint8Array(), 'x.csv'))).key).toBe('io.empty');
	});
});
