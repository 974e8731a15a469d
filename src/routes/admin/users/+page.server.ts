import { listUsers } from '$lib/server/admin/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const q = url.searchParams.get('q')?.slice(0, 100) ?? '';
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	return { q, list: listUsers(locals.db, { q, page, pageSize: 25 }) };
};
