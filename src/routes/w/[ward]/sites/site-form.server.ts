/**
 * The site form of the new and edit pages: zod for the attributes, then the geometry
 * (kept out of $lib/server/sites so that module has no SvelteKit dependency).
 */
import type { ActionFailure } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { failField, parseForm, type FormFailure, type FormValues } from '$lib/server/core/forms';
import { resolveGeometry, SiteError, siteValues, type SiteValues } from '$lib/server/sites';
import { siteFormSchema } from '$lib/schemas/sites';
/**
 * Validates a site form (attributes with zod, then the geometry) and returns the row values, or
 * the failure to return from the action (typed values kept, one message per field).
 */
export function readSiteForm(
	data: FormData,
	locale: Locale,
	form?: string
):
	| { ok: true; values: SiteValues; typed: FormValues }
	| { ok: false; failure: ActionFailure<FormFailure> } {
	const parsed = parseForm(siteFormSchema, data, locale, form);
	if (!parsed.ok) return parsed;
	try {
		const geometry = resolveGeometry(parsed.data);
		return { ok: true, values: siteValues(parsed.data, geometry), typed: parsed.values };
	} catch (e) {
		if (e instanceof SiteError && e.detail) {
			return {
				ok: false,
				failure: failField(
					parsed.values,
					e.field ?? 'c1',
					translate(locale, e.detail.key, e.detail.params),
					locale,
					form
				)
			};
		}
		throw e;
	}
}
