import { redirect } from '@sveltejs/kit';
import { cached } from '$lib/server/core/cache';
import { criteriaValues, pageOf, pageParam } from '$lib/server/sites/scoring-run-view';
import { decisionOf } from '$lib/server/sites/scoring-view';
import { recordId, runAction, wardOf } from '$lib/server/http';
import { actorOf } from '$lib/server/core/request';
import {
	addComputedCriterion,
	COMPUTED_SOURCES,
	deleteCriterion,
	listCriteria,
	updateCriterion
} from '$lib/server/sites/scoring';
import { addCriterionSchema, criterionSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const wardId = wardOf(locals).id;
	const criteria = listCriteria(locals.db, wardId);
	// Read on a worker thread and kept while the database is unchanged (as for the results page).
	const decision = await decisionOf(locals.db, wardId);
	// The values table in the order of the active criteria, rounded, built once per revision;
	// each request sends one page of it (every row with ?all=1).
	const rows = cached(locals.db, `sites-criteria-values:${wardId}`, () => criteriaValues(decision));
	const have = new Set(criteria.map((c) => c.source));
	return {
		criteria,
		available: COMPUTED_SOURCES.filter((s) => !have.has(s)),
		required: decision.required,
		active: decision.criteria.map((c) => ({ key: c.key, label: c.labelVi, unit: c.unit })),
		all: url.searchParams.get('all') === '1',
		sites: pageOf(rows, pageParam(url), url.searchParams.get('all') === '1')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			criterionSchema,
			({ data, version }) => {
				updateCriterion(locals.db, actorOf(locals), ward.id, data, version);
				redirect(303, `/w/${ward.code}/sites/criteria?saved=1`);
			},
			{ form: 'criterion' }
		);
	},
	add: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			addCriterionSchema,
			({ data }) => {
				addComputedCriterion(locals.db, actorOf(locals), ward.id, data.source);
				redirect(303, `/w/${ward.code}/sites/criteria?saved=1`);
			},
			{
				form: 'add',
				messages: { duplicate: 'criteria.duplicate', 'unknown-source': 'criteria.duplicate' },
				fields: { duplicate: 'source', 'unknown-source': 'source' }
			}
		);
	},
	delete: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(event, null, ({ values }) => {
			deleteCriterion(locals.db, actorOf(locals), ward.id, recordId(values.id) ?? -1);
			redirect(303, `/w/${ward.code}/sites/criteria?saved=1`);
		});
	}
};
