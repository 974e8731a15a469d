/**
 * Manual edits of a solved plan (moves, persons set by hand), their check without saving, and
 * the reset to the solver's plan.
 */
import { eq, inArray } from 'drizzle-orm';
import { fillAreas } from '../../allocation/areas';
import { checkAllocation } from '../../allocation/evaluate';
import type { Assignment, CheckResult, PersonsEntry } from '../../allocation/types';
import { translate, type Locale } from '../../i18n';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { orgUnits, rooms, scenarios } from '../db/schema';
import { PlansError } from './errors';
import { dbId, type BuiltInstance } from './instance';
import { normalisePlan, violationText } from './metrics';
import { planOf, resultOf, scenarioRow, storedBuilt, writePlan } from './scenarios';

/**
 * The plan a manual edit would give, with areas refilled by `fillAreas` and checked by the
 * allocation module's `checkAllocation` (the same check, with the same tolerance, as the page).
 */
function editedPlan(
	built: BuiltInstance,
	persons: readonly PersonsEntry[]
): { plan: Assignment[]; check: CheckResult } {
	const rows = normalisePlan(persons).map(({ unitId, roomId, persons }) => ({
		unitId,
		roomId,
		persons
	}));
	const plan = fillAreas(built.instance, rows);
	return { plan, check: checkAllocation(built.instance, plan) };
}

/** A manual edit of a solved scenario. */
export type PlanEdit =
	/** Sets the persons of a unit in a room (0 removes them). */
	| { kind: 'set'; unitId: number; roomId: number; persons: number }
	/** Moves `persons` people of a unit from one room (null: from the unseated) to another. */
	| { kind: 'move'; unitId: number; fromRoomId: number | null; toRoomId: number; persons: number };

/**
 * Applies a manual edit to a solved scenario. The unit and rooms must be in the scenario's
 * instance; the edited plan's areas are refilled and the plan is checked with the allocation
 * module's `checkAllocation`. An edit that breaks a rule is refused with
 * `PlansError('rule', texts)` naming each rule, and nothing is saved. Otherwise the plan is saved
 * with the edited rows flagged manual, status `edited` and the edited plan's objective.
 */
export function editPlan(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	edit: PlanEdit,
	locale: Locale = 'vi'
): CheckResult {
	return db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
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
		const current = planOf(tx, id);
		const persons = current.map((a) => ({ ...a }));
		const touched = new Set<string>();
		const at = (roomId: number) => {
			const k = `${unitKey}|r${roomId}`;
			touched.add(k);
			let r = persons.find((a) => a.unitId === unitKey && a.roomId === `r${roomId}`);
			if (!r) {
				r = { unitId: unitKey, roomId: `r${roomId}`, persons: 0, areaM2: 0, manual: true };
				persons.push(r);
			}
			return r;
		};
		if (edit.kind === 'set') at(edit.roomId).persons = edit.persons;
		else {
			let available: number;
			if (edit.fromRoomId === null) {
				const unit = built.units.find((u) => u.key === unitKey)!;
				const seated = persons
					.filter((a) => a.unitId === unitKey)
					.reduce((n, a) => n + a.persons, 0);
				available = Math.max(0, unit.headcount - seated);
			} else available = at(edit.fromRoomId).persons;
			if (edit.persons < 1 || edit.persons > available || edit.fromRoomId === edit.toRoomId) {
				throw new PlansError('rule', [
					translate(locale, 'plans.err.movePersons', { n: available })
				]);
			}
			if (edit.fromRoomId !== null) at(edit.fromRoomId).persons -= edit.persons;
			at(edit.toRoomId).persons += edit.persons;
		}
		const { plan, check } = editedPlan(built, persons);
		if (!check.feasible) {
			throw new PlansError(
				'rule',
				check.violations.map((v) => violationText(locale, v, built))
			);
		}
		const manual = new Set([
			...current.filter((a) => a.manual).map((a) => `${a.unitId}|${a.roomId}`),
			...touched
		]);
		writePlan(tx, id, plan, manual);
		tx.update(scenarios)
			.set({ status: 'edited', objective: check.evaluation.objective, updatedAt: Date.now() })
			.where(eq(scenarios.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: { objective: row.objective },
			after: { edit, objective: check.evaluation.objective }
		});
		return check;
	});
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
	const { check } = editedPlan(built, persons);
	return {
		feasible: check.feasible,
		violations: check.violations.map((v) => violationText(locale, v, built)),
		objective: check.evaluation.objective
	};
}

/** Puts back the solver's plan (undoing every manual edit). */
export function resetScenario(db: Db, actor: Actor, wardId: number, id: number): void {
	db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		const result = resultOf(row);
		if (!result || !storedBuilt(row)) throw new PlansError('not-found');
		// Rooms or units deleted since the solve are left out (their rows were cascaded away).
		const plan = normalisePlan(result.assignments);
		const existing = <T extends { id: number }>(ids: number[], rows: (ids: number[]) => T[]) =>
			new Set(ids.length ? rows(ids).map((r) => r.id) : []);
		const roomIds = existing([...new Set(plan.map((a) => dbId(a.roomId)))], (ids) =>
			tx.select({ id: rooms.id }).from(rooms).where(inArray(rooms.id, ids)).all()
		);
		const unitIds = existing([...new Set(plan.map((a) => dbId(a.unitId)))], (ids) =>
			tx.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids)).all()
		);
		writePlan(
			tx,
			id,
			plan.filter((a) => roomIds.has(dbId(a.roomId)) && unitIds.has(dbId(a.unitId)))
		);
		tx.update(scenarios)
			.set({
				status: result.status,
				objective: result.status === 'error' ? null : result.objective,
				updatedAt: Date.now()
			})
			.where(eq(scenarios.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'update',
			before: { status: row.status, objective: row.objective },
			after: { status: result.status, objective: result.objective, reset: true }
		});
	});
}
