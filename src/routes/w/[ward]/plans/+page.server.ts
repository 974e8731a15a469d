import { error, fail, redirect } from '@sveltejs/kit';
import { AllocationInputError, DEFAULT_WEIGHTS, warmUpSolver } from '$lib/allocation';
import { NON_WORK_ROOM_TYPES } from '$lib/constants';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/cache';
import { parseForm } from '$lib/server/forms';
import {
	buildInstance,
	deleteScenario,
	listScenarios,
	PlansError,
	solveScenario,
	UNUSABLE_ROOM_TYPES
} from '$lib/server/plans';
import { actorOf } from '$lib/server/request';
import { DEFAULT_PAGE_TIME_LIMIT_S, scenarioIdSchema, solveSchema } from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = locals.ward!;
	// The instance summary and the scenarios' figures (each parses its stored instance) are
	// reused while the database is unchanged (see $lib/server/cache).
	const { summary, scenarios } = cached(locals.db, `plans-list:${ward.id}`, () =>
		plansOverview(locals.db, ward.id)
	);
	const picked = url.searchParams
		.getAll('c')
		.map(Number)
		.filter((n) => Number.isInteger(n));
	const compared = (
		picked.length ? scenarios.filter((s) => picked.includes(s.id)) : scenarios.slice(0, 4)
	)
		.slice()
		.reverse();
	return {
		summary,
		scenarios,
		compared: compared.map((s) => s.id),
		defaults: {
			name: translate(locals.locale, 'plans.solve.defaultName', { n: scenarios.length + 1 }),
			weightUnplaced: DEFAULT_WEIGHTS.unplaced,
			weightBuildings: DEFAULT_WEIGHTS.buildingsPerUnit,
			weightMoved: DEFAULT_WEIGHTS.moved,
			timeLimitS: DEFAULT_PAGE_TIME_LIMIT_S
		},
		deleted: url.searchParams.has('deleted')
	};
};

/** The ward's instance summary and its scenarios with their figures. */
function plansOverview(db: App.Locals['db'], wardId: number) {
	const built = buildInstance(db, wardId);
	// Somebody about to solve: let V8 optimise HiGHS on this ward's problem meanwhile (once per
	// process, on a worker thread), so that the first "Giải" does not take three times as long.
	void warmUpSolver(built.instance);
	const usable = built.rooms.filter((r) => r.usable);
	return {
		summary: {
			units: built.units.length,
			people: built.units.reduce((s, u) => s + u.headcount, 0),
			rooms: built.rooms.length,
			usable: usable.length,
			usableAreaM2: usable.reduce((s, r) => s + r.areaM2, 0),
			normSetName: built.normSetName,
			groundFloorUnits: built.units.filter((u) => u.publicFacing).map((u) => u.name),
			unusableTypes: [...UNUSABLE_ROOM_TYPES],
			nonWorkTypes: [...NON_WORK_ROOM_TYPES]
		},
		scenarios: listScenarios(db, wardId).map(({ metrics, ...s }) => ({
			...s,
			metrics: { ...metrics, units: [] }
		}))
	};
}

export const actions: Actions = {
	solve: async ({ request, locals }) => {
		const parsed = parseForm(solveSchema, await request.formData(), locals.locale, 'solve');
		if (!parsed.ok) return parsed.failure;
		const { name, weightUnplaced, weightBuildings, weightMoved, timeLimitS } = parsed.data;
		let id: number;
		try {
			id = await solveScenario(locals.db, actorOf(locals), locals.ward!.id, {
				name,
				weights: {
					unplaced: weightUnplaced,
					buildingsPerUnit: weightBuildings,
					moved: weightMoved
				},
				timeLimitS
			});
		} catch (e) {
			if (e instanceof PlansError && e.code === 'stale') {
				return fail(409, {
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.solve.stale'),
					form: 'solve'
				});
			}
			if (e instanceof AllocationInputError) {
				return fail(400, {
					values: parsed.values,
					errors: {},
					message: translate(locals.locale, 'plans.solve.inputError', { message: e.message }),
					form: 'solve'
				});
			}
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${id}`);
	},
	delete: async ({ request, locals }) => {
		const parsed = parseForm(scenarioIdSchema, await request.formData(), locals.locale, 'delete');
		if (!parsed.ok) error(404, 'Not found');
		try {
			deleteScenario(locals.db, actorOf(locals), locals.ward!.id, parsed.data.id);
		} catch (e) {
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans?deleted=1`);
	}
};
