/**
 * The plan pages' views off the server's thread (issue 16). A scenario's view parses its stored
 * instance and plan and builds today's instance to tell whether the plan is stale: on a ward of
 * 5,000 rooms 100-200 ms of CPU after any write. A worker thread of this module's pool opens the
 * database file read-only (see `../db/readonly`) and computes there; the server's thread receives
 * only what the page sends (one building's stack plan, one page of moves, ...).
 *
 * - On the worker, each scenario's view is kept while the connection's `data_version` is
 *   unchanged, so another building or page of the same scenario is only cut again.
 * - On the server's thread, answers are kept per request while the database revision
 *   (`core/cache`) is unchanged; requests arriving while one is computed share its promise.
 * - Computations wait in a fair bounded queue ({@link planViewQueue}: one runs, at most
 *   {@link PLAN_VIEW_QUEUE_MAX} wait, {@link PLAN_VIEW_PER_WARD} per ward); beyond it the request
 *   is refused at once with `QueueFullError` (the routes answer 503 "Máy chủ đang bận …").
 * - An in-memory database (tests, scripts) has no file a worker could open: it is computed on the
 *   calling thread.
 */
import type { Locale } from '../../i18n';
import type { AllocationInstance, CheckResult } from '../../allocation';
import { promiseCache } from '../core/cache';
import type { Db } from '../db';
import { readOnlyDb } from '../db/readonly';
import { queuedWorker } from '../jobs/queued-worker';
import {
	scenarioBuildings,
	scenarioPage,
	type ScenarioBuildings,
	type ScenarioPage,
	type ScenarioPageAsk
} from './page-view';
import type { Actor } from '../audit';
import { checkVersion, currentVersion } from '../core/concurrency';
import { scenarios } from '../db/schema';
import { WorkerJobError } from '../jobs/module-pool';
import { checkApply, saveApply, type CheckedApply } from './apply';
import {
	checkEdit,
	checkReset,
	saveEdit,
	saveReset,
	type CheckedEdit,
	type CheckedReset,
	type PlanEdit
} from './edit';
import type { ApplyConsequences } from '../../plans/consequences';
import { PlansError, type PlansErrorCode } from './errors';
import { getScenario, scenarioRow } from './scenarios';
import type { ScenarioSettings } from './settings';
import { solverWarming, warmUpOffThread } from './solve-pool';
import { plansOverview, scenarioView, type ScenarioView } from './view';

/** A view computation that takes longer is abandoned (its worker terminated). */
export const PLAN_VIEW_DEADLINE_MS = 60_000;
/** View computations waiting at most (identical requests share one). */
export const PLAN_VIEW_QUEUE_MAX = 16;
/** ... of which one ward's at most. */
export const PLAN_VIEW_PER_WARD = 6;
/** Answers kept on the server's thread (the least recently used dropped). */
const RESULTS_MAX = 64;
/** Scenario views kept on the worker. */
const VIEWS_MAX = 8;

export type PlansOverview = Omit<ReturnType<typeof plansOverview>, 'instance'>;

/** What a page asks for. */
type Ask =
	| { kind: 'overview'; wardId: number; withInstance: boolean }
	| { kind: 'page'; wardId: number; id: number; locale: Locale; ask: ScenarioPageAsk }
	| { kind: 'buildings'; wardId: number; id: number; locale: Locale; page: number }
	| { kind: 'instance'; wardId: number; id: number; locale: Locale }
	| { kind: 'edit'; wardId: number; id: number; locale: Locale; edit: PlanEdit }
	| { kind: 'settings'; wardId: number; id: number; locale: Locale }
	| { kind: 'apply'; wardId: number; id: number; locale: Locale }
	| { kind: 'reset'; wardId: number; id: number };
/** ... and the database file the worker reads it from. */
type Request = Ask & { file: string };

type OverviewReply = PlansOverview & { instance?: AllocationInstance };
/** A scenario's stored settings and the units of its instance (the settings form's). */
export interface ScenarioSettingsContext {
	settings: ScenarioSettings;
	unitIds: number[];
}

type Reply =
	| OverviewReply
	| ScenarioPage
	| ScenarioBuildings
	| CheckedEdit
	| CheckedApply
	| CheckedReset
	| ScenarioSettingsContext
	| string
	| null;

// ------------------------------------------------------------------ on the worker

const views = new Map<string, { version: number; view: ScenarioView | undefined }>();

