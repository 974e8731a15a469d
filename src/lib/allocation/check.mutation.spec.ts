/**
 * The allocation check and its input validation on small hand-worked instances: the exact
 * message of every refused input, every violation checkAllocation reports (rule, ids, value,
 * limit, message), the tolerance at each boundary, the objective's terms, the move list and the
 * per-pair capacity. Written to kill mutants that survived (docs/mutation.md). Defaults: 6 m²
 * per person, 2 units per room, weights unseated 100000, worstShortfall 10000, shortfallM2 1,
 * buildingsPerUnit 10, moved 1.
 */
import { describe, expect, it } from 'vitest';
import {
	AllocationInputError,
	CHECK_TOLERANCE,
	checkAllocation,
	evaluatePlan,
	moveList,
	type AllocationInstance,
	type Assignment
} from './index';
import { pairCap, prepareInstance, roomAllowed } from './validate';
import { changedInstance } from '../../../tests/helpers/allocation';

/** A fresh two-unit, two-room instance changed by `change` (loosely typed: the point is bad input). */
const bad = changedInstance;

const messageOf = (instance: unknown): string => {
	try {
		prepareInstance(instance as AllocationInstance);
	} catch (e) {
		expect(e).toBeInstanceOf(AllocationInputError);
		return (e as Error).message;
	}
	return 'accepted';
};

