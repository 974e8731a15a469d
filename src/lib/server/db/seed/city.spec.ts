import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test-db';
import { seedCity } from './city';
import { seedSample } from './index';

describe('seedCity', () => {
	it('spreads the rooms and sites over the wards and adds plans and proposals', async () => {
		const db = createTestDb();
		seedSample(db);
		const city = await seedCity(db, { wards: 5, rooms: 303, sites: 27, extrasEvery: 2 });
		expect(city.codes).toEqual(['city-001', 'city-002', 'city-003', 'city-004', 'city-005']);
		expect(city.withExtras).toEqual(['city-001', 'city-003', 'city-005']);
		const q = (sql: string) =>
			db.$client.prepare(sql).all() as { code: string; n: number; status?: string }[];
		const rooms = q(
			`select w.code, count(*) as n from rooms r join buildings b on b.id = r.building_id
			 join facilities f on f.id = b.facility_id join wards w on w.id = f.ward_id
			 where w.code like 'city-%' group by w.code order by w.code`
		);
		expect(rooms.map((r) => r.n)).toEqual([61, 61, 61, 60, 60]);
		const sites = q(
			`select w.code, count(*) as n from sites s join wards w on w.id = s.ward_id
			 where w.code like 'city-%' group by w.code order by w.code`
		);
		expect(sites.map((r) => r.n)).toEqual([6, 6, 5, 5, 5]);
		const proposals = q(
			`select w.code, p.status, (select count(*) from proposal_versions v where v.proposal_id = p.id) as n
			 from proposals p join wards w on w.id = p.ward_id where w.code like 'city-%' order by w.code`
		);
		expect(proposals).toEqual([
			{ code: 'city-001', status: 'in-review', n: 1 },
			{ code: 'city-003', status: 'submitted', n: 1 },
			{ code: 'city-005', status: 'returned', n: 1 }
		]);
		const plans = q(
			`select w.code, count(a.id) as n from scenarios s join wards w on w.id = s.ward_id
			 join assignments a on a.scenario_id = s.id where w.code like 'city-%' group by w.code`
		);
		expect(plans.map((p) => p.code)).toEqual(['city-001', 'city-003', 'city-005']);
		for (const p of plans) expect(p.n).toBeGreaterThan(0);
		const runs = q(`select count(*) as n from scoring_runs`);
		expect(runs[0].n).toBe(3);
		const users = q(`select count(*) as n from users where username like 'city-%'`);
		expect(users[0].n).toBe(10);
	});
});