/** The scenario's view on this connection, kept while the database is unchanged. */
function keptView(db: Db, key: string, wardId: number, id: number, locale: Locale) {
	// The version is read before the rows: a write in between only makes the next request read again.
	const version = db.$client.pragma('data_version', { simple: true }) as number;
	const hit = views.get(key);
	if (hit && hit.version === version) return hit.view;
	const view = scenarioView(db, wardId, id, locale);
	views.delete(key);
	views.set(key, { version, view });
	while (views.size > VIEWS_MAX) views.delete(views.keys().next().value!);
	return view;
}

/** The answer to `ask` on `db`, the scenario's view from `viewOf`. */
function answer(
	db: Db,
	ask: Ask,
	viewOf: (db: Db, wardId: number, id: number, locale: Locale) => ScenarioView | undefined
): Reply {
	if (ask.kind === 'overview') {
		const { instance, ...overview } = plansOverview(db, ask.wardId);
		return ask.withInstance ? { ...overview, instance } : overview;
	}
	if (ask.kind === 'edit') return checkEdit(db, ask.wardId, ask.id, ask.edit, ask.locale);
	if (ask.kind === 'apply') return checkApply(db, ask.wardId, ask.id, ask.locale);
	if (ask.kind === 'reset') return checkReset(db, ask.wardId, ask.id);
	if (ask.kind === 'settings') {
		const detail = getScenario(db, ask.wardId, ask.id, ask.locale);
		return detail
			? { settings: detail.settings, unitIds: detail.built.units.map((u) => u.id) }
			: null;
	}
	const view = viewOf(db, ask.wardId, ask.id, ask.locale);
	if (!view) return null;
	switch (ask.kind) {
		case 'page':
			return scenarioPage(view, ask.ask);
		case 'buildings':
			return scenarioBuildings(view, ask.page);
		case 'instance':
			return JSON.stringify({ instance: view.instance });
	}
}

function work(req: Request): Reply {
	const { file, ...ask } = req;
	return answer(readOnlyDb(file), ask, (db, wardId, id, locale) =>
		keptView(db, `${file}|${wardId}|${id}|${locale}`, wardId, id, locale)
	);
}

const worker = queuedWorker<Request, Reply>(import.meta.url, 'trusoPlanViews', work, {
	deadlineMs: PLAN_VIEW_DEADLINE_MS,
	queued: PLAN_VIEW_QUEUE_MAX,
	perWard: PLAN_VIEW_PER_WARD
});

// ------------------------------------------------------------------ on the server's thread

/** View computations: one runs at a time, fairly between wards. */
export const planViewQueue = worker.queue;
const results = promiseCache(RESULTS_MAX);

/**
 * `request` computed on the worker after its turn in the queue (full: rejects at once), or on
 * this thread for an in-memory database; kept under `key` while the database is unchanged.
 */
function offThread<T extends Reply>(db: Db, key: string, ask: Ask): Promise<T> {
	return results.get(db, key, () => {
		const file = worker.onWorker(db);
		if (file === null) return Promise.resolve(answer(db, ask, scenarioView) as T);
		return worker.run<T>(ask.wardId, 'plan-view', { ...ask, file });
	});
}

/**
 * The plans page's overview (instance summary, scenarios with their figures, the arrangement).
 * The first one of the process also warms a solver worker up with the ward's instance.
 */
export async function plansOverviewOffThread(db: Db, wardId: number): Promise<PlansOverview> {
	const withInstance = !solverWarming();
	const reply = await offThread<OverviewReply>(db, `overview:${wardId}:${withInstance}`, {
		kind: 'overview',
		wardId,
		withInstance
	});
	const { instance, ...overview } = reply;
	// Somebody about to solve: let V8 optimise HiGHS on this ward's problem meanwhile (once per
	// process, on a worker thread), so that the first "Giải" does not take three times as long.
	if (instance) void warmUpOffThread(instance);
	return overview;
}

/** One screen of a scenario (see `scenarioPage`); null when it is not the ward's. */
export function scenarioPageOffThread(
	db: Db,
	wardId: number,
	id: number,
	locale: Locale,
	ask: ScenarioPageAsk
): Promise<ScenarioPage | null> {
	const key = `page:${wardId}:${id}:${locale}:${JSON.stringify(ask)}`;
	return offThread(db, key, { kind: 'page', wardId, id, locale, ask });
}

