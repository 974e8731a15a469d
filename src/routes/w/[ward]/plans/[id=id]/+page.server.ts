import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { failField } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { notFound, orBusy, recordId, refusal, runAction, wardOf } from '$lib/server/http';
import { jobStatus, solverQueue } from '$lib/server/jobs';
import {
	applyScenarioOffThread,
	DEFAULT_CONSEQUENCE_SHARE,
	editPlanOffThread,
	FURTHEST_BELOW_COUNT,
	moveFormTheirs,
	PlansError,
	queueSolve,
	resetScenarioOffThread,
	scenarioPageOffThread,
	scenarioSettingsOffThread,
	scenarioVersion,
	settingsFormValues,
	settingsFromForm,
	solveJobKey,
	solveRefusal,
	updateScenarioSettings,
	VIOLATIONS_SHOWN,
	type PlansErrorCode,
	type SettingsFormData
} from '$lib/server/plans';
import {
	DEFAULT_PAGE_TIME_LIMIT_S,
	moveSchema,
	runSchema,
	settingsSchema
} from '$lib/schemas/plans';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A positive integer query parameter (`?building=`, `?room=`, `?page=`), or null. */
const queryId = (url: URL, name: string) => recordId(url.searchParams.get(name) ?? '');

/**
 * One screen of a scenario (`scenarioPage` in $lib/server/plans/page-view): its settings, the
 * summary figures and the per-unit table, the stack plan of ONE building (`?building=`, by
 * default the building most people move into), the plan rows and the rooms of the pickers
 * (bounded), and one sorted page of the move list (`?sort=`, `?dir=`, `?page=`). The browser's
 * live check reads the instance from ./instance when the move form is first used.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const wardId = wardOf(locals).id;
	const id = Number(params.id);
	// Computed on a worker thread (the scenario's view parses its plan and builds today's
	// instance), reused while the database is unchanged; a full queue answers 503.
	const view = await orBusy(
		scenarioPageOffThread(locals.db, wardId, id, locals.locale, {
			building: queryId(url, 'building'),
			room: queryId(url, 'room'),
			sort: url.searchParams.get('sort'),
			dir: url.searchParams.get('dir'),
			page: queryId(url, 'page'),
			canEdit: locals.canEdit
		}),
		locals.locale
	);
	if (!view) notFound(locals.locale);
	return {
		...view,
		/** The scenario's version, sent back by its forms (optimistic concurrency). */
		version: scenarioVersion(locals.db, id),
		furthestCount: FURTHEST_BELOW_COUNT,
		defaults: { timeLimitS: DEFAULT_PAGE_TIME_LIMIT_S, sharePct: DEFAULT_CONSEQUENCE_SHARE * 100 },
		solveJob: solveJobView(wardId, id, locals.locale),
		flash: {
			moved: url.searchParams.has('moved'),
			reset: url.searchParams.has('reset'),
			solved: url.searchParams.has('solved'),
			saved: url.searchParams.has('saved'),
			applied: url.searchParams.has('applied')
		}
	};
};

/**
 * The scenario's solve in the solver queue, for the page: waiting (with its position) or
 * running, or a solve that finished in the background with an error lately; else null.
 */
function solveJobView(wardId: number, id: number, locale: App.Locals['locale']) {
	const key = solveJobKey(wardId, id);
	const status = jobStatus(solverQueue, key, locale);
	if (status) return status;
	const job = solverQueue.get(key);
	if (job?.state !== 'error') return null;
	const message = solveRefusal(job.error, locale)?.message ?? translate(locale, 'err.server');
	return { state: 'error' as const, position: 0, message };
}

/** The scenario's page after an action, on the building shown, with `query` (a notice). */
function back(event: RequestEvent, query: string): never {
	const building = queryId(event.url, 'building');
	const at = building ? `building=${building}&` : '';
	redirect(303, `/w/${wardOf(event.locals).code}/plans/${event.params.id}?${at}${query}`);
}

/** A refusal of the plan's own rules: the message and the rules broken (at most 50 shown). */
function ruleRefusal(
	form: string,
	values: Record<string, string>,
	message: string,
	rules: string[]
) {
	return fail(400, {
		form,
		values,
		errors: {},
		message,
		violations: rules.slice(0, VIOLATIONS_SHOWN),
		violationCount: rules.length
	});
}

/**
 * The answer to an error of a plan change: a refusal naming the broken rules for the codes of
 * `messages` (the page lists the violations under its message), anything else through the
 * route toolkit (a stale form: the 409 with both sides, `theirs` the stored values).
 */
