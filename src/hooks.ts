import type { Transport } from '@sveltejs/kit';
import { HYDRATED_IN_PLACE, ServerHtml } from '$lib/components/packet/server-html';

/**
 * Values SvelteKit serialises specially in a page's data. ServerHtml (server-rendered markup)
 * travels as its name only: the browser keeps the nodes the server rendered.
 */
export const transport: Transport = {
	ServerHtml: {
		encode: (value) => value instanceof ServerHtml && [],
		decode: () => HYDRATED_IN_PLACE
	}
};
