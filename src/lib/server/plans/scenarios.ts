/**
 * Scenarios: the list with their figures, one scenario in detail, creating, changing settings,
 * storing a solver result, deleting. Every function takes `db` and the ward's id, so a scenario
 * of another ward is never found; writes run in one transaction with their audit rows.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { checkAllocation, moveList } from '../../allocation/evaluate';
import type {
	AllocationResult,
	Assignment,
	CheckResult,
	MoveRow,
	PersonsEntry
} from '../../allocation/types';
import type { Locale } from '../../i18n';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import type { Db, DbLike } from '../db';
import { assignments, scenarios } from '../db/schema';
import { PlansError } from './errors';
import { buildInstance, dbId, inputFingerprint, type BuiltInstance } from './instance';
import { normalisePlan, planMetrics, violationText, type PlanMetrics } from './metrics';
import {
	defaultSettings,
	MAX_LOCKED_ROOMS,
	settingsOf,
	unitFacts,
	type ScenarioSettings,
	type ScenarioWeights
} from './settings';

/** A draft (never solved), a solver outcome, or `edited` (hand-edited after a solve). */
export type ScenarioStatus = 'draft' | AllocationResult['status'] | 'edited';

export interface ScenarioListRow {
	id: number;
	name: string;
	status: ScenarioStatus;
	/** Objective of the stored plan; null for a draft. */
	objective: number | null;
	/** The solver's objective (the optimum when status was optimal); null before a solve. */
	optimum: number | null;
	/** The solver proved the optimum (false at a time limit, or never solved). */
	optimal: boolean;
	weights: ScenarioWeights;
	settings: ScenarioSettings;
	createdAt: number;
	solvedAt: number | null;
	appliedAt: number | null;
	/** Inputs changed since the solve: shown as out of date, cannot be applied. */
	stale: boolean;
	manualRows: number;
	metrics: PlanMetrics;
}

export interface ScenarioDetail extends ScenarioListRow {
	/** The instance the plan was solved for (the current one for a draft). */
	built: BuiltInstance;
	result: AllocationResult | null;
	plan: (Assignment & { manual: boolean })[];
	check: CheckResult;
	/** The violations in the user's language (empty when feasible). */
	violations: string[];
	moves: MoveRow[];
}

export type ScenarioRow = typeof scenarios.$inferSelect;

export function planOf(db: DbLike, scenarioId: number) {
	return db
		.select({
			orgUnitId: assignments.orgUnitId,
			roomId: assignments.roomId,
			persons: assignments.persons,
			areaM2: assignments.areaM2,
			manual: assignments.manual
		})
		.from(assignments)
		.where(eq(assignments.scenarioId, scenarioId))
		.orderBy(asc(assignments.id))
		.all()
		.map((a) => ({
			unitId: `u${a.orgUnitId}`,
			roomId: `r${a.roomId}`,
			persons: a.persons,
			areaM2: a.areaM2,
			manual: a.manual
		}));
}

export function resultOf(row: ScenarioRow): AllocationResult | null {
	return row.resultJson ? (JSON.parse(row.resultJson) as AllocationResult) : null;
}

/** The stored instance of a solved scenario (null for a draft or a pre-issue-13 row). */
export function storedBuilt(row: ScenarioRow): BuiltInstance | null {
	if (!row.inputHash || !row.instanceJson) return null;
	return JSON.parse(row.instanceJson) as BuiltInstance;
}

/**
 * The fingerprint of today's inputs for a scenario's settings, memoised per settings text within
 * one call (a list of scenarios with the same settings builds the instance once).
 */
export function currentFingerprint(
	db: DbLike,
	wardId: number,
	settings: ScenarioSettings,
	memo?: Map<string, string>
): string {
	const k = JSON.stringify(settings);
	const hit = memo?.get(k);
	if (hit) return hit;
	const h = inputFingerprint(buildInstance(db, wardId, settings));
	memo?.set(k, h);
	return h;
}

function listRow(
	db: DbLike,
	wardId: number,
	row: ScenarioRow,
	memo?: Map<string, string>
): ScenarioListRow & { built: BuiltInstance; plan: (Assignment & { manual: boolean })[] } {
	const settings = settingsOf(db, wardId, row);
	const solved = storedBuilt(row);
	const built = solved ?? buildInstance(db, wardId, settings);
	const plan = solved ? planOf(db, row.id) : [];
	const result = resultOf(row);
	const stale = solved ? currentFingerprint(db, wardId, settings, memo) !== row.inputHash : false;
	return {
		id: row.id,
		name: row.name,
		status: (solved ? row.status : 'draft') as ScenarioStatus,
		objective: solved ? row.objective : null,
		optimum: solved && result && result.status !== 'error' ? result.objective : null,
		optimal: !!solved && result?.status === 'optimal',
		weights: settings.weights,
		settings,
		createdAt: row.createdAt,
		solvedAt: solved ? row.updatedAt : null,
		appliedAt: row.appliedAt,
		stale,
		manualRows: plan.filter((a) => a.manual).length,
		metrics: planMetrics(built, plan),
		built,
		plan
	};
}