function planRefusal(
	e: unknown,
	event: RequestEvent,
	values: Record<string, string>,
	form: string,
	messages: Partial<Record<PlansErrorCode, MessageKey>>,
	theirs?: () => Record<string, string>
) {
	const key = e instanceof PlansError ? messages[e.code] : undefined;
	if (e instanceof PlansError && key) {
		return ruleRefusal(form, values, translate(event.locals.locale, key), e.violations);
	}
	return refusal(e, event, values, { form, theirs });
}

export const actions: Actions = {
	settings: async (event) => {
		const { locals } = event;
		const id = Number(event.params.id);
		const wardId = wardOf(locals).id;
		// The stored settings and the instance's units, read on the plan worker (the scenario's
		// stored instance is parsed); they are also "theirs" of a stale form (the stored values now).
		const stored = await orBusy(
			scenarioSettingsOffThread(locals.db, wardId, id, locals.locale),
			locals.locale
		);
		if (!stored) notFound(locals.locale);
		const { unitIds } = stored;
		const lockedIds = stored.settings.lockedRooms.map((l) => l.roomId);
		return runAction(
			event,
			settingsSchema(unitIds, lockedIds),
			({ data, values, version }) => {
				const settings = settingsFromForm(stored.settings, unitIds, data as SettingsFormData);
				if (settings === 'duplicate-lock') {
					const message = translate(locals.locale, 'plans.settings.lockDuplicate');
					return failField(values, 'lockAddRoom', message, locals.locale, 'settings');
				}
				updateScenarioSettings(locals.db, actorOf(locals), wardId, id, settings, version);
				redirect(303, `/w/${wardOf(locals).code}/plans/${id}?saved=1#settings`);
			},
			{
				form: 'settings',
				theirs: () => settingsFormValues(stored.settings, unitIds, lockedIds)
			}
		);
	},
	solve: (event) =>
		runAction(
			event,
			runSchema,
			async ({ data, values }) => {
				const { locals } = event;
				let queued = false;
				try {
					const job = queueSolve(
						locals.db,
						actorOf(locals),
						wardOf(locals).id,
						Number(event.params.id),
						{ timeLimitS: data.timeLimitS }
					);
					// Waiting for a solver slot: answer at once; the page shows the position and reloads.
					queued = job.state === 'queued';
					if (!queued) await job.promise;
				} catch (e) {
					const refused = solveRefusal(e, locals.locale);
					if (!refused) throw e;
					return fail(refused.status, {
						form: 'run',
						values,
						errors: {},
						message: refused.message
					});
				}
				back(event, queued ? '' : 'solved=1');
			},
			{ form: 'run' }
		),
	move: (event) => {
		const { locals } = event;
		const wardId = wardOf(locals).id;
		const id = Number(event.params.id);
		return runAction(
			event,
			moveSchema,
			async ({ data, values, version }) => {
				const move = {
					kind: 'move' as const,
					unitId: data.unitId,
					fromRoomId: data.fromRoomId === 0 ? null : data.fromRoomId,
					toRoomId: data.toRoomId,
					persons: data.persons
				};
				try {
					// Checked on a worker thread (50-100 ms on a ward of 5,000 rooms), saved here; a
					// full queue is the form's 503 message (the values stay).
					await editPlanOffThread(
						locals.db,
						actorOf(locals),
						wardId,
						id,
						move,
						locals.locale,
						version
					);
				} catch (e) {
					return planRefusal(e, event, values, 'move', { rule: 'plans.move.refused' }, () =>
						// Both sides: the persons the page showed and the persons stored now.
						moveFormTheirs(locals.db, wardId, id, values)
					);
				}
				back(event, `room=${data.toRoomId}&moved=1#move`);
			},
			{ form: 'move' }
		);
	},
	reset: (event) =>
		runAction(
			event,
			null,
			async ({ version }) => {
				const { locals } = event;
				// The solver's result parsed on a worker thread, the plan written here.
				await resetScenarioOffThread(
					locals.db,
					actorOf(locals),
					wardOf(locals).id,
					Number(event.params.id),
					version
				);
				back(event, 'reset=1');
			},
			{ form: 'reset' }
		),
	apply: (event) =>
		runAction(
			event,
			null,
			async ({ values, version }) => {
				const { locals } = event;
				try {
					// Checked on a worker thread (the scenario and today's instance), recorded here.
					await applyScenarioOffThread(
						locals.db,
						actorOf(locals),
						wardOf(locals).id,
						Number(event.params.id),
						locals.locale,
						version
					);
				} catch (e) {
					return planRefusal(e, event, values, 'apply', {
						infeasible: 'plans.apply.refused',
						stale: 'plans.apply.staleRefused',
						'not-solved': 'plans.apply.notSolved'
					});
				}
				back(event, 'applied=1');
			},
			{ form: 'apply' }
		)
};
