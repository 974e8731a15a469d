/**
 * One-time notices carried by a query flag after a redirect ("?saved", "?created=3"): the
 * notice describes the action just taken, so it is shown on the page the redirect lands on and
 * then the flag leaves the address (history.replaceState). Reloading the page, opening a
 * bookmark or coming back to it later therefore does not claim again that something was saved.
 * Without JavaScript the server-rendered page shows the notice as before.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';

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
	let values = $state(read());
	let path = page.url.pathname;
	let form = page.form;
	$effect(() => {
		const url = page.url;
		const f = page.form;
		if (names.some((n) => url.searchParams.has(n))) {
			values = read();
			path = url.pathname;
			form = f;
			// A one-off copy to hand to replaceState, not state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const clean = new URL(url);
			for (const n of names) clean.searchParams.delete(n);
			try {
				replaceState(clean, page.state);
			} catch {
				// The router is not ready (effects run after mount, so never); the flag stays.
			}
		} else if (url.pathname !== path || f !== form) {
			// Another page, or another action on this one: the notice no longer describes it.
			values = Object.fromEntries(names.map((n) => [n, null])) as Record<N, string | null>;
			path = url.pathname;
			form = f;
		}
	});
	return () => values;
}
