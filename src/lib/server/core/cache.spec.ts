import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { cached, clearCache } from './cache';
import { inventoryStats } from '../inventory/inventory-stats';

describe('cached', () => {
	it('recomputes after any write and reuses the value otherwise', () => {
		clearCache();
		const db = createTestDb();
		seedSample(db);
		let calls = 0;
		const get = () => cached(db, 'k', () => ++calls);
		expect(get()).toBe(1);
		expect(get()).toBe(1);
		db.$client
			.prepare('update rooms set area_m2 = area_m2 + 1 where id = (select min(id) from rooms)')
			.run();
		expect(get()).toBe(2);
		expect(get()).toBe(2);
	});

	it('serves fresh inventory figures after a room changes', () => {
		clearCache();
		const db = createTestDb();
		seedSample(db);
		const wardId = (
			db.$client.prepare("select id from wards where code = 'binh-trung'").get() as { id: number }
		).id;
		const stats = () => cached(db, `stats:${wardId}`, () => inventoryStats(db, wardId));
		const before = stats().totals.areaM2;
		db.$client
			.prepare(
				'update rooms set area_m2 = area_m2 + 10 where id = (select min(r.id) from rooms r join buildings b on b.id = r.building_id join facilities f on f.id = b.facility_id where f.ward_id = ?)'
			)
			.run(wardId);
		expect(stats().totals.areaM2).toBeCloseTo(before + 10, 6);
	});
});