describe('prepareInstance: the exact message of each refusal', () => {
	const cases: [string, unknown, string][] = [
		['null', null, 'the instance must be a JSON object'],
		['an array', [], 'the instance must be a JSON object'],
		['units not an array', bad((i) => (i.units = {} as never)), '"units" must be an array'],
		['rooms not an array', bad((i) => (i.rooms = 'x' as never)), '"rooms" must be an array'],
		['a unit not an object', bad((i) => (i.units[1] = 5 as never)), 'units[1] must be an object'],
		[
			'a unit id empty',
			bad((i) => (i.units[1].id = '')),
			'units[1]: id must be a non-empty string'
		],
		[
			'a unit id not a string',
			bad((i) => (i.units[0].id = 7)),
			'units[0]: id must be a non-empty string'
		],
		[
			'a duplicate unit id',
			bad((i) => i.units.push({ id: 'U1', headcount: 1, normM2: 1 })),
			'duplicate unit id "U1" (units[0] and units[2])'
		],
		[
			'a room not an object',
			bad((i) => (i.rooms[0] = null as never)),
			'rooms[0] must be an object'
		],
		[
			'a room id not a string',
			bad((i) => (i.rooms[1].id = 7)),
			'rooms[1]: id must be a non-empty string'
		],
		[
			'a room id empty',
			bad((i) => (i.rooms[1].id = '')),
			'rooms[1]: id must be a non-empty string'
		],
		[
			'a duplicate room id',
			bad((i) => i.rooms.push({ id: 'R2', buildingId: 'C', level: 1, areaM2: 9, usable: true })),
			'duplicate room id "R2" (rooms[1] and rooms[2])'
		],
		[
			'a building id empty',
			bad((i) => (i.rooms[0].buildingId = '')),
			'room "R1" (rooms[0]): buildingId must be a non-empty string'
		],
		[
			'a building id not a string',
			bad((i) => (i.rooms[0].buildingId = 3)),
			'room "R1" (rooms[0]): buildingId must be a non-empty string'
		],
		[
			'a level not an integer',
			bad((i) => (i.rooms[1].level = 1.5)),
			'room "R2" (rooms[1]): level must be an integer, got 1.5'
		],
		[
			'a level given as text',
			bad((i) => (i.rooms[1].level = '2')),
			'room "R2" (rooms[1]): level must be an integer, got "2"'
		],
		[
			'a level missing',
			bad((i) => delete i.rooms[1].level),
			'room "R2" (rooms[1]): level must be an integer, got undefined'
		],
		[
			'a negative area',
			bad((i) => (i.rooms[1].areaM2 = -1)),
			'room "R2" (rooms[1]): areaM2 must be a number ≥ 0, got -1'
		],
		[
			'an infinite area',
			bad((i) => (i.rooms[0].areaM2 = Infinity)),
			'room "R1" (rooms[0]): areaM2 must be a number ≥ 0, got Infinity'
		],
		[
			'usable as text',
			bad((i) => (i.rooms[0].usable = 'yes')),
			'room "R1" (rooms[0]): usable must be true or false, got "yes"'
		],
		[
			'usable as an object',
			bad((i) => (i.rooms[0].usable = { a: 1 })),
			'room "R1" (rooms[0]): usable must be true or false, got {"a":1}'
		],
		[
			'usable as a bigint (JSON cannot write it)',
			bad((i) => (i.rooms[0].usable = 1n)),
			'room "R1" (rooms[0]): usable must be true or false, got bigint'
		],
		[
			'usable as a number',
			bad((i) => (i.rooms[0].usable = 1)),
			'room "R1" (rooms[0]): usable must be true or false, got 1'
		],
		[
			'seats not an integer',
			bad((i) => (i.rooms[1].seats = 2.5)),
			'room "R2" (rooms[1]): seats must be an integer ≥ 0, got 2.5'
		],
		[
			'seats negative',
			bad((i) => (i.rooms[1].seats = -1)),
			'room "R2" (rooms[1]): seats must be an integer ≥ 0, got -1'
		],
		[
			'seats as text',
			bad((i) => (i.rooms[1].seats = '3')),
			'room "R2" (rooms[1]): seats must be an integer ≥ 0, got "3"'
		],
		[
			'a lock naming no unit',
			bad((i) => (i.rooms[1].lockedUnitId = 'U9')),
			'room "R2" (rooms[1]): lockedUnitId "U9" names no unit'
		],
		[
			'a lock given as a number',
			bad((i) => (i.rooms[1].lockedUnitId = 0)),
			'room "R2" (rooms[1]): lockedUnitId 0 names no unit'
		],
		[
			'a headcount not an integer',
			bad((i) => (i.units[1].headcount = 2.5)),
			'unit "U2" (units[1]): headcount must be an integer ≥ 0, got 2.5'
		],
		[
			'a negative headcount',
			bad((i) => (i.units[0].headcount = -1)),
			'unit "U1" (units[0]): headcount must be an integer ≥ 0, got -1'
		],
		[
			'a headcount as text',
			bad((i) => (i.units[0].headcount = '2')),
			'unit "U1" (units[0]): headcount must be an integer ≥ 0, got "2"'
		],
		[
			'a negative norm',
			bad((i) => (i.units[0].normM2 = -3)),
			'unit "U1" (units[0]): normM2 must be a number ≥ 0, got -3'
		],
		[
			'a norm as text',
			bad((i) => (i.units[0].normM2 = '10')),
			'unit "U1" (units[0]): normM2 must be a number ≥ 0, got "10"'
		],
		[
			'a priority below 1',
			bad((i) => (i.units[1].priority = 0.5)),
			'unit "U2" (units[1]): priority must be a number ≥ 1, got 0.5'
		],
		[
			'a priority as text',
			bad((i) => (i.units[1].priority = '2')),
			'unit "U2" (units[1]): priority must be a number ≥ 1, got "2"'
		],
		[
			'groundFloorOnly as text',
			bad((i) => (i.units[0].groundFloorOnly = 'no')),
			'unit "U1" (units[0]): groundFloorOnly must be true or false, got "no"'
		],
		[
			'current rooms not an array',
			bad((i) => (i.units[0].currentRoomIds = 'R1')),
			'unit "U1" (units[0]): currentRoomIds must be an array of room ids'
		],
		[
			'an unknown current room',
			bad((i) => (i.units[0].currentRoomIds = ['R1', 'R9'])),
			'unit "U1" (units[0]): currentRoomIds names an unknown room "R9"'
		],
		[
			'a current room given as a number',
			bad((i) => (i.units[0].currentRoomIds = [0])),
			'unit "U1" (units[0]): currentRoomIds names an unknown room 0'
		],
		['settings not an object', bad((i) => (i.settings = 5)), '"settings" must be an object'],
		['settings an array', bad((i) => (i.settings = [])), '"settings" must be an object'],
		[
			'a zero minimum area',
			bad((i) => (i.settings = { minAreaPerPersonM2: 0 })),
			'settings.minAreaPerPersonM2 must be a number > 0, got 0'
		],
		[
			'a minimum area as text',
			bad((i) => (i.settings = { minAreaPerPersonM2: '6' })),
			'settings.minAreaPerPersonM2 must be a number > 0, got "6"'
		],
		[
			'units per room not an integer',
			bad((i) => (i.settings = { maxUnitsPerRoom: 1.5 })),
			'settings.maxUnitsPerRoom must be an integer ≥ 1, got 1.5'
		],
		[
			'zero units per room',
			bad((i) => (i.settings = { maxUnitsPerRoom: 0 })),
			'settings.maxUnitsPerRoom must be an integer ≥ 1, got 0'
		],
		[
			'units per room as text',
			bad((i) => (i.settings = { maxUnitsPerRoom: '2' })),
			'settings.maxUnitsPerRoom must be an integer ≥ 1, got "2"'
		],
		['weights not an object', bad((i) => (i.weights = 'x')), '"weights" must be an object'],
		['weights an array', bad((i) => (i.weights = [1])), '"weights" must be an object'],
		[
			'a negative weight',
			bad((i) => (i.weights = { moved: -1 })),
			'weights.moved must be a number ≥ 0, got -1'
		],
		[
			'a weight as text',
			bad((i) => (i.weights = { shortfallM2: '1' })),
			'weights.shortfallM2 must be a number ≥ 0, got "1"'
		],
		[
			'an infinite weight',
			bad((i) => (i.weights = { worstShortfall: Infinity })),
			'weights.worstShortfall must be a number ≥ 0, got Infinity'
		]
	];
	it.each(cases)('%s', (_name, instance, message) => {
		expect(messageOf(instance)).toBe(message);
	});

	it('accepts every boundary value: zero area, norm, headcount, seats and weights; priority 1; one unit per room', () => {
		const ok = bad((i) => {
			i.rooms[0].areaM2 = 0;
			i.rooms[1].seats = 0;
			i.rooms[1].lockedUnitId = 'U2';
			i.units[0].normM2 = 0;
			i.units[1].headcount = 0;
			i.units[1].priority = 1;
			i.units[1].groundFloorOnly = null;
			i.units[1].currentRoomIds = null;
			i.settings = { maxUnitsPerRoom: 1, minAreaPerPersonM2: 0.5 };
			i.weights = { moved: 0, unseated: null };
		});
		expect(messageOf(ok)).toBe('accepted');
		const p = prepareInstance(ok);
		expect(p.settings).toEqual({ minAreaPerPersonM2: 0.5, maxUnitsPerRoom: 1 });
		expect(p.weights).toEqual({
			unseated: 100000,
			worstShortfall: 10000,
			shortfallM2: 1,
			buildingsPerUnit: 10,
			moved: 0
		});
		expect(p.rooms[1]).toEqual({
			id: 'R2',
			buildingId: 'B',
			level: 2,
			areaM2: 15,
			usable: true,
			seats: 0,
			lockedUnit: 1
		});
		expect(p.units[1]).toEqual({
			id: 'U2',
			headcount: 0,
			normM2: 12,
			priority: 1,
			groundFloorOnly: false,
			entitledM2: 0
		});
	});

	it('defaults: settings and weights when null, no seats, no lock; buildings in order of first appearance', () => {
		const i = bad((x) => {
			x.settings = null;
			x.weights = null;
			x.rooms.push({ id: 'R3', buildingId: 'A', level: 3, areaM2: 9, usable: false, seats: null });
			x.units[0].currentRoomIds = ['R3', 'R1'];
			x.units[0].groundFloorOnly = true;
		});
		const p = prepareInstance(i);
		expect(p.settings).toEqual({ minAreaPerPersonM2: 6, maxUnitsPerRoom: 2 });
		expect(p.weights.unseated).toBe(100000);
		expect(p.rooms.map((r) => [r.seats, r.lockedUnit])).toEqual([
			[null, -1],
			[null, -1],
			[null, -1]
		]);
		expect(p.buildings).toEqual(['A', 'B']);
		expect(p.roomBuilding).toEqual([0, 1, 0]);
		expect(p.current.map((s) => [...s].sort())).toEqual([[0, 2], []]);
		expect(p.units[0]).toMatchObject({ groundFloorOnly: true, priority: 1, entitledM2: 20 });
		expect([...p.unitIndex]).toEqual([
			['U1', 0],
			['U2', 1]
		]);
		expect([...p.roomIndex]).toEqual([
			['R1', 0],
			['R2', 1],
			['R3', 2]
		]);
	});
});

