import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/server/admin/wards';
import { visibleWards } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const landing = landingFor(locals.user);
	if (landing) redirect(303, landing);
	// The guard's rule: the wards this caller could open (all for admins, none for others).
	return {
		wards: visibleWards(locals.db, locals.principal).map(({ code, name, isSample }) => ({
			code,
			name,
			isSample
		}))
	};
};
