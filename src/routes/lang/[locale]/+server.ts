/**
 * GET /lang/vi, /lang/en: one language's messages as JSON, for the browser (the pages' JavaScript
 * carries no catalogue; see $lib/i18n/client). Public like /lang (the login page needs them).
 * With the current build version in `?v=` the answer may be kept a year (a new build changes
 * the address); without it, it is revalidated.
 */
import { version } from '$app/environment';
import { isLocale, type Locale } from '$lib/i18n';
import { notFound } from '$lib/server/http';
import { catalogues } from '$lib/i18n/catalogues';
import type { RequestHandler } from './$types';

/** The JSON text of each catalogue, built once. */
const bodies = new Map<Locale, string>();

export const GET: RequestHandler = ({ params, url, locals }) => {
	const locale = params.locale;
	if (!isLocale(locale)) notFound(locals.locale);
	let body = bodies.get(locale);
	if (body === undefined) {
		body = JSON.stringify(catalogues[locale]);
		bodies.set(locale, body);
	}
	const current = url.searchParams.get('v') === version;
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': current ? 'private, max-age=31536000, immutable' : 'private, no-cache'
		}
	});
};
