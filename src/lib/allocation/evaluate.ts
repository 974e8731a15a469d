/**
 * Evaluation of plans: the objective recomputed from a plan (`evaluatePlan`, the same function
 * the solver uses to report its objective), the shared feasibility check (`checkAllocation`,
 * used by the solver, the plan page and the server with one tolerance) and the move list.
 */
import {
	CHECK_TOLERANCE,
	type AllocationInstance,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type PlanEvaluation,
	type UnitEvaluation,
	type UnseatedEntry,
	type Violation
} from './types';
import { prepareInstance, type PreparedInstance } from './validate';

/** One (unit, room) pair of a plan by index (internal). */
export interface PairValue {
	u: number;
	r: number;
	persons: number;
	areaM2: number;
}

const validPersons = (v: unknown): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0;
const validArea = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Rows with known ids and valid numbers, summed per (unit, room) (internal). Rows with an
 * unknown id, persons that are not an integer ≥ 0 or an area that is not a finite number ≥ 0
 * are skipped (`checkAllocation` reports them).
 */
export function toPairs(p: PreparedInstance, assignments: readonly Assignment[]): PairValue[] {
	const byKey = new Map<number, PairValue>();
	const nr = p.rooms.length;
	for (const a of assignments) {
		const u = p.unitIndex.get(a?.unitId);
		const r = p.roomIndex.get(a?.roomId);
		if (u === undefined || r === undefined) continue;
		if (!validPersons(a.persons) || !validArea(a.areaM2)) continue;
		const key = u * nr + r;
		const pair = byKey.get(key);
		if (pair) {
			pair.persons += a.persons;
			pair.areaM2 += a.areaM2;
		} else byKey.set(key, { u, r, persons: a.persons, areaM2: a.areaM2 });
	}
	return [...byKey.values()].sort((a, b) => a.u - b.u || a.r - b.r);
}

/**
 * The objective of a plan given by index pairs (internal; see {@link evaluatePlan}).
 */
export function evaluatePairs(p: PreparedInstance, pairs: readonly PairValue[]): PlanEvaluation {
	const w = p.weights;
	const seated = p.units.map(() => 0);
	const area = p.units.map(() => 0);
	const moved = p.units.map(() => 0);
	const used = p.units.map(() => new Set<number>());
	for (const x of pairs) {
		seated[x.u] += x.persons;
		area[x.u] += x.areaM2;
		if (!p.current[x.u].has(x.r)) moved[x.u] += x.persons;
		if (x.persons > 0 || x.areaM2 > 0) used[x.u].add(p.roomBuilding[x.r]);
	}
	const units: UnitEvaluation[] = [];
	const unseated: UnseatedEntry[] = [];
	const terms = {
		unseated: 0,
		worstShortfallRatio: 0,
		shortfallM2: 0,
		buildingsPerUnit: 0,
		moved: 0
	};
	p.units.forEach((unit, u) => {
		const q = Math.max(0, unit.headcount - seated[u]);
		const shortfall = Math.max(0, unit.entitledM2 - area[u]);
		const share = unit.entitledM2 > 0 ? shortfall / unit.entitledM2 : 0;
		const ratio = unit.priority * share;
		const buildingIds = [...used[u]].sort((a, b) => a - b).map((b) => p.buildings[b]);
		units.push({
			unitId: unit.id,
			headcount: unit.headcount,
			seated: seated[u],
			unseated: q,
			areaM2: area[u],
			entitledM2: unit.entitledM2,
			shortfallM2: shortfall,
			shortfallShare: share,
			weightedShortfallRatio: ratio,
			buildingIds,
			moved: moved[u]
		});
		if (q > 0) unseated.push({ unitId: unit.id, persons: q });
		terms.unseated += q;
		terms.shortfallM2 += shortfall;
		terms.buildingsPerUnit += buildingIds.length;
		terms.moved += moved[u];
		if (unit.entitledM2 > 0 && ratio > terms.worstShortfallRatio) terms.worstShortfallRatio = ratio;
	});
	const objective =
		w.unseated * terms.unseated +
		w.worstShortfall * terms.worstShortfallRatio +
		w.shortfallM2 * terms.shortfallM2 +
		w.buildingsPerUnit * terms.buildingsPerUnit +
		w.moved * terms.moved;
	return { objective, terms, worstShortfallRatio: terms.worstShortfallRatio, units, unseated };
}