/** The ward's scenarios, newest first, with their figures (for the list and the comparison). */
export function listScenarios(db: DbLike, wardId: number, limit = 100): ScenarioListRow[] {
	const memo = new Map<string, string>();
	return db
		.select()
		.from(scenarios)
		.where(eq(scenarios.wardId, wardId))
		.orderBy(desc(scenarios.createdAt), desc(scenarios.id))
		.limit(limit)
		.all()
		.map((row) => {
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
			const { built, plan, ...rest } = listRow(db, wardId, row, memo);
			return rest;
		});
}

export function scenarioRow(db: DbLike, wardId: number, id: number): ScenarioRow {
	const row = db
		.select()
		.from(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId)))
		.get();
	if (!row) throw new PlansError('not-found');
	return row;
}

/** A scenario of the ward with its instance, plan, check, figures and moves; or undefined. */
export function getScenario(
	db: DbLike,
	wardId: number,
	id: number,
	locale: Locale = 'vi'
): ScenarioDetail | undefined {
	const row = db
		.select()
		.from(scenarios)
		.where(and(eq(scenarios.id, id), eq(scenarios.wardId, wardId)))
		.get();
	if (!row) return undefined;
	const base = listRow(db, wardId, row);
	const check = checkAllocation(base.built.instance, base.plan);
	return {
		...base,
		result: resultOf(row),
		check,
		violations: check.violations.map((v) => violationText(locale, v, base.built)),
		moves: moveList(base.built.instance, base.plan, currentPersons(base.built))
	};
}

/** Persons per unit and room today (the inventory's occupants), for the move list's origins. */
function currentPersons(built: BuiltInstance): PersonsEntry[] {
	return built.rooms
		.filter((r) => r.orgUnitId !== null && r.occupants > 0)
		.map((r) => ({ unitId: `u${r.orgUnitId}`, roomId: r.key, persons: r.occupants }));
}

/** Checks settings against the ward: numbers in range, ids of the ward's units and rooms. */
export function validateSettings(
	db: DbLike,
	wardId: number,
	s: ScenarioSettings
): ScenarioSettings {
	const bad = () => new PlansError('invalid-settings');
	if (!(Number.isFinite(s.minAreaPerPersonM2) && s.minAreaPerPersonM2 > 0)) throw bad();
	if (!(Number.isInteger(s.maxUnitsPerRoom) && s.maxUnitsPerRoom >= 1)) throw bad();
	if (s.minAreaSource.length > 500) throw bad();
	const unitIds = new Set(unitFacts(db, wardId).map((u) => u.id));
	for (const [k, p] of Object.entries(s.priorities)) {
		if (!unitIds.has(Number(k)) || !(Number.isFinite(p) && p >= 1 && p <= 100)) throw bad();
	}
	for (const u of s.groundFloorUnitIds) if (!unitIds.has(u)) throw bad();
	if (s.lockedRooms.length > MAX_LOCKED_ROOMS) throw bad();
	const roomIds = new Set(
		buildInstance(db, wardId, { ...s, lockedRooms: [] }).rooms.map((r) => r.id)
	);
	const seen = new Set<number>();
	for (const l of s.lockedRooms) {
		if (!roomIds.has(l.roomId) || !unitIds.has(l.unitId) || seen.has(l.roomId)) throw bad();
		seen.add(l.roomId);
	}
	for (const w of Object.values(s.weights)) if (!(Number.isFinite(w) && w >= 0)) throw bad();
	return {
		...s,
		minAreaSource: s.minAreaSource.trim(),
		groundFloorUnitIds: [...new Set(s.groundFloorUnitIds)].sort((a, b) => a - b),
		lockedRooms: [...s.lockedRooms].sort((a, b) => a.roomId - b.roomId)
	};
}

/**
 * Creates a draft scenario with the given settings (the ward's defaults when none are given);
 * returns its id. Nothing is solved yet.
 */
export function createScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	name: string,
	settings?: ScenarioSettings
): number {
	return db.transaction((tx) => {
		const s = settings ? validateSettings(tx, wardId, settings) : defaultSettings(tx, wardId);
		const row = tx
			.insert(scenarios)
			.values({
				wardId,
				name,
				weightsJson: JSON.stringify(s.weights),
				settingsJson: JSON.stringify(s),
				instanceJson: '',
				resultJson: null,
				status: 'draft',
				objective: null,
				inputHash: null,
				createdBy: actor.userId
			})
			.returning({ id: scenarios.id })
			.get();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: row.id,
			action: 'create',
			after: { name, settings: s }
		});
		return row.id;
	});
}

