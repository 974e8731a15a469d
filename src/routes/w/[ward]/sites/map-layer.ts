/**
 * A map layer the sites pages read from their JSON endpoint (./map, ./results/map) once the
 * page shows, instead of embedding every site and polygon in the page's HTML and data.
 */
import { browser } from '$app/environment';

/**
 * The layer at `url`, fetched by the browser (from a universal load: the page renders first and
 * the map adds the sites when they arrive). On the server it is a promise that never settles:
 * the first HTML shows the map's "loading" state and carries no layer. A failed request gives
 * `empty` (the map stays without the sites; the page's table lists them).
 */
export function layerAfterPage<T>(
	fetch: typeof globalThis.fetch,
	url: string,
	empty: T
): Promise<T> {
	if (!browser) return new Promise<T>(() => {});
	return fetch(url)
		.then((response) => (response.ok ? (response.json() as Promise<T>) : empty))
		.catch(() => empty);
}
