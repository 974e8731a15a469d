/**
 * One-time notices carried by a query flag after a redirect ("?saved", "?created=3"): the
 * notice describes the action just taken, so it is shown on the page the redirect lands on and
 * then the flag leaves the address (history.replaceState). Reloading the page, opening a
 * bookmark or coming back to it later therefore does not claim again that something was saved.
 * Without JavaScript the server-rendered page shows the notice as before.
 */
import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';

/** Removes `names` from the address once the router accepts it (it refuses while starting). */
function strip(names: readonly string[], attempt = 0): void {
	const url = new URL(location.href);
	if (!names.some((n) => url.searchParams.has(n))) return;
	for (const n of names) url.searchParams.delete(n);
	try {
		replaceState(url, page.state);
	} catch {
		// "before router is initialized": try again shortly (at most ~2 s).
		if (attempt < 40) setTimeout(() => strip(names, attempt + 1), 50);
	}
}

/**
 * The values of the flags `names` on arrival (null for an absent flag), kept for the page they
 * arrived on, while the flags themselves are removed from the address.
 * Call it during component initialisation.
 */
export function useFlash<const N extends string>(...names: N[]): () => Record<N, string | null> {
	const read = (): Record<N, string | null> =>
		Object.fromEntries(names.map((n) => [n, page.url.searchParams.get(n)])) as Record<
			N,
			string | null
		>;
	const none = () => Object.fromEntries(names.map((n) => [n, null])) as Record<N, string | null>;
	let values = $state(read());
	let path = page.url.pathname;
	let form = page.form;
	// Each arrival (the first load or a navigation) with a flag: keep its values, drop the flag.
	afterNavigate(() => {
		if (!names.some((n) => page.url.searchParams.has(n))) return;
		values = read();
		path = page.url.pathname;
		form = page.form;
		strip(names);
	});
	$effect(() => {
		const url = page.url;
		const f = page.form;
		if (names.some((n) => url.searchParams.has(n))) return;
		if (url.pathname !== path || f !== form) {
			// Another page, or another action on this one: the notice no longer describes it.
			values = none();
			path = url.pathname;
			form = f;
		}
	});
	return () => values;
}
