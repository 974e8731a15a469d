import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { auditLog, criteria, specialisedRooms, wards } from '../db/schema';
import type { Db } from '../db';
import {
	createWard,
	getWard,
	listWards,
	wardOptions,
	parseBoundary,
	setBoundary,
	updateWard,
	WardError,
	wardInputFromForm,
	type WardInput
} from './wards';
import { THU_DUC } from '../../../../tests/helpers/admin';

let db: Db;
const actor = { userId: null, username: 'admin' };
/** Thủ Đức's input with a code in mixed case (stored in lower case). */
const input: WardInput = { ...THU_DUC, code: 'Thu-Duc' };
const square = {
	type: 'Polygon',
	coordinates: [
		[
			[106.7, 10.8],
			[106.8, 10.8],
			[106.8, 10.9],
			[106.7, 10.9],
			[106.7, 10.8]
		]
	]
};

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
});

const errCode = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof WardError ? e.code : (e as Error).message;
	}
	return 'no error';
};

describe('wards', () => {
	it('creates a real ward with default rooms and criteria, audited', () => {
		const w = createWard(db, actor, input);
		expect(w.code).toBe('thu-duc');
		expect(w.isSample).toBe(false);
		expect(JSON.parse(w.extentJson!)).toEqual([10.8, 106.7, 10.9, 106.8]);
		const n = (t: typeof criteria | typeof specialisedRooms) =>
			db
				.select({ n: sql<number>`count(*)` })
				.from(t)
				.where(eq(t.wardId, w.id))
				.get()!.n;
		expect(n(specialisedRooms)).toBe(5);
		expect(n(criteria)).toBeGreaterThanOrEqual(5);
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'ward')).all();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ code: 'thu-duc', adminCode: '26800' });
		expect(listWards(db).map((r) => r.code)).toContain('thu-duc');
	});

	it('refuses duplicate codes and extents that are inverted or miss the centre', () => {
		createWard(db, actor, input);
		expect(errCode(() => createWard(db, actor, { ...input, name: 'x' }))).toBe('duplicate-code');
		expect(
			errCode(() => createWard(db, actor, { ...input, code: 'a', extent: [11, 106, 10, 107] }))
		).toBe('bad-extent');
		expect(errCode(() => createWard(db, actor, { ...input, code: 'b', centreLat: 11.5 }))).toBe(
			'bad-extent'
		);
		expect(db.select().from(wards).all()).toHaveLength(3);
	});

	it('updates with before/after in the audit; a failed audit changes nothing', () => {
		const w = createWard(db, actor, input);
		updateWard(db, actor, w.id, { ...input, name: 'Phường Thủ Đức (mới)', extent: null });
		const after = getWard(db, w.id)!;
		expect(after.name).toBe('Phường Thủ Đức (mới)');
		expect(after.extentJson).toBeNull();
		const row = db.select().from(auditLog).where(eq(auditLog.action, 'update')).get()!;
		expect(JSON.parse(row.beforeJson!).name).toBe('Phường Thủ Đức');
		expect(JSON.parse(row.afterJson!).name).toBe('Phường Thủ Đức (mới)');

		db.$client.exec(
			`create trigger fail_audit before insert on audit_log begin select raise(abort, 'no audit'); end`
		);
		expect(errCode(() => updateWard(db, actor, w.id, { ...input, name: 'Lost' }))).toBe('no audit');
		expect(errCode(() => setBoundary(db, actor, w.id, parseBoundaryOk(square)))).toBe('no audit');
		expect(errCode(() => createWard(db, actor, { ...input, code: 'z' }))).toBe('no audit');
		db.$client.exec('drop trigger fail_audit');
		expect(getWard(db, w.id)!.name).toBe('Phường Thủ Đức (mới)');
		expect(getWard(db, w.id)!.boundaryGeojson).toBeNull();
		expect(db.select().from(wards).all()).toHaveLength(3);
		expect(
			db
				.select()
				.from(criteria)
				.all()
				.filter((c) => c.wardId > 3)
		).toHaveLength(0);
	});

	it('reads the extent from the form only when all four values are given', () => {
		const form = {
			...input,
			south: 10.8,
			west: 106.7,
			north: null,
			east: null
		};
		expect(wardInputFromForm(form)).toBeNull();
		expect(wardInputFromForm({ ...form, north: 10.9, east: 106.8 })!.extent).toEqual([
			10.8, 106.7, 10.9, 106.8
		]);
		expect(wardInputFromForm({ ...form, south: null, west: null })!.extent).toBeNull();
	});
});

function parseBoundaryOk(g: unknown) {
	const r = parseBoundary(JSON.stringify(g));
	if (!r.ok) throw new Error(r.problems.join());
	return r.geometry;
}

