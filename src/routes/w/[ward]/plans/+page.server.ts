import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_WEIGHTS } from '$lib/allocation';
import { translate } from '$lib/i18n';
import {
	createScenario,
	deleteScenario,
	discardUnsolved,
	plansOverviewOffThread,
	queueNewScenario,
	solveRefusal
} from '$lib/server/plans';
import { notFound, orBusy, recordId, runAction, wardOf } from '$lib/server/http';
import { actorOf } from '$lib/server/core/request';
import { createSchema, DEFAULT_PAGE_TIME_LIMIT_S, solveSchema } from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ward = wardOf(locals);
	// The instance summary and the scenarios' figures (each parses its stored instance and
	// checks its fingerprint) are computed on a worker thread and reused while the database is
	// unchanged ($lib/server/plans/view-worker); a full queue answers 503.
	const { summary, scenarios, arrangement } = await orBusy(
		plansOverviewOffThread(locals.db, ward.id),
		locals.locale
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
	create: (event) =>
		runAction(
			event,
			createSchema,
			({ data }) => {
				const { locals } = event;
				const ward = wardOf(locals);
				const id = createScenario(locals.db, actorOf(locals), ward.id, data.name);
				redirect(303, `/w/${ward.code}/plans/${id}`);
			},
			{ form: 'create' }
		),
	solve: (event) =>
		runAction(
			event,
			solveSchema,
			async ({ data, values }) => {
				const { locals } = event;
				const ward = wardOf(locals);
				let id: number | undefined;
				try {
					const queued = queueNewScenario(locals.db, actorOf(locals), ward.id, {
						name: data.name,
						weights: {
							unseated: data.weightUnseated,
							worstShortfall: data.weightWorstShortfall,
							shortfallM2: data.weightShortfallM2,
							buildingsPerUnit: data.weightBuildings,
							moved: data.weightMoved
						},
						timeLimitS: data.timeLimitS
					});
					id = queued.id;
					// Running: wait for the plan (on a worker thread). Waiting for a slot: go to the
					// scenario's page at once, which shows the position in the queue.
					if (queued.job.state !== 'queued') await queued.job.promise;
				} catch (e) {
					// The solve failed while this request waited for it: no half-made scenario is left.
					if (id !== undefined) discardUnsolved(locals.db, ward.id, id);
					const refused = solveRefusal(e, locals.locale);
					if (!refused) throw e;
					return fail(refused.status, {
						values,
						errors: {},
						message: refused.message,
						form: 'solve'
					});
				}
				redirect(303, `/w/${ward.code}/plans/${id}`);
			},
			{ form: 'solve' }
		),
	delete: (event) =>
		// An id that names no scenario of the ward is not found (404), whatever its form.
		runAction(event, null, ({ data }) => {
			const { locals } = event;
			const ward = wardOf(locals);
			const id = recordId(data.id);
			if (id === null) notFound(locals.locale);
			deleteScenario(locals.db, actorOf(locals), ward.id, id);
			redirect(303, `/w/${ward.code}/plans?deleted=1`);
		})
};
