import { createUser } from '$lib/server/admin/users';
import { wardOptions } from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { runAction } from '$lib/server/http';
import { userCreateSchema } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	wards: wardOptions(locals.db)
});

export const actions: Actions = {
	// No redirect on success: the generated password is shown once, in this response only.
	default: (event) =>
		runAction(event, userCreateSchema, async ({ data }) => {
			const { user, password } = await createUser(event.locals.db, actorOf(event.locals), data);
			return { created: { id: user.id, username: user.username, password } };
		})
};
