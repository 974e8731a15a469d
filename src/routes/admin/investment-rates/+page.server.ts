import { redirect } from '@sveltejs/kit';
import { createInvestmentRate, listInvestmentRates } from '$lib/server/admin/investment-rates';
import { actorOf } from '$lib/server/core/request';
import { runAction } from '$lib/server/http';
import { investmentRateCreateSchema } from '$lib/schemas/dossier';
import { RATE_FIELDS } from './rate-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ rates: listInvestmentRates(locals.db) });

export const actions: Actions = {
	create: (event) =>
		runAction(
			event,
			investmentRateCreateSchema,
			({ data: { key, ...input } }) => {
				const rate = createInvestmentRate(event.locals.db, actorOf(event.locals), key, input);
				redirect(303, `/admin/investment-rates/${rate.id}?saved=1`);
			},
			{ form: 'create', fields: RATE_FIELDS }
		)
};
