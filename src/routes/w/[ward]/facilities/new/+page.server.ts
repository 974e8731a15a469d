import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { createFacility, InventoryError } from '$lib/server/inventory/facilities';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { wards } from '$lib/server/db/schema';
import { facilitySchema } from '$lib/schemas/inventory';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const w = locals.db
		.select({ lat: wards.centreLat, lng: wards.centreLng })
		.from(wards)
		.where(eq(wards.id, locals.ward!.id))
		.get()!;
	return { centre: [w.lat, w.lng] as [number, number] };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const ward = locals.ward!;
		const parsed = parseForm(facilitySchema, await request.formData(), locals.locale);
		if (!parsed.ok) return parsed.failure;
		let id: number;
		try {
			id = createFacility(locals.db, actorOf(locals), ward.id, parsed.data).id;
		} catch (e) {
			if (e instanceof InventoryError && e.code === 'duplicate-code') {
				return failField(
					parsed.values,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale
				);
			}
			throw e;
		}
		redirect(303, `/w/${ward.code}/facilities/${id}`);
	}
};
