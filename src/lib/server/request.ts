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

/** A same-site path to go to after a redirect, never another origin. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: fallback;
}

/** The actor of a request for the audit trail. */
export function actorOf(locals: App.Locals) {
	return { userId: locals.user?.id ?? null, username: locals.user?.username ?? 'anonymous' };
}
