/**
 * Manual edits of a solved plan (moves, persons set by hand), their check without saving, and
 * the reset to the solver's plan.
 */
import { inArray } from 'drizzle-orm';
import type {
	AllocationStatus,
	Assignment,
	CheckResult,
	PersonsEntry
} from '../../allocation/types';
import { translate, type Locale } from '../../i18n';
import type { Actor } from '../audit';
import { checkVersion } from '../core/concurrency';
import type { Db, DbLike } from '../db';
import { orgUnits, rooms } from '../db/schema';
import { changedPersons, checkPlanEdit } from '../../plans/edit-check';
import { PlansError } from './errors';
import { dbId } from './instance';
import { normalisePlan, violationText } from './metrics';
import {
	planOf,
	resultOf,
	scenarioRow,
	storedBuilt,
	updateScenarioAudited,
	writePlan
} from './scenarios';

/** A manual edit of a solved scenario. */
export type PlanEdit =
	/** Sets the persons of a unit in a room (0 removes them). */
	| { kind: 'set'; unitId: number; roomId: number; persons: number }
	/** Moves `persons` people of a unit from one room (null: from the unseated) to another. */
	| { kind: 'move'; unitId: number; fromRoomId: number | null; toRoomId: number; persons: number };

/**
 * A manual edit checked against the stored plan: the plan saving it writes (areas refilled), the
 * rows to flag manual, the check, and the scenario's version it was checked against.
 */
export interface CheckedEdit {
	version: number;
	plan: Assignment[];
	manual: string[];
	check: CheckResult;
}

/**
 * Checks a manual edit of a solved scenario without saving it. The unit and rooms must be in the
 * scenario's instance; the edited plan's areas are refilled and the plan is checked with the
 * allocation module's `checkAllocation`. An edit that breaks a rule is refused with
 * `PlansError('rule', texts)` naming each rule. Only reads: it may run on a worker thread's
 * read-only connection (see `./view-worker`), `saveEdit` then writes.
 */
export function checkEdit(
	db: DbLike,
	wardId: number,
	id: number,
	edit: PlanEdit,
	locale: Locale = 'vi',
	/** The version the page was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): CheckedEdit {
	const row = scenarioRow(db, wardId, id);
	checkVersion('scenario', row, expectedVersion);
	const built = storedBuilt(row);
	if (!built) throw new PlansError('not-solved');
	const unitKey = `u${edit.unitId}`;
	if (!built.units.some((u) => u.key === unitKey)) throw new PlansError('invalid-unit');
	const roomKeys =
		edit.kind === 'set'
			? [edit.roomId]
			: edit.fromRoomId === null
				? [edit.toRoomId]
				: [edit.fromRoomId, edit.toRoomId];
	for (const r of roomKeys) {
		if (!built.rooms.some((x) => x.key === `r${r}`)) throw new PlansError('invalid-room');
	}
	const current = planOf(db, id);
	const change = changedPersons(
		built.instance,
		current,
		edit.kind === 'set'
			? { kind: 'set', unitKey, roomKey: `r${edit.roomId}`, persons: edit.persons }
			: {
					kind: 'move',
					unitKey,
					fromRoomKey: edit.fromRoomId === null ? null : `r${edit.fromRoomId}`,
					toRoomKey: `r${edit.toRoomId}`,
					persons: edit.persons
				}
	);
	if (!change.ok) {
		throw new PlansError('rule', [
			translate(locale, 'plans.err.movePersons', { n: change.available })
		]);
	}
	const { plan, check } = checkPlanEdit(built.instance, change.rows);
	if (!check.feasible) {
		throw new PlansError(
			'rule',
			check.violations.map((v) => violationText(locale, v, built))
		);
	}
	const manual = [
		...new Set([
			...current.filter((a) => a.manual).map((a) => `${a.unitId}|${a.roomId}`),
			...change.touched
		])
	];
	return { version: row.version, plan, manual, check };
}

/**
 * Saves an edit checked by `checkEdit`: the plan with the edited rows flagged manual, status
 * `edited` and the edited plan's objective. Refused (ConflictError, nothing written) when the
 * scenario is not at `expectedVersion` or changed since the edit was checked.
 */
export function saveEdit(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	edit: PlanEdit,
	checked: CheckedEdit,
	expectedVersion?: number | null
): CheckResult {
	return db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		checkVersion('scenario', row, expectedVersion);
		checkVersion('scenario', row, checked.version);
		writePlan(tx, id, checked.plan, new Set(checked.manual));
		const objective = checked.check.evaluation.objective;
		updateScenarioAudited(
			tx,
			{ actor, wardId, id, expectedVersion },
			{ status: 'edited', objective },
			{ objective: row.objective },
			{ edit, objective }
		);
		return checked.check;
	});
}

