import { error, fail, redirect } from '@sveltejs/kit';
import { cached } from '$lib/server/core/cache';
import { criteriaValues, pageOf, pageParam } from '$lib/server/sites/scoring-run-view';
import { decisionOf } from '$lib/server/sites/scoring-view';
import { wardOf } from '$lib/server/http';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import { parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import {
	addComputedCriterion,
	COMPUTED_SOURCES,
	deleteCriterion,
	listCriteria,
	ScoringError,
	updateCriterion
} from '$lib/server/sites/scoring';
import { addCriterionSchema, criterionSchema } from '$lib/schemas/sites';
import { translate } from '$lib/i18n';
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
	update: async ({ request, locals }) => {
		const data = await request.formData();
		const parsed = parseForm(criterionSchema, data, locals.locale, 'criterion');
		if (!parsed.ok) return parsed.failure;
		try {
			updateCriterion(locals.db, actorOf(locals), locals.ward!.id, parsed.data, formVersion(data));
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, parsed.values, { form: 'criterion' });
			}
			if (e instanceof ScoringError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/criteria?saved=1`);
	},
	add: async ({ request, locals }) => {
		const parsed = parseForm(addCriterionSchema, await request.formData(), locals.locale, 'add');
		if (!parsed.ok) return parsed.failure;
		try {
			addComputedCriterion(locals.db, actorOf(locals), locals.ward!.id, parsed.data.source);
		} catch (e) {
			if (e instanceof ScoringError) {
				return fail(400, {
					values: parsed.values,
					errors: { source: translate(locals.locale, 'criteria.duplicate') },
					message: translate(locals.locale, 'criteria.duplicate'),
					form: 'add'
				});
			}
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/criteria?saved=1`);
	},
	delete: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			deleteCriterion(locals.db, actorOf(locals), locals.ward!.id, Number.isInteger(id) ? id : -1);
		} catch (e) {
			if (e instanceof ScoringError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/criteria?saved=1`);
	}
};
