/**
 * `$lib/scoring`: the pure part of the site scoring (no database, server, Kit or Svelte): the
 * criterion sources and computed values, the screening, the weights' arithmetic, the decision
 * built from the ward's rows, the analysis with its cache and the record of a scoring run.
 * The server side (reading and writing the ward's data) is `$lib/server/sites`.
 */
export * from './sources';
export * from './screening';
export * from './weights';
export * from './decision';
export * from './analysis';
export * from './run';
