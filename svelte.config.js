import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Hosts map tiles may come from; TILE_URL at build time adds its host. */
/** @type {any[]} */
const tileHosts = ['https://*.tile.openstreetmap.org'];
if (process.env.TILE_URL) {
	try {
		tileHosts.push(/** @type {any} */ (new URL(process.env.TILE_URL.replace(/[{}]/g, '')).origin));
	} catch {
		// An unparsable TILE_URL is reported at start; the CSP keeps the default host.
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: process.env.TRUSO_BUILD_DIR || 'build' }),
		outDir: process.env.TRUSO_KIT_DIR || '.svelte-kit',
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...tileHosts],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
