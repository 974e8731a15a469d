import { redirect } from '@sveltejs/kit';
import { landingFor, visibleWards } from '$lib/server/admin/wards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user ?? null;
	const landing = landingFor(user);
	if (landing) redirect(303, landing);
	return { wards: visibleWards(locals.db, user) };
};
