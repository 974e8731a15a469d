import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { KNOWN_FIELDS } from '$lib/schemas/needs';
import { parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { staffingFieldLabel } from '$lib/server/needs';
import {
	BOARD_PAGE_ROWS,
	NO_FIELD,
	StaffingSupportError,
	addAssignment,
	assignmentSchema,
	endAssignment,
	staffingBoard
} from '$lib/server/needs/staffing-support';
import { boardFilter, filterQuery } from './filter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const filter = boardFilter(url);
	const board = staffingBoard(locals.db, filter);
	const label = (f: string | null) => staffingFieldLabel(locals.locale, f);
	return {
		filter,
		day: board.day,
		totals: board.totals,
		coverage: board.coverage.map((c) => ({ ...c, fieldLabel: label(c.field) })),
		vacancies: board.vacancies
			.slice(0, BOARD_PAGE_ROWS)
			.map((v) => ({ ...v, fieldLabel: label(v.field) })),
		vacancyCount: board.vacancies.length,
		assignments: board.assignments.map((a) => ({ ...a, fieldLabel: label(a.field) })),
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

function refused(locals: App.Locals, e: unknown) {
	if (e instanceof StaffingSupportError) {
		return fail(409, {
			message: translate(locals.locale, `staffing.err.${e.code}` as MessageKey),
			form: 'assign'
		});
	}
	throw e;
}

export const actions: Actions = {
	add: async ({ request, locals, url }) => {
		if (!locals.canEdit) {
			return fail(403, { message: translate(locals.locale, 'proposals.err.reviewerOnly') });
		}
		const parsed = parseForm(assignmentSchema, await request.formData(), locals.locale, 'assign');
		if (!parsed.ok) return parsed.failure;
		const { ward, ...input } = parsed.data;
		try {
			addAssignment(locals.db, actorOf(locals), ward, input);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/review/staffing${filterQuery(url)}#assignments-h`);
	},
	end: async ({ request, locals, url }) => {
		if (!locals.canEdit) {
			return fail(403, { message: translate(locals.locale, 'proposals.err.reviewerOnly') });
		}
		const id = Number((await request.formData()).get('id'));
		try {
			endAssignment(locals.db, actorOf(locals), Number.isInteger(id) ? id : -1);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/review/staffing${filterQuery(url)}#assignments-h`);
	}
};
