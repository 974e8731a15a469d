/**
 * The relaxation-guided plan (`lpSupportPlan` in `./solve.ts`) and the HiGHS job's columns fixed
 * at 0 (`HighsJob.fixedAtZero`), solved on this thread.
 */
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { syntheticWard } from '../../../scripts/bench/allocation';
import { evaluatePairs } from './evaluate';
import { runHighsJob, type HighsJob, type RawOutcome } from './highs-job';
import { checkAllocation } from './index';
import { buildModel } from './model';
import { LP_SUPPORT_MIN, lpSupportPlan } from './solve';
import { prepareInstance } from './validate';

const highs = await highsLoader();
const OPTIMAL = 7;

const options = (limit: number, settings: Record<string, string | number | boolean> = {}) => [
	{ output_flag: false, time_limit: limit, mip_rel_gap: 1e-9, mip_abs_gap: 1e-6 },
	settings
];

describe('HighsJob.fixedAtZero', () => {
	// U (3 people, norm 10 m², sits nowhere today) and two rooms of building A.
	const instance = {
		units: [{ id: 'U', headcount: 3, normM2: 10 }],
		rooms: [
			{ id: 'R20', buildingId: 'A', level: 1, areaM2: 20, usable: true },
			{ id: 'R15', buildingId: 'A', level: 1, areaM2: 15, usable: true }
		]
	};
	const p = prepareInstance(instance);
	const model = buildModel(p);
	const solve = (fixedAtZero?: number[]) =>
		runHighsJob(highs, {
			lp: model.lp,
			columns: model.columns,
			start: null,
			options: options(10),
			fixedAtZero
		});
	const value = (o: RawOutcome, name: string) => o.values![model.columns.indexOf(name)];

	it('keeps a fixed column at 0 for that run only', () => {
		// Free: U takes both rooms (3 people, 30 m²): 10 (building A) + 3 moved = 13.
		const free = solve();
		expect(value(free, 'z_0_0')).toBeCloseTo(1, 9);
		expect(value(free, 'x_0_0') + value(free, 'x_0_1')).toBeCloseTo(3, 9);
		// R20 closed to U: R15 seats ⌊15/6⌋ = 2, one person unseated (100000), 15 of 30 m² short
		// (t = 0.5: 5000, and 15), building A (10), 2 moved: 105027.
		const closed = solve([model.columns.indexOf('z_0_0')]);
		expect(closed.modelStatus).toBe(OPTIMAL);
		expect(value(closed, 'z_0_0')).toBe(0);
		expect(value(closed, 'x_0_0')).toBe(0);
		const pairs = model.pairs
			.map((x, i) => ({
				u: x.u,
				r: x.r,
				persons: value(closed, x.x),
				areaM2: value(closed, x.g),
				i
			}))
			.filter((x) => x.persons > 0.5)
			.map((x) => ({ ...x, persons: Math.round(x.persons) }));
		expect(evaluatePairs(p, pairs).objective).toBeCloseTo(105027, 6);
		// The model itself is unchanged: solved again without the fixing, the optimum is back.
		expect(value(solve(), 'z_0_0')).toBeCloseTo(1, 9);
	});
});

describe('lpSupportPlan', () => {
	// A ward of the sample's size (bench seed 4: 11 units, 132 rooms, 10 buildings), whose
	// restricted model HiGHS proves in a few seconds.
	const instance = syntheticWard({ units: 11, rooms: 132, buildings: 10, seed: 4 });
	const p = prepareInstance(instance);
	const model = buildModel(p);

	it('solves the relaxation, then the model with the columns it leaves unused fixed at 0', async () => {
		const jobs: HighsJob[] = [];
		const outcomes: RawOutcome[] = [];
		const plan = await lpSupportPlan(
			p,
			model,
			async (settings, limit, fixedAtZero) => {
				const job = {
					lp: model.lp,
					columns: model.columns,
					start: null,
					options: options(limit, settings),
					fixedAtZero
				};
				jobs.push(job);
				const o = runHighsJob(highs, job);
				outcomes.push(o);
				return o;
			},
			performance.now() + 120_000
		);
		expect(jobs).toHaveLength(2);
		expect(jobs[0].options[1]).toEqual({ solve_relaxation: true });
		expect(jobs[0].fixedAtZero).toBeUndefined();
		const [relaxed, restricted] = outcomes;
		expect(relaxed.modelStatus).toBe(OPTIMAL);
		// Exactly the z and y columns below LP_SUPPORT_MIN in the relaxation, and many of them.
		const unused = model.columns
			.map((name, i) => ({ name, i }))
			.filter(({ name, i }) => /^[zy]_/.test(name) && relaxed.values![i] < LP_SUPPORT_MIN)
			.map(({ i }) => i);
		expect(jobs[1].fixedAtZero).toEqual(unused);
		expect(unused.length).toBeGreaterThan(model.pairs.length / 2);
		expect(restricted.modelStatus).toBe(OPTIMAL);

		// The plan: every rule kept, everyone seated, nothing in a room or building fixed at 0.
		expect(plan).not.toBeNull();
		const assignments = plan!.pairs.map((x, k) => ({
			unitId: p.units[x.u].id,
			roomId: p.rooms[x.r].id,
			persons: x.persons,
			areaM2: plan!.areas[k]
		}));
		const check = checkAllocation(instance, assignments);
		expect(check.violations).toEqual([]);
		expect(check.evaluation.unseated).toEqual([]);
		const fixed = new Set(unused.map((i) => model.columns[i]));
		for (const x of plan!.pairs) {
			expect(fixed.has(`z_${x.u}_${x.r}`)).toBe(false);
			expect(fixed.has(`y_${x.u}_${p.roomBuilding[x.r]}`)).toBe(false);
		}
		// Its objective is the restricted optimum (areas at least as good as HiGHS'), above the
		// relaxation's bound: 3,709.579 here, CBC's 30 s plan on the model.
		const objective = check.evaluation.objective;
		const restrictedObjective = model.columns.reduce(
			(sum, name, i) => sum + (objectiveWeight(name) * restricted.values![i] || 0),
			0
		);
		expect(objective).toBeLessThanOrEqual(restrictedObjective + 1e-6);
		expect(objective).toBeCloseTo(3709.5791, 3);
		const bound = model.columns.reduce(
			(sum, name, i) => sum + (objectiveWeight(name) * relaxed.values![i] || 0),
			0
		);
		expect(bound).toBeLessThan(objective);
	});

	it('gives no plan when the relaxation leaves no time for the second run', async () => {
		let runs = 0;
		const plan = await lpSupportPlan(
			p,
			model,
			async (settings, limit) => {
				runs++;
				return runHighsJob(highs, {
					lp: model.lp,
					columns: model.columns,
					start: null,
					options: options(Math.max(0.05, limit), settings)
				});
			},
			performance.now()
		);
		expect(plan).toBeNull();
		expect(runs).toBe(1);
	});

	/** The model's objective coefficient of a column (default weights). */
	function objectiveWeight(name: string): number {
		if (name === 't') return 10000;
		if (name.startsWith('q_')) return 100000;
		if (name.startsWith('s_')) return 1;
		if (name.startsWith('y_')) return 10;
		const m = /^x_(\d+)_(\d+)$/.exec(name);
		return m && !p.current[Number(m[1])].has(Number(m[2])) ? 1 : 0;
	}
});
