import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { KNOWN_FIELDS } from '$lib/schemas/needs';
import { isNotFound } from '$lib/server/core/errors';
import { actorOf } from '$lib/server/core/request';
import { notFound, orBusy, recordId, runAction } from '$lib/server/http';
import { staffingFieldLabel } from '$lib/server/needs';
import {
	BOARD_PAGE_ROWS,
	NO_FIELD,
	StaffingSupportError,
	addAssignment,
	assignmentSchema,
	endAssignment
} from '$lib/server/needs/staffing-support';
import { staffingPageOffThread } from '$lib/server/needs/staffing-worker';
import { boardFilter, filterQuery } from './filter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = boardFilter(url);
	// The board reads the vacancies of every ward (168 wards: 200-300 ms): computed on a worker
	// thread (which sends the page's rows only), reused for the same filter and day while the
	// database is unchanged. A full queue answers 503 with the busy message.
	const board = await orBusy(
		staffingPageOffThread(locals.db, filter, BOARD_PAGE_ROWS),
		locals.locale
	);
	const label = (f: string | null) => staffingFieldLabel(locals.locale, f);
	return {
		filter,
		day: board.day,
		totals: board.totals,
		coverage: board.coverage.map((c) => ({ ...c, fieldLabel: label(c.field) })),
		coverageCount: board.coverageCount,
		vacancies: board.vacancies.map((v) => ({ ...v, fieldLabel: label(v.field) })),
		vacancyCount: board.vacancyCount,
		assignments: board.assignments.map((a) => ({ ...a, fieldLabel: label(a.field) })),
		assignmentCount: board.assignmentCount,
		options: {
			wards: board.options.wards,
			fields: board.options.fields.map((f) => ({ value: f ?? NO_FIELD, label: label(f) })),
			positions: board.options.positions
		},
		// The fields a new assignment may cover: the known ones and those of the listed posts.
		assignFields: [
			...new Set([...KNOWN_FIELDS, ...board.options.fields.filter((f): f is string => !!f)])
		].map((f) => ({ value: f, label: label(f) })),
		canEdit: locals.canEdit,
		query: filterQuery(url)
	};
};

/** Only a city reviewer changes the board (an admin sees it read-only). */
const reviewerOnly = (locals: App.Locals) =>
	fail(403, { message: translate(locals.locale, 'proposals.err.reviewerOnly') });

const back = (url: URL) => `/review/staffing${filterQuery(url)}#assignments-h`;

export const actions: Actions = {
	add: (event) =>
		event.locals.canEdit
			? runAction(
					event,
					assignmentSchema,
					({ data: { ward, ...input } }) => {
						addAssignment(event.locals.db, actorOf(event.locals), ward, input);
						redirect(303, back(event.url));
					},
					{ form: 'assign' }
				)
			: reviewerOnly(event.locals),
	// A refusal (already ended) is shown above the assignments, not in the add form.
	end: async ({ request, locals, url }) => {
		if (!locals.canEdit) return reviewerOnly(locals);
		const id = recordId((await request.formData()).get('id')) ?? notFound(locals.locale);
		try {
			endAssignment(locals.db, actorOf(locals), id);
		} catch (e) {
			if (isNotFound(e)) notFound(locals.locale);
			if (e instanceof StaffingSupportError) {
				return fail(409, { message: translate(locals.locale, e.messageKey!), form: 'assign' });
			}
			throw e;
		}
		redirect(303, back(url));
	}
};
