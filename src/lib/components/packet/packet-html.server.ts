/**
 * The packet's sections (PacketView) as HTML, rendered on the server once and inserted by the
 * proposal pages with PacketHtml.svelte: the snapshot (40-60 KB of numbers, sources, tables and
 * dossier on a large ward) is then neither sent to the browser for hydration nor rendered again
 * per request. The markup is the one PacketView writes (its links, captions and headings), without
 * Svelte's hydration comments (the block is not hydrated: it has no state).
 */
import { render } from 'svelte/server';
import { createI18n, type Locale } from '$lib/i18n';
import { I18N_CONTEXT } from '$lib/i18n/context';
import type { PacketSnapshot, PageSnapshot } from '$lib/packet/types';
import { cached } from '$lib/server/core/cache';
import type { Db } from '$lib/server/db';
import { expandedSections, pageSnapshot } from '$lib/server/proposals/page';
import PacketView from './PacketView.svelte';

/** Svelte's hydration markers (`<!--[-->`, `<!---->`…); text and attributes are escaped. */
const MARKERS = /<!--[^>]*-->/g;

/**
 * PacketView's markup for `snapshot` in `locale`; `url` is the page's address (the "show all"
 * links keep its path and query), `print` opens every table.
 */
export function packetHtml(
	snapshot: PageSnapshot,
	{ url, locale, print = false }: { url: URL; locale: Locale; print?: boolean }
): string {
	const i18n = createI18n(locale);
	const page = { url, data: {}, params: {}, form: null };
	const out = render(PacketView, {
		props: { snapshot, print },
		context: new Map<unknown, unknown>([
			['__request__', { page }],
			[I18N_CONTEXT, () => i18n]
		])
	});
	return out.body.replace(MARKERS, '');
}

/**
 * A proposal page's packet sections for the request's address: the first rows of each table
 * (`?all=<section>` opens a section's tables in full, `?print=1` everything, see
 * expandedSections). The default view, which nearly every request asks for, is kept per `key`
 * (the proposal and its page) and language while the database is unchanged; the expanded and
 * print views are rendered per request (not kept: any number of combinations, some large).
 */
export function proposalPacketHtml(
	db: Db,
	key: string,
	snapshot: PacketSnapshot,
	url: URL,
	locale: Locale
): string {
	const expand = expandedSections(url);
	const print = url.searchParams.get('print') === '1';
	if (!print && expand !== 'all' && expand.length === 0) {
		// Links of the default view: the page's path alone (the query asked nothing of the packet).
		const bare = new URL(url.pathname, url.origin);
		return cached(db, `packet-html:${key}:${locale}`, () =>
			packetHtml(pageSnapshot(snapshot), { url: bare, locale })
		);
	}
	return packetHtml(pageSnapshot(snapshot, expand), { url, locale, print });
}
