import { error, redirect } from '@sveltejs/kit';
import {
	createBuilding,
	deleteFacility,
	getFacilityDetail,
	InventoryError,
	updateFacility
} from '$lib/server/inventory/facilities';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { removePhotoFiles } from '$lib/server/inventory/photos';
import { buildingSchema, facilitySchema } from '$lib/schemas/inventory';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/core/cache';
import type { Actions, PageServerLoad } from './$types';

function facilityId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params }) => {
	const id = facilityId(params.id);
	const wardId = locals.ward!.id;
	// Reused while the database is unchanged (see $lib/server/cache).
	const facility = cached(locals.db, `facility-page:${wardId}:${id}`, () => {
		const detail = getFacilityDetail(locals.db, wardId, id);
		return (
			detail && {
				...detail,
				buildings: detail.buildings.map((b) => ({
					...b,
					areaM2: b.rooms.reduce((s, r) => s + r.areaM2, 0),
					occupants: b.rooms.reduce((s, r) => s + r.occupants, 0)
				}))
			}
		);
	});
	if (!facility) error(404, 'Not found');
	return { facility };
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = parseForm(facilitySchema, data, locals.locale, 'facility');
		if (!parsed.ok) return parsed.failure;
		try {
			updateFacility(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				facilityId(params.id),
				parsed.data,
				formVersion(data)
			);
		} catch (e) {
			if (e instanceof ConflictError) {
				return conflictFailure(locals.db, locals.locale, e, parsed.values, { form: 'facility' });
			}
			if (e instanceof InventoryError && e.code === 'duplicate-code') {
				return failField(
					parsed.values,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale,
					'facility'
				);
			}
			if (e instanceof InventoryError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/facilities/${params.id}?saved=1`);
	},
	delete: async ({ locals, params }) => {
		const id = facilityId(params.id);
		const detail = getFacilityDetail(locals.db, locals.ward!.id, id);
		if (!detail) error(404, 'Not found');
		deleteFacility(locals.db, actorOf(locals), locals.ward!.id, id);
		await removePhotoFiles(detail.buildings.flatMap((b) => b.surveys.flatMap((s) => s.photos)));
		redirect(303, `/w/${locals.ward!.code}/facilities`);
	},
	addBuilding: async ({ request, locals, params }) => {
		const parsed = parseForm(buildingSchema, await request.formData(), locals.locale, 'building');
		if (!parsed.ok) return parsed.failure;
		let bid: number;
		try {
			bid = createBuilding(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				facilityId(params.id),
				parsed.data
			).id;
		} catch (e) {
			if (e instanceof InventoryError && e.code === 'duplicate-code') {
				return failField(
					parsed.values,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale,
					'building'
				);
			}
			if (e instanceof InventoryError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/facilities/${params.id}/buildings/${bid}`);
	}
};
