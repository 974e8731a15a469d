/**
 * Input validation and index-based preparation shared by the solver, the check and the LP writer.
 */
import {
	AllocationInputError,
	DEFAULT_SETTINGS,
	DEFAULT_WEIGHTS,
	type AllocationInstance,
	type AllocationSettings,
	type AllocationWeights
} from './types';

/** A unit with every default applied (internal). */
export interface PreparedUnit {
	id: string;
	headcount: number;
	normM2: number;
	priority: number;
	groundFloorOnly: boolean;
	/** normM2 · headcount: the ceiling on the unit's area and the base of its shortfall ratio. */
	entitledM2: number;
}

/** A room with every default applied (internal). */
export interface PreparedRoom {
	id: string;
	buildingId: string;
	level: number;
	areaM2: number;
	usable: boolean;
	seats: number | null;
	/** Unit index the room is locked to, or -1. */
	lockedUnit: number;
}

/** A validated instance with index lookups (internal). */
export interface PreparedInstance {
	units: PreparedUnit[];
	rooms: PreparedRoom[];
	settings: Required<AllocationSettings>;
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

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Validates `instance` and applies the defaults (priority 1, groundFloorOnly false, no current
 * rooms, no seat limit, no lock; settings and weights from DEFAULT_SETTINGS / DEFAULT_WEIGHTS).
 * Throws {@link AllocationInputError} naming the first offending item: a unit id or room id
 * that is missing or duplicated, a headcount that is not an integer ≥ 0, an area or norm that
 * is not a finite number ≥ 0, a priority < 1, seats not an integer ≥ 0, a lockedUnitId or
 * current room naming nothing, a setting or weight out of range.
 */
export function prepareInstance(instance: AllocationInstance): PreparedInstance {
	if (!isObject(instance)) throw new AllocationInputError('the instance must be a JSON object');
	const rawUnits: unknown = instance.units;
	const rawRooms: unknown = instance.rooms;
	if (!Array.isArray(rawUnits)) throw new AllocationInputError('"units" must be an array');
	if (!Array.isArray(rawRooms)) throw new AllocationInputError('"rooms" must be an array');

	// Unit ids first: rooms' lockedUnitId refers to them.
	const unitIndex = new Map<string, number>();
	rawUnits.forEach((unit: unknown, i) => {
		const where = `units[${i}]`;
		if (!isObject(unit)) throw new AllocationInputError(`${where} must be an object`);
		const id = unit.id;
		if (typeof id !== 'string' || id === '') {
			throw new AllocationInputError(`${where}: id must be a non-empty string`);
		}
		if (unitIndex.has(id)) {
			throw new AllocationInputError(
				`duplicate unit id "${id}" (units[${unitIndex.get(id)}] and ${where})`
			);
		}
		unitIndex.set(id, i);
	});

	const roomIndex = new Map<string, number>();
	const buildingIndex = new Map<string, number>();
	const buildings: string[] = [];
	const roomBuilding: number[] = [];
	const rooms: PreparedRoom[] = rawRooms.map((room: unknown, i) => {
		const where = `rooms[${i}]`;
		if (!isObject(room)) throw new AllocationInputError(`${where} must be an object`);
		const id = room.id;
		if (typeof id !== 'string' || id === '') {
			throw new AllocationInputError(`${where}: id must be a non-empty string`);
		}
		const name = `room "${id}" (${where})`;
		if (roomIndex.has(id)) {
			throw new AllocationInputError(
				`duplicate room id "${id}" (rooms[${roomIndex.get(id)}] and ${where})`
			);
		}
		if (typeof room.buildingId !== 'string' || room.buildingId === '') {
			throw new AllocationInputError(`${name}: buildingId must be a non-empty string`);
		}
		if (!isFiniteNumber(room.level) || !Number.isInteger(room.level)) {
			throw new AllocationInputError(
				`${name}: level must be an integer, got ${describe(room.level)}`
			);
		}
		if (!isFiniteNumber(room.areaM2) || room.areaM2 < 0) {
			throw new AllocationInputError(
				`${name}: areaM2 must be a number ≥ 0, got ${describe(room.areaM2)}`
			);
		}
		if (typeof room.usable !== 'boolean') {
			throw new AllocationInputError(
				`${name}: usable must be true or false, got ${describe(room.usable)}`
			);
		}
		let seats: number | null = null;
		if (room.seats !== undefined && room.seats !== null) {
			if (!isFiniteNumber(room.seats) || !Number.isInteger(room.seats) || room.seats < 0) {
				throw new AllocationInputError(
					`${name}: seats must be an integer ≥ 0, got ${describe(room.seats)}`
				);
			}
			seats = room.seats;
		}
		let lockedUnit = -1;
		if (room.lockedUnitId !== undefined && room.lockedUnitId !== null) {
			const u =
				typeof room.lockedUnitId === 'string' ? unitIndex.get(room.lockedUnitId) : undefined;
			if (u === undefined) {
				throw new AllocationInputError(
					`${name}: lockedUnitId ${describe(room.lockedUnitId)} names no unit`
				);
			}
			lockedUnit = u;
		}
		roomIndex.set(id, i);
		let b = buildingIndex.get(room.buildingId);
		if (b === undefined) {
			b = buildings.length;
			buildings.push(room.buildingId);
			buildingIndex.set(room.buildingId, b);
		}
		roomBuilding.push(b);
		return {
			id,
			buildingId: room.buildingId,
			level: room.level,
			areaM2: room.areaM2,
			usable: room.usable,
			seats,
			lockedUnit
		};
	});

	const current: Set<number>[] = [];
	const units = rawUnits.map((unit: Record<string, unknown>, i) => {
		const id = unit.id as string;
		const name = `unit "${id}" (units[${i}])`;
		if (
			!isFiniteNumber(unit.headcount) ||
			!Number.isInteger(unit.headcount) ||
			unit.headcount < 0
		) {
			throw new AllocationInputError(
				`${name}: headcount must be an integer ≥ 0, got ${describe(unit.headcount)}`
			);
		}
		if (!isFiniteNumber(unit.normM2) || unit.normM2 < 0) {
			throw new AllocationInputError(
				`${name}: normM2 must be a number ≥ 0, got ${describe(unit.normM2)}`
			);
		}
		let priority = 1;
		if (unit.priority !== undefined && unit.priority !== null) {
			if (!isFiniteNumber(unit.priority) || unit.priority < 1) {
				throw new AllocationInputError(
					`${name}: priority must be a number ≥ 1, got ${describe(unit.priority)}`
				);
			}
			priority = unit.priority;
		}
		if (
			unit.groundFloorOnly !== undefined &&
			unit.groundFloorOnly !== null &&
			typeof unit.groundFloorOnly !== 'boolean'
		) {
			throw new AllocationInputError(
				`${name}: groundFloorOnly must be true or false, got ${describe(unit.groundFloorOnly)}`
			);
		}
		const set = new Set<number>();
		if (unit.currentRoomIds !== undefined && unit.currentRoomIds !== null) {
			if (!Array.isArray(unit.currentRoomIds)) {
				throw new AllocationInputError(`${name}: currentRoomIds must be an array of room ids`);
			}
			for (const rid of unit.currentRoomIds as unknown[]) {
				const r = typeof rid === 'string' ? roomIndex.get(rid) : undefined;
				if (r === undefined) {
					throw new AllocationInputError(
						`${name}: currentRoomIds names an unknown room ${describe(rid)}`
					);
				}
				set.add(r);
			}
		}
		current.push(set);
		return {
			id,
			headcount: unit.headcount,
			normM2: unit.normM2,
			priority,
			groundFloorOnly: unit.groundFloorOnly === true,
			entitledM2: unit.normM2 * unit.headcount
		};
	});

	const rawSettings: unknown = instance.settings;
	if (rawSettings !== undefined && rawSettings !== null && !isObject(rawSettings)) {
		throw new AllocationInputError('"settings" must be an object');
	}
	const settings = { ...DEFAULT_SETTINGS };
	const s = (rawSettings ?? {}) as Record<string, unknown>;
	if (s.minAreaPerPersonM2 !== undefined && s.minAreaPerPersonM2 !== null) {
		if (!isFiniteNumber(s.minAreaPerPersonM2) || s.minAreaPerPersonM2 <= 0) {
			throw new AllocationInputError(
				`settings.minAreaPerPersonM2 must be a number > 0, got ${describe(s.minAreaPerPersonM2)}`
			);
		}
		settings.minAreaPerPersonM2 = s.minAreaPerPersonM2;
	}
	if (s.maxUnitsPerRoom !== undefined && s.maxUnitsPerRoom !== null) {
		if (
			!isFiniteNumber(s.maxUnitsPerRoom) ||
			!Number.isInteger(s.maxUnitsPerRoom) ||
			s.maxUnitsPerRoom < 1
		) {
			throw new AllocationInputError(
				`settings.maxUnitsPerRoom must be an integer ≥ 1, got ${describe(s.maxUnitsPerRoom)}`
			);
		}
		settings.maxUnitsPerRoom = s.maxUnitsPerRoom;
	}

	const rawWeights: unknown = instance.weights;
	if (rawWeights !== undefined && rawWeights !== null && !isObject(rawWeights)) {
		throw new AllocationInputError('"weights" must be an object');
	}
	const weights = { ...DEFAULT_WEIGHTS };
	for (const key of Object.keys(DEFAULT_WEIGHTS) as (keyof AllocationWeights)[]) {
		const w = (rawWeights as Record<string, unknown> | undefined | null)?.[key];
		if (w === undefined || w === null) continue;
		if (!isFiniteNumber(w) || w < 0) {
			throw new AllocationInputError(`weights.${key} must be a number ≥ 0, got ${describe(w)}`);
		}
		weights[key] = w;
	}

	return {
		units,
		rooms,
		settings,
		weights,
		unitIndex,
		roomIndex,
		buildings,
		roomBuilding,
		current
	};
}

/**
 * True when unit `u` may use room `r`: the room is usable, on level 1 if the unit is
 * ground-floor-only, and locked to nobody or to `u`.
 */
export function roomAllowed(p: PreparedInstance, u: number, r: number): boolean {
	const room = p.rooms[r];
	if (!room.usable) return false;
	if (p.units[u].groundFloorOnly && room.level !== 1) return false;
	return room.lockedUnit < 0 || room.lockedUnit === u;
}

/**
 * cap(u, r) = min(headcount_u, ⌊areaM2_r / minArea⌋, seats_r if set); the floor is taken with a
 * 1e-9 relative allowance so that 18 / 6 gives 3 despite binary rounding.
 */
export function pairCap(p: PreparedInstance, u: number, r: number): number {
	const room = p.rooms[r];
	const byArea = Math.floor(room.areaM2 / p.settings.minAreaPerPersonM2 + 1e-9);
	let cap = Math.min(p.units[u].headcount, byArea);
	if (room.seats !== null) cap = Math.min(cap, room.seats);
	return Math.max(0, cap);
}
