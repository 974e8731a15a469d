import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { orgUnits, positions } from '../db/schema';
import { DEFAULT_SCENARIO_NAME } from '../db/seed/scenarios';
import { needsForWard } from '../needs';
import {
	buildInstance,
	defaultSettings,
	inputFingerprint,
	listScenarios,
	type BuiltInstance
} from './';
import { roomNamed, unitCoded, sampleWard, approvedPosts } from '../../../../tests/helpers/plans';

describe('the instance of the sample ward Bình Trưng', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	beforeEach(() => {
		({ db, bt, built } = sampleWard());
	});

	it('takes headcount and entitled area per unit from the positions and the 155/2025 norms', () => {
		// TTPVHCC: 1 division head × 18 m² + 19 specialists × 15 m² = 303 m² for 20 people.
		const one = unitCoded(built, 'TTPVHCC');
		expect(one.headcount).toBe(20);
		expect(one.normAreaM2).toBeCloseTo(303, 9);
		expect(one.normM2).toBeCloseTo(15.15, 9);
		// Every unit: Σ approved from the rows, and the same entitled working area as the needs
		// page (ranks and concurrent titles priced at the highest norm, like for like).
		const needs = needsForWard(db, bt);
		const codeOf = new Map(
			db
				.select({ id: orgUnits.id, code: orgUnits.code })
				.from(orgUnits)
				.all()
				.map((r) => [r.id, r.code])
		);
		for (const u of built.units) {
			const rows = db.all<{ n: number }>(
				sql`select coalesce(sum(p.approved), 0) as n from positions p where p.org_unit_id = ${u.id}`
			)[0];
			expect(u.headcount).toBe(rows.n);
			const entitled = needs.result.byUnit.find((x) => x.unitId === codeOf.get(u.id));
			expect(u.normAreaM2, u.key).toBeCloseTo(entitled?.workAreaM2 ?? 0, 9);
			const inst = built.instance.units.find((x) => x.id === u.key)!;
			expect(inst.normM2 * inst.headcount).toBeCloseTo(u.normAreaM2, 9);
		}
		// A chuyên viên chính is entitled to 20 m², not the 15 m² of the title alone.
		const ranked = db.all<{ unitId: number; approved: number }>(
			sql`select org_unit_id as unitId, approved from positions
			    where rank = 'principal-specialist' and approved > 0 limit 1`
		);
		expect(ranked.length).toBe(1);
		// …so the unit's entitlement is more than its titles alone would give.
		const titleOnly = db.all<{ area: number }>(
			sql`select coalesce(sum(p.approved * i.m2_per_person), 0) as area
			    from positions p
			    join norm_items i on i.title_key = p.title_key
			    join norm_sets s on s.id = i.norm_set_id and s.key = 'nd-155-2025' and s.is_current = 1
			    where p.org_unit_id = ${ranked[0].unitId}`
		)[0].area;
		const rankedUnit = built.units.find((u) => u.id === ranked[0].unitId)!;
		expect(rankedUnit.normAreaM2).toBeGreaterThan(titleOnly);
		expect(built.units.reduce((sum, u) => sum + u.normAreaM2, 0)).toBeCloseTo(
			needs.result.workAreaM2,
			9
		);
		const approved = approvedPosts(db, bt);
		expect(built.units.reduce((s, u) => s + u.headcount, 0)).toBe(approved);
	});

	it('has 1,429 m² usable (the figure of issue 13): C buildings and halls, stores, archives excluded', () => {
		const usable = built.rooms.filter((r) => r.usable);
		expect(usable.reduce((s, r) => s + r.areaM2, 0)).toBe(1429);
		expect(roomNamed(built, 'CS-BTT-DU', 'A', 'Ủy ban Kiểm tra 1')).toMatchObject({
			usable: false,
			reason: 'danger'
		});
		expect(roomNamed(built, 'TS-01', 'A', 'Hội trường')).toMatchObject({
			usable: false,
			reason: 'room-type'
		});
	});

	it('defaults: leaders 3, one-stop centre 2, others 1; one-stop on the ground floor; leaders’ offices reserved', () => {
		const s = defaultSettings(db, bt);
		const leaders = unitCoded(built, 'TT-LD');
		const oneStop = unitCoded(built, 'TTPVHCC');
		for (const u of built.units) {
			expect(s.priorities[String(u.id)]).toBe(u === leaders ? 3 : u === oneStop ? 2 : 1);
		}
		expect(s.groundFloorUnitIds).toEqual([oneStop.id]);
		expect(s.minAreaPerPersonM2).toBe(6);
		expect(s.minAreaSource).toBe('');
		expect(s.maxUnitsPerRoom).toBe(2);
		expect(s.weights).toEqual({
			unseated: 100000,
			worstShortfall: 10000,
			shortfallM2: 1,
			buildingsPerUnit: 10,
			moved: 1
		});
		const locked = built.rooms.filter((r) => r.lockedUnitKey !== null);
		expect(locked.map((r) => r.name).sort()).toEqual(
			[
				'Phòng Bí thư Đảng ủy',
				'Phòng Chủ tịch UBND',
				'Phòng Phó Bí thư',
				'Phòng Phó Chủ tịch UBND 1',
				'Phòng Phó Chủ tịch UBND 2'
			].sort()
		);
		for (const r of locked) {
			expect(r.lockedUnitKey).toBe(leaders.key);
			expect(built.instance.rooms.find((x) => x.id === r.key)!.lockedUnitId).toBe(leaders.key);
		}
		expect(built.instance.units.find((u) => u.id === oneStop.key)).toMatchObject({
			priority: 2,
			groundFloorOnly: true
		});
		expect(built.instance.settings).toEqual({ minAreaPerPersonM2: 6, maxUnitsPerRoom: 2 });
	});

	it('seeds a draft default scenario with these settings', () => {
		const list = listScenarios(db, bt);
		expect(list.map((s) => [s.name, s.status, s.stale])).toEqual([
			[DEFAULT_SCENARIO_NAME, 'draft', false]
		]);
		expect(list[0].settings).toEqual(defaultSettings(db, bt));
		expect(list[0].metrics.seated).toBe(0);
	});

	it('the fingerprint follows what the solver reads, not the names', () => {
		const before = inputFingerprint(built);
		const tt = unitCoded(built, 'TT-LD');
		db.update(orgUnits).set({ name: 'Thường trực (đổi tên)' }).where(eq(orgUnits.id, tt.id)).run();
		expect(inputFingerprint(buildInstance(db, bt))).toBe(before);
		db.update(positions)
			.set({ approved: sql`${positions.approved} + 1` })
			.where(eq(positions.orgUnitId, tt.id))
			.run();
		expect(inputFingerprint(buildInstance(db, bt))).not.toBe(before);
	});
});
