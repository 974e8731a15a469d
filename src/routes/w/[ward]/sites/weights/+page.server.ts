import { error, fail, redirect } from '@sveltejs/kit';
import { formValues, parseForm } from '$lib/server/forms';
import { actorOf } from '$lib/server/request';
import {
	ahpState,
	deleteJudgment,
	listCriteria,
	matrixFromPairs,
	saveDirectWeights,
	saveJudgments,
	ScoringError,
	useAhpWeights,
	useDefaultWeights,
	weightState
} from '$lib/server/scoring';
import { judgmentHeaderSchema } from '$lib/schemas/sites';
import { parseLocaleNumber } from '$lib/schemas/fields';
import { parseSaaty } from '$lib/schemas/sites';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const wardId = locals.ward!.id;
	const active = listCriteria(locals.db, wardId).filter((c) => c.active);
	const keys = active.map((c) => c.key);
	const state = weightState(locals.db, wardId, active);
	const ahp = ahpState(locals.db, wardId, keys);
	const wanted = url.searchParams.get('participant')?.slice(0, 100);
	const mine =
		(wanted ? ahp.participants.find((p) => p.participant === wanted) : undefined) ??
		(!wanted
			? ahp.participants.find((p) => p.userId !== null && p.userId === locals.user?.id)
			: undefined);
	const defaultSum = active.reduce((s, c) => s + c.defaultWeight, 0);
	return {
		criteria: active.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			defaultWeight: defaultSum > 0 ? c.defaultWeight / defaultSum : 1 / active.length
		})),
		state,
		ahp,
		participant: mine?.participant ?? wanted ?? locals.user?.displayName ?? '',
		matrix: mine?.matrix ?? null,
		savedCr: url.searchParams.has('saved') ? (mine?.cr ?? null) : null
	};
};

function keysOf(locals: App.Locals): string[] {
	return listCriteria(locals.db, locals.ward!.id)
		.filter((c) => c.active)
		.map((c) => c.key);
}

export const actions: Actions = {
	direct: async ({ request, locals }) => {
		const data = await request.formData();
		const raw: Record<string, number> = {};
		let bad = false;
		for (const key of keysOf(locals)) {
			const v = parseLocaleNumber(data.get(`w:${key}`) ?? '');
			if (v === undefined) raw[key] = 0;
			else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) raw[key] = v;
			else bad = true;
		}
		const invalid = () =>
			fail(400, {
				values: formValues(data),
				errors: {},
				message: translate(locals.locale, 'weights.invalid'),
				form: 'direct'
			});
		if (bad) return invalid();
		try {
			saveDirectWeights(locals.db, actorOf(locals), locals.ward!.id, raw);
		} catch (e) {
			if (e instanceof ScoringError) return invalid();
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/weights?direct=1`);
	},
	useDefault: ({ locals }) => {
		useDefaultWeights(locals.db, actorOf(locals), locals.ward!.id);
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	},
	useAhp: ({ locals }) => {
		useAhpWeights(locals.db, actorOf(locals), locals.ward!.id);
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	},
	judgments: async ({ request, locals }) => {
		const data = await request.formData();
		const parsed = parseForm(judgmentHeaderSchema, data, locals.locale, 'ahp');
		if (!parsed.ok) return parsed.failure;
		const keys = keysOf(locals);
		if (keys.length < 2) {
			return fail(400, {
				values: parsed.values,
				errors: {},
				message: translate(locals.locale, 'weights.needTwo'),
				form: 'ahp'
			});
		}
		let bad = false;
		const matrix = matrixFromPairs(keys.length, (i, j) => {
			const v = parseSaaty(String(data.get(`p:${keys[i]}:${keys[j]}`) ?? '1'));
			if (v === null) bad = true;
			return v ?? 1;
		});
		if (bad) {
			return fail(400, {
				values: parsed.values,
				errors: {},
				message: translate(locals.locale, 'err.choice'),
				form: 'ahp'
			});
		}
		saveJudgments(
			locals.db,
			actorOf(locals),
			locals.ward!.id,
			parsed.data.participant,
			keys,
			matrix
		);
		redirect(
			303,
			`/w/${locals.ward!.code}/sites/weights?participant=${encodeURIComponent(parsed.data.participant)}&saved=1#ahp-h`
		);
	},
	deleteJudgment: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			deleteJudgment(locals.db, actorOf(locals), locals.ward!.id, Number.isInteger(id) ? id : -1);
		} catch (e) {
			if (e instanceof ScoringError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	}
};
