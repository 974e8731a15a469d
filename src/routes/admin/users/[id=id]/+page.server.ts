import { redirect } from '@sveltejs/kit';
import { requireUser, resetPassword, setUserDisabled, updateUser } from '$lib/server/admin/users';
import { wardOptions } from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { orNotFound, runAction } from '$lib/server/http';
import { userUpdateSchema } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const user = orNotFound(() => requireUser(locals.db, Number(params.id)), locals.locale);
	return {
		user,
		isSelf: locals.user?.id === user.id,
		done: url.searchParams.get('done'),
		wards: wardOptions(locals.db)
	};
};

export const actions: Actions = {
	// A stale form (the user was changed meanwhile) answers 409 with both values.
	update: (event) =>
		runAction(
			event,
			userUpdateSchema,
			({ data, version }) => {
				const id = Number(event.params.id);
				updateUser(event.locals.db, actorOf(event.locals), id, data, version);
				redirect(303, `/admin/users/${id}?done=saved`);
			},
			{ form: 'user' }
		),
	// No redirect: the new password is shown once, in this response only.
	reset: (event) =>
		runAction(event, null, async () => {
			const user = requireUser(event.locals.db, Number(event.params.id));
			const password = await resetPassword(event.locals.db, actorOf(event.locals), user.id);
			return { reset: { username: user.username, password } };
		}),
	disable: (event) => setDisabled(event, true),
	enable: (event) => setDisabled(event, false)
};

/** The disable and enable buttons: a refusal (last admin, oneself) is the page's message. */
function setDisabled(event: Parameters<Actions[string]>[0], disabled: boolean) {
	return runAction(event, null, () => {
		const id = Number(event.params.id);
		setUserDisabled(event.locals.db, actorOf(event.locals), id, disabled);
		redirect(303, `/admin/users/${id}?done=${disabled ? 'disabled' : 'enabled'}`);
	});
}
