/**
 * The full SMAA with progress: POST starts it (or joins the running one) and answers at once;
 * GET reports the progress. The results page polls GET and reloads when the job is done.
 */
import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { wardOf } from '$lib/server/http';
import { decisionOf } from '$lib/server/sites/scoring-view';
import { SmaaBusyError, smaaProgress, startFullSmaa } from '$lib/server/sites/smaa-jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => json(smaaProgress(wardOf(locals).id));

export const POST: RequestHandler = async ({ locals }) => {
	const wardId = wardOf(locals).id;
	// The decision is read on a worker thread (see scoring-view).
	const decision = await decisionOf(locals.db, wardId);
	try {
		// Runs in the background; its progress is read with GET.
		void startFullSmaa(wardId, decision);
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
