/**
 * One HiGHS run (`runHighsJob`) and the body of the solver's worker thread (`highsWorkerMain`).
 *
 * Both functions are closure-free on purpose: the worker pool (`./worker-pool.ts`) turns them
 * into the source of a worker with `Function.prototype.toString`, so they may use only their
 * parameters and JavaScript globals (no imports, no module-level constants or helpers), and
 * their types are erased at compile time. The same `runHighsJob` also runs on the calling
 * thread when a solve asks for `inWorker: false`.
 */
import type highsLoader from 'highs';
import type { Highs } from 'highs';

/** What a worker (or the calling thread) needs to run HiGHS on one model. */
export interface HighsJob {
	/** The model as CPLEX LP text. */
	lp: string;
	/** Column names in the caller's order; values are returned in this order. */
	columns: string[];
	/** MIP start in the caller's column order, or null. */
	start: Float64Array | null;
	/** HiGHS options, applied in order (the solver's own settings first, then the caller's). */
	options: Record<string, string | number | boolean>[];
	/** Columns (the caller's indices) fixed at 0 for this run only, or none. */
	fixedAtZero?: number[];
}

/** Outcome of one HiGHS run. */
export interface RawOutcome {
	/** HiGHS model status code (highs.constants.modelStatus). */
	modelStatus: number;
	/** Column values in `HighsJob.columns` order, or null when HiGHS has no feasible solution. */
	values: Float64Array | null;
	/** Proven lower bound (−Infinity when HiGHS has none). */
	dualBound: number;
}

/** Runs HiGHS on the job's LP text; throws on any HiGHS error. Closure-free (see above). */
export function runHighsJob(highs: Highs, job: HighsJob): RawOutcome {
	const m = highs.createModel({ format: 'lp', data: job.lp });
	try {
		const n = job.columns.length;
		const dims = m.getDimensions();
		if (dims.numCols !== n) {
			throw new Error(`HiGHS read ${dims.numCols} columns from the LP text, expected ${n}`);
		}
		// Map the caller's column order to HiGHS' (the LP reader numbers columns by first appearance).
		const ours = new Map(job.columns.map((name, i) => [name, i]));
		const toOurs = new Int32Array(n);
		for (let j = 0; j < n; j++) {
			const i = ours.get(m.getColName(j));
			if (i === undefined) throw new Error(`unexpected column "${m.getColName(j)}" in HiGHS model`);
			toOurs[j] = i;
		}
		if (job.fixedAtZero?.length) {
			const toHighs = new Int32Array(n);
			for (let j = 0; j < n; j++) toHighs[toOurs[j]] = j;
			for (const i of job.fixedAtZero) m.changeColBounds(toHighs[i], 0, 0);
		}
		for (const options of job.options) {
			try {
				m.options.set(options);
			} catch (e) {
				const msg = e instanceof Error ? e.message : String(e);
				throw new Error(`HiGHS rejected options ${JSON.stringify(options)}: ${msg}`);
			}
		}
		if (job.start) {
			const colValue = new Float64Array(n);
			for (let j = 0; j < n; j++) colValue[j] = job.start[toOurs[j]];
			m.setSolution({ colValue });
		}
		m.run();
		const modelStatus = m.getModelStatus() as number;
		let values: Float64Array | null = null;
		if (Number(m.info.get('primal_solution_status')) === 2) {
			const col = m.getSolution().colValue;
			values = new Float64Array(n);
			for (let j = 0; j < n; j++) values[toOurs[j]] = col[j];
		}
		let dualBound = -Infinity;
		try {
			dualBound = Number(m.info.get('mip_dual_bound'));
		} catch {
			// Not a MIP (no integer columns): an optimal LP is its own bound (7 = optimal).
			if (modelStatus === 7) dualBound = m.getObjectiveValue();
		}
		return { modelStatus, values, dualBound };
	} finally {
		m.dispose();
	}
}

/** A request to the worker: solve `job` and answer with the same `id`. */
export interface WorkerRequest {
	id: number;
	job: HighsJob;
}

/** The worker's answer: the outcome, or the message of what HiGHS threw. */
export type WorkerReply = { id: number; outcome: RawOutcome } | { id: number; error: string };

/**
 * Body of a solver worker thread: loads HiGHS once, then answers each {@link WorkerRequest} with
 * a {@link WorkerReply}. Closure-free (see above); `run` is {@link runHighsJob}.
 */
export function highsWorkerMain(
	threads: typeof import('node:worker_threads'),
	load: typeof highsLoader,
	run: typeof runHighsJob
): void {
	const port = threads.parentPort;
	if (!port) throw new Error('highsWorkerMain must run in a worker thread');
	let highs: Promise<Highs> | null = null;
	const answer = async (request: WorkerRequest) => {
		let reply: WorkerReply;
		try {
			// The module compiled once by the pool (see worker-pool.ts), when there is one.
			const wasmModule = threads.workerData?.wasmModule as WebAssembly.Module | null | undefined;
			highs ??= load(wasmModule ? { wasmModule } : undefined);
			const outcome = run(await highs, request.job);
			reply = { id: request.id, outcome };
		} catch (e) {
			reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
		}
		const transfer =
			'outcome' in reply && reply.outcome.values ? [reply.outcome.values.buffer] : [];
		port.postMessage(reply, transfer as ArrayBuffer[]);
	};
	// `answer` never rejects: every failure becomes an error reply.
	port.on('message', (request: WorkerRequest) => void answer(request));
}
