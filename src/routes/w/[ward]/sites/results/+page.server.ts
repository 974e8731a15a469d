import { error, redirect } from '@sveltejs/kit';
import { parseForm } from '$lib/server/forms';
import { actorOf } from '$lib/server/request';
import {
	analyse,
	buildDecision,
	cachedOrQuickSmaa,
	deleteScoringRun,
	listScoringRuns,
	saveScoringRun,
	SCORING_METHODS,
	ScoringError,
	smaaFor,
	SMAA_SAMPLES,
	type ScoringMethod
} from '$lib/server/scoring';
import { wardGeo } from '$lib/server/sites';
import { scoringRunSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

const CHART_SITES = 15;
const SMAA_SITES = 10;

function methodOf(url: URL): ScoringMethod {
	const m = url.searchParams.get('method');
	return SCORING_METHODS.find((x) => x === m) ?? 'weighted-sum';
}

export const load: PageServerLoad = ({ locals, url }) => {
	const wardId = locals.ward!.id;
	const method = methodOf(url);
	const decision = buildDecision(locals.db, wardId);
	const analysis = analyse(decision, method);
	const smaa = cachedOrQuickSmaa(decision);
	const sites = decision.eligible.map((s) => ({ id: s.id, code: s.code, name: s.name }));
	const criteria = decision.criteria.map((c) => ({
		key: c.key,
		labelVi: c.labelVi,
		labelEn: c.labelEn,
		unit: c.unit,
		weight: c.weight
	}));
	const ranking = analysis?.results[method].ranking ?? [];
	const rankOf = (m: ScoringMethod) => {
		const r = new Array<number>(sites.length);
		analysis?.results[m].ranking.forEach((a, i) => (r[a] = i + 1));
		return r;
	};
	const ranks = Object.fromEntries(SCORING_METHODS.map((m) => [m, rankOf(m)])) as Record<
		ScoringMethod,
		number[]
	>;
	const scores = analysis?.results[method].scores ?? [];
	const lo = Math.min(...scores);
	const hi = Math.max(...scores);
	const sc = url.searchParams.get('sc');
	const sensitivity = analysis?.sensitivity ?? [];
	const chosen =
		sensitivity.find((s) => s.criterion === sc) ??
		sensitivity.find((s) => s.switches.length > 0) ??
		sensitivity[0] ??
		null;
	const smaaTop = smaa
		? [...sites.keys()]
				.sort((a, b) => smaa.rankAcceptability[b][0] - smaa.rankAcceptability[a][0] || a - b)
				.slice(0, SMAA_SITES)
		: [];
	return {
		method,
		criteria,
		weights: decision.weights,
		sites,
		ranking,
		ranks,
		results: analysis
			? Object.fromEntries(SCORING_METHODS.map((m) => [m, analysis.results[m].scores]))
			: null,
		comparison: analysis?.comparison ?? null,
		contributions: analysis
			? ranking.map((a) => ({ site: a, values: analysis.contributions[a] }))
			: [],
		chartSites: CHART_SITES,
		sensitivity: sensitivity.map((s) => ({
			criterion: s.criterion,
			baseWeight: s.baseWeight,
			switches: s.switches
		})),
		sensitivityChart: chosen,
		smaa: smaa
			? {
					samples: smaa.samples,
					seed: smaa.seed,
					full: smaa.samples >= SMAA_SAMPLES,
					rows: smaaTop.map((a) => ({ site: a, shares: smaa.rankAcceptability[a] }))
				}
			: null,
		screened: decision.sites
			.filter((s) => s.reasons.length)
			.map((s) => ({ id: s.id, code: s.code, name: s.name, reasons: s.reasons })),
		map: decision.sites.slice(0, 2000).map((s) => {
			const idx = sites.findIndex((x) => x.id === s.id);
			return {
				id: s.id,
				code: s.code,
				name: s.name,
				lat: s.lat,
				lng: s.lng,
				polygon: s.polygon,
				score: idx >= 0 && analysis ? (hi > lo ? (scores[idx] - lo) / (hi - lo) : 1) : null,
				rank: idx >= 0 ? ranks[method][idx] : null
			};
		}),
		geo: wardGeo(locals.db, wardId),
		runs: listScoringRuns(locals.db, wardId)
	};
};

export const actions: Actions = {
	smaa: async ({ request, locals }) => {
		const m = String((await request.formData()).get('method') ?? '');
		const method = SCORING_METHODS.find((x) => x === m) ?? 'weighted-sum';
		smaaFor(buildDecision(locals.db, locals.ward!.id), SMAA_SAMPLES);
		redirect(303, `/w/${locals.ward!.code}/sites/results?method=${method}#smaa-h`);
	},
	save: async ({ request, locals }) => {
		const parsed = parseForm(scoringRunSchema, await request.formData(), locals.locale, 'save');
		if (!parsed.ok) return parsed.failure;
		const run = saveScoringRun(locals.db, actorOf(locals), locals.ward!.id, parsed.data);
		redirect(303, `/w/${locals.ward!.code}/sites/runs/${run.id}?saved=1`);
	},
	deleteRun: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			deleteScoringRun(locals.db, actorOf(locals), locals.ward!.id, Number.isInteger(id) ? id : -1);
		} catch (e) {
			if (e instanceof ScoringError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/results`);
	}
};
