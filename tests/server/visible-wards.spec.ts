/**
 * The home page's list of wards follows the guard's rule (canSeeWard), not a copy of it: three
 * wards inserted out of alphabetical order, each kind of caller.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../src/lib/server/db/test-db';
import type { Db } from '../../src/lib/server/db';
import { wards } from '../../src/lib/server/db/schema';
import { visibleWards, type Principal } from '../../src/lib/server/auth/guard';
import type { Role } from '../../src/lib/constants';

let db: Db;
const id: Record<string, number> = {};

const user = (role: Role, wardId: number | null): Principal => ({
	kind: 'user',
	user: { id: 1, username: role, displayName: role, role, wardId, wardCode: null, sessionId: 's' }
});
const codes = (p: Principal) => visibleWards(db, p).map((w) => w.code);

beforeAll(() => {
	db = createTestDb();
	for (const [code, name] of [
		['tan-dinh', 'Phường Tân Định'],
		['an-khanh', 'Phường An Khánh'],
		['binh-trung', 'Phường Bình Trưng']
	]) {
		id[code] = db
			.insert(wards)
			.values({ code, name, centreLat: 10.78, centreLng: 106.75 })
			.returning({ id: wards.id })
			.get().id;
	}
});

describe('visibleWards', () => {
	it('gives admins and city reviewers every ward, by name', () => {
		expect(codes(user('admin', null))).toEqual(['an-khanh', 'binh-trung', 'tan-dinh']);
		expect(codes(user('city_reviewer', null))).toEqual(['an-khanh', 'binh-trung', 'tan-dinh']);
	});

	it("gives a ward's users their own ward only", () => {
		expect(codes(user('ward_editor', id['binh-trung']))).toEqual(['binh-trung']);
		expect(codes(user('ward_viewer', id['tan-dinh']))).toEqual(['tan-dinh']);
	});

	it('gives a ward token its ward, a city token every ward, nobody nothing', () => {
		expect(codes({ kind: 'token', tokenId: 1, wardId: id['an-khanh'] })).toEqual(['an-khanh']);
		expect(codes({ kind: 'token', tokenId: 2, wardId: null })).toHaveLength(3);
		expect(codes(null)).toEqual([]);
	});

	it('hands over what the page shows (code, name, sample flag) and the id', () => {
		expect(visibleWards(db, user('ward_editor', id['an-khanh']))).toEqual([
			{ id: id['an-khanh'], code: 'an-khanh', name: 'Phường An Khánh', isSample: false }
		]);
	});
});
