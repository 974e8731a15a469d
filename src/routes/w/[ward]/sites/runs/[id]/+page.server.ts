import { error } from '@sveltejs/kit';
import { getScoringRun } from '$lib/server/scoring';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const id = Number(params.id);
	const run = Number.isInteger(id) ? getScoringRun(locals.db, locals.ward!.id, id) : undefined;
	if (!run) error(404, 'Not found');
	return { run };
};