/** One page of a scenario's buildings; null when it is not the ward's. */
export function scenarioBuildingsOffThread(
	db: Db,
	wardId: number,
	id: number,
	locale: Locale,
	page: number
): Promise<ScenarioBuildings | null> {
	return offThread(db, `buildings:${wardId}:${id}:${locale}:${page}`, {
		kind: 'buildings',
		wardId,
		id,
		locale,
		page
	});
}

/** The scenario's instance as the live check's JSON (`{"instance": …}`); null when not the ward's. */
export function scenarioInstanceOffThread(
	db: Db,
	wardId: number,
	id: number,
	locale: Locale
): Promise<string | null> {
	return offThread(db, `instance:${wardId}:${id}`, { kind: 'instance', wardId, id, locale });
}

/** The scenario's stored settings and its instance's units (the settings form); null when not the ward's. */
export function scenarioSettingsOffThread(
	db: Db,
	wardId: number,
	id: number,
	locale: Locale
): Promise<ScenarioSettingsContext | null> {
	return offThread(db, `settings:${wardId}:${id}`, { kind: 'settings', wardId, id, locale });
}

/**
 * A manual edit of a solved scenario (as `editPlan`): checked on the worker (the stored plan and
 * instance parsed, the edited plan's areas refilled and checked: 50-100 ms on a ward of 5,000
 * rooms), then saved here, refused if the scenario changed in between. A stale form is refused
 * before any work; a rule broken is `PlansError('rule', texts)` as on this thread.
 */
export async function editPlanOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	edit: PlanEdit,
	locale: Locale,
	expectedVersion?: number | null
): Promise<CheckResult> {
	refuseStale(db, wardId, id, expectedVersion);
	const checked = await checkedOffThread<CheckedEdit>(
		db,
		{ kind: 'edit', wardId, id, locale, edit },
		() => checkEdit(db, wardId, id, edit, locale)
	);
	return saveEdit(db, actor, wardId, id, edit, checked, expectedVersion);
}

/**
 * "Áp dụng phương án" (as `applyScenario`): the scenario and today's instance read and checked on
 * the worker (the whole scenario detail: 100-200 ms on a ward of 5,000 rooms), the arrangement
 * recorded here, refused if the scenario changed in between.
 */
export async function applyScenarioOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	locale: Locale,
	expectedVersion?: number | null
): Promise<ApplyConsequences> {
	refuseStale(db, wardId, id, expectedVersion);
	const checked = await checkedOffThread<CheckedApply>(
		db,
		{ kind: 'apply', wardId, id, locale },
		() => checkApply(db, wardId, id, locale)
	);
	return saveApply(db, actor, wardId, id, checked, expectedVersion);
}

/**
 * Puts back the solver's plan (as `resetScenario`): the stored result parsed on the worker, the
 * plan written here, refused if the scenario changed in between.
 */
export async function resetScenarioOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	expectedVersion?: number | null
): Promise<void> {
	refuseStale(db, wardId, id, expectedVersion);
	const checked = await checkedOffThread<CheckedReset>(db, { kind: 'reset', wardId, id }, () =>
		checkReset(db, wardId, id)
	);
	saveReset(db, actor, wardId, id, checked, expectedVersion);
}

/** A stale form is refused before any work (ConflictError with the stored row; not-found). */
function refuseStale(db: Db, wardId: number, id: number, expectedVersion?: number | null): void {
	if (expectedVersion != null && currentVersion(db, scenarios, id) !== expectedVersion) {
		checkVersion('scenario', scenarioRow(db, wardId, id), expectedVersion);
	}
}

/**
 * The check of a write done on the worker after its turn in the queue (`here` for an in-memory
 * database); a `PlansError` thrown there is thrown here as such.
 */
async function checkedOffThread<T extends Reply>(db: Db, ask: Ask, here: () => T): Promise<T> {
	const file = worker.onWorker(db);
	if (file === null) return here();
	try {
		return await worker.run<T>(ask.wardId, 'plan-check', { ...ask, file });
	} catch (e) {
		if (e instanceof WorkerJobError && e.originalName === 'PlansError') {
			const fields = e.fields as { code: PlansErrorCode; violations?: string[] };
			throw new PlansError(fields.code, fields.violations ?? []);
		}
		throw e;
	}
}

/** Forgets the kept answers (tests). */
export function clearPlanViews(): void {
	results.clear();
}

/** Terminates the worker (computations in flight are rejected); the pool restarts on demand. */
export function stopPlanViewWorkers(): Promise<void> {
	return worker.pool.stop();
}