describe('roomAllowed and pairCap', () => {
	const p = prepareInstance({
		units: [
			{ id: 'G', headcount: 5, normM2: 10, groundFloorOnly: true },
			{ id: 'H', headcount: 2, normM2: 10 }
		],
		rooms: [
			{ id: 'L1', buildingId: 'A', level: 1, areaM2: 18, usable: true },
			{ id: 'L2', buildingId: 'A', level: 2, areaM2: 17.99, usable: true },
			{ id: 'X', buildingId: 'A', level: 1, areaM2: 60, usable: false },
			{ id: 'K', buildingId: 'A', level: 1, areaM2: 60, usable: true, lockedUnitId: 'H', seats: 1 },
			{ id: 'S', buildingId: 'A', level: 1, areaM2: 60, usable: true, seats: 4 }
		]
	});

	it('usable, ground floor for a ground-floor unit, lock', () => {
		// [G, H] for each room.
		expect(p.rooms.map((_, r) => [roomAllowed(p, 0, r), roomAllowed(p, 1, r)])).toEqual([
			[true, true],
			[false, true],
			[false, false],
			[false, true],
			[true, true]
		]);
	});

	it('cap = min(headcount, ⌊area / 6⌋, seats)', () => {
		// L1: 18 / 6 = 3 exactly (despite binary rounding); L2: 17.99 / 6 → 2; X: 10, but
		// headcount 5 (G) or 2 (H); K: 1 seat; S: 4 seats for G, headcount 2 for H.
		expect(p.rooms.map((_, r) => [pairCap(p, 0, r), pairCap(p, 1, r)])).toEqual([
			[3, 2],
			[2, 2],
			[5, 2],
			[1, 1],
			[4, 2]
		]);
	});
});

