/**
 * The headers every answer of the server carries, whatever produced it (a page, an endpoint, a
 * refusal): content sniffing, framing and referrer rules; no storing of what a signed-in user
 * saw; and a Retry-After on every "busy" (503) answer, so a client or monitor that is told to
 * come back is also told when.
 */

/** Seconds a busy (503) answer asks the client to wait when its producer did not say. */
export const BUSY_RETRY_AFTER_S = 5;

export function applyResponseHeaders(
	h: Headers,
	status: number,
	{ signedIn, api }: { signedIn: boolean; api: boolean }
): void {
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('x-frame-options', 'DENY');
	h.set('permissions-policy', 'camera=(self), geolocation=(self), microphone=()');
	if (!h.has('content-security-policy') && !h.get('content-type')?.includes('text/html')) {
		h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
	}
	// Pages and API answers for a signed-in user (or any API answer) are never stored by a
	// browser or proxy: a shared office PC must not show them after logout. A response that
	// chose its own private policy (photos: `private, no-cache` with an ETag) keeps it.
	if ((signedIn || api) && !h.get('cache-control')?.startsWith('private')) {
		h.set('cache-control', 'private, no-store');
	}
	if (status === 503 && !h.has('retry-after')) h.set('retry-after', String(BUSY_RETRY_AFTER_S));
}
