/**
 * Shared fixtures of the plans specs (src/lib/server/plans/*.spec.ts): the sample ward, rooms
 * and units by name, a solver-shaped result for a hand-made plan (no solve), and snapshots of
 * the rows a refused write must leave unchanged.
 */
import { eq, sql } from 'drizzle-orm';
import { fillAreas } from '../../src/lib/allocation/areas';
import { checkAllocation } from '../../src/lib/allocation/evaluate';
import type { AllocationResult, PersonsEntry } from '../../src/lib/allocation/types';
import type { Db } from '../../src/lib/server/db';
import {
	assignments,
	auditLog,
	orgUnits,
	positions,
	rooms,
	users,
	wards
} from '../../src/lib/server/db/schema';
import { seedSample } from '../../src/lib/server/db/seed';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { buildInstance, type BuiltInstance } from '../../src/lib/server/plans/instance';
import { saveScenario } from '../../src/lib/server/plans/scenarios';

export const ACTOR = { userId: null, username: 'tester' };

export function wardId(db: Db, code: string): number {
	return db.select({ id: wards.id }).from(wards).where(eq(wards.code, code)).get()!.id;
}

/** A fresh sample database, the ward Bình Trưng and its instance with the default settings. */
export function sampleWard(): { db: Db; bt: number; built: BuiltInstance } {
	const db = createTestDb();
	seedSample(db);
	const bt = wardId(db, 'binh-trung');
	return { db, bt, built: buildInstance(db, bt) };
}

export function roomNamed(built: BuiltInstance, facility: string, building: string, name: string) {
	const b = built.buildings.find((x) => x.facilityCode === facility && x.code === building);
	const r = built.rooms.find((x) => x.buildingKey === b?.key && x.name === name);
	if (!r) throw new Error(`no room ${facility}/${building} ${name}`);
	return r;
}

export function unitCoded(built: BuiltInstance, code: string) {
	const u = built.units.find((x) => x.code === code);
	if (!u) throw new Error(`no unit ${code}`);
	return u;
}

/** A solver-shaped result for a hand-made plan (areas by fillAreas), without solving. */
export function resultFor(built: BuiltInstance, persons: PersonsEntry[]): AllocationResult {
	const plan = fillAreas(built.instance, persons);
	const ev = checkAllocation(built.instance, plan).evaluation;
	return {
		status: 'optimal',
		objective: ev.objective,
		worstShortfallRatio: ev.worstShortfallRatio,
		assignments: plan,
		unseated: ev.unseated,
		terms: ev.terms,
		units: ev.units,
		solveTimeMs: 1
	};
}

/** Saves a hand-made plan (`persons`, no solve) as the ward's scenario `name`, by ACTOR; its id. */
export function savePlan(
	db: Db,
	wardId: number,
	built: BuiltInstance,
	name: string,
	persons: PersonsEntry[]
): number {
	return saveScenario(db, ACTOR, wardId, name, built, resultFor(built, persons));
}

/** The approved posts of a ward's units, summed. */
export function approvedPosts(db: Db, wardId: number): number {
	return db
		.select({ n: sql<number>`sum(${positions.approved})` })
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(eq(orgUnits.wardId, wardId))
		.get()!.n;
}

export const roomSnapshot = (db: Db) =>
	db
		.select({ id: rooms.id, orgUnitId: rooms.orgUnitId, occupants: rooms.occupants })
		.from(rooms)
		.orderBy(rooms.id)
		.all();

export const assignmentSnapshot = (db: Db, id: number) =>
	db.select().from(assignments).where(eq(assignments.scenarioId, id)).orderBy(assignments.id).all();

export const auditCount = (db: Db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

/** A ward editor of the ward (for actions called as SvelteKit calls them). */
export function addEditor(db: Db, wardId: number, username: string) {
	return db
		.insert(users)
		.values({ username, displayName: username, passwordHash: 'x', role: 'ward_editor', wardId })
		.returning()
		.get();
}

/** The edit moving `persons` of `unit` from room `from` (null = unseated) into room `to`. */
export function moveEdit(
	unit: { id: number },
	from: { id: number } | null,
	to: { id: number },
	persons: number
) {
	return {
		kind: 'move' as const,
		unitId: unit.id,
		fromRoomId: from?.id ?? null,
		toRoomId: to.id,
		persons
	};
}