/** Units A (3 people, norm 10 → 30 m², sits in R1), B (2, norm 8 → 16 m², ground floor only),
 * C (1, norm 9 → 9 m²); rooms R1 (X, level 1, 30 m²), R2 (X, level 2, 20 m², 1 seat),
 * R3 (Y, level 1, 12 m², not usable), R4 (Y, level 1, 25 m², locked to C). */
const town = (): AllocationInstance => ({
	units: [
		{ id: 'A', headcount: 3, normM2: 10, currentRoomIds: ['R1'] },
		{ id: 'B', headcount: 2, normM2: 8, groundFloorOnly: true },
		{ id: 'C', headcount: 1, normM2: 9 }
	],
	rooms: [
		{ id: 'R1', buildingId: 'X', level: 1, areaM2: 30, usable: true },
		{ id: 'R2', buildingId: 'X', level: 2, areaM2: 20, usable: true, seats: 1 },
		{ id: 'R3', buildingId: 'Y', level: 1, areaM2: 12, usable: false },
		{ id: 'R4', buildingId: 'Y', level: 1, areaM2: 25, usable: true, lockedUnitId: 'C' }
	]
});
const row = (unitId: string, roomId: string, persons: number, areaM2: number): Assignment => ({
	unitId,
	roomId,
	persons,
	areaM2
});

