/**
 * Multi-criteria scoring of the candidate sites, the server side: the ward's criteria
 * (./criteria), settings and context (./context), the weights in use (./weights), AHP
 * judgements (./ahp), the decision read from the database (./decision), named scoring runs
 * (./runs) and the GeoJSON export (./geojson). The pure part — criterion sources, screening,
 * the analysis with its cache, the run record — is `$lib/scoring`, re-exported here so
 * importers of `$lib/server/sites/scoring` find every name in one place.
 */
export * from '../../scoring';
export { ScoringError } from './errors';
export * from './criteria';
export * from './context';
export * from './weights';
export * from './ahp';
export * from './decision';
export * from './runs';
export * from './geojson';
