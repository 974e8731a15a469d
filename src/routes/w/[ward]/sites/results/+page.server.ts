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
import { cached } from '$lib/server/cache';
import { scoringRunSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

const CHART_SITES = 15;
const SMAA_SITES = 10;
/** Ranks shown one by one in the SMAA chart (src/lib/charts/sites.ts shows 5, then the rest). */
const SMAA_RANKS = 5;

/** Scores are shown with 3 decimals: 4 are enough on the wire. */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function methodOf(url: URL): ScoringMethod {
	const m = url.searchParams.get('method');
	return SCORING_METHODS.find((x) => x === m) ?? 'weighted-sum';
}

export const load: PageServerLoad = ({ locals, url }) => {
	const wardId = locals.ward!.id;
	const method = methodOf(url);
	// Reused while the database is unchanged (see $lib/server/cache): the inputs, the analysis and
	// the SMAA estimate depend only on the ward's data and the method.
	const decision = cached(locals.db, `sites-decision:${wardId}`, () =>
		buildDecision(locals.db, wardId)
	);
	const analysis = cached(locals.db, `sites-analysis:${wardId}:${method}`, () =>
		analyse(decision, method)
	);
	const smaa = cached(locals.db, `sites-smaa:${wardId}`, () => cachedOrQuickSmaa(decision));
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
		showAll: url.searchParams.get('all') === '1',
		criteria,
		weights: decision.weights,
		sites,
		ranking,
		ranks,
		results: analysis
			? Object.fromEntries(SCORING_METHODS.map((m) => [m, analysis.results[m].scores.map(round4)]))
			: null,
		comparison: analysis?.comparison ?? null,
		// Only the sites the chart shows are sent; the page says how many there are in all.
		contributions: analysis
			? ranking.slice(0, CHART_SITES).map((a) => ({ site: a, values: analysis.contributions[a] }))
			: [],
		contributionsTotal: ranking.length,
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
					// The first SMAA_RANKS ranks and the share of all the others (what the chart shows).
					rows: smaaTop.map((a) => {
						const row = smaa.rankAcceptability[a];
						const rest = row.slice(SMAA_RANKS).reduce((sum, x) => sum + x, 0);
						return {
							site: a,
							shares: row.length > SMAA_RANKS ? [...row.slice(0, SMAA_RANKS), rest] : row
						};
					})
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
				score: idx >= 0 && analysis ? round4(hi > lo ? (scores[idx] - lo) / (hi - lo) : 1) : null,
				rank: idx >= 0 ? ranks[method][idx] : null
			};
		}),
		geo: cached(locals.db, `sites-geo:${wardId}`, () => wardGeo(locals.db, wardId)),
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
