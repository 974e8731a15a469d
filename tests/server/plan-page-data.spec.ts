/**
 * The scenario page's data stays bounded whatever the ward holds: the allocation instance is not
 * sent with the page (the move form reads it from ./instance when first used), and the room
 * pickers list every room of a ward of up to PICKER_ROOM_LIMIT rooms, else the building shown
 * and the rooms the plan names. Called as SvelteKit calls the load and the endpoint.
 */
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildings, rooms } from '../../src/lib/server/db/schema';
import { buildInstance } from '../../src/lib/server/plans/instance';
import { PICKER_ROOM_LIMIT } from '../../src/lib/plans/picker-rooms';
import { load } from '../../src/routes/w/[ward]/plans/[id=id]/+page.server';
import { load as buildingsLoad } from '../../src/routes/w/[ward]/plans/[id=id]/buildings/+page.server';
import { GET } from '../../src/routes/w/[ward]/plans/[id=id]/instance/+server';
import { roomNamed, sampleWard, unitCoded, savePlan } from '../helpers/plans';
import type { Db } from '../../src/lib/server/db';

type PageData = {
	rooms: { key: string; buildingKey: string }[];
	roomsPartial: boolean;
	plan: { roomKey: string }[];
	building: { key?: string } | null;
	buildingChoices: {
		options: { key: string; id: number; label: string; movesIn: number }[];
		all: boolean;
	};
} & Record<string, unknown>;

function call(db: Db, ward: { id: number; code: string }, id: number, query = '', canEdit = true) {
	const event = {
		locals: { db, locale: 'vi', ward, canEdit, user: null },
		params: { ward: ward.code, id: String(id) },
		url: new URL(`http://x/w/${ward.code}/plans/${id}${query}`)
	} as never;
	return {
		page: async () => (await load(event)) as PageData,
		instance: async () =>
			(await ((await GET(event)) as Response).json()) as {
				instance: { rooms: { id: string }[]; units: unknown[] };
			}
	};
}

/** A scenario of the sample ward seating the one-stop centre in its counter room. */
function scenario(db: Db, bt: number) {
	const built = buildInstance(db, bt);
	const oneStop = unitCoded(built, 'TTPVHCC');
	const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa');
	return savePlan(db, bt, built, 'Thử', [{ unitId: oneStop.key, roomId: counter.key, persons: 8 }]);
}

