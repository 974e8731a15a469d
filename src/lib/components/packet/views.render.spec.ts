/**
 * The packet views as the proposal pages send them (svelte/server): PacketView's figures (the
 * shared DataTable) and section tables (CellTable), DiffView's changed figures, words and rows.
 * Fixture: tests/helpers/packet.ts (40 staff, 600 m² entitled, 360 m² used, 240 m² short).
 */
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '$lib/packet/diff';
import type { PacketSnapshot, PageSnapshot } from '$lib/packet/types';
import { pageSnapshot } from '$lib/server/proposals/page';
import { samplePacket } from '../../../../tests/helpers/packet';
import { attr, elements, renderHtml, textOf } from '../../../../tests/helpers/render';
import DiffView from './DiffView.svelte';
import PacketView from './PacketView.svelte';

const section = (html: string, key: string) => {
	const start = html.indexOf(`<section class="card" aria-labelledby="sec-${key}">`);
	expect(start).toBeGreaterThanOrEqual(0);
	return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
};
const rowsOf = (table: string) =>
	elements(elements(table, 'tbody')[0], 'tr').map((tr) => elements(tr, 'td').map(textOf));

describe('PacketView', () => {
	it('lists a section’s figures with the value right-aligned and its source', () => {
		const html = renderHtml(PacketView, { snapshot: pageSnapshot(samplePacket()) });
		const [figures] = elements(section(html, 'necessity'), 'table');
		expect(textOf(elements(figures, 'caption')[0])).toBe(
			'Sự cần thiết đầu tư và sự phù hợp với quy hoạch'
		);
		expect(elements(figures, 'th').map((th) => [textOf(th), attr(th, 'class')])).toEqual([
			['Chỉ tiêu', null],
			['Giá trị', 'num'],
			['Nguồn', null]
		]);
		const rows = rowsOf(figures);
		expect(rows.slice(0, 4).map((r) => r.slice(0, 2))).toEqual([
			['Biên chế được giao', '40 người'],
			['Diện tích làm việc theo định mức', '600,0 m²'],
			['Diện tích làm việc đang sử dụng', '360,0 m²'],
			// 600 − 360
			['Diện tích còn thiếu', '240,0 m²']
		]);
		expect(rows[4].slice(0, 2)).toEqual(['Tỷ lệ so với định mức', '60%']);
		expect(rows[3][2]).toBe(
			'Hiệu số giữa diện tích làm việc theo định mức và diện tích đang sử dụng.'
		);
		expect(figures).toContain('<td class="num">240,0 m²</td>');
	});

	it('writes English figures with a decimal point', () => {
		const html = renderHtml(
			PacketView,
			{ snapshot: pageSnapshot(samplePacket()) },
			{ locale: 'en' }
		);
		const rows = rowsOf(elements(section(html, 'necessity'), 'table')[0]);
		expect(rows[3].slice(0, 2)).toEqual(['Shortfall', '240.0 m²']);
	});

	it('cuts a long table to its first rows with a link to all of them, keeping the others', () => {
		// The sites section is open in full already (?all=sites).
		const snapshot: PageSnapshot = pageSnapshot(samplePacket(), ['sites']);
		const nec = snapshot.sections.find((s) => s.key === 'necessity')!;
		const units = nec.tables[0];
		// The units table: 2 of 12 rows shown (a page snapshot cut by the server).
		nec.tables[0] = { ...units, total: 12 };
		const html = renderHtml(PacketView, { snapshot }, { url: '/w/an-khanh/proposals/3?all=sites' });
		const part = section(html, 'necessity');
		const [details] = elements(part, 'details');
		expect(attr(details, 'open')).toBeNull();
		expect(textOf(elements(details, 'summary')[0])).toBe(
			'Nhu cầu diện tích làm việc theo đơn vị (12)'
		);
		const table = elements(details, 'table')[0];
		expect(elements(table, 'th').map(textOf)).toEqual(units.headVi);
		// numbers right-aligned, areas with the one decimal of their "(m²)" column
		expect(rowsOf(table)[0]).toEqual(['Văn phòng', '20', '300,0', '200,0', '-100,0']);
		expect(
			elements(elements(table, 'tbody')[0], 'td').filter((td) => /class="num"/.test(td))
		).toHaveLength(8);
		const link = elements(details, 'a')[0];
		expect(attr(link, 'href')).toBe('/w/an-khanh/proposals/3?all=sites%2Cnecessity#sec-necessity');
		expect(textOf(elements(details, 'p')[0])).toBe('Đang hiện 2/12 dòng. Hiện tất cả');
	});

	it('opens every table in the print version', () => {
		const html = renderHtml(PacketView, {
			snapshot: pageSnapshot(samplePacket(), 'all'),
			print: true
		});
		const details = elements(html, 'details');
		expect(details.length).toBe(13);
		expect(details.filter((d) => attr(d, 'open') === null)).toEqual([]);
	});
});

describe('DiffView', () => {
	/** Version 2: a sentence added, the shortfall 12.5 m² more, the first unit row replaced. */
	function versions(): [PacketSnapshot, PacketSnapshot] {
		const a = samplePacket();
		const b = structuredClone(a);
		const nec = b.sections.find((s) => s.key === 'necessity')!;
		nec.narrative = `${nec.narrative ?? ''} Trụ sở xuống cấp nghiêm trọng.`;
		nec.numbers.shortfallM2 = { ...nec.numbers.shortfallM2, value: 252.5 };
		const units = nec.tables[0];
		units.rows = [...units.rows.slice(1), ['Văn phòng mới', 21, 301, 201, -99.5]];
		return [a, b];
	}

	it('shows each changed figure before and after, right-aligned', () => {
		const html = renderHtml(DiffView, { diff: diffSnapshots(...versions()), from: 1, to: 2 });
		expect(textOf(elements(html, 'p')[0])).toBe('Phiên bản 1 → Phiên bản 2');
		const figures = elements(html, 'table')[0];
		expect(textOf(elements(figures, 'caption')[0])).toBe(
			'Số liệu thay đổi · Sự cần thiết đầu tư và sự phù hợp với quy hoạch'
		);
		expect(elements(figures, 'th').map((th) => attr(th, 'class'))).toEqual([null, 'num', 'num']);
		expect(rowsOf(figures)).toEqual([['Diện tích còn thiếu', '240,0 m²', '252,5 m²']]);
	});

	it('marks inserted words and lists the added and removed rows under their captions', () => {
		const html = renderHtml(DiffView, { diff: diffSnapshots(...versions()) });
		expect(textOf(elements(html, 'ins')[0])).toBe('[thêm: Trụ sở xuống cấp nghiêm trọng. ]');
		const [, added, removed] = elements(html, 'table');
		expect(attr(added, 'class')).toMatch(/^added\b/);
		expect(textOf(elements(added, 'caption')[0])).toBe('Dòng thêm mới (1)');
		expect(rowsOf(added)).toEqual([['Văn phòng mới', '21', '301', '201', '-99,5']]);
		expect(attr(removed, 'class')).toMatch(/^removed\b/);
		expect(textOf(elements(removed, 'caption')[0])).toBe('Dòng bị bỏ (1)');
		expect(rowsOf(removed)).toEqual([['Văn phòng', '20', '300', '200', '-100']]);
	});

	it('says there is no change between equal versions', () => {
		const a = samplePacket();
		const html = renderHtml(DiffView, { diff: diffSnapshots(a, structuredClone(a)) });
		expect(html).not.toContain('<table');
		expect(textOf(html)).toContain('Không có thay đổi');
	});
});
