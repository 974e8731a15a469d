/**
 * Input validation and index-based preparation shared by the solver and the evaluator.
 */
import {
	AllocationInputError,
	DEFAULT_WEIGHTS,
	type AllocationInstance,
	type AllocationRoom,
	type AllocationUnit,
	type AllocationWeights
} from './types';

/** A validated instance with index lookups (internal). */
export interface PreparedInstance {
	units: AllocationUnit[];
	rooms: AllocationRoom[];
	weights: Required<AllocationWeights>;
	unitIndex: Map<string, number>;
	roomIndex: Map<string, number>;
	/** Distinct building ids in order of first appearance. */
	buildings: string[];
	/** Building index of every room. */
	roomBuilding: number[];
	/** Current room indices of every unit. */
	current: Set<number>[];
}

/** Relative/absolute tolerance used for area comparisons (floating-point safety only). */
export const AREA_TOL = 1e-9;

/**
 * Largest number of people of a unit needing `areaPerPerson` m² each that fit in `area` m²,
 * i.e. floor(area / areaPerPerson) computed robustly against rounding (0.3 / 0.1 → 3).
 */
export function fitCount(area: number, areaPerPerson: number): number {
	return Math.floor(area / areaPerPerson + AREA_TOL);
}

/** True when `load` m² fits into `area` m² up to floating-point noise. */
export function fitsArea(load: number, area: number): boolean {
	return load <= area + AREA_TOL * Math.max(1, Math.abs(area));
}

function describe(value: unknown): string {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === undefined) return 'undefined';
	try {
		return JSON.stringify(value);
	} catch {
		return typeof value;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `instance` and builds index lookups. Throws {@link AllocationInputError} naming the
 * first offending item.
 */
export function prepareInstance(instance: AllocationInstance): PreparedInstance {
	if (!isObject(instance)) throw new AllocationInputError('instance must be an object');
	const rawUnits: unknown = instance.units;
	const rawRooms: unknown = instance.rooms;
	if (!Array.isArray(rawUnits)) throw new AllocationInputError('instance.units must be an array');
	if (!Array.isArray(rawRooms)) throw new AllocationInputError('instance.rooms must be an array');

	const roomIndex = new Map<string, number>();
	const buildingIndex = new Map<string, number>();
	const buildings: string[] = [];
	const roomBuilding: number[] = [];
	rawRooms.forEach((room: unknown, i) => {
		const where = `rooms[${i}]`;
		if (!isObject(room)) throw new AllocationInputError(`${where} must be an object`);
		const id = room.id;
		if (typeof id !== 'string' || id === '')
			throw new AllocationInputError(`${where}: id must be a non-empty string`);
		const name = `room "${id}" (${where})`;
		if (roomIndex.has(id))
			throw new AllocationInputError(
				`duplicate room id "${id}" (rooms[${roomIndex.get(id)}] and ${where})`
			);
		if (typeof room.buildingId !== 'string' || room.buildingId === '')
			throw new AllocationInputError(`${name}: buildingId must be a non-empty string`);
		if (typeof room.level !== 'number' || !Number.isInteger(room.level))
			throw new AllocationInputError(
				`${name}: level must be an integer, got ${describe(room.level)}`
			);
		if (typeof room.areaM2 !== 'number' || !Number.isFinite(room.areaM2) || room.areaM2 < 0)
			throw new AllocationInputError(
				`${name}: areaM2 must be a finite number ≥ 0, got ${describe(room.areaM2)}`
			);
		if (typeof room.usable !== 'boolean')
			throw new AllocationInputError(
				`${name}: usable must be a boolean, got ${describe(room.usable)}`
			);
		roomIndex.set(id, i);
		let b = buildingIndex.get(room.buildingId);
		if (b === undefined) {
			b = buildings.length;
			buildings.push(room.buildingId);
			buildingIndex.set(room.buildingId, b);
		}
		roomBuilding.push(b);
	});

	const unitIndex = new Map<string, number>();
	const current: Set<number>[] = [];
	rawUnits.forEach((unit: unknown, i) => {
		const where = `units[${i}]`;
		if (!isObject(unit)) throw new AllocationInputError(`${where} must be an object`);
		const id = unit.id;
		if (typeof id !== 'string' || id === '')
			throw new AllocationInputError(`${where}: id must be a non-empty string`);
		const name = `unit "${id}" (${where})`;
		if (unitIndex.has(id))
			throw new AllocationInputError(
				`duplicate unit id "${id}" (units[${unitIndex.get(id)}] and ${where})`
			);
		if (
			typeof unit.headcount !== 'number' ||
			!Number.isInteger(unit.headcount) ||
			unit.headcount < 0
		)
			throw new AllocationInputError(
				`${name}: headcount must be a non-negative integer, got ${describe(unit.headcount)}`
			);
		if (
			typeof unit.areaPerPersonM2 !== 'number' ||
			!Number.isFinite(unit.areaPerPersonM2) ||
			unit.areaPerPersonM2 <= 0
		)
			throw new AllocationInputError(
				`${name}: areaPerPersonM2 must be a finite number > 0, got ${describe(unit.areaPerPersonM2)}`
			);
		if (unit.groundFloorOnly !== undefined && typeof unit.groundFloorOnly !== 'boolean')
			throw new AllocationInputError(
				`${name}: groundFloorOnly must be a boolean, got ${describe(unit.groundFloorOnly)}`
			);
		const set = new Set<number>();
		if (unit.currentRoomIds !== undefined) {
			if (!Array.isArray(unit.currentRoomIds))
				throw new AllocationInputError(`${name}: currentRoomIds must be an array of room ids`);
			for (const rid of unit.currentRoomIds as unknown[]) {
				const r = typeof rid === 'string' ? roomIndex.get(rid) : undefined;
				if (r === undefined)
					throw new AllocationInputError(
						`${name}: unknown current room id ${describe(rid)} in currentRoomIds`
					);
				set.add(r);
			}
		}
		unitIndex.set(id, i);
		current.push(set);
	});

	const rawWeights: unknown = instance.weights;
	if (rawWeights !== undefined && !isObject(rawWeights))
		throw new AllocationInputError('instance.weights must be an object');
	const weights = { ...DEFAULT_WEIGHTS };
	for (const key of Object.keys(DEFAULT_WEIGHTS) as (keyof AllocationWeights)[]) {
		const w = rawWeights?.[key];
		if (w === undefined) continue;
		if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
			throw new AllocationInputError(
				`weights.${key} must be a finite number ≥ 0, got ${describe(w)}`
			);
		weights[key] = w;
	}

	return {
		units: rawUnits as AllocationUnit[],
		rooms: rawRooms as AllocationRoom[],
		weights,
		unitIndex,
		roomIndex,
		buildings,
		roomBuilding,
		current
	};
}

/** True when unit `u` may sit in room `r` at all (room usable, ground-floor rule respected). */
export function roomAllowed(p: PreparedInstance, u: number, r: number): boolean {
	const room = p.rooms[r];
	if (!room.usable) return false;
	return !(p.units[u].groundFloorOnly === true && room.level !== 1);
}