/**
 * Applies a manual edit to a solved scenario: `checkEdit`, then `saveEdit` (the same thread, so
 * nothing comes between). Refused edits save nothing.
 */
export function editPlan(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	edit: PlanEdit,
	locale: Locale = 'vi',
	/** The version the page was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): CheckResult {
	const checked = checkEdit(db, wardId, id, edit, locale, expectedVersion);
	return saveEdit(db, actor, wardId, id, edit, checked, expectedVersion);
}

/**
 * The check of a manual edit without saving it (the page's "Kiểm tra" and the API): the
 * violations in the user's language and the edited plan's objective.
 */
export function previewEdit(
	db: DbLike,
	wardId: number,
	id: number,
	persons: readonly PersonsEntry[],
	locale: Locale = 'vi'
): { feasible: boolean; violations: string[]; objective: number } {
	const built = storedBuilt(scenarioRow(db, wardId, id));
	if (!built) throw new PlansError('not-solved');
	const { check } = checkPlanEdit(built.instance, persons);
	return {
		feasible: check.feasible,
		violations: check.violations.map((v) => violationText(locale, v, built)),
		objective: check.evaluation.objective
	};
}

/** Puts back the solver's plan (undoing every manual edit); a stale version → ConflictError. */
export function resetScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	expectedVersion?: number | null
): void {
	saveReset(db, actor, wardId, id, checkReset(db, wardId, id, expectedVersion), expectedVersion);
}

/** The solver's plan to put back, its result's status and objective, and the version read. */
export interface CheckedReset {
	version: number;
	plan: Assignment[];
	status: AllocationStatus;
	objective: number | null;
	solverObjective: number;
}

/**
 * The reading half of {@link resetScenario}: the solver's plan without the rooms or units deleted
 * since the solve (their rows were cascaded away). Only reads (a worker thread may run it).
 */
export function checkReset(
	db: DbLike,
	wardId: number,
	id: number,
	expectedVersion?: number | null
): CheckedReset {
	const row = scenarioRow(db, wardId, id);
	checkVersion('scenario', row, expectedVersion);
	const result = resultOf(row);
	if (!result || !row.inputHash || !row.instanceJson) throw new PlansError('not-found');
	const plan = normalisePlan(result.assignments);
	const existing = <T extends { id: number }>(ids: number[], rows: (ids: number[]) => T[]) =>
		new Set(ids.length ? rows(ids).map((r) => r.id) : []);
	const roomIds = existing([...new Set(plan.map((a) => dbId(a.roomId)))], (ids) =>
		db.select({ id: rooms.id }).from(rooms).where(inArray(rooms.id, ids)).all()
	);
	const unitIds = existing([...new Set(plan.map((a) => dbId(a.unitId)))], (ids) =>
		db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids)).all()
	);
	return {
		version: row.version,
		plan: plan.filter((a) => roomIds.has(dbId(a.roomId)) && unitIds.has(dbId(a.unitId))),
		status: result.status,
		objective: result.status === 'error' ? null : result.objective,
		solverObjective: result.objective
	};
}

/**
 * The writing half of {@link resetScenario}, in one transaction; refused (ConflictError, nothing
 * written) when the scenario is not at `expectedVersion` or changed since it was read.
 */
export function saveReset(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	checked: CheckedReset,
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		checkVersion('scenario', row, expectedVersion);
		checkVersion('scenario', row, checked.version);
		writePlan(tx, id, checked.plan);
		updateScenarioAudited(
			tx,
			{ actor, wardId, id, expectedVersion },
			{ status: checked.status, objective: checked.objective },
			{ status: row.status, objective: row.objective },
			{ status: checked.status, objective: checked.solverObjective, reset: true }
		);
	});
}

/**
 * What a move form shows of the stored plan now, for the answer to a stale move (the "theirs"
 * side of the conflict panel): the move's fields as sent, and the unit's persons in the room it
 * leaves (`fromPersons`) and in the room it goes to (`toPersons`), which the page sent as it
 * showed them. Example: the user saw 4 in VPĐU 1 and another editor moved 3 out meanwhile:
 * `fromPersons` mine 4, theirs 1.
 */
export function moveFormTheirs(
	db: DbLike,
	wardId: number,
	id: number,
	mine: Record<string, string>
): Record<string, string> {
	scenarioRow(db, wardId, id);
	const unitKey = `u${mine.unitId}`;
	const personsIn = (roomId: string | undefined) =>
		String(
			planOf(db, id).find((a) => a.unitId === unitKey && a.roomId === `r${roomId}`)?.persons ?? 0
		);
	return {
		...mine,
		fromPersons: mine.fromRoomId && mine.fromRoomId !== '0' ? personsIn(mine.fromRoomId) : '',
		toPersons: personsIn(mine.toRoomId)
	};
}
