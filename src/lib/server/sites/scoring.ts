/**
 * Multi-criteria scoring of the candidate sites, the server side: the ward's criteria
 * (./criteria), settings and context (./context), the weights in use (./weights), AHP
 * judgements (./ahp), the decision read from the database (./decision), named scoring runs
 * (./runs) and the GeoJSON export (./geojson). The pure part — criterion sources, screening,
 * the analysis with its cache, the run record — is `$lib/scoring`, re-exported here so
 * importers of `$lib/server/sites/scoring` find every name in one place.
 */
import { runSliced } from '../core/sliced';
import { smaaSteps } from '../../mcda';
import {
	cachedSmaa,
	rememberFullSmaa,
	smaaInputs,
	type Decision,
	type SmaaSummary
} from '../../scoring';

export * from '../../scoring';
export { ScoringError } from './errors';
export * from './criteria';
export * from './context';
export * from './weights';
export * from './ahp';
export * from './decision';
export * from './runs';
export * from './geojson';

/**
 * {@link smaaFor} with `samples` samples, computed in slices on the server's thread (see
 * `../core/sliced`) so other requests are served meanwhile; `onProgress` gets the samples done.
 * The same result as `smaaFor(decision, samples)` (same seed), which it then returns from cache.
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
