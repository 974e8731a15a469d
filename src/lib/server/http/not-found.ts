/**
 * The one way a route says "not here": 404 with the user's message, the same for a record that
 * does not exist, one of another ward, and a ward the caller may not see (the guard's rule).
 */
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { DEFAULT_LOCALE, translate, type Locale } from '../../i18n';
import type { WardRef } from '../auth/guard';
import { isNotFound } from '../core/errors';

/** The locale of the request being handled (the default outside a request, e.g. in a test). */
function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? DEFAULT_LOCALE;
	} catch {
		return DEFAULT_LOCALE;
	}
}

/**
 * Throws SvelteKit's 404 with "Không tìm thấy trang hoặc bản ghi." (or the English text) and the
 * code 'not_found'. Replaces `error(404, 'Not found')`, which showed English on Vietnamese pages.
 */
export function notFound(locale: Locale = requestLocale()): never {
	error(404, { message: translate(locale, 'err.notFound'), code: 'not_found' });
}

/**
 * Runs a load's lookup: a service's DomainError 'not-found' (the record is not there, or not
 * the caller's) becomes the 404 page, as `runAction` does for actions; anything else passes.
 */
export function orNotFound<T>(lookup: () => T, locale?: Locale): T {
	try {
		return lookup();
	} catch (e) {
		if (isNotFound(e)) notFound(locale);
		throw e;
	}
}

/**
 * The ward of a ward route (`/w/[ward]/…`, `/api/v1/wards/[code]/…`), resolved and authorised by
 * the hook; a 404 when there is none (a route the hook did not scope). Replaces `locals.ward!`.
 */
export function wardOf(locals: Pick<App.Locals, 'ward' | 'locale'>): WardRef {
	if (!locals.ward) notFound(locals.locale);
	return locals.ward;
}