describe('checkAllocation: every violation, exactly', () => {
	it('row rules: unknown unit, unknown room, invalid numbers, a second row for a pair', () => {
		const r = checkAllocation(town(), [
			row('Z', 'R1', 1, 6),
			row('A', 'R9', 1, 6),
			row('A', 'R1', 1.5, 10),
			row('A', 'R1', 3, 18)
		]);
		expect(r.feasible).toBe(false);
		expect(r.violations).toEqual([
			{ rule: 'unknown-unit', unitId: 'Z', message: 'row 1: unknown unit "Z"' },
			{ rule: 'unknown-room', roomId: 'R9', message: 'row 2: unknown room "R9"' },
			{
				rule: 'invalid-number',
				unitId: 'A',
				roomId: 'R1',
				message:
					'row 3: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got 1.5 persons and 10 m²'
			},
			{
				rule: 'duplicate-row',
				unitId: 'A',
				roomId: 'R1',
				message: 'row 4: a second row for unit "A" in room "R1"'
			}
		]);
		// Only the valid row counts in the evaluation: A seated 3 on 18 m².
		expect(r.evaluation.units[0]).toMatchObject({ seated: 3, areaM2: 18, shortfallM2: 12 });
	});

	it('a null row and a row with a negative area are reported, not thrown', () => {
		const r = checkAllocation(town(), [null as unknown as Assignment, row('C', 'R1', 1, -1)]);
		expect(r.violations).toEqual([
			{ rule: 'unknown-unit', unitId: 'undefined', message: 'row 1: unknown unit "undefined"' },
			{ rule: 'unknown-room', roomId: 'undefined', message: 'row 1: unknown room "undefined"' },
			{
				rule: 'invalid-number',
				unitId: undefined,
				roomId: undefined,
				message:
					'row 1: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got undefined persons and undefined m²'
			},
			{
				rule: 'invalid-number',
				unitId: 'C',
				roomId: 'R1',
				message:
					'row 2: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got 1 persons and -1 m²'
			}
		]);
	});

	it('pair rules: lock, least area, ground floor, area without persons, unusable; and the norm ceiling', () => {
		const r = checkAllocation(town(), [
			row('B', 'R2', 1, 6),
			row('C', 'R3', 1, 6),
			row('A', 'R4', 2, 11.99),
			row('C', 'R1', 0, 5)
		]);
		// Pairs in (unit, room) order: (A,R4), (B,R2), (C,R1), (C,R3); then rooms; then units.
		expect(r.violations).toEqual([
			{ rule: 'lock', unitId: 'A', roomId: 'R4', message: 'room "R4" is locked to unit "C"' },
			{
				rule: 'min-area',
				unitId: 'A',
				roomId: 'R4',
				value: 11.99,
				limit: 12,
				message: 'unit "A" has 2 persons in room "R4" on 11.99 m², less than 6 m² each (12 m²)'
			},
			{
				rule: 'ground-floor',
				unitId: 'B',
				roomId: 'R2',
				value: 2,
				limit: 1,
				message: 'unit "B" must sit on the ground floor (level 1); room "R2" is on level 2'
			},
			{
				rule: 'area-without-persons',
				unitId: 'C',
				roomId: 'R1',
				value: 5,
				message: 'unit "C" is given 5 m² in room "R1" with nobody seated there'
			},
			{ rule: 'usable', unitId: 'C', roomId: 'R3', message: 'room "R3" is not usable' },
			{
				rule: 'norm-ceiling',
				unitId: 'C',
				value: 11,
				limit: 9,
				message: 'unit "C" is given 11 m², more than its norm of 9 m²'
			}
		]);
	});

	it('a plan that keeps every rule is feasible (each at its limit)', () => {
		// A: 3 in R1 on 18 m² = 3 × 6; C: 1 in R4 (its lock) on 9 m² = its norm; B: 2 on level 1.
		const r = checkAllocation(town(), [
			row('A', 'R1', 3, 18),
			row('C', 'R4', 1, 9),
			row('B', 'R1', 2, 12)
		]);
		expect(r).toMatchObject({ feasible: true, violations: [] });
		// R1 holds 30 m² exactly (18 + 12) and two units.
	});

	it('a room shared by three units: area, seats and units summed over all of them', () => {
		const i = town();
		i.rooms[0].seats = 4;
		const r = checkAllocation(i, [
			row('A', 'R1', 3, 18),
			row('B', 'R1', 2, 12.01),
			row('C', 'R1', 1, 6)
		]);
		expect(r.violations).toEqual([
			{
				rule: 'room-area',
				roomId: 'R1',
				value: expect.closeTo(36.01, 9),
				limit: 30,
				message: 'room "R1" is given 36.01 m² in all, more than its 30 m²'
			},
			{
				rule: 'seats',
				roomId: 'R1',
				value: 6,
				limit: 4,
				message: 'room "R1" seats 4, the plan puts 6 persons in it'
			},
			{
				rule: 'max-units',
				roomId: 'R1',
				value: 3,
				limit: 2,
				message: 'room "R1" is shared by 3 units, at most 2 allowed'
			}
		]);
	});

	it('two units sharing a room: 30 m² of 30 passes, 30.01 fails', () => {
		const plan = (bArea: number) => [row('A', 'R1', 2, 18), row('B', 'R1', 2, bArea)];
		expect(checkAllocation(town(), plan(12)).violations).toEqual([]);
		expect(checkAllocation(town(), plan(12.01)).violations.map((v) => [v.rule, v.value])).toEqual([
			['room-area', expect.closeTo(30.01, 9)]
		]);
	});

	it('a unit given area only still counts as one of the room’s units', () => {
		const r = checkAllocation(town(), [
			row('A', 'R1', 2, 12),
			row('B', 'R1', 1, 6),
			row('C', 'R1', 0, 6)
		]);
		expect(r.violations.map((v) => [v.rule, v.value])).toEqual([
			['area-without-persons', 6],
			['max-units', 3]
		]);
	});

	it('headcount and the norm ceiling are summed over a unit’s rooms', () => {
		const i = town();
		i.rooms[1].seats = null;
		i.rooms[1].level = 1;
		const r = checkAllocation(i, [row('A', 'R1', 2, 18), row('A', 'R2', 2, 13)]);
		expect(r.violations).toEqual([
			{
				rule: 'headcount',
				unitId: 'A',
				value: 4,
				limit: 3,
				message: 'unit "A" has 4 persons seated, more than its headcount 3'
			},
			{
				rule: 'norm-ceiling',
				unitId: 'A',
				value: 31,
				limit: 30,
				message: 'unit "A" is given 31 m², more than its norm of 30 m²'
			}
		]);
		// Exactly the headcount and exactly the norm pass.
		expect(checkAllocation(i, [row('A', 'R1', 2, 18), row('A', 'R2', 1, 12)]).violations).toEqual(
			[]
		);
	});

	it('the 1e-6 m² tolerance: inside it passes, at 0.01 m² it fails, for every area rule', () => {
		const i = town();
		i.rooms[0].areaM2 = 12; // R1 now 12 m²
		const ok = checkAllocation(i, [
			// min-area: 12 − 5e-7 for 2 persons (12 m² needed) passes.
			row('A', 'R1', 2, 11.9999995),
			// area without persons: exactly 1e-6 m² is nothing.
			row('B', 'R1', 0, 1e-6),
			// norm ceiling: 9 + 5e-7 for C passes.
			row('C', 'R4', 1, 9.0000005)
		]);
		expect(ok.violations).toEqual([]);
		// Room area: 12 + 5e-7 in R1 passes, 12.01 fails.
		expect(checkAllocation(i, [row('A', 'R1', 2, 12.0000005)]).violations).toEqual([]);
		expect(checkAllocation(i, [row('A', 'R1', 2, 12.01)]).violations.map((v) => v.rule)).toEqual([
			'room-area'
		]);
		expect(checkAllocation(i, [row('A', 'R1', 2, 11.99)]).violations.map((v) => v.rule)).toEqual([
			'min-area'
		]);
	});
});

