/**
 * Short-term reallocation solver: seats the people of a ward's units in its rooms, minimising
 * unplaced people, buildings per unit and moves (see {@link solveAllocation} for the model).
 *
 * Pure module: relative imports (this folder and `../random`), the `highs` npm package and Node's
 * `worker_threads`, `os` and `module` (HiGHS runs on worker threads, see `./worker-pool.ts`).
 *
 * Example:
 * ```ts
 * import { solveAllocation, moveList } from './index';
 * const instance = {
 * 	units: [{ id: 'U', headcount: 3, areaPerPersonM2: 10, currentRoomIds: ['R20'] }],
 * 	rooms: [
 * 		{ id: 'R20', buildingId: 'A', level: 1, areaM2: 20, usable: true },
 * 		{ id: 'R15', buildingId: 'A', level: 1, areaM2: 15, usable: true }
 * 	]
 * };
 * const result = await solveAllocation(instance, { timeLimitS: 10 });
 * // result.objective === 11: building A (10) + one person moved into R15 (1)
 * moveList(instance, result.assignments);
 * // [{ unitId: 'U', fromRoomIds: ['R20'], toRoomId: 'R15', persons: 1 }]
 * ```
 */
export { solveAllocation, resetSolver, warmUpSolver, DEFAULT_TIME_LIMIT_S } from './solve';
export { checkAllocation, moveList } from './evaluate';
export {
	AllocationInputError,
	DEFAULT_WEIGHTS,
	type AllocationInstance,
	type AllocationResult,
	type AllocationRoom,
	type AllocationStatus,
	type AllocationUnit,
	type AllocationWeights,
	type Assignment,
	type CheckResult,
	type MoveRow,
	type SolveOptions,
	type UnplacedEntry,
	type Violation,
	type ViolationKind
} from './types';
