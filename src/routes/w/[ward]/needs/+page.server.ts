import { redirect } from '@sveltejs/kit';
import {
	createSpecialisedRoom,
	deleteSpecialisedRoom,
	updateSpecialisedRoom,
	vacanciesByPosition
} from '$lib/server/needs';
import { normParam, wardNeeds } from './load-needs';
import { arrangementView, needsView, pick, staffingSummary } from './view';
import { appliedArrangementByUnit } from '$lib/server/plans';
import { currentNormSets } from '$lib/server/needs/norm-sets';
import { cached } from '$lib/server/core/cache';
import { formVersion } from '$lib/server/core/concurrency';
import { parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { notFound, recordId, refusal, runAction, wardOf } from '$lib/server/http';
import { specialisedRoomSchema } from '$lib/schemas/needs';
import { supportForWard, vnToday } from '$lib/server/needs/staffing-support';
import { staffingFieldLabel } from '$lib/server/needs';
import type { Actions, PageServerLoad } from './$types';

/** The specialised room a form names (its hidden `id`), else 404. */
function roomId(data: FormData, locale: App.Locals['locale']): number {
	return recordId(data.get('id')) ?? notFound(locale);
}

export const load: PageServerLoad = ({ locals, url }) => {
	const ward = wardOf(locals);
	const norm = normParam(url, locals.locale);
	// The whole view is kept while the database is unchanged (the needs, the vacancies by field,
	// the arrangement): a request then only reads the cache.
	const view = cached(locals.db, `needs-page:${ward.id}:${norm ?? ''}:${locals.locale}`, () => {
		const needs = wardNeeds(locals, ward.id, norm);
		const options = currentNormSets(locals.db).map((s) => ({
			id: s.id,
			name: s.name,
			version: s.version,
			isCurrent: s.isCurrent
		}));
		if (!options.some((o) => o.id === needs.normSet.id)) {
			const { id, name, version, isCurrent } = needs.normSet;
			options.push({ id, name, version, isCurrent });
		}
		return {
			needs: needsView(needs),
			norm: norm ?? null,
			normOptions: options,
			defaultNormId: options[0]?.id ?? null,
			// By field only: the positions are on the staffing page (/needs/staffing).
			staffing: staffingSummary(vacanciesByPosition(locals.db, ward.id)),
			// The current arrangement's shortfall per unit (null when none applied).
			arrangement: arrangementView(appliedArrangementByUnit(locals.db, ward.id))
		};
	});
	return {
		...view,
		// The officers the city has assigned to the ward (the city's staffing board).
		supportDay: vnToday(),
		support: supportForWard(locals.db, ward.id).map((a) => ({
			...pick(a, ['id', 'officerName', 'workingGroup', 'fromDate', 'toDate', 'active']),
			fieldLabel: staffingFieldLabel(locals.locale, a.field)
		}))
	};
};

const back = (locals: App.Locals) => `/w/${wardOf(locals).code}/needs?saved=1#specialised`;

export const actions: Actions = {
	addRoom: (event) =>
		runAction(
			event,
			specialisedRoomSchema,
			({ data }) => {
				const { locals } = event;
				createSpecialisedRoom(locals.db, actorOf(locals), wardOf(locals).id, data);
				redirect(303, back(locals));
			},
			{ form: 'room-new' }
		),
	// A stale form (the room was changed meanwhile) answers 409 with both values.
	updateRoom: async (event) => {
		const { locals } = event;
		const data = await event.request.formData();
		const id = roomId(data, locals.locale);
		const form = `room-${id}`;
		const parsed = parseForm(specialisedRoomSchema, data, locals.locale, form);
		if (!parsed.ok) return parsed.failure;
		try {
			updateSpecialisedRoom(
				locals.db,
				actorOf(locals),
				wardOf(locals).id,
				id,
				parsed.data,
				formVersion(data)
			);
		} catch (e) {
			return refusal(e, event, parsed.values, { form });
		}
		redirect(303, back(locals));
	},
	deleteRoom: (event) =>
		runAction(event, null, ({ formData }) => {
			const { locals } = event;
			const id = roomId(formData, locals.locale);
			deleteSpecialisedRoom(locals.db, actorOf(locals), wardOf(locals).id, id);
			redirect(303, back(locals));
		})
};
