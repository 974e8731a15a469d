/**
 * Field parsers shared by the form schemas and the table imports: they accept what a Vietnamese
 * user types (decimal comma, thousands dots, blank for "not given"; one reader, ./number.ts) and
 * produce clean values, or keyed issues that say what is wrong (see {@link KeyedIssue}).
 */
import { z } from 'zod';
import { formatReading, readNumber, type NumberReading } from './number';

// In the browser the Content-Security-Policy forbids eval: without this, building an object
// schema makes zod probe `new Function`, which Chrome reports as a CSP violation. The server
// keeps zod's faster compiled parsers. Every schema module imports this file first.
if (typeof document !== 'undefined') z.config({ jitless: true });

/**
 * Reads a coordinate or weight (see ./number.ts, coordinate mode: one '.' or ',' is the decimal
 * mark) for code that validates on its own:
 * a number when it is readable, undefined when blank, the raw value otherwise (so a following
 * `z.number()` refuses it). Forms and imports use {@link number} and friends instead, which say
 * why an entry is refused.
 */
export function parseLocaleNumber(raw: unknown): unknown {
	const r = readNumber(raw, { coordinate: true });
	if (r.ok) return r.value;
	return r.reason === 'blank' ? undefined : raw;
}

/**
 * A zod issue whose message is a catalogue key: forms (src/lib/server/core/forms.ts) and imports
 * (src/lib/server/io/common.ts) translate `params.key` with `params.values`.
 */
export interface KeyedIssue {
	key: string;
	values?: Record<string, string | number>;
}

type Ctx = z.core.$RefinementCtx;

/** Adds a keyed custom issue to a zod context. */
export function addKeyedIssue(ctx: Ctx, issue: KeyedIssue, path?: (string | number)[]): void {
	ctx.addIssue({ code: 'custom', message: issue.key, params: { ...issue }, ...(path && { path }) });
}

/**
 * A reading written so that it can be typed back unambiguously: vi-VN, with a trailing 0 when
 * vi-VN gives exactly three decimals after 1-3 digits (1,234 → "1,2340").
 */
function unambiguous(x: number): string {
	const f = formatReading(x);
	return readNumber(f).ok ? f : `${f}0`;
}

/** Why an entry that is not blank cannot be a number, as a keyed message. */
export function numberReadingIssue(r: Exclude<NumberReading, { ok: true }>): KeyedIssue {
	switch (r.reason) {
		case 'blank':
			return { key: 'err.required' };
		case 'not-a-number':
			return { key: 'err.notANumber', values: { input: r.input } };
		case 'ambiguous':
			return {
				key: 'err.numberAmbiguous',
				values: {
					input: r.input,
					a: unambiguous(r.readings[0]),
					b: unambiguous(r.readings[1])
				}
			};
		case 'mixed':
			return r.english === null
				? { key: 'err.numberMixed', values: { input: r.input } }
				: {
						key: 'err.numberEnglish',
						values: { input: r.input, value: formatReading(r.english) }
					};
	}
}

interface NumberOptions {
	min: number;
	max: number;
	integer?: boolean;
	/** Read as a coordinate (see ReadOptions.coordinate in ./number.ts). */
	coordinate?: boolean;
}

/**
 * Checks a read number against the options; the message says how the entry was read when it
 * had separators (so "10.802" for a latitude says it was read as ten thousand …).
 */
function rangeIssue(value: number, raw: unknown, o: NumberOptions): KeyedIssue | null {
	const typed = typeof raw === 'string' ? raw.trim() : '';
	const shown = /[.,\s]/.test(typed) ? { input: typed, read: formatReading(value) } : null;
	if (o.integer && !Number.isInteger(value)) {
		return shown
			? { key: 'err.integerRead', values: shown }
			: { key: 'err.integer', values: { input: typed } };
	}
	if (value < o.min) {
		return shown
			? { key: 'err.minRead', values: { ...shown, min: formatReading(o.min) } }
			: { key: 'err.min', values: { min: o.min } };
	}
	if (value > o.max) {
		return shown
			? { key: 'err.maxRead', values: { ...shown, max: formatReading(o.max) } }
			: { key: 'err.max', values: { max: o.max } };
	}
	return null;
}

