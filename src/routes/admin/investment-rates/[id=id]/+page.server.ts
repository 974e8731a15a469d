import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { parseForm } from '$lib/server/core/forms';
import {
	RateError,
	editInvestmentRate,
	getInvestmentRate,
	investmentRateHistory
} from '$lib/server/admin/investment-rates';
import { actorOf } from '$lib/server/core/request';
import { investmentRateSchema } from '$lib/schemas/dossier';
import { rateFailure } from '../rate-failure';
import type { Actions, PageServerLoad } from './$types';

function rateId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const rate = getInvestmentRate(locals.db, rateId(params.id));
	if (!rate) error(404, translate(locals.locale, 'err.notFound'));
	return { rate, history: investmentRateHistory(locals.db, rate.key) };
};

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const id = rateId(params.id);
		const parsed = parseForm(investmentRateSchema, await request.formData(), locals.locale, 'edit');
		if (!parsed.ok) return parsed.failure;
		let created: number;
		try {
			created = editInvestmentRate(locals.db, actorOf(locals), id, parsed.data).id;
		} catch (e) {
			if (e instanceof RateError && e.code === 'not-found') error(404, 'Not found');
			if (e instanceof RateError) return rateFailure(e, parsed.values, locals.locale, 'edit');
			throw e;
		}
		redirect(303, `/admin/investment-rates/${created}?saved=1`);
	}
};
