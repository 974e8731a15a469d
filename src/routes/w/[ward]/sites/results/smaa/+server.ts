/**
 * The full SMAA with progress: POST starts it (or joins the running one) and answers at once;
 * GET reports the progress. The results page polls GET and reloads when the job is done.
 */
import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { buildDecision } from '$lib/server/sites/scoring';
import { SmaaBusyError, smaaProgress, startFullSmaa } from '$lib/server/sites/smaa-jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => json(smaaProgress(locals.ward!.id));

export const POST: RequestHandler = ({ locals }) => {
	const wardId = locals.ward!.id;
	try {
		// Runs in the background; its progress is read with GET.
		void startFullSmaa(wardId, buildDecision(locals.db, wardId));
	} catch (e) {
		if (e instanceof SmaaBusyError) {
			return json(
				{ error: { code: 'busy', message: translate(locals.locale, 'results.smaaBusy') } },
				{ status: 503, headers: { 'retry-after': '5' } }
			);
		}
		throw e;
	}
	return json(smaaProgress(wardId), { status: 202 });
};
