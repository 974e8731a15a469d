import { wardOf } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';
import { tileUrl } from '$lib/server/tiles';

export const load: LayoutServerLoad = ({ locals }) => {
	// The hook has authorised the request and resolved the ward; a missing ward is a 404.
	return {
		ward: wardOf(locals),
		canEdit: locals.canEdit,
		tileUrl: tileUrl()
	};
};
