import { redirect } from '@sveltejs/kit';
import { createFacility } from '$lib/server/inventory/facilities';
import { actorOf } from '$lib/server/core/request';
import { runAction, wardOf } from '$lib/server/http';
import { wardGeo } from '$lib/server/sites';
import { facilitySchema } from '$lib/schemas/inventory';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	centre: wardGeo(locals.db, wardOf(locals).id).centre
});

export const actions: Actions = {
	default: (event) =>
		runAction(event, facilitySchema, ({ data }) => {
			const ward = wardOf(event.locals);
			const { id } = createFacility(event.locals.db, actorOf(event.locals), ward.id, data);
			redirect(303, `/w/${ward.code}/facilities/${id}`);
		})
};
