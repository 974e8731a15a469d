import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MAX_QUEUED_PER_WARD, packetQueue } from '../jobs';
import { roomNamed, sampleWard, unitCoded, savePlan } from '../../../../tests/helpers/plans';
import { exportMovesXlsx, movesTable } from './export';
import { busyPage, movesFile, renderMovesInWorker, stopMovesWorkers } from './export-pool';
import { getScenario } from './scenarios';

const OTHER_WARD = 987_655;

/** The sample ward with a plan moving 3 of the Party office into the one-stop counter. */
function planWithMoves() {
	const { db, bt, built } = sampleWard();
	const partyOffice = unitCoded(built, 'VP-DU');
	const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
	const id = savePlan(db, bt, built, 'Chuyển thử', [
		{ unitId: partyOffice.key, roomId: counter.key, persons: 3 }
	]);
	return { db, bt, id, ward: { id: bt, name: 'Phường Bình Trưng' } };
}

/** Occupies every packet slot with a job of another ward until the returned function runs. */
function occupyQueue(tag: string) {
	const releases: (() => void)[] = [];
	for (let i = 0; i < packetQueue.options.running; i++) {
		packetQueue.submit(OTHER_WARD, `${tag}:${i}`, () => new Promise<void>((r) => releases.push(r)));
	}
	return () => releases.splice(0).forEach((r) => r());
}

async function sheetRows(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(
		bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
	);
	const rows: unknown[][] = [];
	wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
	return rows;
}

let release: (() => void) | null = null;
afterEach(() => {
	release?.();
	release = null;
});
afterAll(() => stopMovesWorkers());

describe('move list files rendered on a worker thread through the fair queue', () => {
	it('the worker’s XLSX holds the same rows as the calling thread’s; the PDF is a PDF', async () => {
		const { db, bt, id, ward } = planWithMoves();
		const detail = getScenario(db, bt, id)!;
		const at = new Date(Date.UTC(2026, 11, 6));
		const table = movesTable(detail, ward.name, 'vi', at);
		const [worker, here] = await Promise.all([
			renderMovesInWorker(table, 'xlsx'),
			exportMovesXlsx(detail, ward.name, 'vi', at)
		]);
		const rows = await sheetRows(worker);
		expect(rows).toEqual(await sheetRows(here));
		// Title, ward and date, blank, header, the moves, the total (3 persons).
		expect(rows[0]).toEqual(['Danh sách di chuyển: Chuyển thử']);
		expect(rows.at(-1)?.slice(0, 2)).toEqual(['Tổng cộng', 3]);
		const pdf = await renderMovesInWorker(table, 'pdf');
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	});

	it('waits behind busy workers with its position, then hands the file to the next request', async () => {
		const { db, id, ward } = planWithMoves();
		release = occupyQueue('moves-busy');
		const first = await movesFile(db, ward, id, 'xlsx', 'vi');
		const queued =
			'Máy chủ đang bận, vị trí 1 trong hàng đợi. Việc sẽ được làm khi đến lượt; trang tự cập nhật.';
		expect(first).toEqual({ busy: queued, position: 1 });
		const page = busyPage(queued, 1, 'vi');
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('5');
		const html = await page.text();
		expect(html).toContain(`<p role="status">${queued}</p>`);
		expect(html).toContain('<meta http-equiv="refresh" content="5">');
		release();
		release = null;
		// The job ran meanwhile: the reload gets the file at once.
		let second = await movesFile(db, ward, id, 'xlsx', 'vi');
		for (let i = 0; i < 200 && second && 'busy' in second; i++) {
			await new Promise((r) => setTimeout(r, 50));
			second = await movesFile(db, ward, id, 'xlsx', 'vi');
		}
		expect(second && 'bytes' in second && (await sheetRows(second.bytes))[0]).toEqual([
			'Danh sách di chuyển: Chuyển thử'
		]);
	});

	it('a full share of the queue is refused at once (no position), nothing queued', async () => {
		const { db, bt, id, ward } = planWithMoves();
		release = occupyQueue('moves-full');
		for (let i = 0; i < MAX_QUEUED_PER_WARD; i++) {
			packetQueue.submit(bt, `moves-full:ward:${i}`, () => Promise.resolve());
		}
		const waiting = packetQueue.waiting;
		const answer = await movesFile(db, ward, id, 'pdf', 'vi');
		expect(answer).toEqual({
			busy: 'Máy chủ đang bận: phường đã có 4 việc chờ trong hàng đợi. Vui lòng đợi các việc đó xong rồi thử lại.',
			position: null
		});
		expect(packetQueue.waiting).toBe(waiting);
		expect(await movesFile(db, { id: bt + 1000, name: 'x' }, id, 'pdf', 'vi')).toBeNull();
	});
});
