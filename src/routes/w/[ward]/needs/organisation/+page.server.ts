import { fail, isActionFailure, redirect } from '@sveltejs/kit';
import {
	POSITION_COLUMNS,
	createPosition,
	createUnit,
	deletePosition,
	deleteUnit,
	importPositionFile,
	listOrganisation,
	readPositionExtras,
	updatePosition,
	updateUnit
} from '$lib/server/org';
import { IoError, MAX_FILE_MB } from '$lib/server/io';
import { currentNormSet, positionTitleKeys } from '$lib/server/needs/norm-sets';
import { cached } from '$lib/server/core/cache';
import { formVersion } from '$lib/server/core/concurrency';
import { failField, parseForm, type FormValues } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import {
	notFound,
	recordId,
	refusal,
	runAction,
	wardOf,
	type ActionOptions
} from '$lib/server/http';
import { positionSchema, unitSchema } from '$lib/schemas/needs';
import { translate, type Locale } from '$lib/i18n';
import { organisationView, unitOfForm } from './view';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The unit or position a form names (its hidden `id`), else 404. */
function idOf(data: FormData, locale: Locale): number {
	return recordId(data.get('id')) ?? notFound(locale);
}

/** The form a refused action answered for, by request: the load shows that form's unit. */
const refusedForm = new WeakMap<App.Locals, string>();

/** Notes the form of a refused answer (`fail` with a `form` name) for the load that follows. */
function noted<R>(locals: App.Locals, result: R): R {
	if (isActionFailure(result)) {
		const form = (result.data as { form?: unknown } | undefined)?.form;
		if (typeof form === 'string') refusedForm.set(locals, form);
	}
	return result;
}

/** The `?unit=<id>` parameter: undefined (the first unit), a record id, else 404. */
function unitParam(url: URL, locale: Locale): number | undefined {
	const raw = url.searchParams.get('unit');
	if (raw === null || raw === '') return undefined;
	return recordId(raw) ?? notFound(locale);
}

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = wardOf(locals);
	const asked = unitParam(url, locals.locale);
	const org = cached(locals.db, `organisation:${ward.id}`, () =>
		organisationView(
			listOrganisation(locals.db, ward.id),
			(currentNormSet(locals.db)?.items ?? []).map((i) => ({
				key: i.titleKey,
				m2PerPerson: i.m2PerPerson
			}))
		)
	);
	if (asked !== undefined && !org.positionsOf.has(asked)) notFound(locals.locale);
	// One unit at a time: the one a refused form belongs to, else the one asked, else the first.
	const refused = unitOfForm(refusedForm.get(locals), org.positionsOf);
	const unitId =
		refused !== null && org.positionsOf.has(refused) ? refused : (asked ?? org.units[0]?.id);
	return {
		units: org.units,
		unitId: unitId ?? null,
		positions: unitId === undefined ? [] : (org.positionsOf.get(unitId) ?? []),
		titleKeys: positionTitleKeys(locals.db),
		columns: [...POSITION_COLUMNS],
		maxFileMb: MAX_FILE_MB
	};
};

/** After a save: the page with the unit shown (`unit` id) and its card in view. */
const back = (locals: App.Locals, unit?: number) =>
	`/w/${wardOf(locals).code}/needs/organisation?${unit === undefined ? '' : `unit=${unit}&`}saved=1${unit === undefined ? '' : `#unit-${unit}`}`;

/** How a refused unit or position write is shown (OrgError names no message of its own). */
const ORG: ActionOptions = {
	messages: {
		'unknown-title-key': 'needs.err.titleKey',
		'invalid-rank': 'needs.err.rank',
		'invalid-unit': 'needs.err.unit'
	},
	fields: { 'unknown-title-key': 'titleKey', 'invalid-rank': 'rank', 'invalid-unit': 'orgUnitId' }
};

/** The rank and concurrent titles as typed, to fill the form again after an error. */
function extraValues(data: FormData) {
	return {
		rank: String(data.get('rank') ?? ''),
		concurrentTitleKeys: data.getAll('concurrentTitleKeys').map(String).join(',')
	};
}

function extrasFailure(field: string, values: FormValues, locale: Locale, form: string) {
	return failField(
		values,
		field,
		translate(locale, field === 'rank' ? 'needs.err.rank' : 'needs.err.titleKey'),
		locale,
		form
	);
}

