import { reviewQueue } from '$lib/server/proposals';
import { unreadCount } from '$lib/server/proposals/notifications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	return {
		queue: reviewQueue(locals.db),
		now: Date.now(),
		unread: locals.user ? unreadCount(locals.db, locals.user.id) : 0
	};
};
