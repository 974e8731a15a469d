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
import type { Db, DbLike } from '../db';
import { databaseFile, readOnlyDb } from '../db/readonly';
import { buildInstance, inputFingerprint } from './instance';
import type { PreparedInstance } from './scenarios';
import type { ScenarioSettings } from './settings';

/** Solver workers at most (the fair job queue runs no more solves than this at once). */
export const MAX_SOLVE_WORKERS = 2;
/** A solve that has not answered by then (limit ≤ 5 min, plus margin) is abandoned. */
const SOLVE_DEADLINE_MS = 12 * 60 * 1000;

type Request =
	| { kind: 'solve'; instance: AllocationInstance; options: SolveOptions }
	| {
			kind: 'ward';
			file: string;
			wardId: number;
			settings: ScenarioSettings;
			options: SolveOptions;
	  }
	| { kind: 'warm'; instance: AllocationInstance };

/**
 * A ward's solve as the scenario stores it: the result, and the instance it answers as stored
 * JSON with its fingerprint (see `saveScenario`).
 */
export interface SolvedWard {
	result: AllocationResult;
	instance: PreparedInstance;
}

/** The instance built from today's inventory, solved, and prepared for storing. */
async function solveWard(
	db: DbLike,
	wardId: number,
	settings: ScenarioSettings,
	options: SolveOptions,
	solve: (instance: AllocationInstance, options: SolveOptions) => Promise<AllocationResult>
): Promise<SolvedWard> {
	const built = buildInstance(db, wardId, settings);
	const result = await solve(built.instance, options);
	return {
		result,
		instance: {
			settings: built.settings,
			instanceJson: JSON.stringify(built),
			inputHash: inputFingerprint(built)
		}
	};
}

const pool = modulePool(
	import.meta.url,
	'trusoSolve',
	async (req: Request): Promise<AllocationResult | SolvedWard | null> => {
		if (req.kind === 'warm') {
			await warmUpSolver(req.instance);
			return null;
		}
		if (req.kind === 'ward') {
			return solveWard(
				readOnlyDb(req.file),
				req.wardId,
				req.settings,
				req.options,
				solveAllocation
			);
		}
		return solveAllocation(req.instance, req.options);
	},
	{ size: MAX_SOLVE_WORKERS, deadlineMs: SOLVE_DEADLINE_MS }
);

/**
 * `solveAllocation(instance, options)` on a solver worker thread. Rejects with
 * AllocationInputError for invalid input, like the function itself.
 */
export function solveOffThread(
	instance: AllocationInstance,
	options: SolveOptions = {}
): Promise<AllocationResult> {
	return run<AllocationResult>({ kind: 'solve', instance, options });
}

/**
 * The ward's instance built from today's inventory with `settings`, solved and prepared for
 * storing, all on a solver worker thread (which reads the database file itself: on a ward of
 * 5,000 rooms the build alone is 40-60 ms, and 150 ms and more of garbage collection the first
 * time). An in-memory database (tests) is read here and solved on the worker.
 */
export function solveWardOffThread(
	db: Db,
	wardId: number,
	settings: ScenarioSettings,
	options: SolveOptions = {}
): Promise<SolvedWard> {
	const file = databaseFile(db);
	if (file === null || pool.inWorker) {
		return solveWard(db, wardId, settings, options, solveOffThread);
	}
	return run<SolvedWard>({ kind: 'ward', file, wardId, settings, options });
}

/** A request on a solver worker; invalid input comes back as AllocationInputError. */
async function run<T>(request: Request): Promise<T> {
	try {
		return (await pool.run(request)) as T;
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