/** Reads a number (see ./number.ts) within the options, or adds a keyed issue saying why not. */
function readField(raw: unknown, o: NumberOptions, ctx: Ctx): number | typeof z.NEVER {
	const r = readNumber(raw, { coordinate: o.coordinate });
	if (!r.ok) {
		addKeyedIssue(ctx, numberReadingIssue(r));
		return z.NEVER;
	}
	const issue = rangeIssue(r.value, raw, o);
	if (issue) {
		addKeyedIssue(ctx, issue);
		return z.NEVER;
	}
	return r.value;
}

const isBlank = (raw: unknown) =>
	raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * What a number field receives: form text, an import cell, or a number from JSON. (A custom
 * base rather than z.unknown(): an unknown input makes object schemas built with spreads lose
 * their key types.)
 */
const numberInput = () => z.custom<string | number | null>(() => true).optional();

/** A required number field: blank is "required", letters "not a number" … */
const requiredNumber = (o: NumberOptions) =>
	numberInput().transform((raw, ctx): number => readField(raw, o, ctx));

/** A number field whose blank gives `blank`. */
const blankNumber = <B extends number | null>(o: NumberOptions, blank: B) =>
	numberInput().transform((raw, ctx): number | B =>
		isBlank(raw) ? blank : readField(raw, o, ctx)
	);

const blankToUndefined = (raw: unknown) =>
	typeof raw === 'string' && raw.trim() === '' ? undefined : raw;

/** A required trimmed text of at most `max` characters. */
export const text = (max = 200) => z.string().trim().min(1).max(max);

/** An optional trimmed text; blank becomes null. */
export const optionalText = (max = 2000) =>
	z
		.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z.string().trim().max(max).optional()
		)
		.transform((v) => v ?? null);

/** A finite number in [min, max], written the Vietnamese way ("1.234,5"; see ./number.ts). */
export const number = (min: number, max: number) => requiredNumber({ min, max });

/** Like {@link number}; blank gives null. */
export const optionalNumber = (min: number, max: number) => blankNumber({ min, max }, null);

/** An integer in [min, max] ("1.000" is one thousand). */
export const integer = (min: number, max: number) => requiredNumber({ min, max, integer: true });

/** Like {@link integer}; blank gives null. */
export const optionalInteger = (min: number, max: number) =>
	blankNumber({ min, max, integer: true }, null);

/**
 * A latitude, longitude or projected coordinate in [min, max]: one '.' or ',' is the decimal
 * mark ("10.787" = 10.787), as GPS devices and maps write them.
 */
export const coordinate = (min: number, max: number) =>
	requiredNumber({ min, max, coordinate: true });

/** Like {@link coordinate}; blank gives null. */
export const optionalCoordinate = (min: number, max: number) =>
	blankNumber({ min, max, coordinate: true }, null);

/** Like {@link number}; blank gives `fallback`. */
export const numberOr = (min: number, max: number, fallback: number) =>
	blankNumber({ min, max }, fallback);

/** Like {@link integer}; blank gives `fallback`. */
export const integerOr = (min: number, max: number, fallback: number) =>
	blankNumber({ min, max, integer: true }, fallback);

/** An ISO date (yyyy-mm-dd) that exists. */
export const isoDate = () =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/)
			.refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')))
	);

/** A code: letters, digits, dot, dash, underscore. */
export const code = () =>
	z
		.string()
		.trim()
		.min(1)
		.max(40)
		.regex(/^[\p{L}\p{N}._-]+$/u);

/** A checkbox: present ("on"/"true"/"1") means true. */
export const checkbox = () =>
	z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());
