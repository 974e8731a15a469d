import { redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/core/request';
import { recordId, runAction, wardOf } from '$lib/server/http';
import { saveScoringRunOffThread } from '$lib/server/sites/save-run';
import {
	deleteScoringRun,
	listScoringRuns,
	SCORING_METHODS,
	SMAA_SAMPLES
} from '$lib/server/sites/scoring';
import { startFullSmaa } from '$lib/server/sites/smaa-jobs';
import {
	decisionOf,
	methodOf,
	prepareScoringView,
	round4,
	scoringSmaa,
	scoringView
} from '$lib/server/sites/scoring-view';
import { wardGeo } from '$lib/server/sites';
import { cached } from '$lib/server/core/cache';
import { scoringRunSchema } from '$lib/schemas/sites';
import type { Actions, PageServerLoad } from './$types';

/** Rows of the ranking shown before "show all" (long lists are cut, see ?all=1). */
const RANK_ROWS = 10;
const CHART_SITES = 15;
const SMAA_SITES = 10;
/** Ranks shown one by one in the SMAA chart (src/lib/charts/sites.ts shows 5, then the rest). */
const SMAA_RANKS = 5;

export const load: PageServerLoad = async ({ locals, url }) => {
	const wardId = wardOf(locals).id;
	const method = methodOf(url);
	const showAll = url.searchParams.get('all') === '1';
	// The analysis is computed on a worker thread (PROMETHEE II grows with sites²).
	await prepareScoringView(locals.db, wardId, method);
	// Reused while the database is unchanged (see $lib/server/scoring-view). Only what the page
	// shows is sent: the map layer (every site, coloured by score) is read from ./map after it.
	const { decision, analysis, ranks } = scoringView(locals.db, wardId, method);
	const smaa = scoringSmaa(locals.db, wardId, decision);
	const site = (a: number) => {
		const s = decision.eligible[a];
		return { id: s.id, code: s.code, name: s.name };
	};
	const ranking = analysis?.results[method].ranking ?? [];
	const sensitivity = analysis?.sensitivity ?? [];
	const smaaTop = smaa
		? [...decision.eligible.keys()]
				.sort((a, b) => smaa.rankAcceptability[b][0] - smaa.rankAcceptability[a][0] || a - b)
				.slice(0, SMAA_SITES)
		: [];
	const comparison = analysis?.comparison;
	return {
		method,
		showAll,
		criteria: decision.criteria.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			unit: c.unit,
			weight: c.weight
		})),
		weights: decision.weights,
		hasResults: analysis !== null,
		// The ranking rows shown, each with its score and rank by every method.
		rows: (showAll ? ranking : ranking.slice(0, RANK_ROWS)).map((a) => ({
			...site(a),
			scores: SCORING_METHODS.map((m) => round4(analysis!.results[m].scores[a])),
			ranks: SCORING_METHODS.map((m) => ranks[m][a])
		})),
		rankingTotal: ranking.length,
		comparison: comparison
			? {
					firstPlaceAgreement: comparison.firstPlaceAgreement,
					firstPlaces: comparison.firstPlaces.map(site),
					pairs: comparison.pairs
				}
			: null,
		// Only the sites the chart shows are sent; the page says how many there are in all.
		contributions: analysis
			? ranking.slice(0, CHART_SITES).map((a) => ({
					code: decision.eligible[a].code,
					values: analysis.contributions[a].map(round4)
				}))
			: [],
		chartSites: CHART_SITES,
		// The sensitivity to each weight has its own page (./sensitivity): here how many weights
		// can change the first place, and which.
		sensitivitySwitching: sensitivity.filter((s) => s.switches.length > 0).map((s) => s.criterion),
		sensitivityTotal: sensitivity.length,
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
							code: decision.eligible[a].code,
							shares: (row.length > SMAA_RANKS ? [...row.slice(0, SMAA_RANKS), rest] : row).map(
								round4
							)
						};
					})
				}
			: null,
		screened: decision.sites
			.filter((s) => s.reasons.length)
			.map((s) => ({ id: s.id, code: s.code, name: s.name, reasons: s.reasons })),
		geo: cached(locals.db, `sites-geo:${wardId}`, () => wardGeo(locals.db, wardId)),
		runs: listScoringRuns(locals.db, wardId)
		// The score map's sites are read by the browser from ./map after the page (+page.ts).
	};
};

export const actions: Actions = {
	smaa: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			null,
			async ({ values }) => {
				const method = SCORING_METHODS.find((x) => x === values.method) ?? 'weighted-sum';
				// Without JavaScript the answer waits for the result (computed in slices: the server
				// keeps serving others meanwhile); the page's script shows progress instead (./smaa).
				await startFullSmaa(ward.id, await decisionOf(locals.db, ward.id));
				redirect(303, `/w/${ward.code}/sites/results?method=${method}#smaa-h`);
			},
			{ form: 'smaa', messages: { busy: 'results.smaaBusy' } }
		);
	},
	save: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			scoringRunSchema,
			async ({ data }) => {
				// The record (with its 10,000-sample SMAA) is computed on a worker thread.
				const run = await saveScoringRunOffThread(locals.db, actorOf(locals), ward.id, data);
				redirect(303, `/w/${ward.code}/sites/runs/${run.id}?saved=1`);
			},
			{ form: 'save' }
		);
	},
	deleteRun: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(event, null, ({ values }) => {
			deleteScoringRun(locals.db, actorOf(locals), ward.id, recordId(values.id) ?? -1);
			redirect(303, `/w/${ward.code}/sites/results`);
		});
	}
};
