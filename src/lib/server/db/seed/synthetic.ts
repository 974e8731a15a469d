/**
 * A large synthetic ward for benchmarks: N rooms spread over facilities of two buildings,
 * generated from a seeded PRNG so every run measures the same data.
 */
import type { Db } from '../connection';
import { SAMPLE_WARDS } from './sample-data';
import { seedReference, seedWard } from './index';
import { ROOM_TYPES } from '../../../constants';
import { mulberry32 } from '../../../random';

export interface SyntheticOptions {
	code?: string;
	rooms: number;
	sites?: number;
	seed?: number;
}

/**
 * Adds (or replaces) a synthetic ward with `rooms` rooms, 100 rooms per facility in two
 * buildings of five levels. Returns the ward id.
 */
export function seedSynthetic(db: Db, options: SyntheticOptions): number {
	const code = options.code ?? 'synthetic';
	const rnd = mulberry32(options.seed ?? 42);
	const sqlite = db.$client;
	return db.transaction((tx) => {
		seedReference(tx);
		const old = sqlite.prepare('select id from wards where code = ?').get(code) as
			{ id: number } | undefined;
		if (old) deleteWardData(db, old.id);
		const template = SAMPLE_WARDS[0];
		const wardId = seedWard(
			tx,
			{
				...template,
				code,
				name: `Phường tổng hợp (${options.rooms} phòng)`,
				facilities: [],
				sites: []
			},
			true
		);
		const units = sqlite.prepare('select id from org_units where ward_id = ?').all(wardId) as {
			id: number;
		}[];
		const insFacility = sqlite.prepare(
			`insert into facilities (ward_id, code, name, kind, origin_ward, address, lat, lng, land_area_m2, legal_status, year_built)
			 values (?, ?, ?, 'annex', 'Tổng hợp', ?, ?, ?, ?, 'certificate', ?)`
		);
		const insBuilding = sqlite.prepare(
			`insert into buildings (facility_id, code, name, levels_above_ground, year_built) values (?, ?, ?, 5, ?)`
		);
		const insRoom = sqlite.prepare(
			`insert into rooms (building_id, code, name, level, type, area_m2, org_unit_id, occupants) values (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const insSurvey = sqlite.prepare(
			`insert into condition_surveys (building_id, surveyed_on, surveyor, danger_level, structure, roof)
			 values (?, '2025-10-01', 'Tổng hợp', ?, ?, ?)`
		);
		const [south, west, north, east] = template.extent;
		let made = 0;
		for (let f = 0; made < options.rooms; f++) {
			const fid = Number(
				insFacility.run(
					wardId,
					`SF-${String(f + 1).padStart(4, '0')}`,
					`Cơ sở tổng hợp ${f + 1}`,
					`${f + 1} đường tổng hợp`,
					south + rnd() * (north - south),
					west + rnd() * (east - west),
					500 + Math.round(rnd() * 2000),
					1980 + Math.floor(rnd() * 40)
				).lastInsertRowid
			);
			for (let b = 0; b < 2 && made < options.rooms; b++) {
				const bid = Number(
					insBuilding.run(fid, b === 0 ? 'A' : 'B', `Nhà ${b === 0 ? 'A' : 'B'}`, 1990)
						.lastInsertRowid
				);
				insSurvey.run(
					bid,
					'ABCD'[Math.floor(rnd() * 4)],
					1 + Math.floor(rnd() * 5),
					1 + Math.floor(rnd() * 5)
				);
				for (let r = 0; r < 50 && made < options.rooms; r++, made++) {
					const type = ROOM_TYPES[Math.floor(rnd() * ROOM_TYPES.length)];
					const useUnit = type === 'office' && rnd() < 0.7;
					insRoom.run(
						bid,
						`${1 + Math.floor(r / 10)}.${String((r % 10) + 1).padStart(2, '0')}`,
						`Phòng ${r + 1}`,
						1 + Math.floor(r / 10),
						type,
						Math.round((9 + rnd() * 70) * 10) / 10,
						useUnit ? units[Math.floor(rnd() * units.length)].id : null,
						useUnit ? 1 + Math.floor(rnd() * 4) : 0
					);
				}
			}
		}
		const insSite = sqlite.prepare(
			`insert into sites (ward_id, code, name, lat, lng, land_area_m2, legal_status, households_to_relocate,
			  land_cost_vnd, clearance_cost_vnd, flood_risk, plan_fit, road_access)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const statuses = ['state-ready', 'state-occupied', 'to-acquire', 'mixed'];
		for (let s = 0; s < (options.sites ?? 0); s++) {
			insSite.run(
				wardId,
				`S${s + 1}`,
				`Khu đất tổng hợp ${s + 1}`,
				south + rnd() * (north - south),
				west + rnd() * (east - west),
				1500 + Math.round(rnd() * 6000),
				statuses[Math.floor(rnd() * 4)],
				Math.floor(rnd() * 20),
				Math.round(rnd() * 200) * 1_000_000_000,
				Math.round(rnd() * 50) * 1_000_000_000,
				1 + Math.floor(rnd() * 5),
				1 + Math.floor(rnd() * 5),
				1 + Math.floor(rnd() * 5)
			);
		}
		return wardId;
	});
}

/** Deletes every row that belongs to a ward (used to replace a synthetic ward). */
export function deleteWardData(db: Db, wardId: number): void {
	const sqlite = db.$client;
	for (const stmt of [
		'delete from notifications where user_id in (select id from users where ward_id = ?)',
		'delete from proposals where ward_id = ?',
		'delete from arrangements where ward_id = ?',
		'delete from scenarios where ward_id = ?',
		'delete from scoring_runs where ward_id = ?',
		'delete from weightings where ward_id = ?',
		'delete from criteria where ward_id = ?',
		'delete from photos where ward_id = ?',
		'delete from sites where ward_id = ?',
		'delete from facilities where ward_id = ?',
		'delete from positions where org_unit_id in (select id from org_units where ward_id = ?)',
		'delete from org_units where ward_id = ?',
		'delete from specialised_rooms where ward_id = ?',
		'delete from settings where ward_id = ?',
		'delete from audit_log where ward_id = ?',
		'delete from api_tokens where ward_id = ?',
		'delete from sessions where user_id in (select id from users where ward_id = ?)',
		'delete from users where ward_id = ?',
		'delete from wards where id = ?'
	]) {
		sqlite.prepare(stmt).run(wardId);
	}
}