describe('pairs are keyed by (unit, room) even with more units than rooms', () => {
	it('unit 1 in room 2 and unit 3 in room 1 stay apart (3 units, 2 rooms)', () => {
		// A key like u / rooms + r would give both 1: C (index 2) in R1 (index 0) → 2/2 + 0, A
		// (index 0) in R2 (index 1) → 0/2 + 1; the check must see two pairs.
		const i: AllocationInstance = {
			units: ['A', 'B', 'C'].map((id) => ({ id, headcount: 1, normM2: 10 })),
			rooms: [
				{ id: 'R1', buildingId: 'X', level: 1, areaM2: 10, usable: true },
				{ id: 'R2', buildingId: 'Y', level: 1, areaM2: 10, usable: true }
			]
		};
		const r = checkAllocation(i, [row('A', 'R2', 1, 6), row('C', 'R1', 1, 7)]);
		expect(r.violations).toEqual([]);
		expect(r.evaluation.units.map((u) => [u.unitId, u.seated, u.areaM2, u.buildingIds])).toEqual([
			['A', 1, 6, ['Y']],
			['B', 0, 0, []],
			['C', 1, 7, ['X']]
		]);
	});
});

describe('evaluatePlan: the objective term by term', () => {
	/** U (3, norm 10, sits in R1), V (2, norm 6, priority 2, no room today), W (0 people). */
	const inst = (weights?: AllocationInstance['weights']): AllocationInstance => ({
		units: [
			{ id: 'U', headcount: 3, normM2: 10, currentRoomIds: ['R1'] },
			{ id: 'V', headcount: 2, normM2: 6, priority: 2 },
			{ id: 'W', headcount: 0, normM2: 10 }
		],
		rooms: [
			{ id: 'R1', buildingId: 'A', level: 1, areaM2: 40, usable: true },
			{ id: 'R2', buildingId: 'B', level: 1, areaM2: 20, usable: true },
			{ id: 'R3', buildingId: 'A', level: 1, areaM2: 10, usable: true }
		],
		weights
	});
	const plan = [
		row('U', 'R1', 1, 10),
		row('U', 'R1', 1, 10), // added to the row above: 2 persons on 20 m²
		row('U', 'R2', 1, 6),
		row('V', 'R3', 1, 6),
		row('V', 'R2', 0, 0), // nothing: no building used
		row('U', 'R9', 5, 50), // unknown room: ignored
		row('V', 'R1', -1, 5) // invalid: ignored
	];

	it('hand-computed: 100000·1 + 10000·1 + 1·10 + 10·3 + 1·2 = 110042', () => {
		// U: seated 3 on 26 m² of 30 → shortfall 4, share 4/30; buildings A and B; 1 moved (R2).
		// V: seated 1 of 2 on 6 m² of 12 → shortfall 6, share 0.5, × priority 2 = 1; building A;
		//    1 moved (R3, V has no room today). W: nothing, entitled 0 → ratio 0.
		const e = evaluatePlan(inst(), plan);
		expect(e.units).toEqual([
			{
				unitId: 'U',
				headcount: 3,
				seated: 3,
				unseated: 0,
				areaM2: 26,
				entitledM2: 30,
				shortfallM2: 4,
				shortfallShare: 4 / 30,
				weightedShortfallRatio: 4 / 30,
				buildingIds: ['A', 'B'],
				moved: 1
			},
			{
				unitId: 'V',
				headcount: 2,
				seated: 1,
				unseated: 1,
				areaM2: 6,
				entitledM2: 12,
				shortfallM2: 6,
				shortfallShare: 0.5,
				weightedShortfallRatio: 1,
				buildingIds: ['A'],
				moved: 1
			},
			{
				unitId: 'W',
				headcount: 0,
				seated: 0,
				unseated: 0,
				areaM2: 0,
				entitledM2: 0,
				shortfallM2: 0,
				shortfallShare: 0,
				weightedShortfallRatio: 0,
				buildingIds: [],
				moved: 0
			}
		]);
		expect(e.unseated).toEqual([{ unitId: 'V', persons: 1 }]);
		expect(e.terms).toEqual({
			unseated: 1,
			worstShortfallRatio: 1,
			shortfallM2: 10,
			buildingsPerUnit: 3,
			moved: 2
		});
		expect(e.worstShortfallRatio).toBe(1);
		expect(e.objective).toBe(110042);
	});

	it('each weight multiplies its own term (others at their defaults)', () => {
		// moved 5 → +8; buildingsPerUnit 0 → −30; shortfallM2 2 → +10: 110042 + 8 − 30 + 10.
		expect(
			evaluatePlan(inst({ moved: 5, buildingsPerUnit: 0, shortfallM2: 2 }), plan).objective
		).toBe(110030);
		// unseated 1, worstShortfall 1: 1 + 1 + 10 + 30 + 2.
		expect(evaluatePlan(inst({ unseated: 1, worstShortfall: 1 }), plan).objective).toBe(44);
	});

	it('area without persons uses a building; the worst ratio is the largest, not the last', () => {
		const e = evaluatePlan(inst(), [
			row('V', 'R3', 2, 12), // V fully served: ratio 0 (last unit with area)
			row('U', 'R1', 3, 15), // U: shortfall 15 of 30 → ratio 0.5
			row('W', 'R2', 0, 2) // W: 2 m² in building B, nobody seated
		]);
		expect(e.units.map((u) => u.buildingIds)).toEqual([['A'], ['A'], ['B']]);
		expect(e.worstShortfallRatio).toBe(0.5);
		// A unit entitled to nothing given area is never "short".
		expect(e.units[2]).toMatchObject({ shortfallM2: 0, shortfallShare: 0, areaM2: 2 });
	});
});

