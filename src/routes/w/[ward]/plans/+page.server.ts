import { error, fail, redirect } from '@sveltejs/kit';
import { AllocationInputError, DEFAULT_WEIGHTS } from '$lib/allocation';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/core/cache';
import { parseForm } from '$lib/server/core/forms';
import {
	createScenario,
	deleteScenario,
	discardUnsolved,
	plansOverview,
	PlansError,
	queueNewScenario
} from '$lib/server/plans';
import { actorOf } from '$lib/server/core/request';
import { QueueFullError, queueFullMessage } from '$lib/server/jobs';
import {
	createSchema,
	DEFAULT_PAGE_TIME_LIMIT_S,
	scenarioIdSchema,
	solveSchema
} from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = locals.ward!;
	// The instance summary and the scenarios' figures (each parses its stored instance and
	// checks its fingerprint) are reused while the database is unchanged ($lib/server/cache).
	const { summary, scenarios, arrangement } = cached(locals.db, `plans-list:${ward.id}`, () =>
		plansOverview(locals.db, ward.id)
	);
	const picked = url.searchParams
		.getAll('c')
		.map(Number)
		.filter((n) => Number.isInteger(n));
	const solved = scenarios.filter((s) => s.status !== 'draft');
	const compared = (
		picked.length ? solved.filter((s) => picked.includes(s.id)) : solved.slice(0, 4)
	)
		.slice()
		.reverse();
	return {
		summary,
		scenarios,
		arrangement,
		compared: compared.map((s) => s.id),
		defaults: {
			name: translate(locals.locale, 'plans.create.defaultName', { n: scenarios.length + 1 }),
			weightUnseated: DEFAULT_WEIGHTS.unseated,
			weightWorstShortfall: DEFAULT_WEIGHTS.worstShortfall,
			weightShortfallM2: DEFAULT_WEIGHTS.shortfallM2,
			weightBuildings: DEFAULT_WEIGHTS.buildingsPerUnit,
			weightMoved: DEFAULT_WEIGHTS.moved,
			timeLimitS: DEFAULT_PAGE_TIME_LIMIT_S
		},
		deleted: url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const parsed = parseForm(createSchema, await request.formData(), locals.locale, 'create');
		if (!parsed.ok) return parsed.failure;
		const id = createScenario(locals.db, actorOf(locals), locals.ward!.id, parsed.data.name);
		redirect(303, `/w/${locals.ward!.code}/plans/${id}`);
	},
	solve: async ({ request, locals }) => {
		const parsed = parseForm(solveSchema, await request.formData(), locals.locale, 'solve');
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		let id: number | undefined;
		try {
			const queued = queueNewScenario(locals.db, actorOf(locals), locals.ward!.id, {
				name: d.name,
				weights: {
					unseated: d.weightUnseated,
					worstShortfall: d.weightWorstShortfall,
					shortfallM2: d.weightShortfallM2,
					buildingsPerUnit: d.weightBuildings,
					moved: d.weightMoved
				},
				timeLimitS: d.timeLimitS
			});
			id = queued.id;
			// Running: wait for the plan (on a worker thread). Waiting for a slot: go to the
			// scenario's page at once, which shows the position in the queue.
			if (queued.job.state !== 'queued') await queued.job.promise;
		} catch (e) {
			// The solve failed while this request waited for it: no half-made scenario is left.
			if (id !== undefined) discardUnsolved(locals.db, locals.ward!.id, id);
			if (e instanceof QueueFullError) {
				return fail(503, {
					values: parsed.values,
					errors: {},
					message: queueFullMessage(e, locals.locale),
					form: 'solve'
				});
			}
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
