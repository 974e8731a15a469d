import { redirect } from '@sveltejs/kit';
import { editInvestmentRate, investmentRatePage } from '$lib/server/admin/investment-rates';
import { actorOf } from '$lib/server/core/request';
import { orNotFound, runAction } from '$lib/server/http';
import { investmentRateSchema } from '$lib/schemas/dossier';
import { RATE_FIELDS } from '../rate-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) =>
	orNotFound(() => investmentRatePage(locals.db, Number(params.id)), locals.locale);

export const actions: Actions = {
	// The form edits the version of its page: when another version was saved since (or the
	// form names another version), 409 with both values; "keep mine" saves over the newest.
	edit: (event) =>
		runAction(
			event,
			investmentRateSchema,
			({ data, version }) => {
				const id = Number(event.params.id);
				const created = editInvestmentRate(
					event.locals.db,
					actorOf(event.locals),
					id,
					data,
					version
				);
				redirect(303, `/admin/investment-rates/${created.id}?saved=1`);
			},
			{ form: 'edit', fields: RATE_FIELDS }
		)
};
