/**
 * A database handle for tests of work moved off the request's thread (issue 16): its drizzle
 * queries throw on this thread, while the raw client and its file name still work (the cache's
 * revision check and `databaseFile` use them). A handler given it can only answer if a worker,
 * which opens the file itself, did the work.
 */
import type { Db } from '../../src/lib/server/db';

/** `db` whose drizzle queries throw on this thread (the raw client and its file name remain). */
export function noQueriesHere(real: Db): Db {
	const refused = new Set(['select', 'insert', 'update', 'delete', 'query', 'transaction', 'all']);
	return new Proxy(real, {
		get(target, prop, receiver) {
			if (typeof prop === 'string' && refused.has(prop)) {
				throw new Error(`a query on the request's thread (db.${prop})`);
			}
			return Reflect.get(target, prop, receiver) as unknown;
		}
	});
}
