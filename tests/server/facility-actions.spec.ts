/**
 * The facility, building and room actions on the route toolkit, called as SvelteKit calls them:
 * a stale or version-less save is the 409 conflict answer with both values, a duplicate code
 * or a unit of another ward is refused beside its field, a record outside the page is a 404,
 * and nothing is written when refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { actionOutcome, postRequest } from '../helpers/actions';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedSample } from '../../src/lib/server/db/seed';
import type { Db } from '../../src/lib/server/db';
import {
	auditLog,
	buildings,
	facilities,
	orgUnits,
	rooms,
	wards
} from '../../src/lib/server/db/schema';
import { translate } from '../../src/lib/i18n';
import { actions as facilityActions } from '../../src/routes/w/[ward]/facilities/[id=id]/+page.server';
import { actions as newFacilityActions } from '../../src/routes/w/[ward]/facilities/new/+page.server';
import { actions as buildingActions } from '../../src/routes/w/[ward]/facilities/[id=id]/buildings/[bid=id]/+page.server';
import { actions as roomActions } from '../../src/routes/w/[ward]/facilities/[id=id]/buildings/[bid=id]/rooms/[rid=id]/+page.server';

let db: Db;
let ward: { id: number; code: string };

type Failure = {
	status: number;
	data: {
		errors?: Record<string, string>;
		message?: string;
		values?: Record<string, string>;
		conflict?: { fields: { name: string; mine: string; theirs: string }[]; version: number };
	};
};

function event(fields: Record<string, string>, params: Record<string, string>) {
	return {
		request: postRequest(fields),
		params,
		url: new URL('http://x/'),
		locals: {
			db,
			locale: 'vi',
			user: { id: null, username: 'binhtrung.editor', role: 'editor' },
			ward,
			canEdit: true
		}
	} as never;
}

/** 'redirect', an HTTP error status, or the failure returned. */
const run = actionOutcome;

const audits = () =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

/** The first room of the ward's first facility, with its building and facility ids. */
function firstRoom() {
	return db
		.select({ room: rooms, facilityId: buildings.facilityId })
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(eq(facilities.wardId, ward.id))
		.orderBy(rooms.id)
		.limit(1)
		.get()!;
}

const roomFields = (r: typeof rooms.$inferSelect) => ({
	code: r.code,
	name: r.name,
	level: String(r.level),
	type: r.type,
	areaM2: String(r.areaM2),
	orgUnitId: r.orgUnitId === null ? '' : String(r.orgUnitId),
	occupants: String(r.occupants),
	notes: r.notes ?? ''
});

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	ward = db
		.select({ id: wards.id, code: wards.code })
		.from(wards)
		.where(eq(wards.code, 'binh-trung'))
		.get()!;
});

describe('room update', () => {
	it('without a version: 409 naming the missing version, both values, nothing written', async () => {
		const { room, facilityId } = firstRoom();
		const params = {
			ward: ward.code,
			id: String(facilityId),
			bid: String(room.buildingId),
			rid: String(room.id)
		};
		const before = audits();
		const out = (await run(
			roomActions.update,
			event({ ...roomFields(room), name: 'Phòng đổi tên' }, params)
		)) as Failure;
		expect(out.status).toBe(409);
		expect(out.data.message).toBe(translate('vi', 'conflict.noVersion'));
		expect(out.data.conflict!.fields).toEqual([
			{ name: 'name', mine: 'Phòng đổi tên', theirs: room.name }
		]);
		expect(out.data.values!.version).toBe(String(room.version));
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toMatchObject({
			name: room.name,
			version: room.version
		});
		expect(audits()).toBe(before);

		// "Keep mine" re-submits the values with the stored version: saved, version + 1.
		expect(await run(roomActions.update, event(out.data.values!, params))).toBe('redirect');
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toMatchObject({
			name: 'Phòng đổi tên',
			version: room.version + 1
		});
		expect(audits()).toBe(before + 1);
	});

	it('a unit of another ward is refused beside the unit field', async () => {
		const { room, facilityId } = firstRoom();
		const other = db
			.select({ id: orgUnits.id })
			.from(orgUnits)
			.innerJoin(wards, eq(wards.id, orgUnits.wardId))
			.where(eq(wards.code, 'an-khanh'))
			.limit(1)
			.get()!;
		const params = {
			ward: ward.code,
			id: String(facilityId),
			bid: String(room.buildingId),
			rid: String(room.id)
		};
		const out = (await run(
			roomActions.update,
			event(
				{ ...roomFields(room), orgUnitId: String(other.id), version: String(room.version) },
				params
			)
		)) as Failure;
		expect(out.status).toBe(400);
		expect(out.data.errors).toEqual({ orgUnitId: translate('vi', 'err.invalidUnit') });
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()!.version).toBe(room.version);
	});
});

describe('facility actions', () => {
	it('a duplicate code is refused beside the code field (update and new), nothing written', async () => {
		const [a, b] = db
			.select()
			.from(facilities)
			.where(eq(facilities.wardId, ward.id))
			.orderBy(facilities.code)
			.limit(2)
			.all();
		const before = audits();
		const fields = {
			code: b.code,
			name: a.name,
			kind: a.kind,
			lat: String(a.lat),
			lng: String(a.lng),
			legalStatus: a.legalStatus,
			version: String(a.version)
		};
		const out = (await run(
			facilityActions.update,
			event(fields, { ward: ward.code, id: String(a.id) })
		)) as Failure;
		expect(out.status).toBe(400);
		expect(out.data.errors).toEqual({ code: translate('vi', 'err.duplicateCode') });
		const created = (await run(
			newFacilityActions.default,
			event(fields, { ward: ward.code })
		)) as Failure;
		expect(created.status).toBe(400);
		expect(created.data.errors).toEqual({ code: translate('vi', 'err.duplicateCode') });
		expect(db.select().from(facilities).where(eq(facilities.id, a.id)).get()!.code).toBe(a.code);
		expect(audits()).toBe(before);
	});
});

describe('building actions', () => {
	it("deleting a room of another building from this building's page is a 404", async () => {
		const { room, facilityId } = firstRoom();
		const otherBuilding = db
			.select({ id: buildings.id })
			.from(buildings)
			.where(and(eq(buildings.facilityId, facilityId), sql`${buildings.id} <> ${room.buildingId}`))
			.limit(1)
			.get();
		expect(otherBuilding).toBeDefined();
		const params = { ward: ward.code, id: String(facilityId), bid: String(otherBuilding!.id) };
		expect(await run(buildingActions.deleteRoom, event({ roomId: String(room.id) }, params))).toBe(
			404
		);
		expect(await run(buildingActions.deleteRoom, event({ roomId: 'abc' }, params))).toBe(404);
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toBeDefined();
		// From its own building: deleted, with its audit row.
		const own = { ...params, bid: String(room.buildingId) };
		expect(await run(buildingActions.deleteRoom, event({ roomId: String(room.id) }, own))).toBe(
			'redirect'
		);
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toBeUndefined();
	});
});
