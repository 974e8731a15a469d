/** One validation schema per reallocation form (solve, manual edit, delete, apply). */
import { z } from 'zod';
import { integer, number, text } from './fields';

/** Longest time limit a user may give the solver from the page, in seconds. */
export const MAX_TIME_LIMIT_S = 120;
/** Default time limit on the page, in seconds (the sample ward solves in well under 1 s). */
export const DEFAULT_PAGE_TIME_LIMIT_S = 10;

/** "Giải": a name, the three objective weights and a time limit. */
export const solveSchema = z.object({
	name: text(120),
	weightUnplaced: number(0, 1_000_000),
	weightBuildings: number(0, 1_000_000),
	weightMoved: number(0, 1_000_000),
	timeLimitS: number(1, MAX_TIME_LIMIT_S)
});
export type SolveInput = z.infer<typeof solveSchema>;

/** Manual edit: `persons` people of unit `unitId` sit in room `roomId` (0 removes the row). */
export const assignSchema = z.object({
	unitId: integer(1, Number.MAX_SAFE_INTEGER),
	roomId: integer(1, Number.MAX_SAFE_INTEGER),
	persons: integer(0, 10_000)
});
export type AssignInput = z.infer<typeof assignSchema>;

/** A scenario picked in a list (delete). */
export const scenarioIdSchema = z.object({
	id: integer(1, Number.MAX_SAFE_INTEGER)
});