describe('moveList', () => {
	const inst: AllocationInstance = {
		units: [
			{ id: 'U', headcount: 3, normM2: 10, currentRoomIds: ['R2', 'R1'] },
			{ id: 'V', headcount: 2, normM2: 10, currentRoomIds: ['R3'] },
			{ id: 'W', headcount: 1, normM2: 10 }
		],
		rooms: ['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => ({
			id,
			buildingId: 'A',
			level: 1,
			areaM2: 30,
			usable: true
		}))
	};
	const plan = [
		row('U', 'R1', 1, 6),
		row('U', 'R4', 2, 12),
		row('V', 'R5', 2, 12),
		row('W', 'R3', 1, 6),
		row('V', 'R4', 0, 3) // area only: nobody moves
	];

	it('without today’s persons: the only current room, or null with the list', () => {
		expect(moveList(inst, plan)).toEqual([
			{ unitId: 'U', persons: 2, fromRoomId: null, fromRoomIds: ['R1', 'R2'], toRoomId: 'R4' },
			{ unitId: 'V', persons: 2, fromRoomId: 'R3', fromRoomIds: ['R3'], toRoomId: 'R5' },
			{ unitId: 'W', persons: 1, fromRoomId: null, fromRoomIds: [], toRoomId: 'R3' }
		]);
	});

	it('with today’s persons: the leavers matched room by room, the rest from nowhere', () => {
		// U today: 2 in R1 (1 stays → 1 leaves), 1 in R2 (leaves); V today: 1 in R3 (+1 in R3
		// counted twice as two rows), so 2 leave R3; W has nothing.
		const today = [
			{ unitId: 'U', roomId: 'R1', persons: 2 },
			{ unitId: 'U', roomId: 'R2', persons: 1 },
			{ unitId: 'V', roomId: 'R3', persons: 1 },
			{ unitId: 'V', roomId: 'R3', persons: 1 },
			{ unitId: 'W', roomId: 'R1', persons: 5 } // not W's room: ignored
		];
		expect(moveList(inst, plan, today)).toEqual([
			{ unitId: 'U', persons: 1, fromRoomId: 'R1', fromRoomIds: ['R1', 'R2'], toRoomId: 'R4' },
			{ unitId: 'U', persons: 1, fromRoomId: 'R2', fromRoomIds: ['R1', 'R2'], toRoomId: 'R4' },
			{ unitId: 'V', persons: 2, fromRoomId: 'R3', fromRoomIds: ['R3'], toRoomId: 'R5' },
			{ unitId: 'W', persons: 1, fromRoomId: null, fromRoomIds: [], toRoomId: 'R3' }
		]);
		// Fewer leavers than arrivals: 1 from R3, the other from nowhere.
		expect(
			moveList(inst, [row('V', 'R5', 2, 12)], [{ unitId: 'V', roomId: 'R3', persons: 1 }])
		).toEqual([
			{ unitId: 'V', persons: 1, fromRoomId: 'R3', fromRoomIds: ['R3'], toRoomId: 'R5' },
			{ unitId: 'V', persons: 1, fromRoomId: null, fromRoomIds: ['R3'], toRoomId: 'R5' }
		]);
		// Nobody arriving anywhere new: no rows.
		expect(moveList(inst, [row('U', 'R1', 3, 18)], today)).toEqual([]);
	});
});

/**
 * The survivors of the allocation run of 5 December (docs/mutation.md, "allocation"): each test
 * names the mutant it kills (line numbers of evaluate.ts / validate.ts today).
 */
