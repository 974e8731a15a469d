import { redirect } from '@sveltejs/kit';
import { parseForm } from '$lib/server/core/forms';
import {
	RateError,
	createInvestmentRate,
	listInvestmentRates
} from '$lib/server/admin/investment-rates';
import { actorOf } from '$lib/server/core/request';
import { investmentRateCreateSchema } from '$lib/schemas/dossier';
import { rateFailure } from './rate-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ rates: listInvestmentRates(locals.db) });

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const parsed = parseForm(
			investmentRateCreateSchema,
			await request.formData(),
			locals.locale,
			'create'
		);
		if (!parsed.ok) return parsed.failure;
		const { key, ...input } = parsed.data;
		let id: number;
		try {
			id = createInvestmentRate(locals.db, actorOf(locals), key, input).id;
		} catch (e) {
			if (e instanceof RateError) return rateFailure(e, parsed.values, locals.locale, 'create');
			throw e;
		}
		redirect(303, `/admin/investment-rates/${id}?saved=1`);
	}
};
