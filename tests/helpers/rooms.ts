/** The room import specs' ward (src/lib/server/io/rooms*.spec.ts): test code, not in $lib. */
import type { Db } from '$lib/server/db/connection';
import { seedSample } from '$lib/server/db/seed/index';
import { createTestDb } from '$lib/server/db/test-db';
import { parseTable, validateRoomRows } from '$lib/server/io';
import { csv, wardIdOf } from './io';

/**
 * The sample ward Bình Trưng with an empty audit trail (the sample seed records its own
 * proposal steps) and buildings large enough for added rooms (the sample's gross floor areas
 * leave ~15 % over their rooms; the plausibility checks have their own tests).
 */
export function roomsWard(): { db: Db; wardId: number } {
	const db = createTestDb();
	seedSample(db);
	db.$client.exec('delete from audit_log');
	db.$client.exec('update buildings set gross_floor_area_m2 = 500000, levels_above_ground = 60');
	return { db, wardId: wardIdOf(db, 'binh-trung') };
}

/** Validates CSV lines as an uploaded rooms file. */
export async function validateLines(
	db: Db,
	wardId: number,
	lines: string[],
	filename = 'rooms.csv'
) {
	return validateRoomRows(db, wardId, await parseTable(csv(lines), filename));
}

/** A stored room of the ward by its codes, with its unit's code. */
export function storedRoom(
	db: Db,
	wardId: number,
	buildingCode: string,
	code: string,
	facilityCode = 'TS-01'
): Record<string, unknown> | undefined {
	return db.$client
		.prepare(
			`select r.*, u.code as unit_code from rooms r
			 join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id
			 left join org_units u on u.id = r.org_unit_id
			 where f.ward_id = ? and f.code = ? and b.code = ? and r.code = ?`
		)
		.get(wardId, facilityCode, buildingCode, code) as Record<string, unknown> | undefined;
}
