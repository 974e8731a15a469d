/**
 * Server rendering of a component for tests (`svelte/server`, no DOM): the markup a page sends
 * before hydration. The component gets the i18n context of a language (as the root layout sets
 * it) and SvelteKit's request context (`page.url` of `$app/state`).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { createI18n, type Locale } from '$lib/i18n';
import { I18N_CONTEXT } from '$lib/i18n/context';

export interface RenderOptions {
	/** The page's address (`page.url`); relative to http://localhost. */
	url?: string;
	locale?: Locale;
}

/**
 * The contexts the root layout gives every component: SvelteKit's request (`page.url`,
 * `page.data` of `$app/state`) and the i18n helpers of a language. For `render(C, { props,
 * context: renderContext() })` when a test needs more than the body (e.g. `head`).
 */
export function renderContext({ url = '/', locale = 'vi' }: RenderOptions = {}): Map<
	unknown,
	unknown
> {
	const page = { url: new URL(url, 'http://localhost'), data: {}, params: {}, form: null };
	const i18n = createI18n(locale);
	return new Map<unknown, unknown>([
		['__request__', { page }],
		[I18N_CONTEXT, () => i18n]
	]);
}

/** The component's body and head HTML, without Svelte's hydration comments. */
export function renderParts<P extends Record<string, unknown>>(
	component: Component<P>,
	props: P,
	options: RenderOptions = {}
): { body: string; head: string } {
	const out = render(component as Component<Record<string, unknown>>, {
		props,
		context: renderContext(options)
	});
	const clean = (html: string) => html.replace(/<!--[^>]*-->/g, '');
	return { body: clean(out.body), head: clean(out.head) };
}

/** The component's HTML, without Svelte's hydration comments. */
export function renderHtml<P extends Record<string, unknown>>(
	component: Component<P>,
	props: P,
	options: RenderOptions = {}
): string {
	return renderParts(component, props, options).body;
}

/** Every element `<tag …>…</tag>` of `html` (not nested in one of its kind), outer HTML. */
export function elements(html: string, tag: string): string[] {
	return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map(
		(m) => m[0]
	);
}

/** The text of some HTML: tags as spaces, entities of the five basic characters decoded. */
export function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The value of attribute `name` in the first tag of `html`, or null. */
export function attr(html: string, name: string): string | null {
	const tag = /^<[^>]*>/.exec(html.trim())?.[0] ?? '';
	const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
	return m ? m[1].replace(/&amp;/g, '&') : null;
}
