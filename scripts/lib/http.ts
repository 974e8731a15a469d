/**
 * What the scripts and the server-level tests do with a running production build: wait until
 * it answers, and log in through the form (as a browser without JavaScript would).
 */

/** Waits until `url` answers 2xx; throws after `timeoutMs`. */
export async function waitUntilUp(url: string, timeoutMs = 60_000): Promise<void> {
	const start = Date.now();
	while (Date.now() - start < timeoutMs) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`server did not answer ${url}`);
}

/** Logs in with the login form and returns the session cookie (`name=value`). */
export async function loginCookie(
	base: string,
	username: string,
	password = 'truso-demo'
): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		headers: {
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ username, password }),
		redirect: 'manual'
	});
	const cookie = r.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`login failed for ${username}: ${r.status}`);
	return cookie;
}
