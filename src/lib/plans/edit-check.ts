/**
 * A manual edit of a plan and its check, one function for the plan page's live check (in the
 * browser) and the server's save (`$lib/server/plans/edit.ts`): the persons after the edit,
 * the areas refilled by `fillAreas` and the plan checked by `checkAllocation`, with the one
 * tolerance of the allocation module ({@link CHECK_TOLERANCE}). Pure and client-safe.
 */
import { fillAreas } from '../allocation/areas';
import { checkAllocation } from '../allocation/evaluate';
import {
	CHECK_TOLERANCE,
	type AllocationInstance,
	type Assignment,
	type CheckResult,
	type PersonsEntry
} from '../allocation/types';

export { CHECK_TOLERANCE };

/** A manual edit in instance keys (`u12`, `r345`). */
export type PlanChange =
	/** Sets the persons of a unit in a room (0 removes them). */
	| { kind: 'set'; unitKey: string; roomKey: string; persons: number }
	/** Moves `persons` people of a unit from a room (null: from the unseated) to another. */
	| {
			kind: 'move';
			unitKey: string;
			fromRoomKey: string | null;
			toRoomKey: string;
			persons: number;
	  };

/** Adds up rows of the same (unit, room) and drops rows with nobody. */
export function normalisePlan<T extends PersonsEntry & { areaM2?: number }>(
	plan: readonly T[]
): Assignment[] {
	const sums = new Map<string, Assignment>();
	for (const a of plan) {
		const k = `${a.unitId}|${a.roomId}`;
		const prev = sums.get(k);
		if (prev) {
			prev.persons += a.persons;
			prev.areaM2 += a.areaM2 ?? 0;
		} else {
			sums.set(k, {
				unitId: a.unitId,
				roomId: a.roomId,
				persons: a.persons,
				areaM2: a.areaM2 ?? 0
			});
		}
	}
	return [...sums.values()].filter((a) => a.persons > 0);
}

/**
 * The persons per (unit, room) after a change, and the `unit|room` keys it touched; or the
 * refusal of a move of fewer than 1 or more persons than `available` (the unit's persons in the
 * room it leaves, or its unseated persons), or of a move into the room it leaves.
 *
 * Example: unit u1 (headcount 5) has 3 in r1; moving 2 from r1 to r2 gives u1 1 in r1 and 2 in
 * r2; moving 4 is refused with available 3; moving 2 from the unseated gives available 2.
 */
export function changedPersons(
	instance: Pick<AllocationInstance, 'units'>,
	plan: readonly PersonsEntry[],
	change: PlanChange
): { ok: true; rows: PersonsEntry[]; touched: string[] } | { ok: false; available: number } {
	const rows = plan.map((a) => ({ unitId: a.unitId, roomId: a.roomId, persons: a.persons }));
	const unit = change.unitKey;
	const at = (roomKey: string) => {
		let row = rows.find((a) => a.unitId === unit && a.roomId === roomKey);
		if (!row) {
			row = { unitId: unit, roomId: roomKey, persons: 0 };
			rows.push(row);
		}
		return row;
	};
	if (change.kind === 'set') {
		at(change.roomKey).persons = change.persons;
		return { ok: true, rows, touched: [`${unit}|${change.roomKey}`] };
	}
	const { fromRoomKey: from, toRoomKey: to, persons } = change;
	let available: number;
	if (from === null) {
		const headcount = instance.units.find((u) => u.id === unit)?.headcount ?? 0;
		const seated = rows.filter((a) => a.unitId === unit).reduce((n, a) => n + a.persons, 0);
		available = Math.max(0, headcount - seated);
	} else {
		available = rows.find((a) => a.unitId === unit && a.roomId === from)?.persons ?? 0;
	}
	if (!Number.isInteger(persons) || persons < 1 || persons > available || from === to) {
		return { ok: false, available };
	}
	if (from !== null) at(from).persons -= persons;
	at(to).persons += persons;
	return {
		ok: true,
		rows,
		touched: from === null ? [`${unit}|${to}`] : [`${unit}|${from}`, `${unit}|${to}`]
	};
}

/** The edited plan with its areas refilled by `fillAreas`, and its check by `checkAllocation`. */
export function checkPlanEdit(
	instance: AllocationInstance,
	persons: readonly PersonsEntry[]
): { plan: Assignment[]; check: CheckResult } {
	const rows = normalisePlan(persons).map(({ unitId, roomId, persons }) => ({
		unitId,
		roomId,
		persons
	}));
	const plan = fillAreas(instance, rows);
	return { plan, check: checkAllocation(instance, plan) };
}

/**
 * What the plan page says while a move is typed (and what the server decides when it is
 * saved): the refusal with the persons available, or the edited plan's check.
 */
export function checkMove(
	instance: AllocationInstance,
	plan: readonly PersonsEntry[],
	move: Extract<PlanChange, { kind: 'move' }>
): { refused: true; available: number } | { refused: false; check: CheckResult } {
	const change = changedPersons(instance, plan, move);
	if (!change.ok) return { refused: true, available: change.available };
	return { refused: false, check: checkPlanEdit(instance, change.rows).check };
}
