/**
 * Seat-everyone reallocation (issue 13): seats every official of a ward's units in its usable
 * rooms, treating each unit's norm as a ceiling and sharing the shortfall below the norms fairly
 * (the model: `allocationLp` / `solveAllocation`).
 *
 * Pure module: relative imports only (this folder), the `highs` npm package and Node's
 * `worker_threads`, `os` and `module` (HiGHS runs on worker threads, see `./worker-pool.ts`).
 * `checkAllocation`, `evaluatePlan`, `fillAreas` and `moveList` are synchronous and free of Node
 * APIs, so the plan page can run the same check as the server.
 *
 * Example:
 * ```ts
 * const instance = {
 * 	units: [{ id: 'U', headcount: 3, normM2: 10, priority: 1, groundFloorOnly: false, currentRoomIds: [] }],
 * 	rooms: [{ id: 'R', buildingId: 'A', level: 1, areaM2: 24, usable: true }]
 * };
 * const result = await solveAllocation(instance);
 * // result.assignments: [{ unitId: 'U', roomId: 'R', persons: 3, areaM2: 24 }]
 * // result.objective: 10000·0.2 + 6 + 10 + 3 = 2019
 * ```
 */
export { solveAllocation, resetSolver, warmUpSolver, DEFAULT_TIME_LIMIT_S } from './solve';
export { checkAllocation, evaluatePlan, moveList } from './evaluate';
export { fillAreas } from './areas';
export { allocationLp } from './model';
export {
	AllocationInputError,
	CHECK_TOLERANCE,
	DEFAULT_SETTINGS,
	DEFAULT_WEIGHTS,
	type AllocationInstance,
	type AllocationResult,
	type AllocationRoom,
	type AllocationSettings,
	type AllocationStatus,
	type AllocationUnit,
	type AllocationWeights,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type ObjectiveTerms,
	type PersonsEntry,
	type PlanEvaluation,
	type SolveOptions,
	type SolverNote,
	type UnitEvaluation,
	type UnseatedEntry,
	type Violation,
	type ViolationRule
} from './types';
