/** One validation schema per reallocation form (create, solve, settings, move, delete). */
import { z } from 'zod';
import { checkbox, integer, number, optionalInteger, optionalText, text } from './fields';

/** Longest time limit a user may give the solver from the page, in seconds. */
export const MAX_TIME_LIMIT_S = 120;
/** Default time limit on the page, in seconds (the sample ward solves in well under 1 s). */
export const DEFAULT_PAGE_TIME_LIMIT_S = 10;
/** Largest weight a user may type. */
export const MAX_WEIGHT = 10_000_000;

/** The five objective weights, as the forms name them. */
const weightFields = {
	weightUnseated: number(0, MAX_WEIGHT),
	weightWorstShortfall: number(0, MAX_WEIGHT),
	weightShortfallM2: number(0, MAX_WEIGHT),
	weightBuildings: number(0, MAX_WEIGHT),
	weightMoved: number(0, MAX_WEIGHT)
};

/** "Tạo phương án": a name; the settings start at the ward's defaults. */
export const createSchema = z.object({ name: text(120) });

/** "Giải nhanh": a name, the five weights and a time limit (default settings otherwise). */
export const solveSchema = z.object({
	name: text(120),
	...weightFields,
	timeLimitS: number(1, MAX_TIME_LIMIT_S)
});
export type SolveInput = z.infer<typeof solveSchema>;

/** "Giải" on a scenario's page: the time limit. */
export const runSchema = z.object({ timeLimitS: number(1, MAX_TIME_LIMIT_S) });

/**
 * The settings form of a scenario: fixed fields, plus one `priority_<unitId>` (1-100) and one
 * `ground_<unitId>` checkbox per unit of the ward, one `keep_<roomId>` checkbox per reserved
 * room (unchecked removes the reservation) and an optional new reservation
 * (`lockAddRoom`, `lockAddUnit`).
 */
export function settingsSchema(unitIds: readonly number[], lockedRoomIds: readonly number[]) {
	const perUnit: Record<string, z.ZodType> = {};
	for (const id of unitIds) {
		perUnit[`priority_${id}`] = number(1, 100);
		perUnit[`ground_${id}`] = checkbox();
	}
	for (const id of lockedRoomIds) perUnit[`keep_${id}`] = checkbox();
	return z.object({
		minAreaPerPersonM2: number(1, 100),
		minAreaSource: optionalText(500),
		maxUnitsPerRoom: integer(1, 20),
		...weightFields,
		lockAddRoom: optionalInteger(1, Number.MAX_SAFE_INTEGER),
		lockAddUnit: optionalInteger(1, Number.MAX_SAFE_INTEGER),
		...perUnit
	});
}

/**
 * A move of `persons` people of unit `unitId` from room `fromRoomId` (0 = people without a
 * seat) to room `toRoomId` (the keyboard alternative and the drop of a drag).
 */
export const moveSchema = z.object({
	unitId: integer(1, Number.MAX_SAFE_INTEGER),
	fromRoomId: integer(0, Number.MAX_SAFE_INTEGER),
	toRoomId: integer(1, Number.MAX_SAFE_INTEGER),
	persons: integer(1, 10_000)
});
export type MoveInput = z.infer<typeof moveSchema>;

/** The share of the norm asked about in the apply confirmation, in % (default 70). */
export const applySchema = z.object({ sharePct: number(0, 100) });
