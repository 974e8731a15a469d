import { json } from '@sveltejs/kit';
import { listScoringRuns } from '$lib/server/sites/scoring';
import { wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** GET /api/v1/wards/{code}/scoring-runs — the ward's saved runs, newest first. */
export const GET: RequestHandler = ({ locals, params }) =>
	json({ ward: params.code, runs: listScoringRuns(locals.db, wardOf(locals).id) });
