/**
 * The staffing board page as the server renders it, from its load on a hand-made ward (land 5
 * vacant, 1 officer; see tests/helpers/staffing.ts): the filter's three drop-downs with the
 * chosen ward, the coverage figures, and the notes when the page cuts a list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '$lib/server/db/test-db';
import { seedSample } from '$lib/server/db/seed';
import { addLandOfficer, addTestWard } from '../../../../tests/helpers/staffing';
import { elements, renderHtml, textOf } from '../../../../tests/helpers/render';
import Page from './+page.svelte';
import { load } from './+page.server';

type Data = Awaited<ReturnType<typeof load>>;
let data: Exclude<Data, void>;

beforeAll(async () => {
	const db = createTestDb();
	seedSample(db);
	addTestWard(db);
	addLandOfficer(db);
	const locals = { db, locale: 'vi', canEdit: true, user: null } as unknown as App.Locals;
	data = (await load({
		locals,
		url: new URL('http://x/review/staffing?ward=thu-nghiem&field=land')
	} as never)) as Exclude<Data, void>;
});

const render = (over: Partial<typeof data> = {}) =>
	renderHtml(Page, { data: { ...data, ...over }, form: null } as never, {
		url: '/review/staffing?ward=thu-nghiem&field=land'
	});

describe('the staffing board page', () => {
	it('the filter: ward, field and position, the chosen ward and field selected', () => {
		const html = render();
		const selects = elements(html, 'select').slice(0, 3); // then the add form's
		expect(selects.map((s) => /name="(\w+)"/.exec(s)?.[1])).toEqual(['ward', 'field', 'position']);
		const chosen = selects.map((s) =>
			elements(s, 'option')
				.filter((o) => /\sselected/.test(o))
				.map(textOf)
		);
		expect(chosen).toEqual([['Phường Thử Nghiệm'], ['Đất đai'], []]);
	});

	it('the coverage of land: 5 vacant, 1 assigned, 4 uncovered; no cut note', () => {
		const html = render();
		const rows = elements(html, 'tr').map(textOf);
		expect(rows).toContain('Phường Thử Nghiệm Đất đai 5 1 4');
		expect(textOf(html)).not.toContain('Đang hiện');
	});

	it('says how many rows a cut list shows', () => {
		const text = textOf(render({ coverageCount: 250, vacancyCount: 3400, assignmentCount: 900 }));
		expect(text).toContain(
			'Đang hiện 1/250 dòng; chọn phường hoặc lĩnh vực để thu hẹp, tệp CSV/XLSX có đủ.'
		);
		expect(text).toContain(
			'Đang hiện 2/3.400 dòng; chọn phường hoặc lĩnh vực để thu hẹp, tệp CSV/XLSX có đủ.'
		);
		expect(text).toContain(
			'Đang hiện 1/900 lượt cử; chọn một phường để xem đủ lượt cử của phường đó.'
		);
	});
});
