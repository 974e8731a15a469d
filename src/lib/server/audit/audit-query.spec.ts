import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { auditLog, wards } from '../db/schema';
import type { Db } from '../db';
import { writeAudit } from './';
import {
	auditCsv,
	auditDiff,
	auditFilterOptions,
	auditFilterQuery,
	auditPage,
	parseAuditFilters,
	queryAudit,
	vnDayStart,
	withDiffs
} from './audit-query';

let db: Db;
let bt: number;
let ak: number;
const lan = { userId: null, username: 'lan' };
const minh = { userId: null, username: 'minh' };
/** 2026-03-10 00:00 in Vietnam. */
const DAY = Date.parse('2026-03-10T00:00:00+07:00');
const H = 60 * 60 * 1000;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	// Only the rows written below (the seed may record its own).
	db.delete(auditLog).run();
	const id = (c: string) => db.select().from(wards).where(eq(wards.code, c)).get()!.id;
	bt = id('binh-trung');
	ak = id('an-khanh');
	// 60 facility updates by lan on 10/3, 3 room creations by minh on 11/3 (the last at 23:30),
	// one An Khánh row and two proposal rows.
	for (let i = 0; i < 60; i++) {
		writeAudit(db, {
			actor: lan,
			wardId: bt,
			entity: 'facility',
			entityId: i + 1,
			action: 'update',
			before: { name: `F${i}`, updatedAt: 1 },
			after: { name: `F${i}!`, updatedAt: 2 },
			at: DAY + i * 60_000
		});
	}
	for (let i = 0; i < 3; i++) {
		writeAudit(db, {
			actor: minh,
			wardId: bt,
			entity: 'room',
			entityId: 100 + i,
			action: 'create',
			after: { code: `=cmd|${i}`, areaM2: 12.5 },
			at: DAY + 24 * H + (i === 2 ? 23.5 * H : i * H)
		});
	}
	writeAudit(db, {
		actor: lan,
		wardId: ak,
		entity: 'facility',
		entityId: 1,
		action: 'delete',
		at: DAY
	});
	writeAudit(db, {
		actor: lan,
		wardId: bt,
		entity: 'proposal',
		entityId: 1,
		action: 'submit',
		at: DAY
	});
	writeAudit(db, {
		actor: minh,
		wardId: ak,
		entity: 'proposal_review',
		entityId: 2,
		action: 'decide',
		at: DAY + H
	});
});

describe('querying the audit trail', () => {
	it('scopes to one ward, newest first, 50 a page', () => {
		const p1 = queryAudit(db, { wardId: bt }, {});
		expect(p1.total).toBe(64);
		expect(p1.rows).toHaveLength(50);
		expect(p1.rows[0].entity).toBe('room');
		expect(p1.rows.every((r) => r.wardId === bt)).toBe(true);
		const p2 = queryAudit(db, { wardId: bt }, { page: 2 });
		expect(p2.rows).toHaveLength(14);
		expect(p2.rows.at(-1)!.entityId).toBe('1');
	});

	it('filters by user, entity, action and Vietnamese calendar days', () => {
		expect(queryAudit(db, { wardId: bt }, { user: 'minh' }).total).toBe(3);
		expect(queryAudit(db, { wardId: bt }, { entity: 'facility' }).total).toBe(60);
		expect(queryAudit(db, { wardId: bt }, { action: 'create' }).total).toBe(3);
		expect(queryAudit(db, { wardId: bt }, { from: '2026-03-11' }).total).toBe(3);
		// "to" is inclusive: the row at 23:30 on 11/3 counts.
		expect(queryAudit(db, { wardId: bt }, { from: '2026-03-11', to: '2026-03-11' }).total).toBe(3);
		expect(queryAudit(db, { wardId: bt }, { to: '2026-03-10' }).total).toBe(61);
		expect(queryAudit(db, { wardId: ak }, {}).total).toBe(2);
		expect(auditFilterOptions(db, { wardId: bt })).toEqual({
			users: ['lan', 'minh'],
			entities: ['facility', 'proposal', 'room']
		});
	});

	it("the city's trail holds every ward's proposal rows and nothing else", () => {
		const r = queryAudit(db, { proposals: true }, {});
		expect(r.rows.map((x) => [x.entity, x.wardCode])).toEqual([
			['proposal_review', 'an-khanh'],
			['proposal', 'binh-trung']
		]);
		expect(queryAudit(db, { proposals: true, wardCode: 'an-khanh' }, {}).total).toBe(1);
	});

	it('parses filters from the query string and drops junk', () => {
		const f = parseAuditFilters(
			new URLSearchParams('user=lan&action=drop&from=2026-02-30x&to=2026-03-11&page=-4')
		);
		expect(f).toEqual({
			user: 'lan',
			entity: undefined,
			action: undefined,
			from: undefined,
			to: '2026-03-11',
			page: 1
		});
		expect(auditFilterQuery(f)).toBe('?user=lan&to=2026-03-11');
		expect(vnDayStart('2026-03-10')).toBe(DAY);
	});
});

