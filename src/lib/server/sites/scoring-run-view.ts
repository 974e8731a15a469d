/**
 * What the saved scoring-run page (/w/[ward]/sites/runs/[id=id]) and the criteria page
 * (/w/[ward]/sites/criteria) send: a compact view of a run (or of the ward's site values), built
 * once per database revision by the routes (see ./cache), and the part of it one request shows.
 * Long tables are cut — the first rows with a "show all" link (`?all=1`) and the site values by
 * page (`?page=`) — and numbers are rounded to 4 decimals on the wire. The full run stays in the
 * scoring-run JSON API (GET /api/v1/wards/{code}/scoring-runs/{id}) and the proposal packet.
 */
import type { DbLike } from '../db';
import { getScoringRun, scoringRunStamp } from './runs';
import type { Decision, ScreenReason, ScoringMethod, ScoringRun, WeightSource } from './scoring';
import { round4 } from './scoring-view';

/** Ranking rows per method shown before "show all". */
export const RUN_RANK_ROWS = 10;
/** SMAA rows (sites) and ranks shown; "show all" shows every site, still the first ranks. */
export const RUN_SMAA_ROWS = 10;
export const RUN_SMAA_RANKS = 5;
/** Screened-out sites listed before "show all". */
export const RUN_SCREENED_ROWS = 25;
/** Site rows of a values table per page (the criteria page). */
export const VALUES_PAGE_SIZE = 25;
/** Site rows of a run's input values per page. */
export const RUN_VALUES_PAGE_SIZE = 10;

/** Views of stored runs built lately, by ward, id and creation time (a run never changes). */
const views = new Map<string, RunView>();
const MAX_VIEWS = 50;

/**
 * The view of the ward's run `id` (undefined when it is not the ward's). A stored run never
 * changes, so its view — parsing hundreds of KB of JSON for 200 sites — is built once per run
 * and kept whatever else is written meanwhile; only its author's current name is read again.
 */
export function runViewOf(db: DbLike, wardId: number, id: number): RunView | undefined {
	const stamp = scoringRunStamp(db, wardId, id);
	if (!stamp) return undefined;
	const key = `${wardId}:${id}:${stamp.createdAt}`;
	let view = views.get(key);
	if (!view) {
		const run = getScoringRun(db, wardId, id);
		if (!run) return undefined;
		view = runView(run);
		views.set(key, view);
		if (views.size > MAX_VIEWS) views.delete(views.keys().next().value!);
	}
	return { ...view, createdBy: stamp.createdBy };
}

const METHODS: ScoringMethod[] = ['weighted-sum', 'topsis', 'promethee2'];

const r4OrNull = (x: number | null | undefined) =>
	x === null || x === undefined || !Number.isFinite(x) ? null : round4(x);

export interface ValuesRow {
	id: number;
	code: string;
	name: string;
	/** Values in the order of the criteria (null: not known). */
	values: (number | null)[];
}

export interface RunView {
	id: number;
	name: string;
	createdAt: number;
	createdBy: string | null;
	method: ScoringMethod;
	criteria: {
		key: string;
		labelVi: string;
		labelEn: string;
		type: ScoringRun['result']['criteria'][number]['type'];
		unit: string;
		weight: number;
	}[];
	weights: {
		source: WeightSource;
		setBy: string[];
		cr: number | null;
		/** Each participant's weights in the order of the criteria. */
		participants: { participant: string; cr: number; weights: number[] }[];
	};
	requiredAreaM2: number | null;
	eligibleCount: number;
	firstPlaceAgreement: boolean;
	/** Code of the first-placed site by each method (in METHODS order). */
	firstPlaces: string[];
	results: Record<ScoringMethod, { rank: number; code: string; score: number }[]>;
	sensitivity: {
		criterion: string;
		baseWeight: number;
		switches: { weight: number; from: string; to: string }[];
	}[];
	smaa: {
		samples: number;
		seed: number;
		ranks: number;
		/** Eligible order, the first RUN_SMAA_RANKS ranks. */
		rows: { code: string; shares: number[] }[];
	} | null;
	screenedOut: { code: string; name: string; reasons: ScreenReason[] }[];
	sites: ValuesRow[];
}

