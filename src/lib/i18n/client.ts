/**
 * The browser's side of the catalogues: it loads the active language's messages only (one
 * language, not both in the JavaScript of every page). The root layout's load calls
 * `loadMessages` with the user's locale; switching language loads the other one once.
 * The messages come from GET /lang/{locale}?v={build version}, which the browser may keep.
 */
import { version } from '$app/environment';
import type { Messages } from './catalogues';
import type { Locale } from './format';

/** The address of a language's messages; the build version makes it safe to cache. */
export function messagesUrl(locale: Locale): string {
	return `/lang/${locale}?v=${encodeURIComponent(version)}`;
}

const loaded = new Map<Locale, Promise<Messages>>();

/** The messages of `locale`, fetched once per page session (a failed fetch is retried later). */
export function loadMessages(locale: Locale, fetcher: typeof fetch = fetch): Promise<Messages> {
	let messages = loaded.get(locale);
	if (!messages) {
		messages = fetcher(messagesUrl(locale)).then((response) => {
			if (!response.ok) throw new Error(`messages ${locale}: HTTP ${response.status}`);
			return response.json() as Promise<Messages>;
		});
		messages.catch(() => loaded.delete(locale));
		loaded.set(locale, messages);
	}
	return messages;
}
