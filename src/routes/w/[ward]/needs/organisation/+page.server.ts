import { error, fail, redirect } from '@sveltejs/kit';
import {
	OrgError,
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
import { NormsInputError, isRankKey, positionNorm } from '$lib/norms';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import { failField, parseForm, type FormValues } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { positionSchema, unitSchema } from '$lib/schemas/needs';
import { translate, type Locale } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

function idOf(data: FormData): number {
	const id = Number(data.get('id'));
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

/**
 * The m² per person each position is priced at under the current norm set (the highest of
 * title, rank and concurrent titles), by position id; absent when a key is not in the set.
 */
function normsOf(db: App.Locals['db'], units: ReturnType<typeof listOrganisation>) {
	const titles = (currentNormSet(db)?.items ?? []).map((i) => ({
		key: i.titleKey,
		m2PerPerson: i.m2PerPerson
	}));
	const out: Record<number, number> = {};
	for (const u of units) {
		for (const p of u.positions) {
			try {
				out[p.id] = positionNorm(
					{
						titleKey: p.titleKey,
						rank: isRankKey(p.rank) ? p.rank : null,
						concurrentTitleKeys: p.concurrentTitleKeys ?? []
					},
					titles
				).m2PerPerson;
			} catch (e) {
				if (!(e instanceof NormsInputError)) throw e;
			}
		}
	}
	return out;
}

export const load: PageServerLoad = ({ locals }) => {
	const units = listOrganisation(locals.db, locals.ward!.id);
	return {
		units,
		normOf: normsOf(locals.db, units),
		titleKeys: positionTitleKeys(locals.db),
		columns: [...POSITION_COLUMNS],
		maxFileMb: MAX_FILE_MB
	};
};

const back = (locals: App.Locals, anchor = '') =>
	`/w/${locals.ward!.code}/needs/organisation?saved=1${anchor}`;

/** Turns a refused write into the form's field error (or a 404). */
function orgFailure(e: unknown, values: FormValues, locale: Locale, form: string) {
	if (!(e instanceof OrgError)) throw e;
	switch (e.code) {
		case 'duplicate-code':
			return failField(values, 'code', translate(locale, 'err.duplicateCode'), locale, form);
		case 'unknown-title-key':
			return failField(
				values,
				e.field ?? 'titleKey',
				translate(locale, 'needs.err.titleKey'),
				locale,
				form
			);
		case 'invalid-rank':
			return failField(values, 'rank', translate(locale, 'needs.err.rank'), locale, form);
		case 'invalid-unit':
			return failField(values, 'orgUnitId', translate(locale, 'needs.err.unit'), locale, form);
		default:
			error(404, 'Not found');
	}
}

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

export const actions: Actions = {
	addUnit: async ({ request, locals }) => {
		const parsed = parseForm(unitSchema, await request.formData(), locals.locale, 'unit-new');
		if (!parsed.ok) return parsed.failure;
		let id: number;
		try {
			id = createUnit(locals.db, actorOf(locals), locals.ward!.id, parsed.data).id;
		} catch (e) {
			return orgFailure(e, parsed.values, locals.locale, 'unit-new');
		}
		redirect(303, back(locals, `#unit-${id}`));
	},
	updateUnit: async ({ request, locals }) => {
		const data = await request.formData();
		const id = idOf(data);
		const form = `unit-${id}`;
		const parsed = parseForm(unitSchema, data, locals.locale, form);
		if (!parsed.ok) return parsed.failure;
		try {
			updateUnit(locals.db, actorOf(locals), locals.ward!.id, id, parsed.data, formVersion(data));
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, parsed.values, { form });
			}
			return orgFailure(e, parsed.values, locals.locale, form);
		}
		redirect(303, back(locals, `#unit-${id}`));
	},
	deleteUnit: async ({ request, locals }) => {
		const id = idOf(await request.formData());
		try {
			deleteUnit(locals.db, actorOf(locals), locals.ward!.id, id);
		} catch (e) {
			if (e instanceof OrgError) error(404, 'Not found');
			throw e;
		}
		redirect(303, back(locals));
	},
	addPosition: async ({ request, locals }) => {
		const data = await request.formData();
		const form = `position-new-${String(data.get('orgUnitId') ?? '')}`;
		const parsed = parseForm(positionSchema, data, locals.locale, form);
		if (!parsed.ok) return parsed.failure;
		const extras = readPositionExtras(data);
		const values = { ...parsed.values, ...extraValues(data) };
		if (!extras.ok) return extrasFailure(extras.field, values, locals.locale, form);
		try {
			createPosition(locals.db, actorOf(locals), locals.ward!.id, {
				...parsed.data,
				rank: extras.rank,
				concurrentTitleKeys: extras.concurrentTitleKeys
			});
		} catch (e) {
			return orgFailure(e, values, locals.locale, form);
		}
		redirect(303, back(locals, `#unit-${parsed.data.orgUnitId}`));
	},
	updatePosition: async ({ request, locals }) => {
		const data = await request.formData();
		const id = idOf(data);
		const form = `position-${id}`;
		const parsed = parseForm(positionSchema, data, locals.locale, form);
		if (!parsed.ok) return parsed.failure;
		const extras = readPositionExtras(data);
		const values = { ...parsed.values, ...extraValues(data) };
		if (!extras.ok) return extrasFailure(extras.field, values, locals.locale, form);
		try {
			updatePosition(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				id,
				{
					...parsed.data,
					rank: extras.rank,
					concurrentTitleKeys: extras.concurrentTitleKeys
				},
				formVersion(data)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, values, { form });
			}
			return orgFailure(e, values, locals.locale, form);
		}
		redirect(303, back(locals, `#unit-${parsed.data.orgUnitId}`));
	},
	deletePosition: async ({ request, locals }) => {
		const id = idOf(await request.formData());
		try {
			deletePosition(locals.db, actorOf(locals), locals.ward!.id, id);
		} catch (e) {
			if (e instanceof OrgError) error(404, 'Not found');
			throw e;
		}
		redirect(303, back(locals));
	},
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
				locals.ward!.id,
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
