/** The full SMAA computed in slices on the server's thread (see ../core/sliced). */
import { smaaSteps } from '../../mcda';
import {
	cachedSmaa,
	rememberFullSmaa,
	smaaInputs,
	type Decision,
	type SmaaSummary
} from '../../scoring';
import { runSliced } from '../core/sliced';

/**
 * `smaaFor` with `samples` samples, computed in slices on the server's thread so other
 * requests are served meanwhile; `onProgress` gets the samples done. The same result as
 * `smaaFor(decision, samples)` (same seed), which it then returns from cache.
 */
export async function smaaForSliced(
	decision: Decision,
	samples: number,
	onProgress?: (done: number) => void
): Promise<SmaaSummary | null> {
	if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
	const hit = cachedSmaa(decision, samples);
	if (hit) return hit;
	const { u, benefit, options } = smaaInputs(decision, samples);
	const r = await runSliced(smaaSteps(u, benefit, options), { onProgress });
	return rememberFullSmaa(decision, samples, r);
}
