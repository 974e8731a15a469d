/** Request helpers shared by routes. */
import type { RequestEvent } from '@sveltejs/kit';

/** The client address (loopback when unknown, e.g. in tests). */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return '127.0.0.1';
	}
}

/**
 * A same-site path to go to after a redirect, never another origin. The path is normalised
 * the way a browser reads it (so "/\\evil", "/\t/evil" or "/.//evil" cannot lead elsewhere) and
 * percent-encoded, so it is always a valid Location header (no control or non-ASCII
 * characters, which would make the redirect fail).
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || next.length > 2000) return fallback;
	const probe = 'http://same.invalid';
	let url: URL;
	try {
		url = new URL(next, probe);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	if (url.origin !== probe || !path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}

/** The actor of a request for the audit trail. */
export function actorOf(locals: App.Locals) {
	return { userId: locals.user?.id ?? null, username: locals.user?.username ?? 'anonymous' };
}
