import { asc } from 'drizzle-orm';
import { wards } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user;
	const all = locals.db
		.select({ code: wards.code, name: wards.name, isSample: wards.isSample, id: wards.id })
		.from(wards)
		.orderBy(asc(wards.name))
		.all();
	const visible =
		user && (user.role === 'admin' || user.role === 'city_reviewer')
			? all
			: all.filter((w) => w.id === user?.wardId);
	return { wards: visible.map(({ code, name, isSample }) => ({ code, name, isSample })) };
};
