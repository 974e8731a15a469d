import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	// The hook has authorised the request and resolved the ward; a missing ward is a 404.
	if (!locals.ward) error(404, { message: 'Not found', code: 'not_found' });
	return {
		ward: locals.ward,
		canEdit: locals.canEdit,
		tileUrl:
			env.TILE_URL === 'none'
				? null
				: env.TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
	};
};