describe('an audit page', () => {
	it('clamps the page, trims the diffs and is recomputed after a write', () => {
		const first = auditPage(db, { wardId: bt }, new URLSearchParams('page=9&user=lan'));
		// 61 rows of lan in Bình Trưng (60 facilities, 1 proposal): page 9 of 50 a page is page 2.
		expect(first.list).toMatchObject({ total: 61, page: 2, pageSize: 50 });
		expect(first.list.rows).toHaveLength(11);
		expect(first.query).toBe('?user=lan');
		expect(first.options.users).toEqual(['lan', 'minh']);
		expect(first.options.actions).toContain('login');
		const before = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'x']));
		const after = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'abcdefgh']));
		writeAudit(db, {
			actor: lan,
			wardId: bt,
			entity: 'room',
			entityId: 7,
			action: 'update',
			before,
			after,
			at: DAY + 9 * 24 * H
		});
		const page = auditPage(db, { wardId: bt }, new URLSearchParams(), { fields: 10, chars: 5 });
		expect(page.list.total).toBe(65);
		const top = page.list.rows[0] as { diff: { after: string | null }[]; more?: number };
		expect(top.diff).toHaveLength(10);
		expect(top.more).toBe(2);
		expect(top.diff[0]).toEqual({ field: 'f0', before: 'x', after: 'abcde…' });
		// Without trimming: every field, the whole value, no `more`.
		const full = auditPage(db, { wardId: bt }, new URLSearchParams()).list.rows[0];
		expect(full.diff).toHaveLength(12);
		expect(full.diff[11]).toEqual({ field: 'f11', before: 'x', after: 'abcdefgh' });
		expect('more' in full).toBe(false);
	});

	it("the city's trail reads the entity range proposal… and nothing around it", () => {
		for (const entity of ['propos', 'proposam', 'proposal_version']) {
			writeAudit(db, { actor: lan, wardId: bt, entity, entityId: 1, action: 'update', at: DAY });
		}
		const page = auditPage(db, { proposals: true }, new URLSearchParams());
		expect(page.list.rows.map((r) => r.entity).sort()).toEqual([
			'proposal',
			'proposal_review',
			'proposal_version'
		]);
	});
});

describe('the readable diff', () => {
	it('shows only the fields that changed, without timestamps, flattened', () => {
		expect(
			auditDiff('{"name":"A","area":10,"updatedAt":1}', '{"name":"B","area":10,"updatedAt":2}')
		).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
		expect(auditDiff(null, '{"code":"X","geo":{"lat":10.5}}')).toEqual([
			{ field: 'code', before: null, after: 'X' },
			{ field: 'geo.lat', before: null, after: '10.5' }
		]);
		expect(auditDiff('{"notes":"x"}', '{"notes":null}')).toEqual([
			{ field: 'notes', before: 'x', after: 'null' }
		]);
		expect(auditDiff(null, null)).toEqual([]);
		const rows = withDiffs(queryAudit(db, { wardId: bt }, { entity: 'facility' }).rows);
		expect(rows[0].diff).toEqual([{ field: 'name', before: 'F59', after: 'F59!' }]);
		expect('beforeJson' in rows[0]).toBe(false);
	});
});

describe('CSV export', () => {
	it('exports the filtered rows with a BOM, escaped and safe from formulas', () => {
		const csv = auditCsv(db, { wardId: bt }, { user: 'minh' });
		expect(csv.startsWith('\uFEFFid,at_iso,at_vn,username,ward,entity')).toBe(true);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[1]).toContain(',minh,binh-trung,room,102,create,');
		expect(lines[1]).toContain('code: ∅ → =cmd|2');
		// The raw JSON cell starts with "{" so is not prefixed; the formula in it stays quoted text.
		expect(lines[1]).toContain('"{""code"":""=cmd|2"",""areaM2"":12.5}"');
		const all = auditCsv(db, { wardId: bt }, {});
		expect(all.trim().split('\r\n')).toHaveLength(65);
		writeAudit(db, {
			actor: { userId: null, username: '=HYPERLINK("http://x")' },
			wardId: ak,
			entity: 'facility',
			entityId: null,
			action: 'update'
		});
		expect(auditCsv(db, { wardId: ak }, {})).toContain(',"\'=HYPERLINK(""http://x"")",');
	});
});