/** The compact, rounded view of a stored run (without the matrix, contributions and sweeps). */
export function runView(run: ScoringRun): RunView {
	const r = run.result;
	const keys = r.criteria.map((c) => c.key);
	const smaa = r.smaa;
	const ranks = Math.min(RUN_SMAA_RANKS, r.eligible.length);
	return {
		id: run.id,
		name: run.name,
		createdAt: run.createdAt,
		createdBy: run.createdBy,
		method: r.method,
		criteria: r.criteria.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			type: c.type,
			unit: c.unit,
			weight: c.weight
		})),
		weights: {
			source: r.weights.source,
			setBy: r.weights.setBy,
			cr: r.weights.cr,
			participants: r.weights.participants.map((p) => ({
				participant: p.participant,
				cr: p.cr,
				weights: keys.map((k) => p.weights[k] ?? 0)
			}))
		},
		requiredAreaM2: r.requiredLand.areaM2,
		eligibleCount: r.eligible.length,
		firstPlaceAgreement: r.comparison.firstPlaceAgreement,
		firstPlaces: r.comparison.firstPlaces.map((a) => r.eligible[a]),
		results: Object.fromEntries(
			METHODS.map((m) => [
				m,
				(r.results[m] ?? []).map((x) => ({ rank: x.rank, code: x.code, score: round4(x.score) }))
			])
		) as RunView['results'],
		sensitivity: r.sensitivity.map((s) => ({
			criterion: s.criterion,
			baseWeight: s.baseWeight,
			switches: s.switches
		})),
		smaa: smaa && {
			samples: smaa.samples,
			seed: smaa.seed,
			ranks,
			rows: smaa.rankAcceptability.map((row, a) => ({
				code: r.eligible[a],
				shares: row.slice(0, ranks).map(round4)
			}))
		},
		screenedOut: r.screenedOut,
		sites: r.sites.map((s) => ({
			id: s.id,
			code: s.code,
			name: s.name,
			values: keys.map((k) => r4OrNull(s.values[k]))
		}))
	};
}

/** The page number asked for (`?page=`), 1 by default. */
export function pageParam(url: URL): number {
	return Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
}

/** One page of rows (clamped to the last page), or every row when `all`. */
export function pageOf<T>(rows: T[], page: number, all: boolean, pageSize = VALUES_PAGE_SIZE) {
	const pages = Math.max(1, Math.ceil(rows.length / pageSize));
	const p = all ? 1 : Math.min(Math.max(1, page), pages);
	return {
		rows: all ? rows : rows.slice((p - 1) * pageSize, p * pageSize),
		total: rows.length,
		page: p,
		pageSize,
		all
	};
}

/** What the run page sends for one request: the first rows, or everything with `all`. */
export function runPage(view: RunView, opts: { all: boolean; page: number }) {
	const cut = <T>(rows: T[], n: number) => (opts.all ? rows : rows.slice(0, n));
	const long =
		view.eligibleCount > RUN_RANK_ROWS ||
		(view.smaa?.rows.length ?? 0) > RUN_SMAA_ROWS ||
		view.screenedOut.length > RUN_SCREENED_ROWS ||
		view.sites.length > RUN_VALUES_PAGE_SIZE;
	return {
		...view,
		all: opts.all,
		/** Some table is longer than what is shown by default (?all=1 shows every row). */
		long,
		results: Object.fromEntries(
			METHODS.map((m) => [m, cut(view.results[m], RUN_RANK_ROWS)])
		) as RunView['results'],
		smaa: view.smaa && {
			...view.smaa,
			rows: cut(view.smaa.rows, RUN_SMAA_ROWS),
			total: view.smaa.rows.length
		},
		screenedOut: cut(view.screenedOut, RUN_SCREENED_ROWS),
		screenedTotal: view.screenedOut.length,
		sites: pageOf(view.sites, opts.page, opts.all, RUN_VALUES_PAGE_SIZE)
	};
}

/** The criteria page's values table: every site of the ward with its screening reasons. */
export function criteriaValues(
	decision: Decision
): (ValuesRow & { reasons: Decision['sites'][number]['reasons'] })[] {
	const keys = decision.criteria.map((c) => c.key);
	return decision.sites.map((s) => ({
		id: s.id,
		code: s.code,
		name: s.name,
		values: keys.map((k) => r4OrNull(s.values[k])),
		reasons: s.reasons
	}));
}
