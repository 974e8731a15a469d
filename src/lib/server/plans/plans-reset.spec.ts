/**
 * Regression (found by tests/unit/fuzz.spec.ts): restoring the solver's plan after one of its
 * rooms or units was deleted failed with a foreign-key error (a 500 on ?/reset).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fillAreas } from '../../allocation/areas';
import { checkAllocation } from '../../allocation/evaluate';
import type { AllocationResult } from '../../allocation/types';
import { assignments } from '../db/schema';
import { deleteRoom } from '../inventory/facilities';
import { deleteUnit } from '../org';
import { buildInstance, dbId, getScenario, resetScenario, saveScenario } from './';
import { sampleDb } from '../../../../tests/helpers/sample';

const ACTOR = { userId: null, username: 'tester' };

function setup() {
	const { db, bt } = sampleDb();
	const built = buildInstance(db, bt);
	const offices = built.rooms
		.filter((r) => r.usable && r.areaM2 >= 20 && r.lockedUnitKey === null)
		.slice(0, 3);
	const units = built.units.slice(0, 3);
	const plan = units.map((u, i) => ({ unitId: u.key, roomId: offices[i].key, persons: 2 }));
	const withAreas = fillAreas(built.instance, plan);
	const ev = checkAllocation(built.instance, withAreas).evaluation;
	const result: AllocationResult = {
		status: 'optimal',
		objective: ev.objective,
		worstShortfallRatio: ev.worstShortfallRatio,
		assignments: withAreas,
		unseated: ev.unseated,
		terms: ev.terms,
		units: ev.units,
		solveTimeMs: 1
	};
	const id = saveScenario(db, ACTOR, bt, 'Thử', built, result);
	return { db, bt, id, plan };
}

const rowsOf = (db: ReturnType<typeof setup>['db'], id: number) =>
	db
		.select({ unit: assignments.orgUnitId, room: assignments.roomId, persons: assignments.persons })
		.from(assignments)
		.where(eq(assignments.scenarioId, id))
		.all()
		.sort((a, b) => a.room - b.room);

describe('resetScenario after deletions', () => {
	it('restores the plan without the rooms deleted since the solve', () => {
		const { db, bt, id, plan } = setup();
		expect(rowsOf(db, id)).toHaveLength(3);
		deleteRoom(db, ACTOR, bt, dbId(plan[0].roomId));
		expect(() => resetScenario(db, ACTOR, bt, id)).not.toThrow();
		expect(rowsOf(db, id)).toEqual(
			plan
				.slice(1)
				.map((a) => ({ unit: dbId(a.unitId), room: dbId(a.roomId), persons: 2 }))
				.sort((a, b) => a.room - b.room)
		);
		expect(getScenario(db, bt, id)).toBeDefined();
	});

	it('restores the plan without the units deleted since the solve', () => {
		const { db, bt, id, plan } = setup();
		deleteUnit(db, ACTOR, bt, dbId(plan[1].unitId));
		expect(() => resetScenario(db, ACTOR, bt, id)).not.toThrow();
		expect(rowsOf(db, id).map((r) => r.unit)).not.toContain(dbId(plan[1].unitId));
		expect(rowsOf(db, id)).toHaveLength(2);
	});
});