/** Replaces a scenario's settings (its plan, if any, becomes out of date until solved again). */
export function updateScenarioSettings(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	settings: ScenarioSettings,
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		checkVersion('scenario', row, expectedVersion);
		const s = validateSettings(tx, wardId, settings);
		updateScenarioAudited(
			tx,
			{ actor, wardId, id, expectedVersion },
			{ settingsJson: JSON.stringify(s), weightsJson: JSON.stringify(s.weights) },
			row.settingsJson ? JSON.parse(row.settingsJson) : null,
			s
		);
	});
}

/**
 * Writes columns of a scenario at the version its form was loaded with (a stale version is
 * refused, see versionedUpdate), with the audit row of the update, in the caller's transaction.
 */
export function updateScenarioAudited(
	tx: DbLike,
	at: { actor: Actor; wardId: number; id: number; expectedVersion: number | null | undefined },
	values: SQLiteUpdateSetSource<typeof scenarios>,
	before: unknown,
	after: unknown
): void {
	versionedUpdate(tx, scenarios, 'scenario', at.id, at.expectedVersion, {
		...values,
		updatedAt: Date.now()
	});
	writeAudit(tx, {
		actor: at.actor,
		wardId: at.wardId,
		entity: 'scenario',
		entityId: at.id,
		action: 'update',
		before,
		after
	});
}

/** Writes a plan's rows (replacing the scenario's), flagging the rows in `manualKeys`. */
export function writePlan(
	tx: DbLike,
	scenarioId: number,
	plan: readonly Assignment[],
	manualKeys: Set<string> = new Set()
): void {
	tx.delete(assignments).where(eq(assignments.scenarioId, scenarioId)).run();
	for (const a of normalisePlan(plan)) {
		tx.insert(assignments)
			.values({
				scenarioId,
				orgUnitId: dbId(a.unitId),
				roomId: dbId(a.roomId),
				persons: a.persons,
				areaM2: a.areaM2,
				manual: manualKeys.has(`${a.unitId}|${a.roomId}`)
			})
			.run();
	}
}

/**
 * An instance as a scenario stores it: its settings, the built instance as JSON and its
 * fingerprint (prepared where it was built, e.g. on a solver worker, so the server's thread only
 * writes it).
 */
export interface PreparedInstance {
	settings: ScenarioSettings;
	instanceJson: string;
	inputHash: string;
}

function prepared(built: BuiltInstance | PreparedInstance): PreparedInstance {
	if ('instanceJson' in built) return built;
	return {
		settings: built.settings,
		instanceJson: JSON.stringify(built),
		inputHash: inputFingerprint(built)
	};
}

/**
 * Stores a solver result into a scenario: its instance, fingerprint, the result, status and
 * objective, and one assignment row per (unit, room), with one audit row, in one transaction.
 * With `scenarioId` null a new scenario named `name` is created; returns the scenario's id.
 */
export function saveScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	name: string,
	built: BuiltInstance | PreparedInstance,
	result: AllocationResult,
	scenarioId: number | null = null
): number {
	const stored = prepared(built);
	return db.transaction((tx) => {
		const values = {
			name,
			weightsJson: JSON.stringify(stored.settings.weights),
			settingsJson: JSON.stringify(stored.settings),
			instanceJson: stored.instanceJson,
			resultJson: JSON.stringify(result),
			inputHash: stored.inputHash,
			status: result.status,
			objective: result.status === 'error' ? null : result.objective,
			updatedAt: Date.now()
		};
		let id: number;
		if (scenarioId === null) {
			id = tx
				.insert(scenarios)
				.values({ wardId, createdBy: actor.userId, ...values })
				.returning({ id: scenarios.id })
				.get().id;
		} else {
			scenarioRow(tx, wardId, scenarioId);
			tx.update(scenarios).set(values).where(eq(scenarios.id, scenarioId)).run();
			id = scenarioId;
		}
		writePlan(tx, id, result.assignments);
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: scenarioId === null ? 'create' : 'update',
			after: {
				name,
				status: result.status,
				objective: result.objective,
				settings: stored.settings,
				assignments: result.assignments.length,
				unseated: result.unseated
			}
		});
		return id;
	});
}

export function deleteScenario(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		tx.delete(scenarios).where(eq(scenarios.id, id)).run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'delete',
			before: { name: row.name, status: row.status, objective: row.objective }
		});
	});
}
