import {
	isHttpError,
	isRedirect,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authorize, type Principal } from '$lib/server/auth/guard';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/sessions';
import { principalFromBearer } from '$lib/server/auth/tokens';
import { getDb } from '$lib/server/db';
import { startup } from '$lib/server/core/startup';
import { noEndpoint } from '$lib/server/core/api';
import { applyResponseHeaders } from '$lib/server/http/response-headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, translate } from '$lib/i18n';

export const init: ServerInit = async () => {
	try {
		await startup();
	} catch (e) {
		console.error(`[truso] cannot start: ${(e as Error).message}`);
		process.exit(1);
	}
};

const context: Handle = async ({ event, resolve }) => {
	event.locals.db = getDb();
	const cookie = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
	event.locals.user = null;
	event.locals.principal = null;
	event.locals.ward = null;
	event.locals.canEdit = false;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	// A storage failure (read-only file, full disk, locked database) is not a bug of the request:
	// answer 503 so clients and monitors retry later, with handleError's clear message.
	if (response.status === 500 && storageFailures.has(event.locals)) {
		const headers = new Headers(response.headers);
		headers.set('retry-after', '60');
		return new Response(response.body, { status: 503, headers });
	}
	return response;
};

/**
 * BODY_SIZE_LIMIT (scripts/serve.js) is large so photo and spreadsheet uploads fit; every other
 * request body (forms, JSON) is bounded here at MAX_PLAIN_BODY bytes and refused with 413.
 */
export const MAX_PLAIN_BODY = 2 * 1024 * 1024;

const bodyLimit: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const type = event.request.headers.get('content-type') ?? '';
	if (length > MAX_PLAIN_BODY && !type.toLowerCase().startsWith('multipart/form-data')) {
		const message = translate(event.locals.locale, 'err.tooLarge');
		if (event.url.pathname.startsWith('/api/')) {
			return json({ error: { code: 'too_large', message } }, { status: 413 });
		}
		return deniedPage(413, message, event.locals.locale);
	}
	return resolve(event);
};

const authenticate: Handle = async ({ event, resolve }) => {
	const { db } = event.locals;
	let principal: Principal = null;
	const bearer = event.request.headers.get('authorization');
	if (bearer?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
		principal = principalFromBearer(db, bearer.slice(7).trim());
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		const user = token ? validateSession(db, token) : null;
		if (token && !user) event.cookies.delete(SESSION_COOKIE, { path: '/' });
		if (user) {
			event.locals.user = user;
			principal = { kind: 'user', user };
		}
	}
	event.locals.principal = principal;
	return resolve(event);
};

const guard: Handle = async ({ event, resolve }) => {
	const isApi = event.url.pathname.startsWith('/api/');
	if (event.route.id === null) {
		if (isApi) {
			return noEndpoint(event.locals.locale);
		}
		return resolve(event);
	}
	const decision = authorize(
		event.locals.db,
		event.locals.principal,
		event.route.id,
		event.params as Record<string, string>,
		event.request.method
	);
	if (!decision.ok) {
		const code = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[decision.status];
		const key = ({ 401: 'err.unauthorized', 403: 'err.forbidden', 404: 'err.notFound' } as const)[
			decision.status
		];
		if (isApi) {
			return json(
				{ error: { code, message: translate(event.locals.locale, key) } },
				{
					status: decision.status,
					headers: decision.status === 401 ? { 'www-authenticate': 'Bearer' } : {}
				}
			);
		}
		if (decision.status === 401) {
			const next = event.url.pathname + event.url.search;
			redirect(303, `/login?next=${encodeURIComponent(next)}`);
		}
		return deniedPage(decision.status, translate(event.locals.locale, key), event.locals.locale);
	}
	event.locals.ward = decision.ward ?? null;
	event.locals.canEdit = decision.canEdit;
	const response = await resolve(event);
	await drainUnreadBody(event.request);
	return response;
};

/**
 * Reads and discards a request body the route did not read (e.g. a POST to an action that
 * takes no fields). Closing a connection with unread data resets it, which can cut a large
 * answer (a page, a download) short on the client's side.
 */
async function drainUnreadBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed || request.body.locked) return;
	try {
		const reader = request.body.getReader();
		while (!(await reader.read()).done);
	} catch {
		// The client went away: nothing to protect.
	}
}

/** A small standalone page for a refused request (no script, so the CSP is trivially met). */
function deniedPage(status: number, message: string, locale: 'vi' | 'en'): Response {
	const esc = (x: string) => x.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	const title = translate(locale, 'error.title', { status: String(status) });
	const home = translate(locale, 'error.home');
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style></head><body><main><h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="/">${esc(home)}</a></p></main></body></html>`;
	return new Response(html, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy':
				"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
		}
	});
}

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	applyResponseHeaders(response.headers, response.status, {
		signedIn: !!event.locals.principal,
		api: event.url.pathname.startsWith('/api/')
	});
	return response;
};

// securityHeaders is outermost so refusals (401 JSON, 403/404 pages, 413) get the headers too.
export const handle = sequence(securityHeaders, context, bodyLimit, authenticate, guard);

/**
 * Requests (by their `locals`, the one object SvelteKit shares between the event copies it
 * passes around) that failed on storage, so `context` can answer 503 instead of 500.
 */
const storageFailures = new WeakSet<object>();

/**
 * SQLite errors that say the database cannot be written now, whatever the request: read-only
 * file or folder (SQLITE_READONLY*), full disk (SQLITE_FULL), an I/O failure (SQLITE_IOERR*),
 * or locked by another process beyond the busy timeout (SQLITE_BUSY*, SQLITE_LOCKED*).
 * better-sqlite3 gives the extended code, e.g. SQLITE_READONLY_DIRECTORY or SQLITE_IOERR_WRITE.
 */
export function storageErrorKind(e: unknown): 'unwritable' | 'busy' | null {
	const code = (e as { code?: unknown } | null)?.code;
	if (typeof code !== 'string') return null;
	if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)(_|$)/.test(code)) return 'unwritable';
	if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return 'busy';
	return null;
}

export const handleError: HandleServerError = ({ error: e, event, status }) => {
	if (isRedirect(e) || isHttpError(e)) return;
	const locale = event.locals.locale ?? DEFAULT_LOCALE;
	const kind = storageErrorKind(e);
	if (kind) {
		storageFailures.add(event.locals);
		console.error(
			`[truso] storage error on ${event.request.method} ${event.url.pathname}: ${(e as Error).message}`
		);
		return {
			message: translate(locale, kind === 'busy' ? 'err.busyDb' : 'err.readonlyDb'),
			code: 'storage'
		};
	}
	if (status === 404) return { message: translate(locale, 'err.notFound'), code: 'not_found' };
	console.error(`[truso] ${event.request.method} ${event.url.pathname}`, e);
	return { message: translate(locale, 'err.server'), code: 'server' };
};
