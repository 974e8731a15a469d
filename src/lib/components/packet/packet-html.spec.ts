/**
 * The packet sections as the proposal pages insert them (packet-html.server.ts): PacketView's
 * markup rendered on the server without hydration comments, kept for the default view while the
 * database is unchanged, rendered per request for ?all=… and ?print=1.
 * Fixture: tests/helpers/packet.ts (40 staff, 600 m² entitled, 360 m² used, 240 m² short).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearCache } from '$lib/server/core/cache';
import { createTestDb } from '$lib/server/db/test-db';
import { pageSnapshot } from '$lib/server/proposals/page';
import { samplePacket } from '../../../../tests/helpers/packet';
import { attr, elements, renderHtml, textOf } from '../../../../tests/helpers/render';
import { packetHtml, proposalPacketHtml } from './packet-html.server';
import PacketView from './PacketView.svelte';

const url = (s: string) => new URL(s, 'http://localhost');
const links = (html: string) => elements(html, 'a').map((a) => attr(a, 'href'));

describe('packetHtml', () => {
	it('is PacketView’s markup, without the hydration comments', () => {
		const snapshot = pageSnapshot(samplePacket());
		const html = packetHtml(snapshot, { url: url('/w/an-khanh/proposals/3'), locale: 'vi' });
		expect(html).not.toContain('<!--');
		expect(html).toBe(renderHtml(PacketView, { snapshot }, { url: '/w/an-khanh/proposals/3' }));
		expect(html).toContain('<td class="num">240,0 m²</td>');
		const en = packetHtml(snapshot, { url: url('/review/proposals/3'), locale: 'en' });
		expect(en).toContain('<td class="num">240.0 m²</td>');
	});
});

describe('proposalPacketHtml', () => {
	beforeEach(() => clearCache());

	it('keeps the default view per page and language until the database changes', () => {
		const db = createTestDb();
		const s = samplePacket();
		const first = proposalPacketHtml(
			db,
			'ward:1:3',
			s,
			url('/w/a/proposals/3?dossier=saved'),
			'vi'
		);
		// The sections' tables show their first 5 rows; the link to all keeps the path only.
		const units = elements(first, 'details')[0];
		expect(textOf(elements(units, 'summary')[0])).toBe(
			'Nhu cầu diện tích làm việc theo đơn vị (2)'
		);
		// Another address of the same view and a changed snapshot object: the kept markup.
		const other = structuredClone(s);
		other.submission.number = '99/TTr-UBND';
		const again = proposalPacketHtml(db, 'ward:1:3', other, url('/w/a/proposals/3'), 'vi');
		expect(again).toBe(first);
		expect(again).toContain('12/TTr-UBND');
		// English is kept apart.
		expect(proposalPacketHtml(db, 'ward:1:3', s, url('/w/a/proposals/3'), 'en')).toContain(
			'240.0 m²'
		);
		// A write: rendered again from the snapshot given.
		db.$client.exec('create temp table touched (x); insert into touched values (1)');
		const after = proposalPacketHtml(db, 'ward:1:3', other, url('/w/a/proposals/3'), 'vi');
		expect(after).toContain('99/TTr-UBND');
		expect(after).not.toContain('12/TTr-UBND');
	});

	it('renders ?all=… and ?print=1 per request with their links and open tables', () => {
		const db = createTestDb();
		const s = samplePacket();
		const nec = s.sections.find((x) => x.key === 'necessity')!;
		// 7 unit rows: the page shows 5 until asked for all.
		const row = nec.tables[0].rows[0];
		nec.tables[0].rows = Array.from({ length: 7 }, (_, i) => [`Đơn vị ${i + 1}`, ...row.slice(1)]);
		const plain = proposalPacketHtml(db, 'review:3', s, url('/review/proposals/3?x=1'), 'vi');
		expect(plain).toContain('Đang hiện 5/7 dòng.');
		expect(plain).not.toContain('Đơn vị 6');
		expect(links(plain)).toContain('/review/proposals/3?all=necessity#sec-necessity');

		const all = proposalPacketHtml(
			db,
			'review:3',
			s,
			url('/review/proposals/3?all=necessity'),
			'vi'
		);
		expect(all).toContain('Đơn vị 7');
		expect(links(all)).toContain('/review/proposals/3#sec-necessity');
		// The default view kept before is not replaced by the expanded one.
		expect(proposalPacketHtml(db, 'review:3', s, url('/review/proposals/3'), 'vi')).toBe(plain);

		const print = proposalPacketHtml(db, 'review:3', s, url('/review/proposals/3?print=1'), 'vi');
		const details = elements(print, 'details');
		expect(details.length).toBe(13);
		expect(details.filter((d) => attr(d, 'open') === null)).toEqual([]);
		expect(print).toContain('Đơn vị 7');
	});
});
