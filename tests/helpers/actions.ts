/** Calling SvelteKit form actions as the framework does (test code, not in $lib). */
import { isHttpError, isRedirect } from '@sveltejs/kit';

/** A POST request whose form data holds `fields`. */
export function postRequest(fields: Record<string, string>, url = 'http://x/'): Request {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return new Request(url, { method: 'POST', body });
}

/**
 * Runs `action` on the event `e`: 'redirect' for a redirect, the status of an HTTP error, the
 * failure (`{ status, data }`) of `fail(…)`, or what the action returned.
 */
export async function actionOutcome(
	action: ((e: never) => unknown) | undefined,
	e: never
): Promise<unknown> {
	try {
		return await action!(e);
	} catch (x) {
		if (isRedirect(x)) return 'redirect';
		if (isHttpError(x)) return x.status;
		throw x;
	}
}
