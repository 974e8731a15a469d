/**
 * The city's staffing board page and its CSV/XLSX files are computed on a worker thread (issue
 * 16): the handlers get a database handle whose query builder throws on this thread (only its
 * file name and raw client work, which the revision check uses), so they can only answer if the
 * worker, which opens the file itself, did the work. Figures of a hand-made ward checked by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import type { Db } from '../db';
import { readOnlyDb } from '../db/readonly';
import { seedSample } from '../db/seed';
import { vnToday } from './staffing-support';
import {
	BOARD_QUEUE_MAX,
	boardOnWorker,
	boardPage,
	boardQueue,
	clearStaffingResults,
	staffingBoardOffThread,
	stopStaffingWorkers
} from './staffing-worker';
import { load } from '../../../routes/review/staffing/+page.server';
import { GET } from '../../../routes/review/staffing/board.[format]/+server';
import { GET as apiGET } from '../../../routes/api/v1/staffing-board/+server';
import { noQueriesHere } from '../../../../tests/helpers/no-queries';
import { addLandOfficer, addTestWard } from '../../../../tests/helpers/staffing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-staffing-'));
const file = path.join(dir, 'truso.sqlite');
let db: Db;

let addPosition: ReturnType<typeof addTestWard>['position'];

beforeAll(() => {
	db = openDatabase(file);
	seedSample(db);
	// Land 5 vacant, construction 2, no field 1: 8 vacant posts (see addTestWard).
	addPosition = addTestWard(db).position;
	// One land officer active since 01/11/2026 (open end): land uncovered 5 − 1 = 4.
	addLandOfficer(db);
});

afterEach(() => clearStaffingResults());

afterAll(async () => {
	await stopStaffingWorkers();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const locals = () =>
	({ db: noQueriesHere(db), locale: 'vi', canEdit: true, user: null }) as unknown as App.Locals;
const pageAt = (query: string) =>
	load({ locals: locals(), url: new URL(`http://x/review/staffing${query}`) } as never) as Promise<{
		coverage: { wardCode: string; field: string | null; vacant: number; assigned: number }[];
		vacancies: { wardCode: string; positionTitle: string; vacant: number }[];
		totals: { vacant: number; assigned: number; uncovered: number };
		vacancyCount: number;
		coverageCount: number;
		options: { wards: { code: string }[] };
	}>;

describe('the staffing board page off the request thread', () => {
	it("a ward's figures: land 5 vacant, 1 assigned, 4 uncovered; construction 2; no field 1", async () => {
		const page = await pageAt('?ward=thu-nghiem');
		expect(
			page.coverage.map((c) => [c.field, c.vacant, c.assigned, c.vacant - c.assigned])
		).toEqual([
			['land', 5, 1, 4],
			['construction', 2, 0, 2],
			[null, 1, 0, 1]
		]);
		expect(page.totals).toEqual({ vacant: 8, assigned: 1, uncovered: 7 });
		expect(page.vacancies.map((v) => [v.positionTitle, v.vacant])).toEqual([
			['Chuyên viên địa chính', 4],
			['Chuyên viên đăng ký đất đai', 1],
			['Chuyên viên xây dựng', 2],
			['Phó Trưởng phòng', 1]
		]);
	}, 120_000);

	it('every ward: the sample wards and ours, the same board as computed here', async () => {
		const page = await pageAt('');
		expect(new Set(page.vacancies.map((v) => v.wardCode))).toEqual(
			new Set(['an-khanh', 'binh-trung', 'thu-nghiem'])
		);
		const here = boardOnWorker(db, {}, vnToday());
		expect(page.vacancyCount).toBe(here.vacancies.length);
		expect(page.coverageCount).toBe(here.coverage.length);
		expect(page.totals).toEqual(here.totals);
		expect(page.options.wards.map((w) => w.code)).toContain('thu-nghiem');
	}, 120_000);

	it('is reused while the database is unchanged, computed again after a write', async () => {
		const trapped = noQueriesHere(db);
		const a = staffingBoardOffThread(trapped, { ward: 'thu-nghiem', field: 'construction' });
		expect(staffingBoardOffThread(trapped, { ward: 'thu-nghiem', field: 'construction' })).toBe(a);
		expect((await a).totals.vacant).toBe(2);
		addPosition('Chuyên viên quy hoạch', 'construction', 4, 1); // 3 more vacant
		const b = staffingBoardOffThread(trapped, { ward: 'thu-nghiem', field: 'construction' });
		expect(b).not.toBe(a);
		expect((await b).totals.vacant).toBe(5);
		db.$client.prepare("delete from positions where title = 'Chuyên viên quy hoạch'").run();
	}, 120_000);

	it('the CSV file is written on the worker: the ward’s rows with their coverage', async () => {
		const res = await GET({
			locals: locals(),
			params: { format: 'csv' },
			url: new URL('http://x/review/staffing/board.csv?ward=thu-nghiem&field=land')
		} as never);
		expect(res.status).toBe(200);
		const lines = (await res.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/);
		expect(lines.slice(1)).toEqual([
			'Phường Thử Nghiệm,Đất đai,Chuyên viên địa chính,Phòng Kinh tế,6,2,4,1,4',
			'Phường Thử Nghiệm,Đất đai,Chuyên viên đăng ký đất đai,Phòng Kinh tế,3,2,1,1,4',
			'Tổng cộng,,,,,,5,1,4'
		]);
	}, 120_000);

	it('the city API answers from the worker too: the ward’s coverage by field, JSON', async () => {
		const reviewer = {
			...locals(),
			principal: { kind: 'user', user: { role: 'city_reviewer' } }
		} as unknown as App.Locals;
		const res = await apiGET({
			locals: reviewer,
			url: new URL('http://x/api/v1/staffing-board?ward=thu-nghiem')
		} as never);
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			totals: { vacant: number; assigned: number; uncovered: number };
		};
		expect(body.totals).toEqual({ vacant: 8, assigned: 1, uncovered: 7 });
	}, 120_000);

	it('a full queue: 503 with the busy message, nothing kept; the next request is answered', async () => {
		const releases: (() => void)[] = [];
		const hold = (i: number) =>
			boardQueue.submit(0, `hold:${i}`, () => new Promise<void>((r) => releases.push(r)));
		for (let i = 0; i <= BOARD_QUEUE_MAX; i++) hold(i); // one running, the rest waiting
		try {
			const refused = await pageAt('?ward=binh-trung').then(
				() => null,
				(e: unknown) => e
			);
			expect(isHttpError(refused) && refused.status).toBe(503);
			expect(isHttpError(refused) && refused.body.message).toBe(
				`Máy chủ đang bận: hàng đợi đã đủ ${BOARD_QUEUE_MAX} việc. Vui lòng thử lại sau ít phút.`
			);
			// The city API: the same refusal as JSON, with when to retry.
			const api = await apiGET({
				locals: {
					...locals(),
					principal: { kind: 'user', user: { role: 'admin' } }
				} as unknown as App.Locals,
				url: new URL('http://x/api/v1/staffing-board')
			} as never);
			expect(api.status).toBe(503);
			expect(api.headers.get('retry-after')).toBe('30');
			expect(((await api.json()) as { error: { code: string } }).error.code).toBe('busy');
		} finally {
			while (boardQueue.waiting > 0 || releases.length > 0) {
				releases.shift()?.();
				await new Promise((r) => setTimeout(r, 0));
			}
		}
		const page = await pageAt('?ward=binh-trung');
		expect(page.coverage.find((c) => c.field === 'land')?.vacant).toBe(5);
	}, 120_000);
});

describe("the page's rows", () => {
	it('the first rows of the coverage and the vacancies, with the full counts', () => {
		const full = boardOnWorker(db, { ward: 'thu-nghiem' }, vnToday());
		const page = boardPage(full, 2);
		expect(page.vacancies.map((v) => v.positionTitle)).toEqual([
			'Chuyên viên địa chính',
			'Chuyên viên đăng ký đất đai'
		]);
		expect([page.vacancyCount, page.coverage.length, page.coverageCount]).toEqual([4, 2, 3]);
		expect([page.assignments.length, page.assignmentCount]).toEqual([1, 1]);
		expect(page.totals).toEqual({ vacant: 8, assigned: 1, uncovered: 7 });
	});
});

describe("the worker's kept source", () => {
	it('is read again after another connection wrote (data version)', () => {
		const ro = readOnlyDb(file);
		const day = vnToday();
		const before = boardOnWorker(ro, {}, day).totals.vacant;
		expect(boardOnWorker(ro, { ward: 'thu-nghiem' }, day).totals.vacant).toBe(8);
		addPosition('Chuyên viên tài chính', 'finance', 2, 0); // 2 more vacant
		expect(boardOnWorker(ro, { ward: 'thu-nghiem' }, day).totals.vacant).toBe(10);
		expect(boardOnWorker(ro, {}, day).totals.vacant).toBe(before + 2);
		db.$client.prepare("delete from positions where title = 'Chuyên viên tài chính'").run();
	});
});
