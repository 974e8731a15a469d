import { redirect } from '@sveltejs/kit';
import { createWard, WardError, wardInputFromForm } from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { runAction } from '$lib/server/http';
import { wardSchema } from '$lib/schemas/admin';
import type { Actions } from './$types';

export const actions: Actions = {
	default: (event) =>
		runAction(event, wardSchema, ({ data }) => {
			const input = wardInputFromForm(data);
			if (!input) throw new WardError('bad-extent');
			const ward = createWard(event.locals.db, actorOf(event.locals), input);
			redirect(303, `/admin/wards/${ward.id}?done=saved`);
		})
};