/**
 * Recomputes the objective of a plan from the plan itself, with the instance's weights:
 *
 *   unseated · Σ_u q_u + worstShortfall · t + shortfallM2 · Σ_u s_u
 *   + buildingsPerUnit · Σ_u |buildings u uses| + moved · Σ (persons outside current rooms)
 *
 * where q_u = max(0, headcount − seated), s_u = max(0, normM2·headcount − area given to u) and
 * t = max over units with normM2·headcount > 0 of priority · s_u / (normM2·headcount) (0 when
 * there is none). These are the least values the model's q, s, y and t can take for the plan's
 * x and g, so this is the model's objective of the plan. Rows for the same (unit, room) are
 * added; rows with unknown ids or invalid numbers are ignored (see `checkAllocation`).
 *
 * Example: unit U (3 people, norm 10 m² → 30 m² entitled, priority 1, sitting in R1 today) given
 * 24 m² in R1 (building A): q = 0, s = 6, t = 6/30 = 0.2, 1 building, 0 moved; with the default
 * weights the objective is 10000·0.2 + 6 + 10 = 2016.
 *
 * @throws AllocationInputError when the instance is invalid.
 */
export function evaluatePlan(
	instance: AllocationInstance,
	assignments: readonly Assignment[]
): PlanEvaluation {
	const p = prepareInstance(instance);
	return evaluatePairs(p, toPairs(p, assignments));
}

