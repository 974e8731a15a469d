import { env } from '$env/dynamic/private';
import { wardOf } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	// The hook has authorised the request and resolved the ward; a missing ward is a 404.
	return {
		ward: wardOf(locals),
		canEdit: locals.canEdit,
		tileUrl:
			env.TILE_URL === 'none'
				? null
				: env.TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
	};
};
