import { createUser, USER_ERROR_KEYS, UserError } from '$lib/server/admin/users';
import { listWards } from '$lib/server/admin/wards';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { userCreateSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	wards: listWards(locals.db).map((w) => ({ id: w.id, name: w.name }))
});

export const actions: Actions = {
	// No redirect on success: the generated password is shown once, in this response only.
	default: async ({ request, locals }) => {
		const parsed = parseForm(userCreateSchema, await request.formData(), locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			const { user, password } = await createUser(locals.db, actorOf(locals), parsed.data);
			return { created: { id: user.id, username: user.username, password } };
		} catch (e) {
			if (e instanceof UserError) {
				return failField(
					parsed.values,
					e.field ?? 'username',
					translate(locals.locale, USER_ERROR_KEYS[e.code]),
					locals.locale
				);
			}
			throw e;
		}
	}
};
