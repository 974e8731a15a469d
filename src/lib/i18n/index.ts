/**
 * Message catalogues (Vietnamese first, English as a choice) and vi-VN number and date
 * formatting. A plain typed catalogue: every key of vi.ts must exist in en.ts (checked by the
 * type system), and `t` interpolates `{name}` placeholders.
 */
import { en as coreEn } from './en';
import { vi as coreVi } from './vi';
import * as admin from './parts/admin';
import * as conflict from './parts/conflict';
import * as inventory from './parts/inventory';
import * as needs from './parts/needs';
import * as plans from './parts/plans';
import * as proposals from './parts/proposals';
import * as review from './parts/review';
import * as sites from './parts/sites';

/** The Vietnamese catalogue: the core keys and one part per area of the product. */
const vi = {
	...coreVi,
	...admin.vi,
	...conflict.vi,
	...inventory.vi,
	...needs.vi,
	...plans.vi,
	...proposals.vi,
	...review.vi,
	...sites.vi
};
export type MessageKey = keyof typeof vi;
const en: Record<MessageKey, string> = {
	...coreEn,
	...admin.en,
	...conflict.en,
	...inventory.en,
	...needs.en,
	...plans.en,
	...proposals.en,
	...review.en,
	...sites.en
};

export type Locale = 'vi' | 'en';
export const LOCALES: Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'truso_lang';

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** True when `x` is a key of the catalogue (e.g. the message of a keyed zod issue). */
export function isMessageKey(x: unknown): x is MessageKey {
	return typeof x === 'string' && Object.prototype.hasOwnProperty.call(vi, x);
}

export function isLocale(x: unknown): x is Locale {
	return x === 'vi' || x === 'en';
}

/** Translates a key, replacing `{name}` with params (numbers are formatted for the locale). */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	const template = catalogues[locale][key] ?? vi[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined) return `{${name}}`;
		return typeof v === 'number' ? formatNumber(v, locale) : v;
	});
}

const bcp47 = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** Intl formatters are costly to build: one per locale and option set, reused. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}:${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(bcp47(locale), options);
		formatters.set(key, f);
	}
	return f;
}

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en). */
export function formatNumber(x: number | null | undefined, locale: Locale, maxDigits = 1): string {
	if (x === null || x === undefined || Number.isNaN(x)) return '—';
	return numberFormat(locale, { maximumFractionDigits: maxDigits }).format(x);
}

/**
 * One policy for decimals, by quantity, used by pages, exports and documents: areas in m² with
 * 1 decimal, ratios and shares with 2, weights, scores and consistency ratios with 3, counts
 * with none; always that many digits, so 0,620 sits beside 0,799.
 */
export const DECIMALS = { area: 1, ratio: 2, weight: 3, score: 3, cr: 3, count: 0 } as const;
export type Quantity = keyof typeof DECIMALS;

/** `x` written with the policy's decimals for `kind` ("0,620" for a score of 0.62). */
export function formatQuantity(
	kind: Quantity,
	x: number | null | undefined,
	locale: Locale
): string {
	if (x === null || x === undefined || Number.isNaN(x)) return '—';
	const d = DECIMALS[kind];
	return numberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(x);
}

/** An area with its unit and the policy's one decimal ("607,0 m²"). */
export function formatArea(x: number | null | undefined, locale: Locale): string {
	return x === null || x === undefined || Number.isNaN(x)
		? '—'
		: `${formatQuantity('area', x, locale)} m²`;
}

export function formatPercent(x: number | null | undefined, locale: Locale, digits = 1): string {
	if (x === null || x === undefined || Number.isNaN(x)) return '—';
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(x);
}

/** A date (ISO string, ms, or Date) as 29/11/2026 in both locales (the official form). */
export function formatDate(d: string | number | Date | null | undefined, _locale: Locale): string {
	if (d === null || d === undefined || d === '') return '—';
	const date =
		typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
			? new Date(d + 'T00:00:00Z')
			: new Date(d);
	if (Number.isNaN(date.getTime())) return '—';
	const tz = typeof d === 'string' && d.length === 10 ? 'UTC' : 'Asia/Ho_Chi_Minh';
	return dateFormat('vi-VN', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: tz
	}).format(date);
}

/** Like the number formatters, the date formatters are built once (a build costs ~0.3 ms). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${tag}:${JSON.stringify(options)}`;
	let f = dateFormatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(tag, options);
		dateFormatters.set(key, f);
	}
	return f;
}

export function formatDateTime(ms: number | null | undefined, locale: Locale): string {
	if (ms === null || ms === undefined) return '—';
	return dateFormat(bcp47(locale), {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Asia/Ho_Chi_Minh'
	}).format(new Date(ms));
}

/** The helpers a component needs, bound to one locale. */
export function createI18n(locale: Locale) {
	return {
		locale,
		t: (key: MessageKey, params?: Record<string, string | number>) =>
			translate(locale, key, params),
		n: (x: number | null | undefined, digits = 1) => formatNumber(x, locale, digits),
		/** A quantity with the decimals of the policy (see DECIMALS). */
		q: (kind: Quantity, x: number | null | undefined) => formatQuantity(kind, x, locale),
		area: (x: number | null | undefined) => formatArea(x, locale),
		pct: (x: number | null | undefined, digits = 1) => formatPercent(x, locale, digits),
		date: (d: string | number | Date | null | undefined) => formatDate(d, locale),
		dateTime: (ms: number | null | undefined) => formatDateTime(ms, locale)
	};
}

export type I18n = ReturnType<typeof createI18n>;