const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * Checks a plan (the solver's, or a manual edit) against every rule of the model and evaluates
 * it. Rules (each violation names one; `CHECK_TOLERANCE` = 1e-6 m² absolute for every area
 * comparison, so a room given exactly its area passes and 0.01 m² over fails):
 * - per row: `unknown-unit`, `unknown-room`, `invalid-number` (persons not an integer ≥ 0, area
 *   not a finite number ≥ 0), `duplicate-row` (a second row for the same unit and room);
 * - per (unit, room): `area-without-persons` (area > 0 with 0 persons), `usable`, `ground-floor`
 *   (persons of a ground-floor-only unit above level 1), `lock` (the room is locked to another
 *   unit), `min-area` (area < minAreaPerPersonM2 · persons);
 * - per room, summed over ALL units in it: `room-area` (Σ area > areaM2), `seats`
 *   (Σ persons > seats), `max-units` (more than maxUnitsPerRoom units with persons or area);
 * - per unit: `headcount` (Σ persons > headcount), `norm-ceiling` (Σ area > normM2·headcount).
 *
 * Example: room R of 30 m² shared by U (2 persons, 18 m²) and V (2 persons, 12 m²) passes the
 * room rule (30 ≤ 30); giving V 12.01 m² instead fails it: `room-area`, value 30.01, limit 30.
 *
 * @throws AllocationInputError when the instance itself is invalid.
 */
export function checkAllocation(
	instance: AllocationInstance,
	assignments: readonly Assignment[]
): CheckResult {
	const p = prepareInstance(instance);
	const tol = CHECK_TOLERANCE;
	const m = p.settings.minAreaPerPersonM2;
	const violations: Violation[] = [];
	const seen = new Set<number>();
	const nr = p.rooms.length;
	assignments.forEach((a, i) => {
		const where = `row ${i + 1}`;
		const u = p.unitIndex.get(a?.unitId);
		const r = p.roomIndex.get(a?.roomId);
		if (u === undefined) {
			violations.push({
				rule: 'unknown-unit',
				unitId: String(a?.unitId),
				message: `${where}: unknown unit "${String(a?.unitId)}"`
			});
		}
		if (r === undefined) {
			violations.push({
				rule: 'unknown-room',
				roomId: String(a?.roomId),
				message: `${where}: unknown room "${String(a?.roomId)}"`
			});
		}
		if (!validPersons(a?.persons) || !validArea(a?.areaM2)) {
			violations.push({
				rule: 'invalid-number',
				unitId: a?.unitId,
				roomId: a?.roomId,
				message: `${where}: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got ${String(a?.persons)} persons and ${String(a?.areaM2)} m²`
			});
		}
		if (u !== undefined && r !== undefined) {
			const key = u * nr + r;
			if (seen.has(key)) {
				violations.push({
					rule: 'duplicate-row',
					unitId: a.unitId,
					roomId: a.roomId,
					message: `${where}: a second row for unit "${a.unitId}" in room "${a.roomId}"`
				});
			}
			seen.add(key);
		}
	});

	const pairs = toPairs(p, assignments);
	const roomArea = p.rooms.map(() => 0);
	const roomPersons = p.rooms.map(() => 0);
	const roomUnits = p.rooms.map(() => 0);
	const unitPersons = p.units.map(() => 0);
	const unitArea = p.units.map(() => 0);
	for (const x of pairs) {
		const unit = p.units[x.u];
		const room = p.rooms[x.r];
		const ids = { unitId: unit.id, roomId: room.id };
		roomArea[x.r] += x.areaM2;
		roomPersons[x.r] += x.persons;
		unitPersons[x.u] += x.persons;
		unitArea[x.u] += x.areaM2;
		if (x.persons === 0) {
			if (x.areaM2 > tol) {
				roomUnits[x.r]++;
				violations.push({
					rule: 'area-without-persons',
					...ids,
					value: x.areaM2,
					message: `unit "${unit.id}" is given ${fmt(x.areaM2)} m² in room "${room.id}" with nobody seated there`
				});
			}
			continue;
		}
		roomUnits[x.r]++;
		if (!room.usable) {
			violations.push({
				rule: 'usable',
				...ids,
				message: `room "${room.id}" is not usable`
			});
		}
		if (unit.groundFloorOnly && room.level !== 1) {
			violations.push({
				rule: 'ground-floor',
				...ids,
				value: room.level,
				limit: 1,
				message: `unit "${unit.id}" must sit on the ground floor (level 1); room "${room.id}" is on level ${room.level}`
			});
		}
		if (room.lockedUnit >= 0 && room.lockedUnit !== x.u) {
			violations.push({
				rule: 'lock',
				...ids,
				message: `room "${room.id}" is locked to unit "${p.units[room.lockedUnit].id}"`
			});
		}
		if (x.areaM2 < m * x.persons - tol) {
			violations.push({
				rule: 'min-area',
				...ids,
				value: x.areaM2,
				limit: m * x.persons,
				message: `unit "${unit.id}" has ${x.persons} persons in room "${room.id}" on ${fmt(x.areaM2)} m², less than ${fmt(m)} m² each (${fmt(m * x.persons)} m²)`
			});
		}
	}
	p.rooms.forEach((room, r) => {
		if (roomArea[r] > room.areaM2 + tol) {
			violations.push({
				rule: 'room-area',
				roomId: room.id,
				value: roomArea[r],
				limit: room.areaM2,
				message: `room "${room.id}" is given ${fmt(roomArea[r])} m² in all, more than its ${fmt(room.areaM2)} m²`
			});
		}
		if (room.seats !== null && roomPersons[r] > room.seats) {
			violations.push({
				rule: 'seats',
				roomId: room.id,
				value: roomPersons[r],
				limit: room.seats,
				message: `room "${room.id}" seats ${room.seats}, the plan puts ${roomPersons[r]} persons in it`
			});
		}
		if (roomUnits[r] > p.settings.maxUnitsPerRoom) {
			violations.push({
				rule: 'max-units',
				roomId: room.id,
				value: roomUnits[r],
				limit: p.settings.maxUnitsPerRoom,
				message: `room "${room.id}" is shared by ${roomUnits[r]} units, at most ${p.settings.maxUnitsPerRoom} allowed`
			});
		}
	});
	p.units.forEach((unit, u) => {
		if (unitPersons[u] > unit.headcount) {
			violations.push({
				rule: 'headcount',
				unitId: unit.id,
				value: unitPersons[u],
				limit: unit.headcount,
				message: `unit "${unit.id}" has ${unitPersons[u]} persons seated, more than its headcount ${unit.headcount}`
			});
		}
		if (unitArea[u] > unit.entitledM2 + tol) {
			violations.push({
				rule: 'norm-ceiling',
				unitId: unit.id,
				value: unitArea[u],
				limit: unit.entitledM2,
				message: `unit "${unit.id}" is given ${fmt(unitArea[u])} m², more than its norm of ${fmt(unit.entitledM2)} m²`
			});
		}
	});
	return { feasible: violations.length === 0, violations, evaluation: evaluatePairs(p, pairs) };
}

/**
 * The moves a plan implies, one row per (unit, destination room outside the unit's current
 * rooms), with the persons moving there, in instance order.
 *
 * Where the movers come from: when `currentPersons` (persons per unit and room today) is given,
 * the persons leaving each current room (today's persons there minus the plan's) are matched to
 * the arrivals in room order, so a move may split into several rows with a single `fromRoomId`
 * each; otherwise `fromRoomId` is the unit's only current room, or null when it has none or
 * several (`fromRoomIds` lists them).
 *
 * Example: unit U (3 persons, current rooms [R1]) planned as 2 in R1 and 1 in R2 →
 * `[{ unitId: 'U', persons: 1, fromRoomId: 'R1', fromRoomIds: ['R1'], toRoomId: 'R2' }]`.
 */
export function moveList(
	instance: AllocationInstance,
	assignments: readonly Assignment[],
	currentPersons?: readonly { unitId: string; roomId: string; persons: number }[]
): MoveRow[] {
	const p = prepareInstance(instance);
	const pairs = toPairs(p, assignments);
	const rows: MoveRow[] = [];
	p.units.forEach((unit, u) => {
		const currentIds = [...p.current[u]].sort((a, b) => a - b).map((r) => p.rooms[r].id);
		const mine = pairs.filter((x) => x.u === u);
		const arrivals = mine.filter((x) => !p.current[u].has(x.r) && x.persons > 0);
		if (arrivals.length === 0) return;
		if (!currentPersons) {
			for (const x of arrivals) {
				rows.push({
					unitId: unit.id,
					persons: x.persons,
					fromRoomId: currentIds.length === 1 ? currentIds[0] : null,
					fromRoomIds: currentIds,
					toRoomId: p.rooms[x.r].id
				});
			}
			return;
		}
		// Departures per current room: today's persons minus the plan's persons there.
		const leaving: { roomId: string; left: number }[] = [];
		for (const r of [...p.current[u]].sort((a, b) => a - b)) {
			const today = currentPersons
				.filter((c) => c.unitId === unit.id && c.roomId === p.rooms[r].id)
				.reduce((s, c) => s + c.persons, 0);
			const stay = mine.find((x) => x.r === r)?.persons ?? 0;
			if (today > stay) leaving.push({ roomId: p.rooms[r].id, left: today - stay });
		}
		for (const x of arrivals) {
			let need = x.persons;
			while (need > 0) {
				const src = leaving.find((l) => l.left > 0);
				const k = src ? Math.min(need, src.left) : need;
				rows.push({
					unitId: unit.id,
					persons: k,
					fromRoomId: src ? src.roomId : null,
					fromRoomIds: currentIds,
					toRoomId: p.rooms[x.r].id
				});
				if (src) src.left -= k;
				need -= k;
			}
		}
	});
	return rows;
}
