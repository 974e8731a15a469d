/**
 * Reallocation solves off the server's thread: `solveAllocation` as a whole (building the model,
 * the heuristic start, the local and large-neighbourhood searches, reading HiGHS' answer back)
 * runs on a pooled worker thread, which drives its own HiGHS workers. The server's thread only
 * posts the instance and receives the result, whatever the ward's size.
 *
 * The worker finds this module as `./jobs/module-pool.ts` describes. Invalid input comes back as
 * the same {@link AllocationInputError}.
 */
import {
	AllocationInputError,
	solveAllocation,
	warmUpSolver,
	type AllocationInstance,
	type AllocationResult,
	type SolveOptions
} from '../../allocation';
import { modulePool, WorkerJobError } from '../jobs/module-pool';

/** Solver workers at most (the fair job queue runs no more solves than this at once). */
export const MAX_SOLVE_WORKERS = 2;
/** A solve that has not answered by then (limit ≤ 5 min, plus margin) is abandoned. */
const SOLVE_DEADLINE_MS = 12 * 60 * 1000;

type Request =
	| { kind: 'solve'; instance: AllocationInstance; options: SolveOptions }
	| { kind: 'warm'; instance: AllocationInstance };

const pool = modulePool(
	import.meta.url,
	'trusoSolve',
	async (req: Request): Promise<AllocationResult | null> => {
		if (req.kind === 'warm') {
			await warmUpSolver(req.instance);
			return null;
		}
		return solveAllocation(req.instance, req.options);
	},
	{ size: MAX_SOLVE_WORKERS, deadlineMs: SOLVE_DEADLINE_MS }
);

/**
 * `solveAllocation(instance, options)` on a solver worker thread. Rejects with
 * AllocationInputError for invalid input, like the function itself.
 */
export async function solveOffThread(
	instance: AllocationInstance,
	options: SolveOptions = {}
): Promise<AllocationResult> {
	try {
		return (await pool.run({ kind: 'solve', instance, options })) as AllocationResult;
	} catch (e) {
		if (e instanceof WorkerJobError && e.originalName === 'AllocationInputError') {
			throw new AllocationInputError(e.message);
		}
		throw e;
	}
}

let warming: Promise<void> | null = null;

/**
 * Warms a solver worker up once per process (see `warmUpSolver`): the first solve of a worker
 * runs while V8 is still optimising the HiGHS WebAssembly code. Never rejects.
 */
export function warmUpOffThread(instance: AllocationInstance): Promise<void> {
	warming ??= pool.run({ kind: 'warm', instance }).then(
		() => undefined,
		() => undefined
	);
	return warming;
}

/** Whether a solver worker was warmed up (or is warming up) in this process. */
export function solverWarming(): boolean {
	return warming !== null;
}

/** Terminates the solver workers (solves in flight are rejected); they restart on demand. */
export function stopSolveWorkers(): Promise<void> {
	return pool.stop();
}
