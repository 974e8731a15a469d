/**
 * Figures for the inventory charts: area by building and room type, buildings by danger
 * level (latest survey), and occupied area per person against the current norm per unit.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DangerLevel, RoomType } from '../../constants';
import type { Db } from '../db';
import { buildings, facilities, normItems, normSets, rooms } from '../db/schema';
import { wardPositions, wardUnits } from '../org/queries';

export interface InventoryStats {
	areaRows: { building: string; type: RoomType; areaM2: number }[];
	dangerCounts: Record<DangerLevel | 'none', number>;
	unitRows: { unit: string; occupiedM2: number; people: number; normM2PerPerson: number }[];
	normSetName: string | null;
	totals: {
		facilities: number;
		buildings: number;
		rooms: number;
		areaM2: number;
		occupants: number;
	};
}

/** The label of the bar that gathers the smaller groups when there are too many. */
export const OTHERS_LABEL = '…';
const MAX_BARS = 20;

/**
 * Keeps the area chart readable for large wards: one bar per building up to 20 buildings,
 * else one per facility ("TS-01 / A" → "TS-01"), and beyond 20 groups the 19 largest plus
 * one bar for the rest (OTHERS_LABEL).
 */
export function groupForChart(rows: InventoryStats['areaRows']): InventoryStats['areaRows'] {
	let grouped = rows;
	if (new Set(rows.map((r) => r.building)).size > MAX_BARS) {
		const byFacility = new Map<string, number>();
		for (const r of rows) {
			const key = `${r.building.split(' / ')[0]}\u0000${r.type}`;
			byFacility.set(key, (byFacility.get(key) ?? 0) + r.areaM2);
		}
		grouped = [...byFacility].map(([key, areaM2]) => {
			const [building, type] = key.split('\u0000');
			return { building, type: type as RoomType, areaM2 };
		});
	}
	const totals = new Map<string, number>();
	for (const r of grouped) totals.set(r.building, (totals.get(r.building) ?? 0) + r.areaM2);
	if (totals.size <= MAX_BARS) return grouped;
	const keep = new Set(
		[...totals]
			.sort((a, b) => b[1] - a[1])
			.slice(0, MAX_BARS - 1)
			.map(([k]) => k)
	);
	const others = new Map<RoomType, number>();
	const out: InventoryStats['areaRows'] = [];
	for (const r of grouped) {
		if (keep.has(r.building)) out.push(r);
		else others.set(r.type, (others.get(r.type) ?? 0) + r.areaM2);
	}
	for (const [type, areaM2] of others) out.push({ building: OTHERS_LABEL, type, areaM2 });
	return out;
}

/** The current version of a norm set (by key), with its items. */
export function currentNormSet(db: Db, key = 'nd-155-2025') {
	const set = db
		.select()
		.from(normSets)
		.where(and(eq(normSets.key, key), eq(normSets.isCurrent, true)))
		.get();
	if (!set) return null;
	const items = db.select().from(normItems).where(eq(normItems.normSetId, set.id)).all();
	return { ...set, items };
}

export function inventoryStats(db: Db, wardId: number): InventoryStats {
	const areaRows = db
		.select({
			building: sql<string>`${facilities.code} || ' / ' || ${buildings.code}`,
			type: rooms.type,
			areaM2: sql<number>`sum(${rooms.areaM2})`
		})
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(eq(facilities.wardId, wardId))
		.groupBy(facilities.code, buildings.code, rooms.type)
		.orderBy(asc(facilities.code), asc(buildings.code))
		.all();

	const chartRows = groupForChart(areaRows);

	const levels = db.$client
		.prepare(
			`select (select s.danger_level from condition_surveys s where s.building_id = b.id
			         order by s.surveyed_on desc, s.id desc limit 1) as level, count(*) as n
			 from buildings b join facilities f on f.id = b.facility_id
			 where f.ward_id = ? group by level`
		)
		.all(wardId) as { level: DangerLevel | null; n: number }[];
	const dangerCounts: Record<DangerLevel | 'none', number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
	for (const l of levels) dangerCounts[l.level ?? 'none'] += l.n;

	const norm = currentNormSet(db);
	const m2 = new Map(norm?.items.map((i) => [i.titleKey, i.m2PerPerson]) ?? []);
	const units = wardUnits(db, wardId);
	const occupied = db
		.select({
			unitId: rooms.orgUnitId,
			areaM2: sql<number>`sum(${rooms.areaM2})`,
			people: sql<number>`sum(${rooms.occupants})`
		})
		.from(rooms)
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(and(eq(facilities.wardId, wardId), sql`${rooms.orgUnitId} is not null`))
		.groupBy(rooms.orgUnitId)
		.all();
	const pos = wardPositions(db, wardId);
	const unitRows = units
		.map((u) => {
			const o = occupied.find((x) => x.unitId === u.id);
			const mine = pos.filter((p) => p.unitId === u.id);
			const heads = mine.reduce((s, p) => s + p.approved, 0);
			const entitled = mine.reduce((s, p) => s + p.approved * (m2.get(p.titleKey) ?? 0), 0);
			return {
				unit: u.name,
				occupiedM2: o?.areaM2 ?? 0,
				people: o?.people ?? 0,
				normM2PerPerson: heads > 0 ? entitled / heads : 0
			};
		})
		.filter((r) => r.people > 0 || r.normM2PerPerson > 0);

	const totals = db.$client
		.prepare(
			`select (select count(*) from facilities where ward_id = @w) as facilities,
			        (select count(*) from buildings b join facilities f on f.id = b.facility_id where f.ward_id = @w) as buildings,
			        count(r.id) as rooms, coalesce(sum(r.area_m2), 0) as areaM2, coalesce(sum(r.occupants), 0) as occupants
			 from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id
			 where f.ward_id = @w`
		)
		.get({ w: wardId }) as InventoryStats['totals'];
	return { areaRows: chartRows, dangerCounts, unitRows, normSetName: norm?.name ?? null, totals };
}
