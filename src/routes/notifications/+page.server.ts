import { redirect } from '@sveltejs/kit';
import { listNotifications, markRead, unreadCount } from '$lib/server/proposals/notifications';
import { recordId } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	return {
		notifications: listNotifications(locals.db, user.id, locals.locale),
		unread: unreadCount(locals.db, user.id)
	};
};

export const actions: Actions = {
	read: async ({ request, locals }) => {
		const id = recordId((await request.formData()).get('id'));
		if (id !== null) markRead(locals.db, locals.user!.id, id);
		redirect(303, '/notifications');
	},
	readAll: async ({ locals }) => {
		markRead(locals.db, locals.user!.id, null);
		redirect(303, '/notifications');
	}
};
