/**
 * Markup the server renders into a page without sending it a second time in the page's data.
 *
 * A proposal's packet sections are 30-60 KB of HTML (PacketHtml.svelte). SvelteKit writes a
 * page's data into the page for hydration, so on a full page load the same HTML went out twice:
 * once as markup, once escaped in the data script (serialising and hashing it was most of the
 * page's server time). Wrapped in ServerHtml, the markup is rendered as usual, while the data
 * script carries only the class's name (the `transport` hook in src/hooks.ts); in the browser
 * the value decodes to a placeholder, and hydration keeps the server's nodes of an `{@html}`
 * block whatever the client's value (Svelte's documented `hydration_html_changed` behaviour).
 * Client-side navigations and invalidations load the data as JSON and need the markup itself:
 * `pageHtml` gives the plain string for them.
 */
export class ServerHtml {
	constructor(readonly html: string) {}
}

/** The browser's value for a ServerHtml after a full page load: never shown (see above). */
export const HYDRATED_IN_PLACE = new ServerHtml('<!-- rendered by the server -->');

/** `html` for a load function's data: wrapped on a full page load, plain for a data request. */
export function pageHtml(html: string, event: { isDataRequest: boolean }): string | ServerHtml {
	return event.isDataRequest ? html : new ServerHtml(html);
}

/** The markup to insert for a value returned by `pageHtml`. */
export function markupOf(html: string | ServerHtml): string {
	return typeof html === 'string' ? html : html.html;
}
