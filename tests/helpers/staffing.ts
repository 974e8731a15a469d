/**
 * Fixtures of the city's staffing board specs: a ward of hand-made positions (so the expected
 * figures are computed by hand) and a support assignment's form input.
 */
import type { Db } from '../../src/lib/server/db';
import { orgUnits, positions, users, wards } from '../../src/lib/server/db/schema';
import { addAssignment, type AssignmentInput } from '../../src/lib/server/needs/staffing-support';

/**
 * Adds "Phường Thử Nghiệm" (code thu-nghiem) with one unit, "Phòng Kinh tế", and its posts:
 * land 6/2 and 3/2 (4 + 1 = 5 vacant), construction 2/0 (2 vacant), accounting 1/3 (surplus,
 * not listed), a deputy head without a field 2/1 (1 vacant): 8 vacant posts in all.
 * `position(title, field, approved, filled)` adds another post to the unit.
 */
export function addTestWard(db: Db) {
	const wardId = db
		.insert(wards)
		.values({ code: 'thu-nghiem', name: 'Phường Thử Nghiệm', centreLat: 10.8, centreLng: 106.7 })
		.returning({ id: wards.id })
		.get().id;
	const unitId = db
		.insert(orgUnits)
		.values({ wardId, code: 'KT', name: 'Phòng Kinh tế', kind: 'other' })
		.returning({ id: orgUnits.id })
		.get().id;
	const position = (title: string, field: string | null, approved: number, filled: number) =>
		db
			.insert(positions)
			.values({ orgUnitId: unitId, title, titleKey: 'specialist', field, approved, filled })
			.run();
	position('Chuyên viên địa chính', 'land', 6, 2);
	position('Chuyên viên đăng ký đất đai', 'land', 3, 2);
	position('Chuyên viên xây dựng', 'construction', 2, 0);
	position('Kế toán', 'accounting', 1, 3);
	position('Phó Trưởng phòng', null, 2, 1);
	return { wardId, unitId, position };
}

/** A land officer from 01/11/2026 with an open end (the fields given in `over` replaced). */
export function supportInput(over: Partial<AssignmentInput> = {}): AssignmentInput {
	return {
		officerName: 'Cán bộ A',
		field: 'land',
		positionKey: null,
		workingGroup: 'Tổ công tác đất đai',
		fromDate: '2026-11-01',
		toDate: null,
		note: null,
		...over
	};
}

/**
 * A city reviewer ('rev') who assigns one land officer to thu-nghiem from 01/11/2026 with an
 * open end (active on any later day): land uncovered there 5 − 1 = 4. Returns the reviewer.
 */
export function addLandOfficer(db: Db): { userId: number; username: string } {
	const reviewer = db
		.insert(users)
		.values({ username: 'rev', displayName: 'Sở', passwordHash: 'x', role: 'city_reviewer' })
		.returning({ id: users.id })
		.get();
	const actor = { userId: reviewer.id, username: 'rev' };
	addAssignment(db, actor, 'thu-nghiem', supportInput());
	return actor;
}
