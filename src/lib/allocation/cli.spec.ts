/** End-to-end test of `scripts/allocate.ts` (spawned through `npx tsx`). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cbcAvailable, runCbc } from '../../../scripts/bench/allocation';
import {
	allocationLp,
	checkAllocation,
	type AllocationInstance,
	type AllocationResult
} from './index';

const root = resolve(__dirname, '../../..');
const example = join(root, 'scripts/examples/allocation-small.json');
const dir = mkdtempSync(join(tmpdir(), 'allocate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
	const res = spawnSync('npx', ['tsx', 'scripts/allocate.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: 120_000
	});
	return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// Each test spawns `npx tsx` (seconds per process, much more on a loaded machine).
describe('scripts/allocate.ts', { timeout: 120_000 }, () => {
	it('solves the example (exit 0) and prints a feasible AllocationResult', () => {
		const { code, stdout, stderr } = run(example, '--time-limit', '20');
		expect(code, stderr).toBe(0);
		const result = JSON.parse(stdout) as AllocationResult;
		expect(result.status).toBe('optimal');
		const instance = JSON.parse(readFileSync(example, 'utf8')) as AllocationInstance;
		const check = checkAllocation(instance, result.assignments);
		expect(check.violations).toEqual([]);
		expect(check.evaluation.objective).toBe(result.objective);
		// Same optimum as CBC on the same LP (3170.92307692, see src/lib/allocation/cbc.spec.ts).
		expect(result.objective).toBeCloseTo(3170.923077, 5);
		expect(result.unseated).toEqual([]);
	});

	it('exits 2 with the offending item on stderr for an invalid instance', () => {
		const file = join(dir, 'invalid.json');
		writeFileSync(
			file,
			JSON.stringify({
				units: [{ id: 'Phong-A', headcount: 2.5, normM2: 10 }],
				rooms: []
			})
		);
		const { code, stdout, stderr } = run(file);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/Phong-A/);
	});

	it.each([
		[
			'a negative headcount',
			{ units: [{ id: 'U', headcount: -1, normM2: 10 }], rooms: [] },
			/headcount/
		],
		[
			'a non-numeric area',
			{ units: [], rooms: [{ id: 'R', buildingId: 'A', level: 1, areaM2: 'big', usable: true }] },
			/areaM2/
		],
		[
			'a lockedUnitId naming no unit',
			{
				units: [],
				rooms: [{ id: 'R', buildingId: 'A', level: 1, areaM2: 9, usable: true, lockedUnitId: 'X' }]
			},
			/lockedUnitId "X" names no unit/
		],
		[
			'duplicate room ids',
			{
				units: [],
				rooms: [
					{ id: 'R', buildingId: 'A', level: 1, areaM2: 9, usable: true },
					{ id: 'R', buildingId: 'A', level: 1, areaM2: 9, usable: true }
				]
			},
			/duplicate room id "R"/
		],
		['a JSON array', [], /JSON object/]
	])('exits 2 for %s', (_name, json, message) => {
		const file = join(dir, 'bad.json');
		writeFileSync(file, JSON.stringify(json));
		const { code, stdout, stderr } = run(file);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(message);
	});

	it('exits 2 for a missing file, malformed JSON and a bad --time-limit', () => {
		expect(run(join(dir, 'nope.json')).code).toBe(2);
		const broken = join(dir, 'broken.json');
		writeFileSync(broken, '{ "units": [');
		expect(run(broken).code).toBe(2);
		const bad = run(example, '--time-limit', 'soon');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/time-limit/);
	});

	it('writes the LP instead of solving: the issue formulation with --original', () => {
		const original = join(dir, 'original.lp');
		const strengthened = join(dir, 'strengthened.lp');
		const a = run(example, '--write-lp', original, '--original');
		expect(a.code, a.stderr).toBe(0);
		expect(a.stdout).toBe('');
		const b = run(example, '--write-lp', strengthened);
		expect(b.code, b.stderr).toBe(0);
		const instance = JSON.parse(readFileSync(example, 'utf8')) as AllocationInstance;
		expect(readFileSync(original, 'utf8')).toBe(allocationLp(instance, { original: true }));
		expect(readFileSync(strengthened, 'utf8')).toBe(allocationLp(instance));
		// The rows only: no valid inequality (cb, gb) and no symmetry row (sy).
		expect(readFileSync(original, 'utf8')).not.toMatch(/^ (cb|gb|sy)_/m);
		expect(readFileSync(strengthened, 'utf8')).toMatch(/^ cb_0:/m);
		if (cbcAvailable()) {
			// Same optimum as the solver above (3170.92307692), on both texts.
			expect(runCbc(readFileSync(original, 'utf8')).objective).toBeCloseTo(3170.923077, 5);
			expect(runCbc(readFileSync(strengthened, 'utf8')).objective).toBeCloseTo(3170.923077, 5);
		}
	});

	it('exits 2 for --original without --write-lp and for --write-lp without a file', () => {
		const alone = run(example, '--original');
		expect(alone.code).toBe(2);
		expect(alone.stderr).toMatch(/--original goes with --write-lp/);
		const missing = run(example, '--write-lp');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/--write-lp needs a file name/);
	});
});
