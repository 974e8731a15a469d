/**
 * Message catalogues (Vietnamese first, English as a choice) and vi-VN number and date
 * formatting. A plain typed catalogue: every key of vi.ts must exist in en.ts (checked by the
 * type system), and `t` interpolates `{name}` placeholders.
 *
 * This module holds both catalogues (./catalogues.ts): it is for server code. The browser gets
 * the active language only: the root layout loads it (./client.ts) and binds it (./format.ts).
 */
import { catalogues, vi, type MessageKey } from './catalogues';
import { bindI18n, interpolate, type Locale } from './format';

export * from './format';
export { isMessageKey, type MessageKey, type Messages } from './catalogues';

/** Translates a key, replacing `{name}` with params (numbers are formatted for the locale). */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return interpolate(catalogues[locale][key] ?? vi[key] ?? key, params, locale);
}

/** The helpers bound to one locale, with the whole catalogue (server code and tests). */
export function createI18n(locale: Locale) {
	return bindI18n(locale, catalogues[locale]);
}
