/**
 * Command-line front end of the seat-everyone reallocation solver (issue 13).
 *
 *   npx tsx scripts/allocate.ts instance.json [--time-limit S]
 *   npm run allocate -- instance.json --time-limit 10
 *   npm run allocate -- instance.json --write-lp model.lp [--original]
 *
 * Reads an AllocationInstance (JSON: { units, rooms, settings?, weights? }, see
 * src/lib/allocation/types.ts and scripts/examples/allocation-small.json), solves it (default
 * limit 30 s) and prints the AllocationResult as JSON on stdout: status, objective, gap (when
 * stopped early), worstShortfallRatio, assignments (unitId, roomId, persons, areaM2), unseated,
 * plus the objective terms, per-unit figures and the solve time.
 *
 * `--write-lp FILE` writes the model as CPLEX LP text instead of solving (for `cbc FILE solve`):
 * the strengthened model the solver uses, or with `--original` the formulation exactly as
 * written (no tightened bounds, valid inequalities or symmetry rows); both have the same optimum.
 *
 * Exit codes: 0 solved (or LP written) (status `optimal`, or `feasible` with a plan and its gap); 1 status
 * `infeasible` or `error`; 2 invalid arguments, unreadable file, malformed JSON or invalid
 * instance (negative or non-integer headcount, non-numeric area, lockedUnitId naming no unit,
 * duplicate ids, ...), with the message on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
	AllocationInputError,
	allocationLp,
	solveAllocation,
	type AllocationInstance
} from '../src/lib/allocation/index';

const USAGE =
	'usage: npx tsx scripts/allocate.ts <instance.json> [--time-limit <seconds>] [--write-lp <file.lp> [--original]]';

class UsageError extends Error {}

interface Args {
	file: string;
	timeLimitS?: number;
	/** Write the LP text here instead of solving. */
	writeLp?: string;
	/** With writeLp: the formulation as written. */
	original: boolean;
}

/** Parses argv (without node and script): the file path and the options. */
function parseArgs(argv: string[]): Args {
	let file: string | undefined;
	let timeLimitS: number | undefined;
	let writeLp: string | undefined;
	let original = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		let value: string | undefined;
		if (arg === '--write-lp') {
			writeLp = argv[++i];
			if (writeLp === undefined || writeLp.startsWith('-')) {
				throw new UsageError(`--write-lp needs a file name\n${USAGE}`);
			}
			continue;
		}
		if (arg === '--original') {
			original = true;
			continue;
		}
		if (arg === '--time-limit') value = argv[++i];
		else if (arg.startsWith('--time-limit=')) value = arg.slice('--time-limit='.length);
		else if (arg === '-h' || arg === '--help') throw new UsageError(USAGE);
		else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
		else if (file === undefined) file = arg;
		else throw new UsageError(`unexpected argument ${arg}\n${USAGE}`);
		if (value !== undefined || arg.startsWith('--time-limit')) {
			const n = Number(value);
			if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n <= 0) {
				throw new UsageError(
					`--time-limit needs a number of seconds > 0, got ${value ?? 'nothing'}`
				);
			}
			timeLimitS = n;
		}
	}
	if (file === undefined) throw new UsageError(`missing instance file\n${USAGE}`);
	if (original && writeLp === undefined) {
		throw new UsageError(`--original goes with --write-lp\n${USAGE}`);
	}
	return { file, timeLimitS, writeLp, original };
}

async function main(argv: string[]): Promise<number> {
	let args: Args;
	let instance: AllocationInstance;
	try {
		args = parseArgs(argv);
		let text: string;
		try {
			text = readFileSync(args.file, 'utf8');
		} catch (e) {
			throw new UsageError(`cannot read ${args.file}: ${e instanceof Error ? e.message : e}`);
		}
		try {
			instance = JSON.parse(text) as AllocationInstance;
		} catch (e) {
			throw new UsageError(`${args.file} is not valid JSON: ${e instanceof Error ? e.message : e}`);
		}
	} catch (e) {
		process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
		return 2;
	}
	try {
		if (args.writeLp !== undefined) {
			const lp = allocationLp(instance, { original: args.original });
			try {
				writeFileSync(args.writeLp, lp);
			} catch (e) {
				process.stderr.write(
					`cannot write ${args.writeLp}: ${e instanceof Error ? e.message : e}\n`
				);
				return 2;
			}
			return 0;
		}
		const result = await solveAllocation(instance, { timeLimitS: args.timeLimitS });
		process.stdout.write(JSON.stringify(result, null, 2) + '\n');
		// A `feasible` result always carries the best plan found (the solver is warm-started).
		const solved = result.status === 'optimal' || result.status === 'feasible';
		if (!solved && result.message) process.stderr.write(`${result.status}: ${result.message}\n`);
		return solved ? 0 : 1;
	} catch (e) {
		if (e instanceof AllocationInputError) {
			process.stderr.write(`invalid instance: ${e.message}\n`);
			return 2;
		}
		process.stderr.write(`unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
		return 1;
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		process.stderr.write(`unexpected error: ${String(e)}\n`);
		process.exitCode = 1;
	}
);
