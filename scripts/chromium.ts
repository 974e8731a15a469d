/**
 * The Chromium the browser tools run (the e2e tests, the bench's JavaScript meter, the
 * Lighthouse audit): Debian's package or CHROMIUM_PATH, with one set of flags.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless, without the sandbox (the tools run as root in CI) or a GPU, and without anything
 * the browser would fetch on its own (updates, sync, QUIC probes, the first-run pages), so
 * measurements see only the app's traffic. Lighthouse asks for `--headless=new`.
 */
export function chromiumArgs(headless: '--headless' | '--headless=new' = '--headless'): string[] {
	return [
		headless,
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run'
	];
}