/** A position form: its fields, rank and concurrent titles, or the failure to answer. */
function readPosition(data: FormData, locale: Locale, form: string) {
	const parsed = parseForm(positionSchema, data, locale, form);
	if (!parsed.ok) return { failure: parsed.failure } as const;
	const extras = readPositionExtras(data);
	const values = { ...parsed.values, ...extraValues(data) };
	if (!extras.ok) return { failure: extrasFailure(extras.field, values, locale, form) } as const;
	const input = {
		...parsed.data,
		rank: extras.rank,
		concurrentTitleKeys: extras.concurrentTitleKeys
	};
	return { input, values } as const;
}

/** Adds (`update` false) or updates a position; a stale update answers 409 with both values. */
async function savePosition(event: RequestEvent, update: boolean) {
	const { locals } = event;
	const data = await event.request.formData();
	const id = update ? idOf(data, locals.locale) : null;
	const form =
		id === null ? `position-new-${String(data.get('orgUnitId') ?? '')}` : `position-${id}`;
	const read = readPosition(data, locals.locale, form);
	if ('failure' in read) return read.failure;
	try {
		const wardId = wardOf(locals).id;
		if (id === null) createPosition(locals.db, actorOf(locals), wardId, read.input);
		else updatePosition(locals.db, actorOf(locals), wardId, id, read.input, formVersion(data));
	} catch (e) {
		return refusal(e, event, read.values, { ...ORG, form });
	}
	redirect(303, back(locals, read.input.orgUnitId));
}

/** Updates a unit; a stale form answers 409 with both values. */
async function saveUnit(event: RequestEvent) {
	const { locals } = event;
	const data = await event.request.formData();
	const id = idOf(data, locals.locale);
	const form = `unit-${id}`;
	const parsed = parseForm(unitSchema, data, locals.locale, form);
	if (!parsed.ok) return parsed.failure;
	try {
		updateUnit(locals.db, actorOf(locals), wardOf(locals).id, id, parsed.data, formVersion(data));
	} catch (e) {
		return refusal(e, event, parsed.values, { ...ORG, form });
	}
	redirect(303, back(locals, id));
}

export const actions: Actions = {
	addUnit: (event) =>
		runAction(
			event,
			unitSchema,
			({ data }) => {
				const { locals } = event;
				const unit = createUnit(locals.db, actorOf(locals), wardOf(locals).id, data);
				redirect(303, back(locals, unit.id));
			},
			{ ...ORG, form: 'unit-new' }
		),
	updateUnit: async (event) => noted(event.locals, await saveUnit(event)),
	deleteUnit: (event) =>
		runAction(event, null, ({ formData }) => {
			const { locals } = event;
			deleteUnit(locals.db, actorOf(locals), wardOf(locals).id, idOf(formData, locals.locale));
			redirect(303, back(locals));
		}),
	addPosition: async (event) => noted(event.locals, await savePosition(event, false)),
	updatePosition: async (event) => noted(event.locals, await savePosition(event, true)),
	deletePosition: (event) =>
		runAction(event, null, ({ formData }) => {
			const { locals } = event;
			const id = idOf(formData, locals.locale);
			const gone = deletePosition(locals.db, actorOf(locals), wardOf(locals).id, id);
			redirect(303, back(locals, gone.orgUnitId));
		}),
	importPositions: async ({ request, locals }) => {
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { form: 'import', message: translate(locals.locale, 'io.noFile') });
		}
		try {
			const outcome = await importPositionFile(
				locals.db,
				actorOf(locals),
				wardOf(locals).id,
				new Uint8Array(await file.arrayBuffer()),
				file.name
			);
			if (!outcome.ok) {
				return fail(400, {
					form: 'import',
					fileName: file.name,
					errorCount: outcome.errors.length,
					errors: outcome.errors.slice(0, 500).map((i) => ({
						row: i.row,
						column: i.column,
						message: translate(locals.locale, i.key, i.params ?? {})
					}))
				});
			}
			return {
				form: 'import',
				done: translate(locals.locale, 'needs.org.imported', {
					positions: outcome.positions,
					units: outcome.units,
					created: outcome.unitsCreated,
					removed: outcome.removed
				})
			};
		} catch (e) {
			if (e instanceof IoError) {
				return fail(400, { form: 'import', message: translate(locals.locale, e.key, e.params) });
			}
			throw e;
		}
	}
};
