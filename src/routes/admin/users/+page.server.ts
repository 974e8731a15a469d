import { listUsers } from '$lib/server/admin/users';
import { listQuery } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { q, page } = listQuery(url, ['username']);
	return { q, list: listUsers(locals.db, { q, page, pageSize: 25 }) };
};
