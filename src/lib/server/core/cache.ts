/**
 * A small read cache for aggregate queries that many requests share (inventory charts,
 * lists). An entry is valid while the database has not changed: the revision is SQLite's
 * `total_changes()` of this connection (every write the server makes) together with
 * `PRAGMA data_version` (commits by other processes, such as a seed script), both O(1).
 */
import type { Db } from '../db';

const MAX_ENTRIES = 500;
const entries = new Map<string, { revision: string; value: unknown }>();

export function revision(db: Db): string {
	const changes = (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
	const version = db.$client.pragma('data_version', { simple: true }) as number;
	return `${changes}:${version}`;
}

/** Returns the cached value for `key` when the database is unchanged, else computes it. */
export function cached<T>(db: Db, key: string, compute: () => T): T {
	const rev = revision(db);
	const hit = entries.get(key);
	if (hit && hit.revision === rev) {
		entries.delete(key);
		entries.set(key, hit);
		return hit.value as T;
	}
	const value = compute();
	entries.set(key, { revision: rev, value });
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

/** Drops one entry (e.g. a rejected promise that must be computed again next time). */
export function forget(key: string): void {
	entries.delete(key);
}

/** Empties the cache (tests). */
export function clearCache(): void {
	entries.clear();
}

/**
 * Results of work done elsewhere (a worker thread), kept per key while the database revision is
 * the one they were asked at; at most `max` (the least recently used dropped). Requests arriving
 * while one is computed share its promise. A failure (a full queue, an error) is not kept: the
 * next request asks again.
 */
export function promiseCache(max: number) {
	const results = new Map<string, { revision: string; value: Promise<unknown> }>();
	return {
		get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
			const rev = revision(db);
			const hit = results.get(key);
			if (hit && hit.revision === rev) {
				results.delete(key);
				results.set(key, hit);
				return hit.value as Promise<T>;
			}
			let value: Promise<T>;
			try {
				value = compute();
			} catch (e) {
				results.delete(key);
				return Promise.reject(e);
			}
			results.set(key, { revision: rev, value });
			value.catch(() => {
				if (results.get(key)?.value === value) results.delete(key);
			});
			while (results.size > max) results.delete(results.keys().next().value!);
			return value;
		},
		clear(): void {
			results.clear();
		}
	};
}
