import type { LayoutLoad } from './$types';
import { loadMessages } from '$lib/i18n/client';

/**
 * The active language's messages: on the server from the catalogues (no request), in the
 * browser from GET /lang/{locale} (only that language is sent; the JavaScript carries none).
 */
export const load: LayoutLoad = async ({ data, fetch }) => {
	const messages = import.meta.env.SSR
		? (await import('$lib/i18n/catalogues')).catalogues[data.locale]
		: await loadMessages(data.locale, fetch);
	return { ...data, messages };
};
