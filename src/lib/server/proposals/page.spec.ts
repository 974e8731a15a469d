import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { section } from '../../packet';
import { getVersion, listProposals } from './reading';
import { expandedSections, PAGE_TABLE_ROWS, pageSnapshot } from './page';
import { sampleDb } from '../../../../tests/helpers/sample';

let db: Db;
let wardId: number;

beforeAll(() => {
	({ db, bt: wardId } = sampleDb());
});

describe('the page snapshot', () => {
	function bigSnapshot() {
		const p = listProposals(db, wardId)[0];
		const s = getVersion(db, p.id, 1)!.snapshot;
		const sites = section(s, 'sites');
		sites.tables.push({
			key: 'many',
			titleVi: 'Nhiều dòng',
			titleEn: 'Many rows',
			headVi: ['Mã', 'Điểm'],
			headEn: ['Code', 'Score'],
			rows: Array.from({ length: 25 }, (_, i) => [`S${i}`, i + 1 / 3])
		});
		return s;
	}

	it('cuts every table to its first rows, keeps the row count and rounds the cells', () => {
		const s = bigSnapshot();
		const page = pageSnapshot(s);
		const many = page.sections
			.find((x) => x.key === 'sites')!
			.tables.find((t) => t.key === 'many')!;
		expect(many.total).toBe(25);
		expect(many.rows).toHaveLength(PAGE_TABLE_ROWS);
		expect(many.rows[1]).toEqual(['S1', 1.3333]);
		for (const sec of page.sections) {
			expect(sec.expanded).toBe(false);
			for (const t of sec.tables) expect(t.rows.length).toBeLessThanOrEqual(PAGE_TABLE_ROWS);
		}
		// The numbers, the narratives and the submission are all there; the map layers are not.
		expect(page.sections.map((x) => x.key)).toEqual(s.sections.map((x) => x.key));
		expect(section(page as never, 'estimate').numbers).toEqual(section(s, 'estimate').numbers);
		expect(page.submission).toEqual(s.submission);
		expect(page.map.sites).toEqual([]);
		// The stored snapshot is not changed.
		expect(section(s, 'sites').tables.find((t) => t.key === 'many')!.rows).toHaveLength(25);
	});

	it('shows the asked sections in full, everything in print', () => {
		const s = bigSnapshot();
		const url = (q: string) => new URL(`http://x/review/proposals/1${q}`);
		expect(expandedSections(url(''))).toEqual([]);
		expect(expandedSections(url('?all=sites,bogus&all=necessity'))).toEqual(['necessity', 'sites']);
		expect(expandedSections(url('?print=1'))).toBe('all');
		const one = pageSnapshot(s, expandedSections(url('?all=sites')));
		const sites = one.sections.find((x) => x.key === 'sites')!;
		expect(sites.expanded).toBe(true);
		expect(sites.tables.find((t) => t.key === 'many')!.rows).toHaveLength(25);
		const all = pageSnapshot(s, 'all');
		for (const sec of all.sections) {
			for (const t of sec.tables) expect(t.rows).toHaveLength(t.total);
		}
	});
});
