/** The i18n helpers shared with components through Svelte context (per request, never global). */
import { getContext, setContext } from 'svelte';
import type { I18n } from './format';

const KEY = Symbol('i18n');
/** The context key, for a test that renders a component alone (`render(C, { context })`). */
export const I18N_CONTEXT = KEY;

export function setI18n(getter: () => I18n): void {
	setContext(KEY, getter);
}

/** Returns a getter so components re-read the helpers when the locale changes. */
export function useI18n(): () => I18n {
	return getContext<() => I18n>(KEY);
}