describe('boundaries the first tests missed', () => {
	it('null for priority, minAreaPerPersonM2, maxUnitsPerRoom and lockedUnitId means the default', () => {
		// validate.ts:193, :242, :250, :145 (`x !== null` → true would refuse null).
		const i = bad((x) => {
			x.units[1].priority = null;
			x.rooms[0].lockedUnitId = null;
			x.settings = { minAreaPerPersonM2: null, maxUnitsPerRoom: null };
		});
		expect(messageOf(i)).toBe('accepted');
		const p = prepareInstance(i);
		expect(p.units[1].priority).toBe(1);
		expect(p.rooms[0].lockedUnit).toBe(-1);
		expect(p.settings).toEqual({ minAreaPerPersonM2: 6, maxUnitsPerRoom: 2 });
	});

	it('a room locked to the first unit (index 0) is closed to the second', () => {
		// validate.ts:298 `room.lockedUnit < 0` → `<= 0` would open it to everyone.
		const p = prepareInstance(bad((x) => (x.rooms[1].lockedUnitId = 'U1')));
		expect([roomAllowed(p, 0, 1), roomAllowed(p, 1, 1)]).toEqual([true, false]);
	});

	it('an infinite or textual area is an invalid number, and counts for nothing', () => {
		// evaluate.ts:30 `typeof v === 'number' && Number.isFinite(v)` → true or `||` would
		// accept Infinity (and '6') as an area.
		const r = checkAllocation(town(), [
			row('A', 'R1', 1, Infinity),
			row('C', 'R1', 1, '6' as unknown as number)
		]);
		expect(r.violations).toEqual([
			{
				rule: 'invalid-number',
				unitId: 'A',
				roomId: 'R1',
				message:
					'row 1: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got 1 persons and Infinity m²'
			},
			{
				rule: 'invalid-number',
				unitId: 'C',
				roomId: 'R1',
				message:
					'row 2: persons must be an integer ≥ 0 and areaM2 a number ≥ 0, got 1 persons and 6 m²'
			}
		]);
		expect(r.evaluation.units.map((u) => [u.seated, u.areaM2])).toEqual([
			[0, 0],
			[0, 0],
			[0, 0]
		]);
	});

	it('an area of exactly 0 is valid: a row of nothing passes; persons on 0 m² still use the building', () => {
		// evaluate.ts:30 `v >= 0` → `v > 0` would report the empty row as invalid.
		expect(checkAllocation(town(), [row('C', 'R1', 0, 0)]).violations).toEqual([]);
		// evaluate.ts:68 `x.persons > 0` → false: 1 person on 0 m² in R2 (building X) uses X.
		const e = evaluatePlan(town(), [row('A', 'R2', 1, 0)]);
		expect(e.units[0]).toMatchObject({ seated: 1, areaM2: 0, buildingIds: ['X'] });
		expect(e.terms.buildingsPerUnit).toBe(1);
	});

	it('a unit’s buildings are listed in instance order, not in the order its rooms reach them', () => {
		// evaluate.ts:84: without the sort (or with `() => undefined` / `a + b`) U's buildings
		// come out as C, B, A: its rooms R4, R5, R6 are in buildings C, B, A (indices 2, 1, 0).
		const i: AllocationInstance = {
			units: [{ id: 'U', headcount: 3, normM2: 10 }],
			rooms: (
				[
					['R1', 'A'],
					['R2', 'B'],
					['R3', 'C'],
					['R4', 'C'],
					['R5', 'B'],
					['R6', 'A']
				] as const
			).map(([id, buildingId]) => ({ id, buildingId, level: 1, areaM2: 10, usable: true }))
		};
		const e = evaluatePlan(i, [row('U', 'R4', 1, 6), row('U', 'R5', 1, 6), row('U', 'R6', 1, 6)]);
		expect(e.units[0].buildingIds).toEqual(['A', 'B', 'C']);
	});

	it('rows naming unknown units or rooms are never "a second row for the same pair"', () => {
		// evaluate.ts:196 `u !== undefined` (or `r !== undefined`) → true: both rows would get the
		// key NaN, and a Set finds NaN again, so the second would be reported as a duplicate.
		const r = checkAllocation(town(), [
			row('Z', 'R1', 1, 6),
			row('Y', 'R2', 1, 6),
			row('A', 'R8', 1, 6),
			row('B', 'R9', 1, 6)
		]);
		expect(r.violations.map((v) => v.rule)).toEqual([
			'unknown-unit',
			'unknown-unit',
			'unknown-room',
			'unknown-room'
		]);
	});

	it('the tolerance itself is inside: exactly 1e-6 m² short or over passes', () => {
		const t = CHECK_TOLERANCE;
		// evaluate.ts:260 min-area: 2 persons × 6 m² − 1e-6 (`<` → `<=` fails it).
		expect(checkAllocation(town(), [row('A', 'R1', 2, 12 - t)]).violations).toEqual([]);
		// evaluate.ts:271 room-area and :309 norm-ceiling: A (norm 30 m²) given R1's 30 m² + 1e-6
		// (`>` → `>=` fails it on the room, then on the unit).
		expect(checkAllocation(town(), [row('A', 'R1', 3, 30 + t)]).violations).toEqual([]);
		// Just beyond the tolerance (2e-6) both fail.
		expect(
			checkAllocation(town(), [row('A', 'R1', 3, 30 + 2 * t)]).violations.map((v) => v.rule)
		).toEqual(['room-area', 'norm-ceiling']);
	});
});
