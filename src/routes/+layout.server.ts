import { unreadCount } from '$lib/server/proposals/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? {
				username: locals.user.username,
				displayName: locals.user.displayName,
				role: locals.user.role,
				wardCode: locals.user.wardCode
			}
		: null,
	unread: locals.user ? unreadCount(locals.db, locals.user.id) : 0
});
