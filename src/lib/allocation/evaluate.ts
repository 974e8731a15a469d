/**
 * Evaluation of allocation plans: feasibility check, objective and move list.
 */
import {
	type AllocationInstance,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type UnplacedEntry,
	type Violation
} from './types';
import { fitsArea, prepareInstance, type PreparedInstance } from './validate';

/** Plan summary computed from per-(unit, room) person counts (internal). */
export interface PlanSummary {
	objective: number;
	assignments: Assignment[];
	unplaced: UnplacedEntry[];
	buildingsByUnit: Record<string, string[]>;
}

/**
 * Summarises a plan given as `placed[u]` = Map(room index → persons) (internal): objective with
 * y = set of buildings used, unplaced = max(0, headcount − placed), assignments sorted by unit
 * then room order.
 */
export function summarisePlan(p: PreparedInstance, placed: Map<number, number>[]): PlanSummary {
	const { unplaced: wU, buildingsPerUnit: wB, moved: wM } = p.weights;
	let objective = 0;
	const assignments: Assignment[] = [];
	const unplaced: UnplacedEntry[] = [];
	const buildingsByUnit: Record<string, string[]> = {};
	p.units.forEach((unit, u) => {
		const rooms = [...placed[u].entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
		const used = new Set<number>();
		let total = 0;
		let moved = 0;
		for (const [r, n] of rooms) {
			assignments.push({ unitId: unit.id, roomId: p.rooms[r].id, persons: n });
			used.add(p.roomBuilding[r]);
			total += n;
			if (!p.current[u].has(r)) moved += n;
		}
		const s = Math.max(0, unit.headcount - total);
		if (s > 0) unplaced.push({ unitId: unit.id, persons: s });
		buildingsByUnit[unit.id] = [...used].sort((a, b) => a - b).map((b) => p.buildings[b]);
		objective += wU * s + wB * used.size + wM * moved;
	});
	return { objective, assignments, unplaced, buildingsByUnit };
}

/**
 * Checks a (possibly hand-edited) plan against an instance and evaluates it.
 *
 * Rules checked (the constraints of the model solved by `solveAllocation`):
 * - `unknown-unit` / `unknown-room`: the row names an id absent from the instance;
 * - `non-integer`: `persons` is not a non-negative integer;
 * - `unusable`: people in a room with `usable: false`;
 * - `ground-floor`: people of a `groundFloorOnly` unit in a room whose level ≠ 1;
 * - `capacity`: Σ_u areaPerPersonM2[u]·persons[u][r] > areaM2[r];
 * - `headcount`: a unit has more people placed than its headcount.
 *
 * Rows for the same (unit, room) are added up. Rows with unknown ids or persons ≤ 0 are ignored
 * by the evaluation; all others count, even when they violate a rule (e.g. 2.5 persons). The
 * objective uses the instance's weights (y = the set of buildings each unit actually uses):
 *   unplaced·Σ_u max(0, headcount − placed) + buildingsPerUnit·Σ_u |buildings used by u|
 *   + moved·Σ (persons outside the unit's current rooms).
 *
 * Example: unit U (3 people × 10 m², currently in R20), rooms R20 (20 m²) and R15 (15 m²) of
 * building A. The plan `[{U, R20, 2}, {U, R15, 2}]` yields a `headcount` violation (4 > 3);
 * `[{U, R20, 3}]` yields a `capacity` violation (30 > 20 m²); `[{U, R20, 2}, {U, R15, 1}]` is
 * feasible with objective 10 (one building) + 1 (one person outside R20) = 11.
 *
 * @throws AllocationInputError when the instance itself is invalid.
 */
export function checkAllocation(
	instance: AllocationInstance,
	assignments: readonly Assignment[]
): CheckResult {
	const p = prepareInstance(instance);
	const violations: Violation[] = [];
	const placed = p.units.map(() => new Map<number, number>());

	for (const a of assignments) {
		const u = p.unitIndex.get(a.unitId);
		const r = p.roomIndex.get(a.roomId);
		if (u === undefined) {
			violations.push({
				kind: 'unknown-unit',
				unitId: a.unitId,
				roomId: a.roomId,
				message: `unknown unit "${a.unitId}"`
			});
		}
		if (r === undefined) {
			violations.push({
				kind: 'unknown-room',
				unitId: a.unitId,
				roomId: a.roomId,
				message: `unknown room "${a.roomId}"`
			});
		}
		if (!Number.isInteger(a.persons) || a.persons < 0) {
			violations.push({
				kind: 'non-integer',
				unitId: a.unitId,
				roomId: a.roomId,
				message: `unit "${a.unitId}" in room "${a.roomId}": persons must be a non-negative integer, got ${a.persons}`
			});
		}
		if (u === undefined || r === undefined || !Number.isFinite(a.persons) || a.persons <= 0)
			continue;
		placed[u].set(r, (placed[u].get(r) ?? 0) + a.persons);
	}

	const load = p.rooms.map(() => 0);
	p.units.forEach((unit, u) => {
		let total = 0;
		for (const [r, n] of placed[u]) {
			if (n === 0) continue;
			const room = p.rooms[r];
			total += n;
			load[r] += unit.areaPerPersonM2 * n;
			if (!room.usable)
				violations.push({
					kind: 'unusable',
					unitId: unit.id,
					roomId: room.id,
					message: `room "${room.id}" is not usable but holds ${n} people of unit "${unit.id}"`
				});
			if (unit.groundFloorOnly === true && room.level !== 1)
				violations.push({
					kind: 'ground-floor',
					unitId: unit.id,
					roomId: room.id,
					message: `unit "${unit.id}" must stay on the ground floor but has ${n} people in room "${room.id}" (level ${room.level})`
				});
		}
		if (total > unit.headcount)
			violations.push({
				kind: 'headcount',
				unitId: unit.id,
				message: `unit "${unit.id}" has ${total} people placed but a headcount of ${unit.headcount}`
			});
	});
	p.rooms.forEach((room, r) => {
		if (!fitsArea(load[r], room.areaM2))
			violations.push({
				kind: 'capacity',
				roomId: room.id,
				message: `room "${room.id}" needs ${round2(load[r])} m² but has ${room.areaM2} m²`
			});
	});

	const summary = summarisePlan(p, placed);
	return {
		feasible: violations.length === 0,
		violations,
		objective: summary.objective,
		unplaced: summary.unplaced,
		buildingsByUnit: summary.buildingsByUnit
	};
}

function round2(v: number): number {
	return Math.round(v * 100) / 100;
}

/**
 * Lists the moves a plan implies: one row per (unit, room) with people seated in a room that is
 * not among the unit's current rooms. `fromRoomIds` are the unit's current rooms (the model
 * counts people, not individuals, so it does not know which current room each mover leaves).
 * Rows for the same (unit, room) are added up; rows with unknown ids or persons ≤ 0 are skipped.
 * Order: units in instance order, then rooms in instance order.
 *
 * Example: unit U (3 people, currently in R20) and the plan `[{U, R20, 2}, {U, R15, 1}]` give
 * `[{ unitId: 'U', fromRoomIds: ['R20'], toRoomId: 'R15', persons: 1 }]`.
 *
 * @throws AllocationInputError when the instance is invalid.
 */
export function moveList(
	instance: AllocationInstance,
	assignments: readonly Assignment[]
): MoveRow[] {
	const p = prepareInstance(instance);
	const sums = p.units.map(() => new Map<number, number>());
	for (const a of assignments) {
		const u = p.unitIndex.get(a.unitId);
		const r = p.roomIndex.get(a.roomId);
		if (u === undefined || r === undefined || !Number.isFinite(a.persons) || a.persons <= 0)
			continue;
		if (p.current[u].has(r)) continue;
		sums[u].set(r, (sums[u].get(r) ?? 0) + a.persons);
	}
	const rows: MoveRow[] = [];
	p.units.forEach((unit, u) => {
		const from = [...p.current[u]].sort((a, b) => a - b).map((r) => p.rooms[r].id);
		for (const [r, n] of [...sums[u].entries()].sort((a, b) => a[0] - b[0])) {
			if (n > 0)
				rows.push({ unitId: unit.id, fromRoomIds: [...from], toRoomId: p.rooms[r].id, persons: n });
		}
	});
	return rows;
}