describe('boundaries', () => {
	it('accepts a Polygon, a Feature, a one-feature collection and a MultiPolygon', () => {
		expect(parseBoundaryOk(square).type).toBe('Polygon');
		expect(parseBoundaryOk({ type: 'Feature', properties: {}, geometry: square }).type).toBe(
			'Polygon'
		);
		expect(
			parseBoundaryOk({
				type: 'FeatureCollection',
				features: [{ type: 'Feature', properties: {}, geometry: square }]
			}).type
		).toBe('Polygon');
		const multi = parseBoundaryOk({
			type: 'MultiPolygon',
			coordinates: [
				square.coordinates,
				square.coordinates.map((r) => r.map(([x, y]) => [x + 1, y]))
			]
		});
		expect(multi.type).toBe('MultiPolygon');
		expect(multi.coordinates).toHaveLength(2);
	});

	it('refuses broken input with the reason', () => {
		const bad = (x: unknown) => {
			const r = parseBoundary(typeof x === 'string' ? x : JSON.stringify(x));
			return r.ok ? 'accepted' : r.problems.join(' | ');
		};
		expect(bad('{not json')).toBe('not valid JSON');
		expect(bad({ type: 'Point', coordinates: [106, 10] })).toMatch(
			/Polygon or MultiPolygon, got Point/
		);
		expect(bad({ type: 'FeatureCollection', features: [] })).toMatch(/exactly one feature/);
		// A bow-tie (self-intersecting) ring.
		expect(
			bad({
				type: 'Polygon',
				coordinates: [
					[
						[106.7, 10.8],
						[106.8, 10.9],
						[106.8, 10.8],
						[106.7, 10.9],
						[106.7, 10.8]
					]
				]
			})
		).not.toBe('accepted');
		expect(bad({ type: 'MultiPolygon', coordinates: [square.coordinates, [[[200, 10]]]] })).toMatch(
			/^polygon 2: /
		);
		expect(bad({ type: 'MultiPolygon', coordinates: [] })).toMatch(/no polygons/);
	});

	it('stores and clears the boundary, audited as import/update', () => {
		const bt = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
		setBoundary(db, actor, bt.id, parseBoundaryOk(square));
		expect(JSON.parse(getWard(db, bt.id)!.boundaryGeojson!)).toEqual(square);
		setBoundary(db, actor, bt.id, null);
		expect(getWard(db, bt.id)!.boundaryGeojson).toBeNull();
		const rows = db.select().from(auditLog).where(eq(auditLog.entity, 'ward')).all();
		expect(rows.map((r) => r.action)).toEqual(['import', 'update']);
		expect(JSON.parse(rows[0].afterJson!).boundary).toMatchObject({ type: 'Polygon', polygons: 1 });
		expect(errCode(() => setBoundary(db, actor, 999, null))).toBe('not-found');
	});
});

describe('listWards counts', () => {
	it('counts each ward’s own users and facilities', () => {
		const count = (table: string, ward: string) =>
			(
				db.$client
					.prepare(
						`select count(*) as n from ${table} t join wards w on w.id = t.ward_id where w.code = ?`
					)
					.get(ward) as { n: number }
			).n;
		const rows = listWards(db);
		expect(rows.length).toBeGreaterThanOrEqual(2);
		for (const r of rows) {
			expect(r.facilityCount, r.code).toBe(count('facilities', r.code));
			expect(r.userCount, r.code).toBe(count('users', r.code));
		}
		// The sample ward has facilities (the old bare "id" compared a facility with itself).
		expect(rows.find((r) => r.code === 'binh-trung')!.facilityCount).toBe(
			count('facilities', 'binh-trung')
		);
		expect(count('facilities', 'binh-trung')).toBeGreaterThan(1);
	});

	it('answers 0 (not null) for a ward without users or facilities', () => {
		const w = createWard(db, actor, input);
		expect(listWards(db).find((r) => r.id === w.id)).toMatchObject({
			userCount: 0,
			facilityCount: 0
		});
	});
});

describe('wardOptions', () => {
	it('lists every ward once, id and name only, in name order', () => {
		const a = createWard(db, actor, { ...input, code: 'a-ward', name: 'Phường An Lạc' });
		const z = createWard(db, actor, { ...input, code: 'z-ward', name: 'Xã Zê' });
		const options = wardOptions(db);
		const all = db.select({ id: wards.id, name: wards.name }).from(wards).all();
		expect(options).toHaveLength(all.length);
		expect(options.find((o) => o.id === a.id)).toEqual({ id: a.id, name: 'Phường An Lạc' });
		expect(Object.keys(options[0]).sort()).toEqual(['id', 'name']);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
		expect(names.indexOf('Phường An Lạc')).toBeLessThan(names.indexOf('Xã Zê'));
		expect(z.id).toBeGreaterThan(a.id);
	});
});
