import { error, fail, redirect } from '@sveltejs/kit';
import {
	getUser,
	resetPassword,
	setUserDisabled,
	updateUser,
	USER_ERROR_KEYS,
	UserError
} from '$lib/server/admin/users';
import { listWards } from '$lib/server/admin/wards';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { userUpdateSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

function userId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const user = getUser(locals.db, userId(params.id));
	if (!user) error(404, 'Not found');
	return {
		user,
		isSelf: locals.user?.id === user.id,
		done: url.searchParams.get('done'),
		wards: listWards(locals.db).map((w) => ({ id: w.id, name: w.name }))
	};
};

/** A refusal of a button (not a field): shown as the page's message. */
function refused(e: unknown, locale: App.Locals['locale']) {
	if (e instanceof UserError) {
		if (e.code === 'not-found') error(404, 'Not found');
		return fail(400, { message: translate(locale, USER_ERROR_KEYS[e.code]) });
	}
	throw e;
}

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const id = userId(params.id);
		const parsed = parseForm(userUpdateSchema, await request.formData(), locals.locale, 'user');
		if (!parsed.ok) return parsed.failure;
		try {
			updateUser(locals.db, actorOf(locals), id, parsed.data);
		} catch (e) {
			if (e instanceof UserError && e.code !== 'not-found') {
				return failField(
					parsed.values,
					e.field ?? 'role',
					translate(locals.locale, USER_ERROR_KEYS[e.code]),
					locals.locale,
					'user'
				);
			}
			return refused(e, locals.locale);
		}
		redirect(303, `/admin/users/${id}?done=saved`);
	},
	// No redirect: the new password is shown once, in this response only.
	reset: async ({ locals, params }) => {
		try {
			const user = getUser(locals.db, userId(params.id));
			if (!user) error(404, 'Not found');
			const password = await resetPassword(locals.db, actorOf(locals), user.id);
			return { reset: { username: user.username, password } };
		} catch (e) {
			return refused(e, locals.locale);
		}
	},
	disable: ({ locals, params }) => {
		const id = userId(params.id);
		try {
			setUserDisabled(locals.db, actorOf(locals), id, true);
		} catch (e) {
			return refused(e, locals.locale);
		}
		redirect(303, `/admin/users/${id}?done=disabled`);
	},
	enable: ({ locals, params }) => {
		const id = userId(params.id);
		try {
			setUserDisabled(locals.db, actorOf(locals), id, false);
		} catch (e) {
			return refused(e, locals.locale);
		}
		redirect(303, `/admin/users/${id}?done=enabled`);
	}
};
