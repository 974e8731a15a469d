/** JSON API helpers: one error shape, `{ error: { code, message } }`. */
import { json } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';

export function apiError(status: number, code: string, message: string): Response {
	return json({ error: { code, message } }, { status });
}

/** 404 for an API address that names no endpoint (or none the caller may know of), translated. */
export function noEndpoint(locale: Locale): Response {
	return apiError(404, 'not_found', translate(locale, 'err.noEndpoint'));
}