describe('scenario page data, sample ward (132 rooms)', () => {
	let db: Db;
	let ward: { id: number; code: string };
	let id: number;
	beforeAll(() => {
		const sample = sampleWard();
		db = sample.db;
		ward = { id: sample.bt, code: 'binh-trung' };
		id = scenario(db, sample.bt);
	});

	it('sends no instance and every room of the ward for the pickers', async () => {
		const data = await call(db, ward, id).page();
		expect('instance' in data).toBe(false);
		const count = buildInstance(db, ward.id).rooms.length;
		expect(count).toBe(132);
		expect(data.rooms).toHaveLength(count);
		expect(data.roomsPartial).toBe(false);
	});

	it('sends a viewer no picker rooms and no plan rows, and per unit only the figures shown', async () => {
		const editor = await call(db, ward, id).page();
		expect(editor.plan).toEqual([
			expect.objectContaining({
				unitKey: expect.any(String),
				roomKey: expect.any(String),
				persons: 8
			})
		]);
		const viewer = await call(db, ward, id, '', false).page();
		expect(viewer.rooms).toEqual([]);
		expect(viewer.roomsPartial).toBe(false);
		expect(viewer.plan).toEqual([]);
		const metrics = viewer.metrics as {
			seated: number;
			units: { code: string; seated: number; moved: number }[];
		};
		expect(metrics.seated).toBe(8);
		const oneStop = metrics.units.find((u) => u.code === 'TTPVHCC')!;
		expect(oneStop.seated).toBe(8);
		expect(Object.keys(oneStop)).not.toContain('placed');
		expect(Object.keys(oneStop)).not.toContain('normM2PerPerson');
		expect(viewer.metrics).toMatchObject({ seated: 8 });
		expect(viewer.units).toEqual(editor.units);
	});

	it('lists the 10 buildings in the picker and every building with its figures on ./buildings', async () => {
		const data = (await call(db, ward, id).page()) as PageData & {
			buildingChoices: { options: { id: number; label: string; movesIn: number }[]; all: boolean };
		};
		expect(data.buildingChoices.all).toBe(true);
		expect(data.buildingChoices.options).toHaveLength(10);
		const list = (await buildingsLoad({
			locals: { db, locale: 'vi', ward, canEdit: false, user: null },
			params: { ward: ward.code, id: String(id) },
			url: new URL(`http://x/w/${ward.code}/plans/${id}/buildings?page=5`)
		} as never)) as {
			scenario: { name: string };
			list: { rows: { id: number; label: string; rooms: number; movesIn: number }[]; page: number };
		};
		expect(list.scenario.name).toBe('Thử');
		expect(list.list.page).toBe(1);
		expect(list.list.rows.map((b) => [b.id, b.label, b.movesIn])).toEqual(
			data.buildingChoices.options.map((b) => [b.id, b.label, b.movesIn])
		);
		const hq = list.list.rows.find((b) => b.label === 'TS-01/A — Nhà làm việc chính')!;
		expect(hq.rooms).toBe(
			buildInstance(db, ward.id).rooms.filter((r) => r.buildingKey === `b${hq.id}`).length
		);
	});

	it('./instance answers the instance of the live check: every room and unit of the ward', async () => {
		const built = buildInstance(db, ward.id);
		const body = await call(db, ward, id).instance();
		expect(body.instance.rooms.map((r) => r.id)).toEqual(built.instance.rooms.map((r) => r.id));
		expect(body.instance.units).toHaveLength(built.instance.units.length);
	});

	it('./instance of a scenario of another ward is a 404', async () => {
		const other = { id: ward.id + 1, code: 'an-khanh' };
		const answer = await call(db, other, id)
			.instance()
			.then(() => 'answered')
			.catch((e: unknown) => (isHttpError(e) ? e.status : e));
		expect(answer).toBe(404);
	});
});

describe('scenario page data, a ward above the picker limit', () => {
	it('lists the building shown and the rooms the plan names, and says the list is partial', async () => {
		const sample = sampleWard();
		const db = sample.db;
		const ward = { id: sample.bt, code: 'binh-trung' };
		// 200 more offices in one building of the main office: 332 rooms in all.
		const counterBuilding = db
			.select({ id: rooms.buildingId })
			.from(rooms)
			.where(eq(rooms.name, 'Bộ phận một cửa'))
			.get()!.id;
		const extra = db
			.select({ id: buildings.id })
			.from(buildings)
			.where(eq(buildings.id, counterBuilding))
			.get()!.id;
		db.insert(rooms)
			.values(
				Array.from({ length: 200 }, (_, i) => ({
					buildingId: extra,
					code: `X${i}`,
					name: `Phòng thêm ${i}`,
					level: 2,
					type: 'office' as const,
					areaM2: 20
				}))
			)
			.run();
		const built = buildInstance(db, ward.id);
		expect(built.rooms.length).toBeGreaterThan(PICKER_ROOM_LIMIT);
		const id = scenario(db, sample.bt);

		// Another building shown than the counter's: its rooms plus the counter room of the plan.
		const data0 = await call(db, ward, id).page();
		const other = data0.buildingChoices.options.find((b) => b.id !== extra)!;
		const data = await call(db, ward, id, `?building=${other.id}`).page();
		expect(data.roomsPartial).toBe(true);
		const inOther = built.rooms.filter((r) => r.buildingKey === other.key).map((r) => r.key);
		const planRooms = [...new Set(data.plan.map((a) => a.roomKey))];
		const locked = built.rooms.filter((r) => r.lockedUnitKey !== null).map((r) => r.key);
		const expected = new Set([...inOther, ...planRooms, ...locked]);
		expect(new Set(data.rooms.map((r) => r.key))).toEqual(expected);
		expect(data.rooms.length).toBeLessThan(built.rooms.length);
	});
});
